/* SPDX-License-Identifier: MIT */
/*
 * test_notify_wait.c: receiving notifications with xTaskNotifyWait (clear
 * masks on entry and exit, the value reported, timeouts in exact ticks) and
 * ulTaskNotifyTake (as a binary and as a counting semaphore); how a notifier
 * wakes a waiter (at once when it outranks the notifier, with preemption);
 * a waiter that is suspended or has its wait aborted; and one whose wait timed out but which has
 * not run yet (notified, it is not woken again).
 *
 * Built in default, coop, static_only and optimised. Traces: 'W' is the
 * waiter when its wait returns, 'q' is qtest.
 */
#include "../task/task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)
#define SELF xTaskGetCurrentTaskHandle()
#define ALL_BITS UINT32_MAX

/* One wait, described and then answered. */
struct wait {
    UBaseType_t index;
    uint32_t clear_in, clear_out;
    TickType_t ticks;
    int take;          /* ulTaskNotifyTake instead of xTaskNotifyWait */
    BaseType_t clear;  /* ulTaskNotifyTake's xClearCountOnExit */
    int rounds;        /* waits in a row (at least 1) */
    BaseType_t result; /* xTaskNotifyWait's return */
    uint32_t value;    /* the value reported (or ulTaskNotifyTake's return) */
};

static void waiter_task(void *arg)
{
    struct wait *w = arg;
    int rounds = w->rounds > 0 ? w->rounds : 1;

    for (int i = 0; i < rounds; i++) {
        if (w->take) {
            w->value = ulTaskNotifyTakeIndexed(w->index, w->clear, w->ticks);
            w->result = w->value != 0;
        } else {
            w->result =
                xTaskNotifyWaitIndexed(w->index, w->clear_in, w->clear_out, &w->value, w->ticks);
        }
        tt_trace('W');
    }
    tt_park();
}

/* Start a waiter above qtest and let it block. */
static TaskHandle_t start_waiter(struct wait *w, UBaseType_t priority)
{
    TaskHandle_t t = tt_spawn(waiter_task, "W", priority, w);

    if (priority > QTEST_PRIORITY) {
        taskYIELD();
    } else {
        vTaskDelay(1);
    }
    return t;
}

static uint32_t value_of(TaskHandle_t t, UBaseType_t index)
{
    return ulTaskNotifyValueClearIndexed(t, index, 0);
}

/* Leave qtest with `value` at index 0 and nothing pending. */
static void preset_value(uint32_t value)
{
    (void)xTaskNotify(SELF, value, eSetValueWithOverwrite);
    (void)xTaskNotifyStateClear(NULL);
}

/* ---- xTaskNotifyWait without blocking ---- */

static void test_xTaskNotifyWait_pending_returns_at_once(void)
{
    uint32_t v = 0;

    (void)xTaskNotify(SELF, 0x3u, eSetValueWithOverwrite);
    QT_EQ(xTaskNotifyWait(ALL_BITS, 0, &v, 10), pdTRUE);
    QT_EQ(v, 0x3u); /* the entry mask applies only when nothing is pending */
    QT_EQ(xTaskGetTickCount(), 0);
    QT_EQ(xTaskNotifyWait(0, 0, NULL, 0), pdFALSE); /* consumed */
}

static void test_xTaskNotifyWait_clears_on_entry_when_not_pending(void)
{
    uint32_t v = 0;

    preset_value(0xf0u);
    QT_EQ(xTaskNotifyWait(0x30u, 0, &v, 0), pdFALSE);
    QT_EQ(v, 0xc0u);
    QT_EQ(value_of(SELF, 0), 0xc0u);
}

static void test_xTaskNotifyWait_clears_on_exit_after_reporting(void)
{
    uint32_t v = 0;

    (void)xTaskNotify(SELF, 0xffu, eSetValueWithOverwrite);
    QT_EQ(xTaskNotifyWait(0, 0x0fu, &v, 0), pdTRUE);
    QT_EQ(v, 0xffu);
    QT_EQ(value_of(SELF, 0), 0xf0u);
    (void)xTaskNotify(SELF, 0x1u, eSetBits);
    QT_EQ(xTaskNotifyWait(0, ALL_BITS, &v, 0), pdTRUE);
    QT_EQ(v, 0xf1u);
    QT_EQ(value_of(SELF, 0), 0);
}

static void test_xTaskNotifyWait_zero_ticks_polls(void)
{
    uint32_t v = 1;

    QT_EQ(xTaskNotifyWait(0, 0, &v, 0), pdFALSE);
    QT_EQ(v, 0);
    QT_EQ(xTaskGetTickCount(), 0);
}

/* ---- xTaskNotifyWait blocking ---- */

