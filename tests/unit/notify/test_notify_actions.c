/* SPDX-License-Identifier: MIT */
/*
 * test_notify_actions.c: what a notification does to the receiver's value
 * and state, without blocking: every eNotifyAction and its return value,
 * xTaskNotifyAndQuery's previous value, xTaskNotifyGive, the independence of
 * the indexed entries (configTASK_NOTIFICATION_ARRAY_ENTRIES is 3 in the test
 * configurations), xTaskNotifyStateClear and ulTaskNotifyValueClear.
 *
 * The receiver is usually qtest itself (a task may notify itself), read back
 * with non-blocking waits; or a parked task, read with ulTaskNotifyValueClear.
 * Built in default, coop, static_only and optimised.
 */
#include "../task/task_test_util.h"

#define SELF xTaskGetCurrentTaskHandle()

/* qtest's value at `index` without changing it. */
static uint32_t value_of(TaskHandle_t t, UBaseType_t index)
{
    return ulTaskNotifyValueClearIndexed(t, index, 0);
}

/* Whether qtest has a notification pending at `index`; consumes it. */
static BaseType_t take_pending(UBaseType_t index, uint32_t *value)
{
    return xTaskNotifyWaitIndexed(index, 0, 0, value, 0);
}

static void test_xTaskNotify_eSetBits_ors_value(void)
{
    uint32_t v = 0;

    QT_EQ(xTaskNotify(SELF, 0x0101u, eSetBits), pdPASS);
    QT_EQ(xTaskNotify(SELF, 0x1010u, eSetBits), pdPASS);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 0x1111u);
}

static void test_xTaskNotify_eIncrement_adds_one(void)
{
    uint32_t v = 0;

    QT_EQ(xTaskNotify(SELF, 0xdeadu, eIncrement), pdPASS); /* the value argument is unused */
    QT_EQ(xTaskNotify(SELF, 0, eIncrement), pdPASS);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 2);
}

static void test_xTaskNotify_eIncrement_wraps(void)
{
    (void)xTaskNotify(SELF, UINT32_MAX, eSetValueWithOverwrite);
    (void)xTaskNotify(SELF, 0, eIncrement);
    QT_EQ(value_of(SELF, 0), 0);
}

static void test_xTaskNotify_eSetValueWithOverwrite_replaces(void)
{
    uint32_t v = 0;

    QT_EQ(xTaskNotify(SELF, 0xffu, eSetValueWithOverwrite), pdPASS);
    QT_EQ(xTaskNotify(SELF, 0x12u, eSetValueWithOverwrite), pdPASS); /* pending: still wins */
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 0x12u);
}

static void test_xTaskNotify_eSetValueWithoutOverwrite_sets_when_not_pending(void)
{
    uint32_t v = 0;

    (void)xTaskNotify(SELF, 5, eSetValueWithOverwrite);
    (void)take_pending(0, NULL); /* consumed: no longer pending, value stays 5 */
    QT_EQ(xTaskNotify(SELF, 9, eSetValueWithoutOverwrite), pdPASS);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 9);
}

static void test_xTaskNotify_eSetValueWithoutOverwrite_fails_when_pending(void)
{
    uint32_t v = 0;

    QT_EQ(xTaskNotify(SELF, 1, eSetValueWithoutOverwrite), pdPASS);
    QT_EQ(xTaskNotify(SELF, 2, eSetValueWithoutOverwrite), pdFAIL);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 1);
}

static void test_xTaskNotify_eNoAction_marks_pending_only(void)
{
    uint32_t v = 0;

    (void)xTaskNotify(SELF, 0x77u, eSetValueWithOverwrite);
    (void)take_pending(0, NULL);
    QT_EQ(take_pending(0, NULL), pdFALSE);
    QT_EQ(xTaskNotify(SELF, 0x1234u, eNoAction), pdPASS);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 0x77u);
}

static void test_xTaskNotify_other_task(void)
{
    TaskHandle_t t = tt_spawn(tt_park_task, "rx", QTEST_PRIORITY + 1, NULL);

    taskYIELD();
    QT_EQ(xTaskNotify(t, 0x30u, eSetBits), pdPASS);
    QT_EQ(xTaskNotify(t, 0x03u, eSetBits), pdPASS);
    QT_EQ(value_of(t, 0), 0x33u);
    QT_EQ(xTaskNotify(t, 1, eSetValueWithoutOverwrite), pdFAIL); /* it has not looked yet */
    QT_EQ(xTaskNotifyStateClear(t), pdTRUE);
    QT_EQ(xTaskNotify(t, 1, eSetValueWithoutOverwrite), pdPASS);
    QT_EQ(value_of(t, 0), 1);
    QT_EQ(eTaskGetState(t), eSuspended); /* notifying a task that does not wait wakes nothing */
}

