/* SPDX-License-Identifier: MIT */
/*
 * arch_cortex_m.c: the full demo's architecture seam (demo_arch.h) for every
 * Cortex-M board. Kernel-aware interrupts get the lowest priority the core
 * implements, which is at or below any syscall ceiling (and, on ARMv6-M, the
 * only sensible choice); the other one gets priority 0, above any ceiling:
 * on cores with BASEPRI the kernel never masks it, on ARMv6-M PRIMASK does,
 * which is harmless since it never calls the kernel.
 */
#include "demo_arch.h"

#include "FreeRTOS.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

void demo_arch_timer_irq(unsigned timer, enum demo_irq_level level, void (*handler)(void))
{
    const unsigned irq = board_timer_irq(timer);
    const uint8_t prio = level == DEMO_IRQ_KERNEL_AWARE ? arm_port_lowest_priority() : 0u;

    board_irq_set_handler(irq, handler);
    arm_nvic_set_priority(irq, prio);
    arm_nvic_clear_pending(irq);
    arm_nvic_enable(irq);
}

void demo_arch_scramble_scratch_registers(void)
{
    /* movs and a low-to-high mov: valid Thumb-1 (ARMv6-M) and Thumb-2 alike. */
    __asm volatile("movs r0, #0\n\t"
                   "movs r1, #0\n\t"
                   "movs r2, #0\n\t"
                   "movs r3, #0\n\t"
                   "mov r12, r0" ::
                       : "r0", "r1", "r2", "r3", "r12", "cc", "memory");
}
