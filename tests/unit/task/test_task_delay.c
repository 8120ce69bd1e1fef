/* SPDX-License-Identifier: MIT */
/*
 * test_task_delay.c: vTaskDelay (exact wake tick, zero as a yield),
 * xTaskDelayUntil (exact periodic wake times, no block once the wake time has
 * passed) and xTaskAbortDelay (on a delayed task, and on one that is not
 * blocked).
 *
 * Built in default, coop, optimised, tick16 and tick64: with simulated time a
 * delay ends exactly on its tick whatever the scheduling mode; only who runs
 * first on a wake depends on preemption.
 */
#include "task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)

static volatile int ran;

static void mark_and_park(void *arg)
{
    tt_mark(*(const char *)arg);
    ran++;
    tt_park();
}

/* Delay the ticks in *arg, trace the wake, park. */
static void delay_worker(void *arg)
{
    const TickType_t *ticks = arg;

    vTaskDelay(*ticks);
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void test_vTaskDelay_wakes_exactly_n_ticks_later(void)
{
    QT_EQ(xTaskGetTickCount(), 0);
    vTaskDelay(5);
    QT_EQ(xTaskGetTickCount(), 5);
    qtest_busy_ticks(3);
    QT_EQ(xTaskGetTickCount(), 8);
    vTaskDelay(7);
    QT_EQ(xTaskGetTickCount(), 15);
}

static void test_vTaskDelay_one_wakes_on_next_tick(void)
{
    for (TickType_t i = 1; i <= 3; i++) {
        vTaskDelay(1);
        QT_EQ(xTaskGetTickCount(), i);
    }
}

static void test_vTaskDelay_blocks_caller(void)
{
    static const TickType_t ticks = 10;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eBlocked);
    qtest_busy_ticks(9);
    QT_EQ(eTaskGetState(t), eBlocked);
    TT_EXPECT_TRACE("");
    qtest_busy_ticks(1);
    taskYIELD(); /* cooperative: D runs now; preemptive: it already has */
    TT_EXPECT_TRACE("D10");
}

static void test_vTaskDelay_tasks_wake_in_wake_time_order(void)
{
    static const TickType_t a = 7, b = 3, c = 5;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    (void)tt_spawn(delay_worker, "B", QTEST_PRIORITY + 1, (void *)&b);
    (void)tt_spawn(delay_worker, "C", QTEST_PRIORITY + 1, (void *)&c);
    taskYIELD();
    vTaskDelay(10);
    TT_EXPECT_TRACE("B3 C5 A7");
}

static void test_vTaskDelay_lower_priority_runs_meanwhile(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, "L");
    tt_mark('q');
    vTaskDelay(2);
    tt_mark('q');
    TT_EXPECT_TRACE("q L q");
}

static void test_vTaskDelay_zero_yields_to_equal_priority(void)
{
    tt_trace_reset();
    ran = 0;
    (void)tt_spawn(mark_and_park, "E", QTEST_PRIORITY, "E");
    tt_mark('q');
    vTaskDelay(0);
    tt_mark('q');
    TT_EXPECT_TRACE("q E q");
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_vTaskDelay_zero_does_not_run_lower_priority(void)
{
    ran = 0;
    (void)tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, "L");
    vTaskDelay(0);
    QT_EQ(ran, 0);
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_xTaskDelayUntil_periodic_wake_times_exact(void)
{
    TickType_t last = xTaskGetTickCount();

    for (TickType_t i = 1; i <= 4; i++) {
        qtest_busy_ticks(i); /* work of varying length does not shift the period */
        QT_EQ(xTaskDelayUntil(&last, 10), pdTRUE);
        QT_EQ(xTaskGetTickCount(), 10 * i);
        QT_EQ(last, 10 * i);
    }
}

static void test_xTaskDelayUntil_from_later_start(void)
{
    TickType_t last;

    qtest_busy_ticks(4);
    last = xTaskGetTickCount();
    QT_EQ(xTaskDelayUntil(&last, 6), pdTRUE);
    QT_EQ(xTaskGetTickCount(), 10);
    QT_EQ(last, 10);
}

static void test_xTaskDelayUntil_missed_wake_returns_false(void)
{
    TickType_t last = xTaskGetTickCount();

    qtest_busy_ticks(15);
    QT_EQ(xTaskDelayUntil(&last, 10), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 15); /* no block */
    QT_EQ(last, 10);                /* but the wake time still advances */
    QT_EQ(xTaskDelayUntil(&last, 10), pdTRUE);
    QT_EQ(xTaskGetTickCount(), 20);
    QT_EQ(last, 20);
}

static void test_xTaskDelayUntil_wake_time_now_returns_false(void)
{
    TickType_t last = xTaskGetTickCount();

    qtest_busy_ticks(10);
    QT_EQ(xTaskDelayUntil(&last, 10), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 10);
    QT_EQ(last, 10);
}

static void test_xTaskDelayUntil_missed_wake_still_yields(void)
{
    TickType_t last = xTaskGetTickCount();

    tt_trace_reset();
    qtest_busy_ticks(12);
    (void)tt_spawn(mark_and_park, "E", QTEST_PRIORITY, "E");
    tt_mark('q');
    QT_EQ(xTaskDelayUntil(&last, 10), pdFALSE);
    tt_mark('q');
    TT_EXPECT_TRACE("q E q");
}

static void test_xTaskAbortDelay_delayed_task_resumes_at_once(void)
{
    static const TickType_t ticks = 100;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    qtest_busy_ticks(3);
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    tt_trace('q');
    taskYIELD();
    if (PREEMPT) {
        TT_EXPECT_TRACE("D3 q3");
    } else {
        TT_EXPECT_TRACE("q3 D3");
    }
}

static void test_xTaskAbortDelay_lower_priority_runs_when_caller_blocks(void)
{
    static const TickType_t ticks = 100;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "L", QTEST_PRIORITY - 1, (void *)&ticks);
    vTaskDelay(2); /* L starts and delays */
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    QT_EQ(eTaskGetState(t), eReady);
    TT_EXPECT_TRACE("");
    vTaskDelay(1);
    TT_EXPECT_TRACE("L2");
}

