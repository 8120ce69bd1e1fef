/* SPDX-License-Identifier: MIT */
/*
 * test_task_timeout.c: vTaskSetTimeOutState / xTaskCheckForTimeOut (the
 * remaining-time arithmetic behind every blocking call with a timeout, and an
 * aborted delay reported as a timeout), and time seen by tickless idle and
 * interrupts: xTaskCatchUpTicks, vTaskStepTick, eTaskConfirmSleepModeStatus,
 * xTaskGetTickCountFromISR.
 *
 * Built in default and coop (wrap cases live in test_task_tickwrap.c).
 */
#include "task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)

static void delay_worker(void *arg)
{
    vTaskDelay(*(const TickType_t *)arg);
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void test_vTaskSetTimeOutState_records_now(void)
{
    TimeOut_t timeout;

    qtest_busy_ticks(7);
    vTaskSetTimeOutState(&timeout);
    QT_EQ(timeout.xTimeOnEntering, 7);
    vTaskInternalSetTimeOutState(&timeout);
    QT_EQ(timeout.xTimeOnEntering, 7);
}

static void test_xTaskCheckForTimeOut_reports_remaining_time(void)
{
    TimeOut_t timeout;
    TickType_t left = 10;

    vTaskSetTimeOutState(&timeout);
    qtest_busy_ticks(3);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdFALSE);
    QT_EQ(left, 7);
    QT_EQ(timeout.xTimeOnEntering, 3); /* restarted from now */
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdFALSE);
    QT_EQ(left, 7);
    qtest_busy_ticks(6);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdFALSE);
    QT_EQ(left, 1);
}

static void test_xTaskCheckForTimeOut_expires(void)
{
    TimeOut_t timeout;
    TickType_t left = 10;

    vTaskSetTimeOutState(&timeout);
    qtest_busy_ticks(10);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdTRUE);
    QT_EQ(left, 0);
}

static void test_xTaskCheckForTimeOut_expires_late(void)
{
    TimeOut_t timeout;
    TickType_t left = 4;

    vTaskSetTimeOutState(&timeout);
    qtest_busy_ticks(9);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdTRUE);
    QT_EQ(left, 0);
}

static void test_xTaskCheckForTimeOut_zero_wait_expires_at_once(void)
{
    TimeOut_t timeout;
    TickType_t left = 0;

    vTaskSetTimeOutState(&timeout);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdTRUE);
    QT_EQ(left, 0);
}

static void test_xTaskCheckForTimeOut_max_delay_never_expires(void)
{
    TimeOut_t timeout;
    TickType_t left = portMAX_DELAY;

    vTaskSetTimeOutState(&timeout);
    qtest_busy_ticks(1000);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdFALSE);
    QT_EQ(left, portMAX_DELAY);
}

static void test_xTaskCheckForTimeOut_loop_ends_on_time(void)
{
    TimeOut_t timeout;
    TickType_t left = 25;
    int rounds = 0;

    /* The pattern a blocking call follows: wait a while, check, wait for what is left. */
    vTaskSetTimeOutState(&timeout);
    while (xTaskCheckForTimeOut(&timeout, &left) == pdFALSE) {
        vTaskDelay(left < 10 ? left : 10);
        rounds++;
    }
    QT_EQ(xTaskGetTickCount(), 25);
    QT_EQ(rounds, 3);
}

/* A task that sets a timeout, sleeps, and checks it twice after waking. */
static volatile BaseType_t abort_first, abort_second;
static volatile TickType_t abort_left;

static void timeout_after_abort_task(void *arg)
{
    TimeOut_t timeout;
    TickType_t left = *(const TickType_t *)arg;

    vTaskSetTimeOutState(&timeout);
    vTaskDelay(100);
    abort_first = xTaskCheckForTimeOut(&timeout, &left);
    abort_second = xTaskCheckForTimeOut(&timeout, &left);
    abort_left = left;
    tt_park();
}

static void test_xTaskCheckForTimeOut_reports_aborted_delay_once(void)
{
    static const TickType_t wait = 50;
    TaskHandle_t t = tt_spawn(timeout_after_abort_task, "A", QTEST_PRIORITY + 1, (void *)&wait);

    taskYIELD();
    qtest_busy_ticks(2);
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    taskYIELD();
    QT_EQ(abort_first, pdTRUE);   /* the abort counts as a timeout... */
    QT_EQ(abort_second, pdFALSE); /* ...once */
    QT_EQ(abort_left, 48);
}

static void test_xTaskCheckForTimeOut_aborted_endless_wait(void)
{
    static const TickType_t wait = portMAX_DELAY;
    TaskHandle_t t = tt_spawn(timeout_after_abort_task, "A", QTEST_PRIORITY + 1, (void *)&wait);

    taskYIELD();
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    taskYIELD();
    QT_EQ(abort_first, pdTRUE); /* even a wait without timeout reports the abort */
    QT_EQ(abort_second, pdFALSE);
    QT_EQ(abort_left, portMAX_DELAY);
}

/* ---- xTaskCatchUpTicks ---- */

