/* SPDX-License-Identifier: MIT */
/*
 * test_notify_isr.c: notifying from a simulated interrupt:
 * xTaskNotifyFromISR, xTaskNotifyAndQueryFromISR, their indexed forms and
 * vTaskNotifyGiveFromISR. pxHigherPriorityTaskWoken is set only when the
 * notification unblocks a task that outranks the interrupted one (and is
 * otherwise left alone); the handler's portYIELD_FROM_ISR then switches to it
 * as the interrupt returns.
 *
 * Built in default, coop, static_only and optimised.
 */
#include "../task/task_test_util.h"

#define SELF xTaskGetCurrentTaskHandle()

/* What the handler does, and what it saw. */
static struct {
    TaskHandle_t task;
    UBaseType_t index;
    uint32_t value;
    eNotifyAction action;
    int give;       /* vTaskNotifyGiveFromISR instead */
    int query;      /* use the AndQuery form */
    int null_woken; /* pass NULL for pxHigherPriorityTaskWoken */
    BaseType_t result;
    BaseType_t woken;
    uint32_t previous;
} isr;

static void notify_isr(void)
{
    BaseType_t *woken = isr.null_woken ? NULL : &isr.woken;

    isr.woken = pdFALSE;
    if (isr.give) {
        vTaskNotifyGiveIndexedFromISR(isr.task, isr.index, woken);
        isr.result = pdPASS;
    } else if (isr.query) {
        isr.result = xTaskNotifyAndQueryIndexedFromISR(isr.task, isr.index, isr.value, isr.action,
                                                       &isr.previous, woken);
    } else {
        isr.result = xTaskNotifyIndexedFromISR(isr.task, isr.index, isr.value, isr.action, woken);
    }
    portYIELD_FROM_ISR(isr.woken);
}

static void set_isr(TaskHandle_t task, UBaseType_t index, uint32_t value, eNotifyAction action)
{
    isr.task = task;
    isr.index = index;
    isr.value = value;
    isr.action = action;
    isr.give = 0;
    isr.query = 0;
    isr.null_woken = 0;
    isr.result = -1;
    isr.previous = 0;
}

static volatile uint32_t got;
static volatile BaseType_t got_result;

static void wait_task(void *arg)
{
    uint32_t v = 0;

    got_result = xTaskNotifyWaitIndexed((UBaseType_t)(uintptr_t)arg, 0, 0, &v, portMAX_DELAY);
    got = v;
    tt_trace('W');
    tt_park();
}

static void take_task(void *arg)
{
    (void)arg;
    got = ulTaskNotifyTake(pdFALSE, portMAX_DELAY);
    tt_trace('W');
    tt_park();
}

static TaskHandle_t start(TaskFunction_t fn, UBaseType_t priority, UBaseType_t index)
{
    TaskHandle_t t = tt_spawn(fn, "W", priority, (void *)(uintptr_t)index);

    got = 0;
    got_result = -1;
    if (priority > QTEST_PRIORITY) {
        taskYIELD();
    } else {
        vTaskDelay(1);
    }
    return t;
}

static void test_xTaskNotifyFromISR_wakes_higher_priority_waiter(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(wait_task, QTEST_PRIORITY + 1, 0);
    qtest_busy_ticks(2);
    set_isr(t, 0, 0x81u, eSetBits);
    tt_interrupt(notify_isr);
    tt_trace('q');
    QT_EQ(isr.result, pdPASS);
    QT_EQ(isr.woken, pdTRUE);
    TT_EXPECT_TRACE("W2 q2"); /* switched to W as the interrupt returned */
    QT_EQ(got_result, pdTRUE);
    QT_EQ(got, 0x81u);
}

static void test_xTaskNotifyFromISR_lower_priority_waiter_not_woken_flag(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(wait_task, QTEST_PRIORITY - 1, 0);
    set_isr(t, 0, 5, eSetValueWithOverwrite);
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(isr.woken, pdFALSE);
    QT_EQ(eTaskGetState(t), eReady);
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q1 W1");
    QT_EQ(got, 5);
}

static void test_xTaskNotifyFromISR_not_waiting_sets_value_only(void)
{
    set_isr(SELF, 0, 0x6u, eSetBits);
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(isr.woken, pdFALSE);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x6u);
    QT_EQ(xTaskNotifyStateClear(NULL), pdTRUE);
}

static void test_xTaskNotifyFromISR_every_action(void)
{
    set_isr(SELF, 0, 0x10u, eSetValueWithOverwrite);
    tt_interrupt(notify_isr);
    set_isr(SELF, 0, 0x01u, eSetBits);
    tt_interrupt(notify_isr);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x11u);
    set_isr(SELF, 0, 0, eIncrement);
    tt_interrupt(notify_isr);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x12u);
    set_isr(SELF, 0, 0x99u, eNoAction);
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x12u);
    set_isr(SELF, 0, 0x99u, eSetValueWithoutOverwrite);
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdFAIL); /* still pending */
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x12u);
    (void)xTaskNotifyStateClear(NULL);
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x99u);
}

static void test_xTaskNotifyAndQueryFromISR_previous_value(void)
{
    (void)xTaskNotify(SELF, 0x20u, eSetValueWithOverwrite);
    set_isr(SELF, 0, 0x3u, eSetBits);
    isr.query = 1;
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(isr.previous, 0x20u);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 0x23u);
}

