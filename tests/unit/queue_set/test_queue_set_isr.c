/* SPDX-License-Identifier: MIT */
/*
 * Queue sets and interrupts: sends and gives from simulated interrupts post
 * to the set and wake a selecting task (reporting it through
 * pxHigherPriorityTaskWoken only when it outranks the interrupted task), and
 * xQueueSelectFromSetFromISR names members in arrival order without blocking.
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static QueueSetHandle_t set;
static QueueHandle_t q;
static SemaphoreHandle_t b;
static QueueSetMemberHandle_t selected, isr_selected[3];
static BaseType_t isr_result, isr_woken;
static uint32_t isr_value, received;

static void setup(UBaseType_t q_length)
{
    set = xQueueCreateSet(q_length + 1);
    QT_ASSERT(set != NULL);
    q = qu_queue(q_length, sizeof(uint32_t));
    b = qu_binary();
    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xQueueAddToSet(b, set), pdPASS);
}

static void teardown_objects(void)
{
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(b, set), pdPASS);
    vQueueDelete(q);
    vSemaphoreDelete(b);
    vQueueDelete(set);
}

static void select_once(void *arg)
{
    (void)arg;
    selected = xQueueSelectFromSet(set, portMAX_DELAY);
    if (selected == q) {
        QT_EQ(xQueueReceive(q, &received, 0), pdPASS);
    } else if (selected == b) {
        QT_EQ(xSemaphoreTake(b, 0), pdPASS);
    }
    tt_mark('S');
    tt_park();
}

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_result = xQueueSendFromISR(q, &isr_value, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_give(void)
{
    isr_woken = pdFALSE;
    isr_result = xSemaphoreGiveFromISR(b, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_select_all(void)
{
    for (int i = 0; i < 3; i++) {
        isr_selected[i] = xQueueSelectFromSetFromISR(set);
    }
    isr_result = xQueueReceiveFromISR(q, &isr_value, NULL);
}

static void test_xQueueSendFromISR_member_wakes_higher_priority_selector(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    setup(2);
    t = tt_spawn(select_once, "sel", HI, NULL);
    qu_yield_if_coop();
    isr_value = 77;
    tt_interrupt(isr_send);
    qu_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I S");
    QT_PTR_EQ(selected, q);
    QT_EQ(received, 77);
    vTaskDelete(t);
    teardown_objects();
}

static void test_xSemaphoreGiveFromISR_member_wakes_lower_priority_selector_later(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    selected = NULL;
    setup(1);
    t = tt_spawn(select_once, "sel", LO, NULL);
    qu_settle();
    tt_interrupt(isr_give);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE); /* the selector does not outrank this task */
    TT_EXPECT_TRACE("I");
    QT_EQ(uxQueueMessagesWaiting(set), 0); /* the event went straight to the selector */
    qu_settle();
    TT_EXPECT_TRACE("I S");
    QT_PTR_EQ(selected, b);
    vTaskDelete(t);
    teardown_objects();
}

static void test_xQueueSelectFromSetFromISR_names_members_in_order(void)
{
    const uint32_t v = 5;

    setup(2);
    QT_EQ(xSemaphoreGive(b), pdPASS);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    tt_interrupt(isr_select_all);
    QT_PTR_EQ(isr_selected[0], b);
    QT_PTR_EQ(isr_selected[1], q);
    QT_PTR_EQ(isr_selected[2], NULL); /* empty: never blocks */
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_value, 5);
    QT_EQ(xSemaphoreTake(b, 0), pdPASS);
    teardown_objects();
}

static void test_isr_sends_to_full_member_post_nothing(void)
{
    setup(1);
    isr_value = 1;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, pdPASS);
    tt_interrupt(isr_send);
    QT_EQ(isr_result, errQUEUE_FULL);
    tt_interrupt(isr_give);
    tt_interrupt(isr_give);
    QT_EQ(isr_result, pdFAIL); /* already given */
    QT_EQ(uxQueueMessagesWaiting(set), 2);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q);
    QT_EQ(xQueueReceive(q, &received, 0), pdPASS);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), b);
    QT_EQ(xSemaphoreTake(b, 0), pdPASS);
    teardown_objects();
}

QTEST_MAIN(QTEST_CASE(test_xQueueSendFromISR_member_wakes_higher_priority_selector),
           QTEST_CASE(test_xSemaphoreGiveFromISR_member_wakes_lower_priority_selector_later),
           QTEST_CASE(test_xQueueSelectFromSetFromISR_names_members_in_order),
           QTEST_CASE(test_isr_sends_to_full_member_post_nothing))
