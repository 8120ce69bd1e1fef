/* SPDX-License-Identifier: MIT */
/*
 * arch_riscv.c: the full demo's architecture seam (demo_arch.h) for the
 * RISC-V boards. The port's kernel lock is mstatus.MIE, which masks every
 * interrupt, so there is no level above the kernel: both levels are PLIC
 * priorities (the "above" one higher, which only orders simultaneous
 * claims; handlers never nest). The "above" handler never calls the kernel,
 * so being masked is harmless, as on ARMv6-M.
 */
#include "demo_arch.h"

#include "board.h"

#define PRIO_KERNEL_AWARE 1u
#define PRIO_ABOVE_KERNEL BOARD_IRQ_PRIORITY_MAX

void demo_arch_timer_irq(unsigned timer, enum demo_irq_level level, void (*handler)(void))
{
    const unsigned irq = board_timer_irq(timer);

    board_irq_set_handler(irq, handler);
    board_irq_enable(irq, level == DEMO_IRQ_KERNEL_AWARE ? PRIO_KERNEL_AWARE : PRIO_ABOVE_KERNEL);
}

void demo_arch_scramble_scratch_registers(void)
{
    /* The temporaries and argument registers: a handler's to use without saving them. */
    __asm volatile("li t0, 0\n\tli t1, 0\n\tli t2, 0\n\tli t3, 0\n\tli t4, 0\n\tli t5, 0\n\t"
                   "li t6, 0\n\tli a0, 0\n\tli a1, 0\n\tli a2, 0\n\tli a3, 0\n\tli a4, 0\n\t"
                   "li a5, 0\n\tli a6, 0\n\tli a7, 0" ::
                       : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4",
                         "a5", "a6", "a7", "memory");
}
