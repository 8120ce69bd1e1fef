/* SPDX-License-Identifier: MIT */
/*
 * arm.c: the conformance suite's seam (conf.h) on the Cortex-M ports
 * (ARMv6-M, ARMv7-M, ARMv8-M Mainline) and their QEMU boards.
 *
 * Software lines are the board's spare NVIC lines, pended through the NVIC.
 * Levels: LOW is the lowest implemented priority (SysTick's and PendSV's);
 * CEILING is configMAX_SYSCALL_INTERRUPT_PRIORITY, the most urgent priority
 * that may call FromISR APIs; ABOVE is one implemented step more urgent,
 * which BASEPRI never masks. ARMv6-M masks with PRIMASK, which holds off
 * every priority: there is no ABOVE, and CEILING is simply more urgent than
 * LOW (it still nests in a LOW handler). Board timer 0 is the periodic
 * interrupt source, board timer 1 free-running is the independent clock.
 */
#include "conf.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

#if ARM_HAS_BASEPRI
#define STEP ((uint8_t)(1u << (8 - configPRIO_BITS)))
#define PRIO_CEILING ((uint8_t)configMAX_SYSCALL_INTERRUPT_PRIORITY)
#else
#define STEP ((uint8_t)0x40) /* ARMv6-M implements 2 bits */
#define PRIO_CEILING ((uint8_t)0x40)
#endif
#define TIMER 0u
#define CLOCK 1u

const struct conf_arch conf_arch = {
    .name = ARM_HAS_BASEPRI ? "Cortex-M (BASEPRI)" : "Cortex-M (PRIMASK)",
    .has_above = ARM_HAS_BASEPRI,
    .nests = 1,
    .stack_align = 8, /* AAPCS: 8 at every public interface */
#if defined(__ARM_ARCH_8M_MAIN__)
    .no_method1 = "the hardware stack limit (PSPLIM) stops the task first (tests/port_arm: psplim)",
#endif
    .clock_hz = BOARD_TIMER_CLOCK_HZ,
};

static void (*volatile timer_handler)(void);

static uint8_t priority(enum conf_irq_level level)
{
    switch (level) {
    case CONF_IRQ_CEILING:
        return PRIO_CEILING;
    case CONF_IRQ_ABOVE:
        return (uint8_t)(PRIO_CEILING - STEP);
    case CONF_IRQ_LOW:
    default:
        return arm_port_lowest_priority();
    }
}

static void route(unsigned irq, enum conf_irq_level level, void (*handler)(void))
{
    arm_nvic_disable(irq);
    arm_nvic_clear_pending(irq);
    board_irq_set_handler(irq, handler);
    if (handler != NULL) {
        arm_nvic_set_priority(irq, priority(level));
        arm_nvic_enable(irq);
    }
}

void conf_arch_irq_set(unsigned line, enum conf_irq_level level, void (*handler)(void))
{
    route(board_spare_irq(line), level, handler);
}

void conf_arch_irq_raise(unsigned line)
{
    arm_nvic_set_pending(board_spare_irq(line)); /* taken after the barrier, if unmasked */
}

static void timer_isr(void)
{
    board_timer_ack(TIMER);
    timer_handler();
}

void conf_arch_timer_start(uint32_t hz, enum conf_irq_level level, void (*handler)(void))
{
    timer_handler = handler;
    route(board_timer_irq(TIMER), level, timer_isr);
    board_timer_start(TIMER, BOARD_TIMER_CLOCK_HZ / hz);
}

void conf_arch_timer_stop(void)
{
    board_timer_stop(TIMER);
    route(board_timer_irq(TIMER), CONF_IRQ_LOW, NULL);
}

void conf_arch_clock_start(void)
{
    board_timer_start(CLOCK, 0); /* free-running over 2^32 cycles; its interrupt stays off */
}

uint32_t conf_arch_clock(void)
{
    return 0u - board_timer_value(CLOCK); /* a down-counter */
}

void conf_arch_clock_stop(void)
{
    board_timer_stop(CLOCK);
}

/* The tickless build's sleep (config_tickless): interrupts are masked, so wait for one to pend. */
void conf_arch_idle_wait(void)
{
    while ((ARM_ICSR & ARM_ICSR_VECTPENDING_MASK) == 0u) {
    }
}

__attribute__((naked)) uintptr_t conf_arch_sp(void)
{
    __asm volatile("mov r0, sp\n bx lr\n");
}

void conf_arch_clobber_scratch(void)
{
#if defined(__ARM_FP) && !defined(__SOFTFP__)
    __asm volatile("vmov s0, %0\n vmov s1, %0\n vmov s15, %0\n vmsr fpscr, %0\n" ::"r"(0u)
                   : "s0", "s1", "s15", "memory");
#endif
    /* Thumb-1 compatible (ARMv6-M, where GCC passes inline asm in divided syntax). */
    __asm volatile(".syntax unified\n movs r0, #0\n movs r1, #0\n movs r2, #0\n movs r3, #0\n"
                   "mov r12, r0\n" ::
                       : "r0", "r1", "r2", "r3", "r12", "cc", "memory");
}
