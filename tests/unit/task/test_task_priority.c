/* SPDX-License-Identifier: MIT */
/*
 * test_task_priority.c: uxTaskPriorityGet / vTaskPrioritySet and the base
 * priority getters, including their FromISR forms. Raising another task above
 * the caller preempts at once; lowering the caller below a ready task yields
 * at once (both only with preemption); blocked and suspended tasks keep their
 * state and use the new priority when they run.
 *
 * Built in default, coop and optimised (whose ready bitmap must follow every
 * priority change).
 */
#include "task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)

static void mark_and_park(void *arg)
{
    (void)arg;
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void delay_worker(void *arg)
{
    vTaskDelay(*(const TickType_t *)arg);
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void test_uxTaskPriorityGet_self_and_other(void)
{
    TaskHandle_t t = tt_spawn(mark_and_park, "L", 2, NULL);

    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    QT_EQ(uxTaskPriorityGet(xTaskGetCurrentTaskHandle()), QTEST_PRIORITY);
    QT_EQ(uxTaskPriorityGet(t), 2);
    QT_EQ(uxTaskPriorityGet(xTaskGetIdleTaskHandle()), tskIDLE_PRIORITY);
}

static void test_vTaskPrioritySet_changes_priority(void)
{
    TaskHandle_t t = tt_spawn(mark_and_park, "L", 1, NULL);

    vTaskPrioritySet(t, 3);
    QT_EQ(uxTaskPriorityGet(t), 3);
    QT_EQ(uxTaskBasePriorityGet(t), 3);
    vTaskPrioritySet(NULL, QTEST_PRIORITY + 1);
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY + 1);
    QT_EQ(uxTaskBasePriorityGet(NULL), QTEST_PRIORITY + 1);
    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 1);
    QT_EQ(uxTaskPriorityGet(NULL), configMAX_PRIORITIES - 1);
}

static void test_vTaskPrioritySet_raise_other_above_self_preempts(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskPrioritySet(t, QTEST_PRIORITY + 1);
    tt_mark('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "L0 q" : "q L0");
}

static void test_vTaskPrioritySet_raise_other_to_equal_does_not_preempt(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskPrioritySet(t, QTEST_PRIORITY);
    tt_mark('q');
    taskYIELD();
    TT_EXPECT_TRACE("q L0");
}

static void test_vTaskPrioritySet_lower_self_below_ready_yields(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskPrioritySet(NULL, QTEST_PRIORITY - 2);
    tt_mark('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "L0 q" : "q L0");
}

/* Lowering itself always yields; the caller goes behind the tasks already at that priority. */
static void test_vTaskPrioritySet_lower_self_to_equal_yields(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskPrioritySet(NULL, QTEST_PRIORITY - 1);
    tt_mark('q');
    taskYIELD();
    tt_mark('q');
    TT_EXPECT_TRACE(PREEMPT ? "L0 q q" : "q L0 q");
}

static void test_vTaskPrioritySet_lower_self_above_ready_keeps_running(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_and_park, "L", 1, NULL);
    vTaskPrioritySet(NULL, 2);
    tt_mark('q');
    taskYIELD();
    tt_mark('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q q L0");
}

static void test_vTaskPrioritySet_lower_higher_task_below_self(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "H", QTEST_PRIORITY + 1, &(TickType_t){2});
    taskYIELD();
    vTaskPrioritySet(t, QTEST_PRIORITY - 1);
    qtest_busy_ticks(4); /* H wakes at 2 but no longer outranks qtest */
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q4 H4");
}

static void test_vTaskPrioritySet_blocked_task_stays_blocked(void)
{
    static const TickType_t ticks = 5;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY - 1, (void *)&ticks);
    vTaskDelay(1); /* D starts at tick 0 and delays until 5 */
    vTaskPrioritySet(t, QTEST_PRIORITY + 1);
    QT_EQ(eTaskGetState(t), eBlocked);
    QT_EQ(uxTaskPriorityGet(t), QTEST_PRIORITY + 1);
    qtest_busy_ticks(10); /* D now outranks qtest: it preempts at its wake */
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "D5 q11" : "q11 D11");
}