static void test_xTaskNotifyWait_times_out_exactly(void)
{
    uint32_t v = 0;

    preset_value(0x5u);
    QT_EQ(xTaskNotifyWait(0x1u, 0x4u, &v, 7), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 7);
    QT_EQ(v, 0x4u);                 /* the value after the entry clear */
    QT_EQ(value_of(SELF, 0), 0x4u); /* no exit clear without a notification */
}

static void test_xTaskNotifyWait_woken_by_notify(void)
{
    struct wait w = {.clear_out = ALL_BITS, .ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    QT_EQ(eTaskGetState(t), eBlocked);
    qtest_busy_ticks(3);
    QT_EQ(xTaskNotify(t, 0x10u, eSetBits), pdPASS);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "W3 q3" : "q3 W3");
    QT_EQ(w.result, pdTRUE);
    QT_EQ(w.value, 0x10u);
    QT_EQ(value_of(t, 0), 0); /* cleared on exit */
}

static void test_xTaskNotifyWait_with_timeout_woken_early(void)
{
    struct wait w = {.ticks = 100};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(4);
    (void)xTaskNotify(t, 7, eSetValueWithOverwrite);
    taskYIELD();
    TT_EXPECT_TRACE("W4");
    QT_EQ(w.result, pdTRUE);
    QT_EQ(w.value, 7);
}

static void test_xTaskNotifyWait_waiter_times_out_exactly(void)
{
    struct wait w = {.ticks = 6};

    tt_trace_reset();
    (void)start_waiter(&w, QTEST_PRIORITY + 1);
    vTaskDelay(10);
    TT_EXPECT_TRACE("W6");
    QT_EQ(w.result, pdFALSE);
}

static void test_xTaskNotifyWait_lower_priority_waiter_runs_later(void)
{
    struct wait w = {.ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY - 1);
    (void)xTaskNotifyGive(t);
    tt_trace('q');
    QT_EQ(eTaskGetState(t), eReady);
    taskYIELD();
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q1 q1 W1");
    QT_EQ(w.result, pdTRUE);
}

static void test_xTaskNotifyWait_entry_clear_before_blocking(void)
{
    struct wait w = {.clear_in = 0xf0u, .ticks = portMAX_DELAY};
    TaskHandle_t t = tt_spawn(waiter_task, "W", QTEST_PRIORITY - 1, &w);

    /* Give it a value before it waits, but nothing pending. */
    (void)xTaskNotify(t, 0xffu, eSetValueWithOverwrite);
    (void)xTaskNotifyStateClear(t);
    vTaskPrioritySet(t, QTEST_PRIORITY + 1);
    taskYIELD(); /* W clears 0xf0 and blocks */
    QT_EQ(value_of(t, 0), 0x0fu);
    (void)xTaskNotify(t, 0x100u, eSetBits);
    taskYIELD();
    QT_EQ(w.value, 0x10fu);
}

static void test_xTaskNotifyWait_only_its_index_wakes_it(void)
{
    struct wait w = {.index = 1, .ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    (void)xTaskNotifyIndexed(t, 0, 1, eSetBits);
    (void)xTaskNotifyIndexed(t, 2, 1, eSetBits);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eBlocked);
    TT_EXPECT_TRACE("");
    qtest_busy_ticks(2);
    (void)xTaskNotifyIndexed(t, 1, 0x9u, eSetValueWithOverwrite);
    taskYIELD();
    TT_EXPECT_TRACE("W2");
    QT_EQ(w.value, 0x9u);
    QT_EQ(xTaskNotifyStateClearIndexed(t, 0), pdTRUE); /* the others stayed pending */
    QT_EQ(xTaskNotifyStateClearIndexed(t, 2), pdTRUE);
}

static void test_xTaskNotify_eSetValueWithoutOverwrite_to_waiter_succeeds(void)
{
    struct wait w = {.ticks = portMAX_DELAY};
    TaskHandle_t t;

    t = start_waiter(&w, QTEST_PRIORITY + 1);
    QT_EQ(xTaskNotify(t, 42, eSetValueWithoutOverwrite), pdPASS); /* waiting is not pending */
    taskYIELD();
    QT_EQ(w.value, 42);
}

static void test_xTaskNotifyWait_notified_after_timeout_stays_pending(void)
{
    uint32_t v = 0;

    QT_EQ(xTaskNotifyWait(0, 0, NULL, 3), pdFALSE);
    (void)xTaskNotify(SELF, 0x8u, eSetBits);
    QT_EQ(xTaskNotifyWait(0, 0, &v, 0), pdTRUE);
    QT_EQ(v, 0x8u);
}

/* ---- ulTaskNotifyTake ---- */

