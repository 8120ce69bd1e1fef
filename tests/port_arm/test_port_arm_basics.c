/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M port basics: the kernel lock (BASEPRI at the syscall ceiling, or
 * PRIMASK on ARMv6-M) nests, FromISR masks nest, yields inside critical sections wait for the
 * outermost exit, tasks start on 8-byte-aligned process stacks, PendSV and
 * SysTick sit at the lowest priority, and the SysTick tick keeps time with
 * an independent hardware timer.
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"
#include "task.h"

#include <string.h>

#define HELD PORT_TEST_MASK_HELD

static volatile uint32_t seen_sp;
static volatile uint32_t seen_control;
static volatile int high_ran;

static void record_stack(void *arg)
{
    uint32_t sp;
    uint32_t control;

    (void)arg;
    __asm volatile("mov %0, sp" : "=r"(sp));
    __asm volatile("mrs %0, control" : "=r"(control));
    seen_sp = sp;
    seen_control = control;
    vTaskSuspend(NULL);
}

static void test_task_starts_on_aligned_process_stack(void)
{
    TaskHandle_t t;

    QT_EQ(xTaskCreate(record_stack, "rec", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_ASSERT(seen_sp != 0);
    /* The AAPCS wants 8-byte alignment at a public interface, as a task entry is. */
    QT_EQ(seen_sp % 8u, 0);
    QT_EQ(seen_control & 0x2u, 0x2u); /* SPSEL: the process stack */
    vTaskDelete(t);
}

static void test_critical_sections_hold_kernel_mask_and_nest(void)
{
    QT_EQ(port_test_kernel_mask(), 0);
    taskENTER_CRITICAL();
    QT_EQ(port_test_kernel_mask(), HELD);
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
    QT_EQ(port_test_kernel_mask(), HELD); /* still inside the outer one */
    taskEXIT_CRITICAL();
    QT_EQ(port_test_kernel_mask(), 0);
}

static void test_isr_masks_return_previous_and_nest(void)
{
    UBaseType_t outer = taskENTER_CRITICAL_FROM_ISR();
    UBaseType_t inner = taskENTER_CRITICAL_FROM_ISR();

    QT_EQ(outer, 0);
    QT_EQ(inner, HELD);
    taskEXIT_CRITICAL_FROM_ISR(inner);
    QT_EQ(port_test_kernel_mask(), HELD);
    taskEXIT_CRITICAL_FROM_ISR(outer);
    QT_EQ(port_test_kernel_mask(), 0);
}

static void high_task(void *arg)
{
    (void)arg;
    for (;;) {
        high_ran = 1;
        vTaskSuspend(NULL);
    }
}

static void test_yield_inside_critical_waits_for_outermost_exit(void)
{
    TaskHandle_t t;

    high_ran = 0;
    QT_EQ(xTaskCreate(high_task, "high", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_EQ(high_ran, 1);
    high_ran = 0;
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    vTaskResume(t); /* pends PendSV, which the kernel lock holds off */
    taskEXIT_CRITICAL();
    QT_EQ(high_ran, 0);
    taskEXIT_CRITICAL();
    QT_EQ(high_ran, 1); /* switched the moment the lock dropped */
    vTaskDelete(t);
}

static void test_inside_interrupt_only_in_handlers(void)
{
    QT_EQ(xPortIsInsideInterrupt(), pdFALSE);
    QT_EQ(arm_ipsr(), 0);
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

static void test_tick_keeps_time_with_independent_timer(void)
{
    const uint32_t cycles_per_tick = BOARD_TIMER_CLOCK_HZ / configTICK_RATE_HZ;
    uint32_t start;
    uint32_t elapsed;

    board_timer_start(1, 0); /* free-running over 2^32 cycles; its interrupt stays disabled */
    vTaskDelay(1);           /* start right after a tick */
    start = board_timer_value(1);
    vTaskDelay(1000);
    elapsed = start - board_timer_value(1); /* a down-counter */
    board_timer_stop(1);
    /* 1000 ticks, measured from one tick's wake-up to another's: equal within half a tick. */
    QT_ASSERT(elapsed > 1000u * cycles_per_tick - cycles_per_tick / 2u);
    QT_ASSERT(elapsed < 1000u * cycles_per_tick + cycles_per_tick / 2u);
}

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
    QT_ASSERT(strstr(port_test_last_report(), "SysTick priority is 0x00") != NULL);
}

QTEST_MAIN(QTEST_CASE(test_task_starts_on_aligned_process_stack),
           QTEST_CASE(test_critical_sections_hold_kernel_mask_and_nest),
           QTEST_CASE(test_isr_masks_return_previous_and_nest),
           QTEST_CASE(test_yield_inside_critical_waits_for_outermost_exit),
           QTEST_CASE(test_inside_interrupt_only_in_handlers),
           QTEST_CASE(test_kernel_exceptions_have_lowest_priority), ARCH_CASES
           QTEST_CASE(test_tick_keeps_time_with_independent_timer),
           QTEST_CASE(test_tick_period_matches_cpu_clock),
           QTEST_CASE(test_systick_priority_change_is_reported))
