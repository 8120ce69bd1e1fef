/* SPDX-License-Identifier: MIT */
/*
 * arm_port.c: the architecture-independent half of the Cortex-M ports:
 * critical-section nesting, the SysTick tick, scheduler start and end, and
 * the kernel-priority checks every Cortex-M core needs.
 *
 * Nesting: one global count is enough because a switch only happens at
 * nesting 0 (PendSV is masked inside a critical section). Before the
 * scheduler starts, and after it ends, the count holds NESTING_STOPPED, a
 * value that never counts down to 0: the first critical section (creating a
 * task in main) leaves interrupts masked until the first task starts, so no
 * tick or kernel-aware interrupt can see a half-built scheduler.
 *
 * Ending: xPortStartScheduler saves main()'s context; vPortEndScheduler stops
 * the tick and returns to it on the main stack (a Quartz extension: FreeRTOS's
 * Cortex-M ports cannot end the scheduler).
 */
#include "arm_port_private.h"

#include "task.h"

#define NESTING_STOPPED 0xAAAAAAAAu

volatile UBaseType_t arm_port_nesting = NESTING_STOPPED;
uint32_t arm_port_outer_mask;
static struct arm_main_context main_context;
static uint8_t priority_mask; /* implemented priority bits; 0 until probed */

void vPortEnterCritical(void)
{
    ARM_PORT_ENTER_CRITICAL();
}

void vPortExitCritical(void)
{
    ARM_PORT_EXIT_CRITICAL();
}

uint8_t arm_port_lowest_priority(void)
{
    if (priority_mask == 0) {
        /* Unimplemented priority bits read as zero: write all ones to PendSV's and read back. */
        uint8_t saved = arm_shpr_read(ARM_EXC_PENDSV);

        arm_shpr_write(ARM_EXC_PENDSV, 0xFF);
        priority_mask = arm_shpr_read(ARM_EXC_PENDSV);
        arm_shpr_write(ARM_EXC_PENDSV, saved);
    }
    return priority_mask;
}

void arm_port_check_kernel_priorities(void)
{
    const uint32_t lowest = arm_port_lowest_priority();
    const uint32_t shpr3 = ARM_SHPR3; /* both in one read: this runs on every tick */

    if ((shpr3 >> 16) != lowest * 0x101u) {
        arm_port_fail("SysTick priority %d, PendSV %d: not the lowest (%d)", (int)(shpr3 >> 24),
                      (int)((shpr3 >> 16) & 0xFFu), (int)lowest);
    }
}

__attribute__((weak)) void vPortSetupTimerInterrupt(void)
{
    const uint32_t reload = ARM_SYSTICK_CYCLES_PER_TICK - 1u;

    if (reload == 0u || reload > ARM_SYST_RVR_MAX) {
        arm_port_fail("SysTick cannot divide %d Hz down to configTICK_RATE_HZ %d",
                      (int)configSYSTICK_CLOCK_HZ, (int)configTICK_RATE_HZ);
    }
    ARM_SYST_CSR = 0;
    ARM_SYST_RVR = reload & ARM_SYST_RVR_MAX;
    ARM_SYST_CVR = 0;
    ARM_SYST_CSR = ARM_SYSTICK_CSR_RUN;
}

void xPortSysTickHandler(void)
{
    UBaseType_t mask;

    if (configASSERT_DEFINED) {
        arm_port_check_kernel_priorities(); /* a HAL may have moved SysTick since start */
    }
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (sched_tick_isr() != pdFALSE) {
        ARM_ICSR = ARM_ICSR_PENDSVSET;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

BaseType_t xPortStartScheduler(void)
{
    configASSERT(sched_current != NULL && !portIS_INSIDE_INTERRUPT());
    (void)arm_port_lowest_priority();
    /* Both always the lowest, whatever configKERNEL_INTERRUPT_PRIORITY says (see the README). */
    ARM_SHPR3 |= 0xFFFF0000u;
    arm_port_check_kernel_priorities();
#if ARM_HAS_BASEPRI
    arm_port_check_ceiling(); /* PRIMASK cores have no ceiling: their lock masks everything */
#endif
    vPortSetupTimerInterrupt();
    arm_port_arch_start();
    arm_port_nesting = 0;
    arm_port_start_first_task(&main_context);
    /* vPortEndScheduler brought us back, on the main stack with the kernel lock held. */
    arm_port_nesting = NESTING_STOPPED;
    return pdFALSE;
}

void vPortEndScheduler(void)
{
    /* Only a task can end the scheduler: there is no way back from a handler. */
    configASSERT(!portIS_INSIDE_INTERRUPT());
    portDISABLE_INTERRUPTS();
    ARM_SYST_CSR = 0;
    ARM_ICSR = ARM_ICSR_PENDSTCLR | ARM_ICSR_PENDSVCLR;
    arm_port_resume_main(&main_context);
}

#if configARM_IDLE_SLEEP
/*
 * portIDLE_HOOK with configARM_IDLE_SLEEP: sleep unless the kernel has work (another ready
 * idle-priority task, a pending yield). PRIMASK closes the race with an interrupt that readies
 * a task between the check and the WFI: a pending interrupt ends WFI even while PRIMASK holds
 * it, and is taken at the cpsie.
 */
void arm_port_idle_sleep(void)
{
    __asm volatile("cpsid i" ::: "memory");
    if (eTaskConfirmSleepModeStatus() != eAbortSleep) {
        __asm volatile("dsb\n\twfi\n\tisb" ::: "memory");
    }
    __asm volatile("cpsie i" ::: "memory");
}
#endif /* configARM_IDLE_SLEEP */

void arm_port_task_exit(void)
{
    sched_task_exit_error();
}

void arm_port_bad_svc(uint32_t number)
{
    arm_port_fail("SVC %d is not a kernel service", (int)number);
}