static void test_xTaskCatchUpTicks_advances_count(void)
{
    QT_EQ(xTaskCatchUpTicks(10), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 10);
    QT_EQ(xTaskCatchUpTicks(0), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 10);
}

static void test_xTaskCatchUpTicks_wakes_due_tasks(void)
{
    static const TickType_t a = 4, b = 8, c = 30;
    BaseType_t yielded;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    (void)tt_spawn(delay_worker, "B", QTEST_PRIORITY + 2, (void *)&b);
    (void)tt_spawn(delay_worker, "C", QTEST_PRIORITY + 1, (void *)&c);
    taskYIELD();
    yielded = xTaskCatchUpTicks(20);
    tt_trace('q');
    taskYIELD();
    QT_EQ(yielded, PREEMPT ? pdTRUE : pdFALSE);
    /* Both woke during the catch-up; they run at tick 20 in priority order. C still waits. */
    TT_EXPECT_TRACE(PREEMPT ? "B20 A20 q20" : "q20 B20 A20");
    vTaskDelay(15);
    TT_EXPECT_TRACE(PREEMPT ? "B20 A20 q20 C30" : "q20 B20 A20 C30");
}

static void test_xTaskCatchUpTicks_lower_priority_wake_no_yield(void)
{
    static const TickType_t a = 3;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "L", QTEST_PRIORITY - 1, (void *)&a);
    vTaskDelay(1);
    QT_EQ(xTaskCatchUpTicks(5), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 6);
    vTaskDelay(1);
    TT_EXPECT_TRACE("L6");
}

/* ---- vTaskStepTick ---- */

static void test_vTaskStepTick_within_next_unblock(void)
{
    static const TickType_t a = 10;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    taskYIELD();
    vTaskSuspendAll();
    vTaskStepTick(6);
    QT_EQ(xTaskGetTickCount(), 6);
    (void)xTaskResumeAll();
    TT_EXPECT_TRACE("");
    vTaskDelay(10);
    TT_EXPECT_TRACE("A10"); /* still on time after the step */
    QT_EQ(xTaskGetTickCount(), 16);
}

static void test_vTaskStepTick_nothing_delayed(void)
{
    vTaskSuspendAll();
    vTaskStepTick(1000);
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), 1000);
    vTaskDelay(3);
    QT_EQ(xTaskGetTickCount(), 1003);
}

static void test_vTaskStepTick_to_next_unblock_wakes_on_time(void)
{
    static const TickType_t a = 10;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    taskYIELD();
    vTaskSuspendAll();
    vTaskStepTick(10); /* exactly A's wake time: allowed */
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), 10);
    taskYIELD();
    TT_EXPECT_TRACE("A10"); /* A wakes at its wake time, not a tick late */
}

/* ---- The tick hook ---- */

static volatile unsigned hook_ticks;

static void count_tick(void)
{
    hook_ticks++;
}

static void test_tick_hook_once_per_tick_interrupt(void)
{
    hook_ticks = 0;
    qtest_tick_hook = count_tick;
    qtest_busy_ticks(5);
    vTaskSuspendAll();
    qtest_busy_ticks(3); /* interrupts still arrive while suspended */
    (void)xTaskResumeAll();
    QT_EQ(hook_ticks, 8);
    (void)xTaskCatchUpTicks(10); /* replayed time is not a tick interrupt */
    QT_EQ(hook_ticks, 8);
    vTaskDelay(2);
    qtest_tick_hook = NULL;
    QT_EQ(hook_ticks, 10);
    QT_EQ(xTaskGetTickCount(), 20);
}

/* ---- xTaskGetTickCountFromISR ---- */

static volatile TickType_t isr_tick;

static void tick_isr(void)
{
    isr_tick = xTaskGetTickCountFromISR();
}

static void test_xTaskGetTickCountFromISR_reads_count(void)
{
    qtest_busy_ticks(9);
    tt_interrupt(tick_isr);
    QT_EQ(isr_tick, 9);
}

/* ---- eTaskConfirmSleepModeStatus (asked by the idle task, scheduler suspended) ---- */

static volatile int sleep_asked;
static volatile eSleepModeStatus sleep_status;
static TaskHandle_t sleep_waker;

static void ask_sleep_status(void)
{
    if (sleep_asked) {
        return;
    }
    sleep_asked = 1;
    vTaskSuspendAll();
    sleep_status = eTaskConfirmSleepModeStatus();
    (void)xTaskResumeAll();
    if (sleep_waker != NULL) {
        (void)xTaskNotifyGive(sleep_waker);
    }
}

static void ask_with_pended_tick(void)
{
    if (sleep_asked) {
        return;
    }
    sleep_asked = 1;
    vTaskSuspendAll();
    qtest_busy_ticks(1);
    sleep_status = eTaskConfirmSleepModeStatus();
    (void)xTaskResumeAll();
}

static void start_asking(void (*hook)(void), TaskHandle_t waker)
{
    sleep_asked = 0;
    sleep_status = (eSleepModeStatus)-1;
    sleep_waker = waker;
    qtest_idle_hook = hook;
}

static void spin_task(void *arg)
{
    (void)arg;
    for (;;) {
        taskYIELD();
    }
}

