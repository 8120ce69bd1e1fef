/* SPDX-License-Identifier: MIT */
/*
 * riscv.c: the conformance suite's seam (conf.h) on the RISC-V port and the
 * QEMU virt boards.
 *
 * The port masks with mstatus.MIE, so a critical section holds off every
 * interrupt (there is no ABOVE level) and trap handlers never nest: every
 * level is the same here. Software lines are the board's software interrupt
 * lines 1..3; board timer 0 (the Goldfish RTC's alarm, a PLIC source) is the
 * periodic interrupt source and board timer 1, free-running, the
 * independent clock (the tick runs on the CLINT's mtime instead).
 */
#include "conf.h"

#include "board.h"

#define TIMER 0u
#define CLOCK 1u

const struct conf_arch conf_arch = {
    .name = "RISC-V (mstatus.MIE)",
    .has_above = 0,
    .nests = 0,
    .stack_align = 16, /* the psABI's, at every call */
    .clock_hz = BOARD_TIMER_CLOCK_HZ,
};

static void (*volatile timer_handler)(void);

void conf_arch_irq_set(unsigned line, enum conf_irq_level level, void (*handler)(void))
{
    (void)level;
    board_soft_irq_set_handler(line + 1u, handler);
}

void conf_arch_irq_raise(unsigned line)
{
    board_soft_irq_raise(line + 1u); /* taken before this returns, if unmasked */
}

static void timer_isr(void)
{
    board_timer_ack(TIMER);
    timer_handler();
}

void conf_arch_timer_start(uint32_t hz, enum conf_irq_level level, void (*handler)(void))
{
    (void)level;
    timer_handler = handler;
    board_irq_set_handler(board_timer_irq(TIMER), timer_isr);
    board_irq_enable(board_timer_irq(TIMER), 1);
    board_timer_start(TIMER, BOARD_TIMER_CLOCK_HZ / hz);
}

void conf_arch_timer_stop(void)
{
    board_timer_stop(TIMER);
    board_irq_disable(board_timer_irq(TIMER));
    board_irq_set_handler(board_timer_irq(TIMER), NULL);
}

void conf_arch_clock_start(void)
{
    board_timer_start(CLOCK, 0); /* free-running; no alarm */
}

uint32_t conf_arch_clock(void)
{
    return 0u - board_timer_value(CLOCK); /* counts down from the start */
}

void conf_arch_clock_stop(void)
{
    board_timer_stop(CLOCK);
}

__attribute__((naked)) uintptr_t conf_arch_sp(void)
{
    __asm volatile("mv a0, sp\n ret\n");
}

void conf_arch_clobber_scratch(void)
{
#if defined(__riscv_flen) && !defined(__riscv_float_abi_soft)
    __asm volatile("fmv.w.x f0, zero\n fmv.w.x f1, zero\n fmv.w.x f10, zero\n"
                   "fmv.w.x f31, zero\n fscsr zero\n" ::
                       : "f0", "f1", "f10", "f31", "memory");
#endif
    __asm volatile("li t0, 0\n li t1, 0\n li t2, 0\n li t3, 0\n li t4, 0\n li t5, 0\n li t6, 0\n"
                   "li a0, 0\n li a1, 0\n li a2, 0\n li a3, 0\n li a4, 0\n li a5, 0\n li a6, 0\n"
                   "li a7, 0\n" ::
                       : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4",
                         "a5", "a6", "a7", "memory");
}