static void test_xTaskNotifyIndexedFromISR_wakes_only_its_index(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(wait_task, QTEST_PRIORITY + 1, 2);
    set_isr(t, 1, 1, eSetBits);
    tt_interrupt(notify_isr);
    QT_EQ(isr.woken, pdFALSE);
    QT_EQ(eTaskGetState(t), eBlocked);
    set_isr(t, 2, 0x7u, eSetValueWithOverwrite);
    tt_interrupt(notify_isr);
    QT_EQ(isr.woken, pdTRUE);
    TT_EXPECT_TRACE("W0");
    QT_EQ(got, 0x7u);
}

static void test_vTaskNotifyGiveFromISR_wakes_take_waiter(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(take_task, QTEST_PRIORITY + 1, 0);
    qtest_busy_ticks(1);
    set_isr(t, 0, 0, eNoAction);
    isr.give = 1;
    tt_interrupt(notify_isr);
    tt_trace('q');
    QT_EQ(isr.woken, pdTRUE);
    TT_EXPECT_TRACE("W1 q1");
    QT_EQ(got, 1);
}

static void test_vTaskNotifyGiveFromISR_counts(void)
{
    set_isr(SELF, 0, 0, eNoAction);
    isr.give = 1;
    tt_interrupt(notify_isr);
    tt_interrupt(notify_isr);
    tt_interrupt(notify_isr);
    QT_EQ(isr.woken, pdFALSE);
    QT_EQ(ulTaskNotifyTake(pdFALSE, 0), 3);
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 2);
}

static void test_vTaskNotifyGiveIndexedFromISR_other_index(void)
{
    set_isr(SELF, 2, 0, eNoAction);
    isr.give = 1;
    tt_interrupt(notify_isr);
    QT_EQ(ulTaskNotifyTakeIndexed(0, pdTRUE, 0), 0);
    QT_EQ(ulTaskNotifyTakeIndexed(2, pdTRUE, 0), 1);
}

static void test_xTaskNotifyFromISR_null_woken_pointer(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(wait_task, QTEST_PRIORITY + 1, 0);
    set_isr(t, 0, 3, eSetBits);
    isr.null_woken = 1;
    tt_interrupt(notify_isr);
    QT_EQ(isr.result, pdPASS);
    QT_EQ(eTaskGetState(t), eReady); /* woken, though no one asked for the switch */
    taskYIELD();
    TT_EXPECT_TRACE("W0");
    QT_EQ(got, 3);
}

static void test_xTaskNotifyFromISR_with_scheduler_suspended_switches_on_resume(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start(wait_task, QTEST_PRIORITY + 1, 0);
    vTaskSuspendAll();
    set_isr(t, 0, 1, eSetBits);
    tt_interrupt(notify_isr);
    QT_EQ(isr.woken, pdTRUE);
    tt_trace('q'); /* the switch the handler asked for waits for the scheduler */
    QT_EQ(xTaskResumeAll(), configUSE_PREEMPTION ? pdTRUE : pdFALSE);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(configUSE_PREEMPTION ? "q0 W0 q0" : "q0 q0 W0");
}

/* ---- Bad input ---- */

static void notify_isr_bad_index(void)
{
    BaseType_t woken = pdFALSE;

    (void)xTaskNotifyIndexedFromISR(xTaskGetCurrentTaskHandle(),
                                    configTASK_NOTIFICATION_ARRAY_ENTRIES, 1, eSetBits, &woken);
}

static void give_isr_bad_index(void)
{
    vTaskNotifyGiveIndexedFromISR(xTaskGetCurrentTaskHandle(),
                                  configTASK_NOTIFICATION_ARRAY_ENTRIES, NULL);
}

static void notify_isr_null_task(void)
{
    (void)xTaskNotifyFromISR(NULL, 1, eSetBits, NULL);
}

static void raise_with(void *arg)
{
    tt_interrupt((void (*)(void))arg);
}

static void test_xTaskNotifyIndexedFromISR_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(raise_with, (void *)notify_isr_bad_index);
}

static void test_vTaskNotifyGiveIndexedFromISR_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(raise_with, (void *)give_isr_bad_index);
}

static void test_xTaskNotifyFromISR_null_task_asserts(void)
{
    QT_EXPECT_ASSERT(raise_with, (void *)notify_isr_null_task);
}

QTEST_MAIN(QTEST_CASE(test_xTaskNotifyFromISR_wakes_higher_priority_waiter),
           QTEST_CASE(test_xTaskNotifyFromISR_lower_priority_waiter_not_woken_flag),
           QTEST_CASE(test_xTaskNotifyFromISR_not_waiting_sets_value_only),
           QTEST_CASE(test_xTaskNotifyFromISR_every_action),
           QTEST_CASE(test_xTaskNotifyAndQueryFromISR_previous_value),
           QTEST_CASE(test_xTaskNotifyIndexedFromISR_wakes_only_its_index),
           QTEST_CASE(test_vTaskNotifyGiveFromISR_wakes_take_waiter),
           QTEST_CASE(test_vTaskNotifyGiveFromISR_counts),
           QTEST_CASE(test_vTaskNotifyGiveIndexedFromISR_other_index),
           QTEST_CASE(test_xTaskNotifyFromISR_null_woken_pointer),
           QTEST_CASE(test_xTaskNotifyFromISR_with_scheduler_suspended_switches_on_resume),
           QTEST_CASE(test_xTaskNotifyIndexedFromISR_index_out_of_range_asserts),
           QTEST_CASE(test_vTaskNotifyGiveIndexedFromISR_index_out_of_range_asserts),
           QTEST_CASE(test_xTaskNotifyFromISR_null_task_asserts))
