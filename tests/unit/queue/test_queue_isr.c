/* SPDX-License-Identifier: MIT */
/*
 * The FromISR queue functions, called from simulated interrupts: they never
 * block, hand items to and from waiting tasks as the task versions do, and
 * report through pxHigherPriorityTaskWoken (which may be NULL) exactly when
 * they woke a task that outranks the interrupted one.
 */
#include "queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static QueueHandle_t q;
static BaseType_t isr_result, isr_woken;
static uint32_t isr_value, task_value;

static void receive_once(void *arg)
{
    (void)arg;
    if (xQueueReceive(q, &task_value, portMAX_DELAY) == pdPASS) {
        tt_mark('R');
    }
    tt_park();
}

static void send_once(void *arg)
{
    const uint32_t v = (uint32_t)(intptr_t)arg;

    if (xQueueSend(q, &v, portMAX_DELAY) == pdPASS) {
        tt_mark('S');
    }
    tt_park();
}

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_result = xQueueSendFromISR(q, &isr_value, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_send_front_no_woken(void)
{
    isr_result = xQueueSendToFrontFromISR(q, &isr_value, NULL);
}

static void isr_overwrite(void)
{
    isr_woken = pdFALSE;
    isr_result = xQueueOverwriteFromISR(q, &isr_value, &isr_woken);
}

static void isr_receive(void)
{
    isr_woken = pdFALSE;
    isr_result = xQueueReceiveFromISR(q, &isr_value, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_peek(void)
{
    isr_result = xQueuePeekFromISR(q, &isr_value);
}

static void test_xQueueSendFromISR_wakes_higher_priority_receiver(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    q = qu_queue(2, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    qu_yield_if_coop();
    isr_value = 31;
    tt_interrupt(isr_send);
    qu_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I R"); /* the switch happened on leaving the interrupt */
    QT_EQ(task_value, 31);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_xQueueSendFromISR_lower_priority_receiver_sets_no_woken(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    q = qu_queue(2, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", LO, NULL);
    qu_settle();
    isr_value = 32;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(uxQueueMessagesWaiting(q), 0); /* handed over all the same */
    TT_EXPECT_TRACE("I");
    qu_settle();
    TT_EXPECT_TRACE("I R");
    QT_EQ(task_value, 32);
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_xQueueSendFromISR_full_queue_fails(void)
{
    const uint32_t a = 1, b = 2;
    uint32_t v;

    tt_trace_reset();
    q = qu_queue(3, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    isr_value = 5;
    tt_interrupt(isr_send_front_no_woken); /* NULL pxHigherPriorityTaskWoken is allowed */
    QT_EQ(isr_result, pdPASS);
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    tt_interrupt(isr_send);
    QT_EQ(isr_result, errQUEUE_FULL);
    QT_EQ(isr_woken, pdFALSE);
    const uint32_t expected[] = {5, 1, 2};
    for (int i = 0; i < 3; i++) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
        QT_EQ(v, expected[i]);
    }
    vQueueDelete(q);
}

static void test_xQueueReceiveFromISR_admits_higher_priority_sender(void)
{
    const uint32_t a = 1;
    TaskHandle_t tx;
    uint32_t v;

    tt_trace_reset();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tx = tt_spawn(send_once, "tx", HI, (void *)2);
    qu_yield_if_coop();
    tt_interrupt(isr_receive);
    qu_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_value, 1);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I S");
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    tt_interrupt(isr_receive);
    QT_EQ(isr_result, errQUEUE_EMPTY);
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_xQueuePeekFromISR_leaves_the_item(void)
{
    const uint32_t a = 9;

    q = qu_queue(1, sizeof(uint32_t));
    tt_interrupt(isr_peek);
    QT_EQ(isr_result, errQUEUE_EMPTY);
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    isr_value = 0;
    tt_interrupt(isr_peek);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_value, 9);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    vQueueDelete(q);
}

static void test_xQueueOverwriteFromISR_replaces_the_item(void)
{
    uint32_t v;

    q = qu_queue(1, sizeof(uint32_t));
    isr_value = 1;
    tt_interrupt(isr_overwrite);
    isr_value = 2;
    tt_interrupt(isr_overwrite);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    vQueueDelete(q);
}

static BaseType_t isr_empty, isr_full;
static UBaseType_t isr_waiting;

static void isr_query(void)
{
    isr_empty = xQueueIsQueueEmptyFromISR(q);
    isr_full = xQueueIsQueueFullFromISR(q);
    isr_waiting = uxQueueMessagesWaitingFromISR(q);
}

static void test_queue_state_queries_from_isr(void)
{
    const uint32_t a = 1;

    q = qu_queue(2, sizeof(uint32_t));
    tt_interrupt(isr_query);
    QT_EQ(isr_empty, pdTRUE);
    QT_EQ(isr_full, pdFALSE);
    QT_EQ(isr_waiting, 0);
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tt_interrupt(isr_query);
    QT_EQ(isr_empty, pdFALSE);
    QT_EQ(isr_full, pdFALSE);
    QT_EQ(isr_waiting, 1);
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tt_interrupt(isr_query);
    QT_EQ(isr_full, pdTRUE);
    QT_EQ(isr_waiting, 2);
    QT_EQ(xQueueReset(q), pdPASS);
    vQueueDelete(q);
}

/* ---- Misuse (configASSERT) ---- */

static void isr_blocking_receive(void)
{
    uint32_t v;

    (void)xQueueReceive(q, &v, 10);
}

static void receive_blocking_in_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_blocking_receive);
}

static void isr_peek_semaphore(void)
{
    uint32_t v;

    (void)xQueuePeekFromISR(q, &v);
}

static void peek_semaphore_in_isr(void *arg)
{
    q = (QueueHandle_t)arg;
    tt_interrupt(isr_peek_semaphore);
}

static void isr_give_queue(void)
{
    (void)xQueueGiveFromISR(q, NULL);
}

static void give_queue_in_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_give_queue);
}

static void test_queue_isr_misuse_asserts(void)
{
    SemaphoreHandle_t s = qu_binary();

    q = qu_queue(1, sizeof(uint32_t));
    QT_EXPECT_ASSERT(receive_blocking_in_isr, NULL);
    QT_EXPECT_ASSERT(give_queue_in_isr, NULL);
    QT_EXPECT_ASSERT(peek_semaphore_in_isr, s);
    vQueueDelete(q);
    vSemaphoreDelete(s);
}

QTEST_MAIN(QTEST_CASE(test_xQueueSendFromISR_wakes_higher_priority_receiver),
           QTEST_CASE(test_xQueueSendFromISR_lower_priority_receiver_sets_no_woken),
           QTEST_CASE(test_xQueueSendFromISR_full_queue_fails),
           QTEST_CASE(test_xQueueReceiveFromISR_admits_higher_priority_sender),
           QTEST_CASE(test_xQueuePeekFromISR_leaves_the_item),
           QTEST_CASE(test_xQueueOverwriteFromISR_replaces_the_item),
           QTEST_CASE(test_queue_state_queries_from_isr),
           QTEST_CASE(test_queue_isr_misuse_asserts))