static void test_vTaskPrioritySet_suspended_task_stays_suspended(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(mark_and_park, "S", QTEST_PRIORITY - 1, NULL);
    vTaskSuspend(t);
    vTaskPrioritySet(t, QTEST_PRIORITY + 2);
    QT_EQ(eTaskGetState(t), eSuspended);
    TT_EXPECT_TRACE("");
    vTaskResume(t);
    tt_mark('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "S0 q" : "q S0");
}

static void test_vTaskPrioritySet_same_priority_is_noop(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_and_park, "E", QTEST_PRIORITY, NULL);
    vTaskPrioritySet(NULL, QTEST_PRIORITY);
    tt_mark('q');
    taskYIELD();
    TT_EXPECT_TRACE("q E0");
}

static void test_vTaskPrioritySet_to_idle_priority_shares_with_idle(void)
{
    vTaskPrioritySet(NULL, tskIDLE_PRIORITY);
    QT_EQ(uxTaskPriorityGet(NULL), tskIDLE_PRIORITY);
    vTaskDelay(2);
    QT_EQ(xTaskGetTickCount(), 2);
    vTaskPrioritySet(NULL, QTEST_PRIORITY);
}

static void test_uxTaskBasePriorityGet_equals_priority_without_mutex(void)
{
    TaskHandle_t t = tt_spawn(mark_and_park, "L", 3, NULL);

    QT_EQ(uxTaskBasePriorityGet(NULL), QTEST_PRIORITY);
    QT_EQ(uxTaskBasePriorityGet(t), 3);
    vTaskPrioritySet(t, 1);
    QT_EQ(uxTaskBasePriorityGet(t), 1);
}

/* ---- FromISR getters ---- */

static TaskHandle_t isr_task;
static volatile UBaseType_t isr_prio, isr_base, isr_self_prio, isr_self_base;

static void priority_isr(void)
{
    isr_prio = uxTaskPriorityGetFromISR(isr_task);
    isr_base = uxTaskBasePriorityGetFromISR(isr_task);
    isr_self_prio = uxTaskPriorityGetFromISR(NULL);
    isr_self_base = uxTaskBasePriorityGetFromISR(NULL);
}

static void test_uxTaskPriorityGetFromISR_reports_priorities(void)
{
    isr_task = tt_spawn(mark_and_park, "L", 2, NULL);
    tt_interrupt(priority_isr);
    QT_EQ(isr_prio, 2);
    QT_EQ(isr_base, 2);
    /* NULL means the task the interrupt interrupted. */
    QT_EQ(isr_self_prio, QTEST_PRIORITY);
    QT_EQ(isr_self_base, QTEST_PRIORITY);
}

/* ---- Bad input ---- */

static void set_priority_too_high(void *arg)
{
    (void)arg;
    vTaskPrioritySet(NULL, configMAX_PRIORITIES);
}

static void test_vTaskPrioritySet_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(set_priority_too_high, NULL);
}

QTEST_MAIN(QTEST_CASE(test_uxTaskPriorityGet_self_and_other),
           QTEST_CASE(test_vTaskPrioritySet_changes_priority),
           QTEST_CASE(test_vTaskPrioritySet_raise_other_above_self_preempts),
           QTEST_CASE(test_vTaskPrioritySet_raise_other_to_equal_does_not_preempt),
           QTEST_CASE(test_vTaskPrioritySet_lower_self_below_ready_yields),
           QTEST_CASE(test_vTaskPrioritySet_lower_self_to_equal_yields),
           QTEST_CASE(test_vTaskPrioritySet_lower_self_above_ready_keeps_running),
           QTEST_CASE(test_vTaskPrioritySet_lower_higher_task_below_self),
           QTEST_CASE(test_vTaskPrioritySet_blocked_task_stays_blocked),
           QTEST_CASE(test_vTaskPrioritySet_suspended_task_stays_suspended),
           QTEST_CASE(test_vTaskPrioritySet_same_priority_is_noop),
           QTEST_CASE(test_vTaskPrioritySet_to_idle_priority_shares_with_idle),
           QTEST_CASE(test_uxTaskBasePriorityGet_equals_priority_without_mutex),
           QTEST_CASE(test_uxTaskPriorityGetFromISR_reports_priorities),
           QTEST_CASE(test_vTaskPrioritySet_out_of_range_asserts))