static void test_xTaskNotifyAndQuery_returns_previous_value(void)
{
    uint32_t prev = 0;

    (void)xTaskNotify(SELF, 10, eSetValueWithOverwrite);
    QT_EQ(xTaskNotifyAndQuery(SELF, 0x100u, eSetBits, &prev), pdPASS);
    QT_EQ(prev, 10);
    QT_EQ(xTaskNotifyAndQuery(SELF, 0, eIncrement, &prev), pdPASS);
    QT_EQ(prev, 0x10au);
    QT_EQ(xTaskNotifyAndQuery(SELF, 0, eNoAction, &prev), pdPASS);
    QT_EQ(prev, 0x10bu);
    /* A refused eSetValueWithoutOverwrite still reports the value it left alone. */
    QT_EQ(xTaskNotifyAndQuery(SELF, 99, eSetValueWithoutOverwrite, &prev), pdFAIL);
    QT_EQ(prev, 0x10bu);
    QT_EQ(xTaskNotifyAndQuery(SELF, 7, eSetValueWithOverwrite, NULL), pdPASS);
    QT_EQ(value_of(SELF, 0), 7);
}

static void test_xTaskNotifyGive_increments(void)
{
    for (int i = 0; i < 3; i++) {
        QT_EQ(xTaskNotifyGive(SELF), pdPASS);
    }
    QT_EQ(value_of(SELF, 0), 3);
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 3);
}

static void test_xTaskNotifyIndexed_entries_are_independent(void)
{
    uint32_t v;

    QT_EQ(xTaskNotifyIndexed(SELF, 0, 0x1u, eSetBits), pdPASS);
    QT_EQ(xTaskNotifyIndexed(SELF, 1, 0x20u, eSetValueWithOverwrite), pdPASS);
    QT_EQ(xTaskNotifyGiveIndexed(SELF, 2), pdPASS);
    QT_EQ(xTaskNotifyGiveIndexed(SELF, 2), pdPASS);
    QT_EQ(value_of(SELF, 0), 0x1u);
    QT_EQ(value_of(SELF, 1), 0x20u);
    QT_EQ(value_of(SELF, 2), 2);
    /* Pending states are separate too. */
    QT_EQ(xTaskNotifyIndexed(SELF, 1, 5, eSetValueWithoutOverwrite), pdFAIL);
    QT_EQ(take_pending(1, &v), pdTRUE);
    QT_EQ(v, 0x20u);
    QT_EQ(take_pending(1, NULL), pdFALSE);
    QT_EQ(take_pending(0, &v), pdTRUE);
    QT_EQ(v, 0x1u);
    QT_EQ(ulTaskNotifyTakeIndexed(2, pdFALSE, 0), 2);
    QT_EQ(value_of(SELF, 2), 1);
    QT_EQ(value_of(SELF, 0), 0x1u);
}

static void test_xTaskNotifyAndQueryIndexed_previous_value(void)
{
    uint32_t prev = 1;

    QT_EQ(xTaskNotifyAndQueryIndexed(SELF, 2, 0x40u, eSetBits, &prev), pdPASS);
    QT_EQ(prev, 0);
    QT_EQ(xTaskNotifyAndQueryIndexed(SELF, 2, 0x02u, eSetBits, &prev), pdPASS);
    QT_EQ(prev, 0x40u);
    QT_EQ(value_of(SELF, 0), 0);
}

static void test_xTaskNotifyStateClear_pending(void)
{
    (void)xTaskNotify(SELF, 0x5u, eSetValueWithOverwrite);
    QT_EQ(xTaskNotifyStateClear(NULL), pdTRUE);
    QT_EQ(take_pending(0, NULL), pdFALSE); /* no longer pending */
    QT_EQ(value_of(SELF, 0), 0x5u);        /* the value is kept */
}

static void test_xTaskNotifyStateClear_not_pending(void)
{
    QT_EQ(xTaskNotifyStateClear(NULL), pdFALSE);
    (void)xTaskNotify(SELF, 1, eSetBits);
    QT_EQ(xTaskNotifyStateClear(SELF), pdTRUE);
    QT_EQ(xTaskNotifyStateClear(SELF), pdFALSE);
}