static void test_ulTaskNotifyTake_binary_semaphore(void)
{
    for (int i = 0; i < 3; i++) {
        (void)xTaskNotifyGive(SELF);
    }
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 3);
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 0);
    QT_EQ(value_of(SELF, 0), 0);
}

static void test_ulTaskNotifyTake_counting_semaphore(void)
{
    for (int i = 0; i < 3; i++) {
        (void)xTaskNotifyGive(SELF);
    }
    QT_EQ(ulTaskNotifyTake(pdFALSE, 0), 3);
    QT_EQ(ulTaskNotifyTake(pdFALSE, 0), 2);
    QT_EQ(ulTaskNotifyTake(pdFALSE, 0), 1);
    QT_EQ(ulTaskNotifyTake(pdFALSE, 0), 0);
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_ulTaskNotifyTake_counts_value_not_state(void)
{
    preset_value(4); /* a count, though no notification is pending */
    QT_EQ(ulTaskNotifyTake(pdFALSE, 10), 4);
    QT_EQ(xTaskGetTickCount(), 0);
    QT_EQ(value_of(SELF, 0), 3);
}

static void test_ulTaskNotifyTake_times_out_exactly(void)
{
    QT_EQ(ulTaskNotifyTake(pdTRUE, 5), 0);
    QT_EQ(xTaskGetTickCount(), 5);
}

static void test_ulTaskNotifyTake_woken_by_give(void)
{
    struct wait w = {.take = 1, .clear = pdTRUE, .ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(2);
    (void)xTaskNotifyGive(t);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "W2 q2" : "q2 W2");
    QT_EQ(w.value, 1);
    QT_EQ(value_of(t, 0), 0);
}

/*
 * A waiter whose wait timed out while a busy task of higher priority kept it from running waits
 * no longer: notifications then are counts kept for it, not a wake-up of a task that is ready.
 */
static void test_ulTaskNotifyTake_given_after_timeout_before_it_runs(void)
{
    struct wait w = {.take = 1, .clear = pdTRUE, .ticks = 2, .value = 99};
    TaskHandle_t t = start_waiter(&w, QTEST_PRIORITY - 1);

    qtest_busy_ticks(4); /* its timeout passes; it cannot run */
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(w.value, 99);
    (void)xTaskNotifyGive(t);
    (void)xTaskNotifyGive(t);
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(w.value, 99);
    vTaskDelay(1);
    QT_EQ(w.value, 2); /* both counts, taken by the take that had timed out */
    QT_EQ(value_of(t, 0), 0);
}

static void test_ulTaskNotifyTake_counting_waiter_takes_each_give(void)
{
    struct wait w = {.take = 1, .clear = pdFALSE, .ticks = portMAX_DELAY, .rounds = 3};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(1);
    (void)xTaskNotifyGive(t);
    (void)xTaskNotifyGive(t);
    taskYIELD();
    qtest_busy_ticks(1);
    (void)xTaskNotifyGive(t);
    taskYIELD();
    /* Preemptive: each give runs W at once; cooperative: W finds 2, takes one, then the next. */
    TT_EXPECT_TRACE("W1 W1 W2");
    QT_EQ(value_of(t, 0), 0);
}

static void test_ulTaskNotifyTake_timeout_with_index(void)
{
    (void)xTaskNotifyGiveIndexed(SELF, 0);
    QT_EQ(ulTaskNotifyTakeIndexed(1, pdTRUE, 3), 0); /* index 0's count does not help */
    QT_EQ(xTaskGetTickCount(), 3);
    QT_EQ(ulTaskNotifyTakeIndexed(0, pdTRUE, 0), 1);
}

static void test_xTaskNotify_with_scheduler_suspended_wakes_on_resume(void)
{
    struct wait w = {.ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    vTaskSuspendAll();
    (void)xTaskNotify(t, 0x2u, eSetBits);
    tt_trace('q'); /* W is ready but may not run yet */
    QT_EQ(xTaskResumeAll(), PREEMPT ? pdTRUE : pdFALSE);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "q0 W0 q0" : "q0 q0 W0");
    QT_EQ(w.value, 0x2u);
}

/* ---- Suspended and aborted waiters ---- */

static void test_xTaskNotifyWait_suspended_waiter_returns_not_notified(void)
{
    struct wait w = {.ticks = 100};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(2);
    vTaskSuspend(t);
    QT_EQ(eTaskGetState(t), eSuspended);
    qtest_busy_ticks(2);
    vTaskResume(t);
    taskYIELD();
    TT_EXPECT_TRACE("W4"); /* at the resume, long before its timeout */
    QT_EQ(w.result, pdFALSE);
}

static void test_xTaskNotifyWait_notified_while_suspended(void)
{
    struct wait w = {.ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    vTaskSuspend(t);
    QT_EQ(xTaskNotify(t, 0x44u, eSetValueWithOverwrite), pdPASS);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eSuspended); /* a notification does not resume it */
    TT_EXPECT_TRACE("");
    qtest_busy_ticks(1);
    vTaskResume(t);
    taskYIELD();
    TT_EXPECT_TRACE("W1");
    QT_EQ(w.result, pdTRUE); /* the notification is there when it looks again */
    QT_EQ(w.value, 0x44u);
}

static void test_xTaskAbortDelay_notification_waiter(void)
{
    struct wait w = {.ticks = portMAX_DELAY};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(3);
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    taskYIELD();
    TT_EXPECT_TRACE("W3");
    QT_EQ(w.result, pdFALSE);
    /* It no longer waits: a later notification is only left pending. */
    (void)xTaskNotify(t, 1, eSetBits);
    QT_EQ(eTaskGetState(t), eSuspended);
    QT_EQ(xTaskNotifyStateClear(t), pdTRUE);
}

static void test_xTaskAbortDelay_take_waiter_returns_zero(void)
{
    struct wait w = {.take = 1, .clear = pdTRUE, .ticks = 50};
    TaskHandle_t t;

    tt_trace_reset();
    t = start_waiter(&w, QTEST_PRIORITY + 1);
    qtest_busy_ticks(1);
    QT_EQ(xTaskAbortDelay(t), pdPASS);
    taskYIELD();
    TT_EXPECT_TRACE("W1");
    QT_EQ(w.value, 0);
}

/* ---- Bad input ---- */

static void wait_index_out_of_range(void *arg)
{
    (void)arg;
    (void)xTaskNotifyWaitIndexed(configTASK_NOTIFICATION_ARRAY_ENTRIES, 0, 0, NULL, 0);
}

static void take_index_out_of_range(void *arg)
{
    (void)arg;
    (void)ulTaskNotifyTakeIndexed(configTASK_NOTIFICATION_ARRAY_ENTRIES, pdTRUE, 0);
}

static void test_xTaskNotifyWaitIndexed_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(wait_index_out_of_range, NULL);
}

