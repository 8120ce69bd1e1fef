/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M port specifics that the conformance suite (tests/port/) cannot
 * see through the FreeRTOS API: tasks run on the process stack, PendSV and
 * SysTick sit at the lowest priority, SysTick is programmed from
 * configCPU_CLOCK_HZ, and the port's reports: a SysTick moved above the
 * ceiling, a FromISR call from above the ceiling (naming the IRQ, its
 * priority and the ceiling) or under a grouping that splits the priority
 * bits, the semaphore give's inline check included, and an application SVC
 * on ARMv6-M.
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"
#include "semphr.h"
#include "task.h"

#include <stdio.h>
#include <string.h>

static volatile uint32_t seen_control;

static void record_control(void *arg)
{
    uint32_t control;

    (void)arg;
    __asm volatile("mrs %0, control" : "=r"(control));
    seen_control = control;
    vTaskSuspend(NULL);
}

static void test_task_runs_on_process_stack(void)
{
    TaskHandle_t t;

    seen_control = 0;
    QT_EQ(
        xTaskCreate(record_control, "rec", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
        pdPASS);
    QT_EQ(seen_control & 0x2u, 0x2u); /* SPSEL: the process stack */
    vTaskDelete(t);
}

static void test_kernel_exceptions_have_lowest_priority(void)
{
    uint8_t lowest = arm_port_lowest_priority();

    /* At least 3 priority bits with BASEPRI, 2 on ARMv6-M (its architectural minimum). */
    QT_ASSERT(lowest >= (ARM_HAS_BASEPRI ? 0xE0 : 0xC0));
    QT_EQ(arm_shpr_read(ARM_EXC_PENDSV), lowest);
    QT_EQ(arm_shpr_read(ARM_EXC_SYSTICK), lowest);
#if ARM_HAS_BASEPRI
    /* The first task is started by an SVC taken while BASEPRI holds the ceiling. */
    QT_ASSERT(arm_shpr_read(ARM_EXC_SVCALL) < (uint32_t)configMAX_SYSCALL_INTERRUPT_PRIORITY);
#endif
}

#if !ARM_HAS_BASEPRI
/* The ARMv6-M port starts its first task without an SVC, so any SVC is the application's. */
static void test_svc_is_reported_as_application_owned(void)
{
    port_test_clear_report();
    port_test_expect_asserts(1);
    __asm volatile("svc 0" ::: "memory");
    QT_EQ(port_test_asserts_seen(), 1);
    QT_ASSERT(strstr(port_test_last_report(), "SVC taken by vPortSVCHandler") != NULL);
}
#define ARCH_CASES QTEST_CASE(test_svc_is_reported_as_application_owned),
#else
#define ARCH_CASES
#endif

static void test_tick_period_matches_cpu_clock(void)
{
    QT_EQ(ARM_SYST_RVR + 1u, configCPU_CLOCK_HZ / configTICK_RATE_HZ);
    QT_EQ(ARM_SYST_CSR & (ARM_SYST_CSR_ENABLE | ARM_SYST_CSR_TICKINT),
          ARM_SYST_CSR_ENABLE | ARM_SYST_CSR_TICKINT);
}

/* A vendor HAL that moves SysTick above the ceiling is caught at the next tick. */
static void test_systick_priority_change_is_reported(void)
{
    uint8_t lowest = arm_port_lowest_priority();

    port_test_clear_report();
    port_test_expect_asserts(1000);
    arm_shpr_write(ARM_EXC_SYSTICK, 0x00);
    vTaskDelay(2);
    arm_shpr_write(ARM_EXC_SYSTICK, lowest);
    QT_ASSERT(port_test_asserts_seen() >= 1);
    QT_ASSERT(strstr(port_test_last_report(), "SysTick priority 0,") != NULL);
}

#if ARM_HAS_BASEPRI
static volatile unsigned high_runs;

static void high_calls_fromisr(void)
{
    high_runs++;
    (void)xTaskGetTickCountFromISR();
}

/* handler, run once above the ceiling, trips one assertion whose report names the IRQ. */
static void expect_above_ceiling_report(void (*handler)(void))
{
    char want[96];
    unsigned irq;

    high_runs = 0;
    irq = port_test_irq_setup(0, PRIO_ABOVE_CEILING, handler);
    port_test_clear_report();
    port_test_expect_asserts(1);
    arm_nvic_set_pending(irq);
    QT_EQ(high_runs, 1);
    QT_EQ(port_test_asserts_seen(), 1);
    snprintf(want, sizeof(want),
             "IRQ %u has priority %u, above configMAX_SYSCALL_INTERRUPT_PRIORITY %u: no FromISR",
             irq, (unsigned)PRIO_ABOVE_CEILING, (unsigned)configMAX_SYSCALL_INTERRUPT_PRIORITY);
    QT_ASSERT(strstr(port_test_last_report(), want) != NULL);
    port_test_irq_teardown(irq);
}

static void test_fromisr_above_ceiling_is_reported(void)
{
    expect_above_ceiling_report(high_calls_fromisr);
}

/*
 * The same through xSemaphoreGiveFromISR, whose speed builds test the priority inline on their
 * fast path: a handler above the ceiling still reaches the port's check and its report.
 */
static SemaphoreHandle_t isr_sem;
static volatile BaseType_t isr_give_result;

static void isr_gives(void)
{
    BaseType_t woken = pdFALSE;

    high_runs++;
    isr_give_result = xSemaphoreGiveFromISR(isr_sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void test_semaphore_give_fromisr_above_ceiling_is_reported(void)
{
    isr_sem = xSemaphoreCreateBinary();
    QT_ASSERT(isr_sem != NULL);
    expect_above_ceiling_report(isr_gives);
    vSemaphoreDelete(isr_sem);
}

/* Set AIRCR.PRIGROUP (the register takes writes only with its key). */
static void set_prigroup(uint32_t prigroup)
{
    ARM_AIRCR = ARM_AIRCR_VECTKEY | (prigroup << ARM_AIRCR_PRIGROUP_SHIFT);
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/*
 * A grouping is checked on every FromISR call, the fast path's too: one that leaves every
 * implemented priority bit to preemption passes in silence (PRIGROUP 0, and the largest such,
 * which the inline check compares with the limit), one that splits them is reported.
 */
static void test_semaphore_give_fromisr_checks_grouping(void)
{
    /* PRIGROUP g makes bits [g:0] sub-priority: the largest g below the lowest implemented bit. */
    const uint32_t unimplemented = (uint32_t)__builtin_ctz(arm_port_lowest_priority());
    const uint32_t largest_ok = unimplemented > 0u ? unimplemented - 1u : 0u;
    unsigned irq;

    isr_sem = xSemaphoreCreateBinary();
    QT_ASSERT(isr_sem != NULL);
    high_runs = 0;
    irq = port_test_irq_setup(0, PRIO_BELOW_CEILING, isr_gives);
    port_test_clear_report();
    port_test_expect_asserts(1);
    set_prigroup(largest_ok);
    arm_nvic_set_pending(irq);
    QT_EQ(high_runs, 1);
    QT_EQ(isr_give_result, pdPASS);
    QT_EQ(port_test_asserts_seen(), 0);
    QT_EQ(xSemaphoreTake(isr_sem, 0), pdPASS);
    if (largest_ok < 7u) {
        port_test_expect_asserts(1);
        set_prigroup(largest_ok + 1u);
        arm_nvic_set_pending(irq);
        set_prigroup(0);
        QT_EQ(high_runs, 2);
        QT_EQ(port_test_asserts_seen(), 1);
        QT_ASSERT(strstr(port_test_last_report(), "AIRCR.PRIGROUP") != NULL);
    }
    set_prigroup(0);
    port_test_irq_teardown(irq);
    vSemaphoreDelete(isr_sem);
}
#define CEILING_CASES                                                                              \
    QTEST_CASE(test_fromisr_above_ceiling_is_reported),                                            \
        QTEST_CASE(test_semaphore_give_fromisr_above_ceiling_is_reported),                         \
        QTEST_CASE(test_semaphore_give_fromisr_checks_grouping),
#else
#define CEILING_CASES
#endif /* ARM_HAS_BASEPRI */

QTEST_MAIN(QTEST_CASE(test_task_runs_on_process_stack),
           QTEST_CASE(test_kernel_exceptions_have_lowest_priority),
           ARCH_CASES CEILING_CASES QTEST_CASE(test_tick_period_matches_cpu_clock),
           QTEST_CASE(test_systick_priority_change_is_reported))