static void test_eTaskConfirmSleepModeStatus_standard_with_timeout_pending(void)
{
    start_asking(ask_sleep_status, NULL);
    vTaskDelay(3);
    qtest_idle_hook = NULL;
    QT_EQ(sleep_status, eStandardSleep);
}

static void test_eTaskConfirmSleepModeStatus_no_timeouts(void)
{
    start_asking(ask_sleep_status, xTaskGetCurrentTaskHandle());
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY); /* only the idle hook can wake us */
    qtest_idle_hook = NULL;
    QT_EQ(sleep_status, eNoTasksWaitingTimeout);
}

static void test_eTaskConfirmSleepModeStatus_abort_when_idle_priority_ready(void)
{
    start_asking(ask_sleep_status, NULL);
    (void)tt_spawn(spin_task, "spin", tskIDLE_PRIORITY, NULL);
    vTaskDelay(3);
    qtest_idle_hook = NULL;
    QT_EQ(sleep_status, eAbortSleep);
}

static void test_eTaskConfirmSleepModeStatus_abort_when_tick_pended(void)
{
    start_asking(ask_with_pended_tick, NULL);
    vTaskDelay(3);
    qtest_idle_hook = NULL;
    QT_EQ(sleep_status, eAbortSleep);
}

/* ---- Bad input ---- */

static void step_past_next_unblock(void *arg)
{
    static const TickType_t a = 10;

    (void)arg;
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    taskYIELD();
    vTaskSuspendAll();
    vTaskStepTick(11);
}

static void check_null_timeout(void *arg)
{
    TickType_t left = 1;

    (void)arg;
    (void)xTaskCheckForTimeOut(NULL, &left);
}

static void check_null_ticks(void *arg)
{
    TimeOut_t timeout;

    (void)arg;
    vTaskSetTimeOutState(&timeout);
    (void)xTaskCheckForTimeOut(&timeout, NULL);
}

static void set_null_timeout(void *arg)
{
    (void)arg;
    vTaskSetTimeOutState(NULL);
}

static void catch_up_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    (void)xTaskCatchUpTicks(1);
}

static void test_vTaskStepTick_past_next_unblock_asserts(void)
{
    QT_EXPECT_ASSERT(step_past_next_unblock, NULL);
}

static void test_xTaskCheckForTimeOut_null_arguments_assert(void)
{
    QT_EXPECT_ASSERT(check_null_timeout, NULL);
    QT_EXPECT_ASSERT(check_null_ticks, NULL);
}

static void test_vTaskSetTimeOutState_null_asserts(void)
{
    QT_EXPECT_ASSERT(set_null_timeout, NULL);
}

static void test_xTaskCatchUpTicks_with_scheduler_suspended_asserts(void)
{
    QT_EXPECT_ASSERT(catch_up_while_suspended, NULL);
}

QTEST_MAIN(QTEST_CASE(test_vTaskSetTimeOutState_records_now),
           QTEST_CASE(test_xTaskCheckForTimeOut_reports_remaining_time),
           QTEST_CASE(test_xTaskCheckForTimeOut_expires),
           QTEST_CASE(test_xTaskCheckForTimeOut_expires_late),
           QTEST_CASE(test_xTaskCheckForTimeOut_zero_wait_expires_at_once),
           QTEST_CASE(test_xTaskCheckForTimeOut_max_delay_never_expires),
           QTEST_CASE(test_xTaskCheckForTimeOut_loop_ends_on_time),
           QTEST_CASE(test_xTaskCheckForTimeOut_reports_aborted_delay_once),
           QTEST_CASE(test_xTaskCheckForTimeOut_aborted_endless_wait),
           QTEST_CASE(test_xTaskCatchUpTicks_advances_count),
           QTEST_CASE(test_xTaskCatchUpTicks_wakes_due_tasks),
           QTEST_CASE(test_xTaskCatchUpTicks_lower_priority_wake_no_yield),
           QTEST_CASE(test_vTaskStepTick_within_next_unblock),
           QTEST_CASE(test_vTaskStepTick_nothing_delayed),
           QTEST_CASE(test_vTaskStepTick_to_next_unblock_wakes_on_time),
           QTEST_CASE(test_tick_hook_once_per_tick_interrupt),
           QTEST_CASE(test_xTaskGetTickCountFromISR_reads_count),
           QTEST_CASE(test_eTaskConfirmSleepModeStatus_standard_with_timeout_pending),
           QTEST_CASE(test_eTaskConfirmSleepModeStatus_no_timeouts),
           QTEST_CASE(test_eTaskConfirmSleepModeStatus_abort_when_idle_priority_ready),
           QTEST_CASE(test_eTaskConfirmSleepModeStatus_abort_when_tick_pended),
           QTEST_CASE(test_vTaskStepTick_past_next_unblock_asserts),
           QTEST_CASE(test_xTaskCheckForTimeOut_null_arguments_assert),
           QTEST_CASE(test_vTaskSetTimeOutState_null_asserts),
           QTEST_CASE(test_xTaskCatchUpTicks_with_scheduler_suspended_asserts))
