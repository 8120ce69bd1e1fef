/* SPDX-License-Identifier: MIT */
/*
 * What a direct hand-off leaves in the queue. An item (or semaphore count)
 * sent to a waiting receiver is copied straight to it, but until that
 * receiver runs it still occupies its slot, as it would in FreeRTOS where it
 * stays in the queue: senders find the queue as full as before, and when the
 * receiver is deleted before it runs, the item is back at the front of the
 * queue. The receivers run below the case task so that they do not run
 * before the case looks.
 */
#include "queue_test_util.h"

#include <string.h>

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static QueueHandle_t q;
static volatile uint32_t got;

static void receive_once(void *arg)
{
    uint32_t v;

    (void)arg;
    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        got = v;
        tt_trace('R');
    }
    tt_park();
}

static void take_once(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(q, portMAX_DELAY) == pdPASS) {
        tt_trace('T');
    }
    tt_park();
}

/* Spawns fn below the case task and lets it block on q. */
static TaskHandle_t waiter(TaskFunction_t fn, char name)
{
    const char task_name[2] = {name, '\0'};
    TaskHandle_t h = tt_spawn(fn, task_name, LO, NULL);

    qu_settle();
    QT_EQ(eTaskGetState(h), eBlocked);
    return h;
}

static void test_handed_item_keeps_its_slot_until_the_receiver_runs(void)
{
    uint32_t v = 7;

    tt_trace_reset();
    got = 0;
    q = qu_queue(1, sizeof(uint32_t));
    (void)waiter(receive_once, 'R');
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(uxQueueSpacesAvailable(q), 0);
    v = 8;
    QT_EQ(xQueueSend(q, &v, 0), errQUEUE_FULL);
    /* Blocking here lets the receiver run: freeing its slot admits this send, which preempts it. */
    QT_EQ(xQueueSend(q, &v, 5), pdPASS);
    if (configUSE_PREEMPTION) {
        QT_EQ(got, 0);
    }
    qu_settle();
    QT_EQ(got, 7);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 8);
    QT_EQ(uxQueueSpacesAvailable(q), 1);
    vQueueDelete(q);
}

static void test_item_returns_to_the_front_when_the_receiver_is_deleted(void)
{
    uint32_t v = 1;
    TaskHandle_t r;

    tt_trace_reset();
    got = 0;
    q = qu_queue(3, sizeof(uint32_t));
    r = waiter(receive_once, 'R');
    QT_EQ(xQueueSend(q, &v, 0), pdPASS); /* handed to r */
    v = 2;
    QT_EQ(xQueueSend(q, &v, 0), pdPASS); /* stored */
    QT_EQ(uxQueueSpacesAvailable(q), 1);
    vTaskDelete(r);
    QT_EQ(uxQueueMessagesWaiting(q), 2);
    QT_EQ(uxQueueSpacesAvailable(q), 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    QT_EQ(got, 0);
    TT_EXPECT_TRACE("");
    vQueueDelete(q);
}

static void test_item_returns_when_a_suspended_receiver_is_deleted(void)
{
    uint32_t v = 5;
    TaskHandle_t r;

    tt_trace_reset();
    q = qu_queue(1, sizeof(uint32_t));
    r = waiter(receive_once, 'R');
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    vTaskSuspend(r);
    qu_settle();
    QT_EQ(uxQueueSpacesAvailable(q), 0);
    vTaskDelete(r);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 5);
    vQueueDelete(q);
}

static void send_from_isr_9(void)
{
    const uint32_t v = 9;
    BaseType_t woken = pdFALSE;

    QT_EQ(xQueueSendFromISR(q, &v, &woken), pdPASS);
    portYIELD_FROM_ISR(woken);
}

static void test_item_from_an_interrupt_returns_when_the_receiver_is_deleted(void)
{
    TaskHandle_t r;
    uint32_t v;

    tt_trace_reset();
    q = qu_queue(1, sizeof(uint32_t));
    r = waiter(receive_once, 'R');
    tt_interrupt(send_from_isr_9);
    vTaskDelete(r);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 9);
    vQueueDelete(q);
}

#if configUSE_COUNTING_SEMAPHORES
static void test_count_returns_when_the_taker_is_deleted(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    q = qu_counting(2, 0);
    t = waiter(take_once, 'T');
    QT_EQ(xSemaphoreGive(q), pdPASS); /* handed to t */
    QT_EQ(uxSemaphoreGetCount(q), 0);
    QT_EQ(xSemaphoreGive(q), pdPASS);
    QT_EQ(xSemaphoreGive(q), pdFAIL); /* the handed count still counts against the maximum */
    vTaskDelete(t);
    QT_EQ(uxSemaphoreGetCount(q), 2);
    TT_EXPECT_TRACE("");
    vSemaphoreDelete(q);
}
#endif

static void test_binary_semaphore_stays_given_until_the_taker_runs(void)
{
    tt_trace_reset();
    q = qu_binary();
    (void)waiter(take_once, 'T');
    QT_EQ(xSemaphoreGive(q), pdPASS);
    QT_EQ(xSemaphoreGive(q), pdFAIL); /* still given, as in FreeRTOS */
    qu_settle();
    QT_ASSERT(strchr(tt_trace_get(), 'T') != NULL);
    QT_EQ(xSemaphoreGive(q), pdPASS);
    QT_EQ(uxSemaphoreGetCount(q), 1);
    vSemaphoreDelete(q);
}

/* A receiver that outranks the sender runs at once: nothing stays reserved. */
static void test_higher_priority_receiver_frees_the_slot_at_once(void)
{
    uint32_t v = 3;

    tt_trace_reset();
    got = 0;
    q = qu_queue(1, sizeof(uint32_t));
    (void)tt_spawn(receive_once, "R", HI, NULL);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    qu_yield_if_coop();
    QT_EQ(got, 3);
    QT_EQ(uxQueueSpacesAvailable(q), 1);
    vQueueDelete(q);
}

QTEST_MAIN(QTEST_CASE(test_handed_item_keeps_its_slot_until_the_receiver_runs),
           QTEST_CASE(test_item_returns_to_the_front_when_the_receiver_is_deleted),
           QTEST_CASE(test_item_returns_when_a_suspended_receiver_is_deleted),
           QTEST_CASE(test_item_from_an_interrupt_returns_when_the_receiver_is_deleted),
#if configUSE_COUNTING_SEMAPHORES
           QTEST_CASE(test_count_returns_when_the_taker_is_deleted),
#endif
           QTEST_CASE(test_binary_semaphore_stays_given_until_the_taker_runs),
           QTEST_CASE(test_higher_priority_receiver_frees_the_slot_at_once))
