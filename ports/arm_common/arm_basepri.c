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
 * The largest AIRCR value (PRIGROUP field only) that prigroup_ok accepts, once it has accepted
 * one: the fast paths (here and portmacro's inline one) compare the register with it. 0 until
 * then, which sends any non-zero grouping through the slow path.
 */
uint32_t arm_port_prigroup_limit;

/* Named in most reports: one copy of the string. */
static const char ceiling_option[] = "configMAX_SYSCALL_INTERRUPT_PRIORITY";

/* Priority grouping must leave no implemented bit to sub-priority. */
static uint32_t prigroup_ok(void)
{
    const uint8_t mask = arm_port_lowest_priority();
    uint32_t prigroup = (ARM_AIRCR & ARM_AIRCR_PRIGROUP_MASK) >> ARM_AIRCR_PRIGROUP_SHIFT;
    uint32_t unimplemented = (uint32_t)__builtin_ctz((uint32_t)mask | 0x100u);

    /* PRIGROUP g makes bits [g:0] sub-priority; with 8 bits implemented, 0 is the best there is. */
    if (prigroup == 0u || prigroup < unimplemented) {
        arm_port_prigroup_limit = (unimplemented > 0u ? unimplemented - 1u : 0u)
                                  << ARM_AIRCR_PRIGROUP_SHIFT;
        return 1u;
    }
    arm_port_reportf("AIRCR.PRIGROUP %u splits priority bits: set it to 0", (unsigned)prigroup);
    return 0u;
}

void arm_port_check_ceiling(void)
{
    const uint8_t mask = arm_port_lowest_priority();
    const uint8_t svc = arm_shpr_read(ARM_EXC_SVCALL);
    uint32_t ok = prigroup_ok();

    if ((CEILING & ~(uint32_t)mask) != 0u) {
        arm_port_reportf("%s %x: bits outside %x (configPRIO_BITS)", ceiling_option,
                         (unsigned)CEILING, mask);
        ok = 0u;
    }
    if (svc >= CEILING) {
        arm_port_reportf("SVCall priority %x not above %s", svc, ceiling_option);
        ok = 0u;
    }
    configASSERT(ok);
    (void)ok;
}

/* Every check of vPortValidateInterruptPriority, with its reports (kept out of its fast path). */
__attribute__((noinline, cold)) static void validate_slow(uint32_t exception)
{
    const uint32_t system = exception < ARM_EXC_IRQ0;
    uint32_t ok = prigroup_ok();
    uint8_t prio;

    if (exception < ARM_EXC_MEMMANAGE) {
        arm_port_reportf("exception %u (fixed priority) called FromISR", (unsigned)exception);
        ok = 0u;
    } else {
        /* Byte access, as in the fast path: system handler priority bytes, then the NVIC's. */
        prio = *(volatile const uint8_t *)((system ? ARM_SHPR_BASE - ARM_EXC_MEMMANAGE
                                                   : ARM_NVIC_IPR_BASE - ARM_EXC_IRQ0) +
                                           exception);
        if (prio < CEILING) {
            arm_port_reportf("%s %u has priority %x, above the ceiling %x (%s): no FromISR",
                             system ? "exception" : "IRQ",
                             (unsigned)(system ? exception : exception - ARM_EXC_IRQ0), prio,
                             (unsigned)CEILING, ceiling_option);
            ok = 0u;
        }
    }
    configASSERT(ok);
    (void)ok;
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
