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

/*
 * The largest AIRCR value (PRIGROUP field only) that prigroup_ok accepts, once it has accepted
 * one: the fast paths (here and portmacro's inline one) compare the register with it. 0 until
 * then, which sends any non-zero grouping through the slow path.
 */
uint32_t arm_port_prigroup_limit;

/* Priority grouping must leave no implemented bit to sub-priority. */
static uint32_t prigroup_ok(uint8_t mask)
{
    uint32_t prigroup = (ARM_AIRCR & ARM_AIRCR_PRIGROUP_MASK) >> ARM_AIRCR_PRIGROUP_SHIFT;
    uint32_t unimplemented = (uint32_t)__builtin_ctz((uint32_t)mask | 0x100u);

    /* PRIGROUP g makes bits [g:0] sub-priority; with 8 bits implemented, 0 is the best there is. */
    if (prigroup == 0u || prigroup < unimplemented) {
        arm_port_prigroup_limit = (unimplemented > 0u ? unimplemented - 1u : 0u)
                                  << ARM_AIRCR_PRIGROUP_SHIFT;
        return 1u;
    }
    arm_port_reportf("priority grouping AIRCR.PRIGROUP is %u: it makes implemented priority bits "
                     "(%x) sub-priority, which BASEPRI cannot mask by; set it to 0 "
                     "(NVIC_SetPriorityGrouping(0))",
                     (unsigned)prigroup, mask);
    return 0u;
}

void arm_port_check_ceiling(void)
{
    const uint8_t mask = arm_port_lowest_priority();
    const uint8_t svc = arm_shpr_read(ARM_EXC_SVCALL);
    const uint32_t grouping_ok = prigroup_ok(mask);

    if (CEILING == 0u || CEILING > 0xFFu) {
        arm_port_reportf("configMAX_SYSCALL_INTERRUPT_PRIORITY is %x: it must be 1..255 "
                         "(BASEPRI 0 masks nothing)", (unsigned)CEILING);
    } else if ((CEILING & ~(uint32_t)mask) != 0u) {
        arm_port_reportf("configMAX_SYSCALL_INTERRUPT_PRIORITY %x sets priority bits this core "
                         "does not implement (it implements %x): shift the priority left by "
                         "(8 - configPRIO_BITS)", (unsigned)CEILING, mask);
    } else if (svc >= CEILING) {
        arm_port_reportf("SVCall priority %x is not above the syscall ceiling %x: the first task "
                         "is started by an SVC while BASEPRI holds the ceiling", svc,
                         (unsigned)CEILING);
    }
    configASSERT(CEILING != 0u && CEILING <= 0xFFu);
    configASSERT((CEILING & ~(uint32_t)mask) == 0u);
    configASSERT(svc < CEILING);
    configASSERT(grouping_ok);
    (void)svc;
    (void)grouping_ok;
}

static const char *exception_name(uint32_t exception)
{
    static const char *const names[16] = {
        "Thread mode", "Reset", "NMI", "HardFault", "MemManage", "BusFault", "UsageFault",
        "SecureFault", "reserved", "reserved", "reserved", "SVCall", "DebugMonitor", "reserved",
        "PendSV", "SysTick"};

    return names[exception & 15u];
}

/* Every check of vPortValidateInterruptPriority, with its reports (kept out of its fast path). */
__attribute__((noinline, cold)) static void validate_slow(uint32_t exception)
{
    uint32_t grouping_ok;
    uint8_t prio;

    if (exception < ARM_EXC_MEMMANAGE) {
        arm_port_reportf("%s (exception %u) has a fixed priority above the syscall ceiling %x "
                         "and must not call FromISR functions",
                         exception_name(exception), (unsigned)exception, (unsigned)CEILING);
        configASSERT(exception >= ARM_EXC_MEMMANAGE);
        return;
    }
    prio = exception < ARM_EXC_IRQ0 ? arm_shpr_read(exception)
                                    : arm_nvic_priority(exception - ARM_EXC_IRQ0);
    if (prio < CEILING) {
        if (exception >= ARM_EXC_IRQ0) {
            arm_port_reportf("IRQ %u has priority %x, above the syscall ceiling %x "
                             "(configMAX_SYSCALL_INTERRUPT_PRIORITY): an interrupt that calls "
                             "FromISR functions needs a priority value >= the ceiling",
                             (unsigned)(exception - ARM_EXC_IRQ0), prio, (unsigned)CEILING);
        } else {
            arm_port_reportf("%s (exception %u) has priority %x, above the syscall ceiling %x "
                             "(configMAX_SYSCALL_INTERRUPT_PRIORITY): it must not call FromISR "
                             "functions", exception_name(exception), (unsigned)exception, prio,
                             (unsigned)CEILING);
        }
    }
    configASSERT(prio >= CEILING);
    grouping_ok = prigroup_ok(arm_port_lowest_priority());
    configASSERT(grouping_ok);
    (void)grouping_ok;
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
