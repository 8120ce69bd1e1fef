/* SPDX-License-Identifier: MIT */
/*
 * arm_basepri.c: interrupt-priority checks for Cortex-M cores whose kernel
 * lock is BASEPRI (ARMv7-M, ARMv8-M Mainline).
 *
 * BASEPRI = configMAX_SYSCALL_INTERRUPT_PRIORITY masks every interrupt whose
 * priority value is numerically >= the ceiling. An interrupt above the
 * ceiling (numerically lower) is never masked by the kernel, so if it calls a
 * FromISR function it races with the kernel: the classic silent corruption.
 * vPortValidateInterruptPriority() (portASSERT_IF_INTERRUPT_PRIORITY_INVALID,
 * called by every FromISR function) catches that in the act and names the
 * interrupt; arm_port_check_ceiling() checks the configuration once at start.
 * The check runs on every FromISR call, so its common case (an external
 * interrupt at or below the ceiling, grouping already known good) is a few
 * loads and compares; everything else, and every report, takes the slow path.
 */
#include "arm_port_private.h"

#define CEILING ((uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY))

/* A constant: checked where a wrong one cannot reach a board. */
_Static_assert(CEILING != 0u && CEILING <= 0xFFu,
               "configMAX_SYSCALL_INTERRUPT_PRIORITY must be 1..255 (BASEPRI 0 masks nothing)");

/*
 * The largest AIRCR value (PRIGROUP field only) that check_prigroup accepts, once it has accepted
 * one: the fast paths (here and portmacro's inline one) compare the register with it. 0 until
 * then, which sends any non-zero grouping through the slow path.
 */
uint32_t arm_port_prigroup_limit;

/* Named in most reports: one copy of the string. */
static const char ceiling_option[] = "configMAX_SYSCALL_INTERRUPT_PRIORITY";

/* Priority grouping must leave no implemented bit to sub-priority (reports if it does). */
static void check_prigroup(void)
{
    const uint8_t mask = arm_port_lowest_priority();
    uint32_t prigroup = (ARM_AIRCR & ARM_AIRCR_PRIGROUP_MASK) >> ARM_AIRCR_PRIGROUP_SHIFT;
    uint32_t unimplemented = (uint32_t)__builtin_ctz((uint32_t)mask | 0x100u);

    /* PRIGROUP g makes bits [g:0] sub-priority; with 8 bits implemented, 0 is the best there is. */
    if (prigroup == 0u || prigroup < unimplemented) {
        arm_port_prigroup_limit = (unimplemented > 0u ? unimplemented - 1u : 0u)
                                  << ARM_AIRCR_PRIGROUP_SHIFT;
    } else {
        arm_port_fail("AIRCR.PRIGROUP %d: set it to 0", (int)prigroup);
    }
}

void arm_port_check_ceiling(void)
{
    const uint8_t mask = arm_port_lowest_priority();
    const uint8_t svc = arm_shpr_read(ARM_EXC_SVCALL);

    check_prigroup();
    if ((CEILING & ~(uint32_t)mask) != 0u) {
        /* The implemented bits are the top ones: mask & -mask is the step between priorities. */
        arm_port_fail("%s %d is not a multiple of %d (configPRIO_BITS)", ceiling_option,
                      (int)CEILING, mask & -mask);
    }
    if (svc >= CEILING) {
        arm_port_fail("SVCall priority %d not above %s", (int)svc, ceiling_option);
    }
}

/*
 * Every check of vPortValidateInterruptPriority, with its reports (kept out of its fast path).
 * The interrupt is named by its CMSIS IRQn (the exception number less 16: negative for the
 * system exceptions); NMI and HardFault, whose fixed priorities are above every configurable
 * one, read as priority 0.
 */
__attribute__((noinline, cold)) static void validate_slow(uint32_t exception)
{
    uint32_t prio = 0u;

    check_prigroup();
    if (exception >= ARM_EXC_MEMMANAGE) {
        /* Byte access, as in the fast path: system handler priority bytes, then the NVIC's. */
        prio = *(volatile const uint8_t *)((exception < ARM_EXC_IRQ0
                                                ? ARM_SHPR_BASE - ARM_EXC_MEMMANAGE
                                                : ARM_NVIC_IPR_BASE - ARM_EXC_IRQ0) +
                                           exception);
    }
    if (prio < CEILING) {
        arm_port_fail("IRQ %d has priority %d, above %s %d: no FromISR",
                      (int)exception - (int)ARM_EXC_IRQ0, (int)prio, ceiling_option, (int)CEILING);
    }
}

void vPortValidateInterruptPriority(void)
{
    const uint32_t exception = arm_ipsr();

    /* Byte access to the NVIC priorities: every core with BASEPRI has it. */
    if (exception >= ARM_EXC_IRQ0 &&
        *(volatile const uint8_t *)(ARM_NVIC_IPR_BASE + exception - ARM_EXC_IRQ0) >= CEILING &&
        (ARM_AIRCR & ARM_AIRCR_PRIGROUP_MASK) <= arm_port_prigroup_limit) {
        return;
    }
    if (exception != 0u) { /* a task may call FromISR functions */
        validate_slow(exception);
    }
}