static void test_ulTaskNotifyTakeIndexed_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(take_index_out_of_range, NULL);
}

QTEST_MAIN(QTEST_CASE(test_xTaskNotifyWait_pending_returns_at_once),
           QTEST_CASE(test_xTaskNotifyWait_clears_on_entry_when_not_pending),
           QTEST_CASE(test_xTaskNotifyWait_clears_on_exit_after_reporting),
           QTEST_CASE(test_xTaskNotifyWait_zero_ticks_polls),
           QTEST_CASE(test_xTaskNotifyWait_times_out_exactly),
           QTEST_CASE(test_xTaskNotifyWait_woken_by_notify),
           QTEST_CASE(test_xTaskNotifyWait_with_timeout_woken_early),
           QTEST_CASE(test_xTaskNotifyWait_waiter_times_out_exactly),
           QTEST_CASE(test_xTaskNotifyWait_lower_priority_waiter_runs_later),
           QTEST_CASE(test_xTaskNotifyWait_entry_clear_before_blocking),
           QTEST_CASE(test_xTaskNotifyWait_only_its_index_wakes_it),
           QTEST_CASE(test_xTaskNotify_eSetValueWithoutOverwrite_to_waiter_succeeds),
           QTEST_CASE(test_xTaskNotifyWait_notified_after_timeout_stays_pending),
           QTEST_CASE(test_ulTaskNotifyTake_binary_semaphore),
           QTEST_CASE(test_ulTaskNotifyTake_counting_semaphore),
           QTEST_CASE(test_ulTaskNotifyTake_counts_value_not_state),
           QTEST_CASE(test_ulTaskNotifyTake_times_out_exactly),
           QTEST_CASE(test_ulTaskNotifyTake_woken_by_give),
           QTEST_CASE(test_ulTaskNotifyTake_counting_waiter_takes_each_give),
           QTEST_CASE(test_ulTaskNotifyTake_given_after_timeout_before_it_runs),
           QTEST_CASE(test_ulTaskNotifyTake_timeout_with_index),
           QTEST_CASE(test_xTaskNotify_with_scheduler_suspended_wakes_on_resume),
           QTEST_CASE(test_xTaskNotifyWait_suspended_waiter_returns_not_notified),
           QTEST_CASE(test_xTaskNotifyWait_notified_while_suspended),
           QTEST_CASE(test_xTaskAbortDelay_notification_waiter),
           QTEST_CASE(test_xTaskAbortDelay_take_waiter_returns_zero),
           QTEST_CASE(test_xTaskNotifyWaitIndexed_index_out_of_range_asserts),
           QTEST_CASE(test_ulTaskNotifyTakeIndexed_index_out_of_range_asserts))