static void test_xTaskNotifyStateClearIndexed_only_that_entry(void)
{
    (void)xTaskNotifyIndexed(SELF, 0, 1, eSetBits);
    (void)xTaskNotifyIndexed(SELF, 1, 1, eSetBits);
    QT_EQ(xTaskNotifyStateClearIndexed(NULL, 1), pdTRUE);
    QT_EQ(take_pending(1, NULL), pdFALSE);
    QT_EQ(take_pending(0, NULL), pdTRUE);
}

static void test_ulTaskNotifyValueClear_returns_old_and_clears_bits(void)
{
    (void)xTaskNotify(SELF, 0xf0f0u, eSetValueWithOverwrite);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0x00f0u), 0xf0f0u);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0xf000u);
    QT_EQ(ulTaskNotifyValueClear(SELF, UINT32_MAX), 0xf000u);
    QT_EQ(ulTaskNotifyValueClear(SELF, 0), 0);
    QT_EQ(take_pending(0, NULL), pdTRUE); /* the pending state is untouched */
}

static void test_ulTaskNotifyValueClearIndexed_only_that_entry(void)
{
    (void)xTaskNotifyIndexed(SELF, 1, 0xffu, eSetValueWithOverwrite);
    (void)xTaskNotifyIndexed(SELF, 2, 0xffu, eSetValueWithOverwrite);
    QT_EQ(ulTaskNotifyValueClearIndexed(NULL, 2, 0x0fu), 0xffu);
    QT_EQ(value_of(SELF, 2), 0xf0u);
    QT_EQ(value_of(SELF, 1), 0xffu);
}

/* ---- Bad input ---- */

static void notify_index_out_of_range(void *arg)
{
    (void)arg;
    (void)xTaskNotifyIndexed(SELF, configTASK_NOTIFICATION_ARRAY_ENTRIES, 1, eSetBits);
}

static void state_clear_index_out_of_range(void *arg)
{
    (void)arg;
    (void)xTaskNotifyStateClearIndexed(NULL, configTASK_NOTIFICATION_ARRAY_ENTRIES);
}

static void value_clear_index_out_of_range(void *arg)
{
    (void)arg;
    (void)ulTaskNotifyValueClearIndexed(NULL, configTASK_NOTIFICATION_ARRAY_ENTRIES, 1);
}

static void notify_null_task(void *arg)
{
    (void)arg;
    (void)xTaskNotify(NULL, 1, eSetBits);
}

static void test_xTaskNotifyIndexed_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(notify_index_out_of_range, NULL);
}

static void test_xTaskNotifyStateClearIndexed_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(state_clear_index_out_of_range, NULL);
}

static void test_ulTaskNotifyValueClearIndexed_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(value_clear_index_out_of_range, NULL);
}

static void test_xTaskNotify_null_task_asserts(void)
{
    QT_EXPECT_ASSERT(notify_null_task, NULL);
}

QTEST_MAIN(QTEST_CASE(test_xTaskNotify_eSetBits_ors_value),
           QTEST_CASE(test_xTaskNotify_eIncrement_adds_one),
           QTEST_CASE(test_xTaskNotify_eIncrement_wraps),
           QTEST_CASE(test_xTaskNotify_eSetValueWithOverwrite_replaces),
           QTEST_CASE(test_xTaskNotify_eSetValueWithoutOverwrite_sets_when_not_pending),
           QTEST_CASE(test_xTaskNotify_eSetValueWithoutOverwrite_fails_when_pending),
           QTEST_CASE(test_xTaskNotify_eNoAction_marks_pending_only),
           QTEST_CASE(test_xTaskNotify_other_task),
           QTEST_CASE(test_xTaskNotifyAndQuery_returns_previous_value),
           QTEST_CASE(test_xTaskNotifyGive_increments),
           QTEST_CASE(test_xTaskNotifyIndexed_entries_are_independent),
           QTEST_CASE(test_xTaskNotifyAndQueryIndexed_previous_value),
           QTEST_CASE(test_xTaskNotifyStateClear_pending),
           QTEST_CASE(test_xTaskNotifyStateClear_not_pending),
           QTEST_CASE(test_xTaskNotifyStateClearIndexed_only_that_entry),
           QTEST_CASE(test_ulTaskNotifyValueClear_returns_old_and_clears_bits),
           QTEST_CASE(test_ulTaskNotifyValueClearIndexed_only_that_entry),
           QTEST_CASE(test_xTaskNotifyIndexed_index_out_of_range_asserts),
           QTEST_CASE(test_xTaskNotifyStateClearIndexed_index_out_of_range_asserts),
           QTEST_CASE(test_ulTaskNotifyValueClearIndexed_index_out_of_range_asserts),
           QTEST_CASE(test_xTaskNotify_null_task_asserts))