static void test_xTaskAbortDelay_not_blocked_returns_fail(void)
{
    TaskHandle_t ready, parked;

    ready = tt_spawn(mark_and_park, "R", QTEST_PRIORITY - 1, "R");
    parked = tt_spawn(mark_and_park, "S", QTEST_PRIORITY + 1, "S");
    taskYIELD(); /* S suspends itself */
    QT_EQ(xTaskAbortDelay(ready), pdFAIL);
    QT_EQ(eTaskGetState(ready), eReady);
    QT_EQ(xTaskAbortDelay(parked), pdFAIL);
    QT_EQ(eTaskGetState(parked), eSuspended);
    QT_EQ(xTaskAbortDelay(xTaskGetCurrentTaskHandle()), pdFAIL);
}

static void test_xTaskAbortDelay_twice_second_fails(void)
{
    static const TickType_t ticks = 50;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY - 1, (void *)&ticks);
    vTaskDelay(1);
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    QT_EQ(xTaskAbortDelay(t), pdFAIL);
}

/* ---- Bad input ---- */

static void delay_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    vTaskDelay(1);
}

static void delay_until_null(void *arg)
{
    (void)arg;
    (void)xTaskDelayUntil(NULL, 10);
}

static void delay_until_zero_increment(void *arg)
{
    TickType_t last = 0;

    (void)arg;
    (void)xTaskDelayUntil(&last, 0);
}

static void abort_null(void *arg)
{
    (void)arg;
    (void)xTaskAbortDelay(NULL);
}

static void test_vTaskDelay_with_scheduler_suspended_asserts(void)
{
    QT_EXPECT_ASSERT(delay_while_suspended, NULL);
}

static void test_xTaskDelayUntil_null_previous_wake_asserts(void)
{
    QT_EXPECT_ASSERT(delay_until_null, NULL);
}

static void test_xTaskDelayUntil_zero_increment_asserts(void)
{
    QT_EXPECT_ASSERT(delay_until_zero_increment, NULL);
}

static void test_xTaskAbortDelay_null_asserts(void)
{
    QT_EXPECT_ASSERT(abort_null, NULL);
}

QTEST_MAIN(QTEST_CASE(test_vTaskDelay_wakes_exactly_n_ticks_later),
           QTEST_CASE(test_vTaskDelay_one_wakes_on_next_tick),
           QTEST_CASE(test_vTaskDelay_blocks_caller),
           QTEST_CASE(test_vTaskDelay_tasks_wake_in_wake_time_order),
           QTEST_CASE(test_vTaskDelay_lower_priority_runs_meanwhile),
           QTEST_CASE(test_vTaskDelay_zero_yields_to_equal_priority),
           QTEST_CASE(test_vTaskDelay_zero_does_not_run_lower_priority),
           QTEST_CASE(test_xTaskDelayUntil_periodic_wake_times_exact),
           QTEST_CASE(test_xTaskDelayUntil_from_later_start),
           QTEST_CASE(test_xTaskDelayUntil_missed_wake_returns_false),
           QTEST_CASE(test_xTaskDelayUntil_wake_time_now_returns_false),
           QTEST_CASE(test_xTaskDelayUntil_missed_wake_still_yields),
           QTEST_CASE(test_xTaskAbortDelay_delayed_task_resumes_at_once),
           QTEST_CASE(test_xTaskAbortDelay_lower_priority_runs_when_caller_blocks),
           QTEST_CASE(test_xTaskAbortDelay_not_blocked_returns_fail),
           QTEST_CASE(test_xTaskAbortDelay_twice_second_fails),
           QTEST_CASE(test_vTaskDelay_with_scheduler_suspended_asserts),
           QTEST_CASE(test_xTaskDelayUntil_null_previous_wake_asserts),
           QTEST_CASE(test_xTaskDelayUntil_zero_increment_asserts),
           QTEST_CASE(test_xTaskAbortDelay_null_asserts))
