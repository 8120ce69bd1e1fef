/* SPDX-License-Identifier: MIT */
/*
 * xQueueReset: the queue empties; tasks waiting to send get room, so as many
 * of their sends complete as now fit (highest priority first); tasks waiting
 * to receive keep waiting.
 */
#include "queue_test_util.h"

#define LO (QTEST_PRIORITY - 1)

static QueueHandle_t q;
static BaseType_t result;

static void send_once(void *arg)
{
    const uint32_t v = (uint32_t)(intptr_t)arg;

    if (xQueueSend(q, &v, portMAX_DELAY) == pdPASS) {
        tt_mark((char)('0' + v));
    }
    tt_park();
}

static void receive_20(void *arg)
{
    uint32_t v;

    (void)arg;
    result = xQueueReceive(q, &v, 20);
    tt_trace(result == pdPASS ? 'P' : 'F');
    tt_park();
}

static void test_xQueueReset_empties_the_queue(void)
{
    uint32_t v;

    q = qu_queue(3, sizeof(uint32_t));
    for (uint32_t i = 1; i <= 3; i++) {
        QT_EQ(xQueueSend(q, &i, 0), pdPASS);
    }
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS); /* move the read position off the start */
    QT_EQ(xQueueReset(q), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    QT_EQ(uxQueueSpacesAvailable(q), 3);
    QT_EQ(xQueueReceive(q, &v, 0), errQUEUE_EMPTY);
    for (uint32_t i = 4; i <= 6; i++) {
        QT_EQ(xQueueSend(q, &i, 0), pdPASS);
    }
    for (uint32_t i = 4; i <= 6; i++) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
        QT_EQ(v, i);
    }
    vQueueDelete(q);
}

static void test_xQueueReset_completes_waiting_sends_that_fit(void)
{
    const uint32_t first = 9;
    TaskHandle_t t[3];
    uint32_t v;

    tt_trace_reset();
    q = qu_queue(2, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &first, 0), pdPASS);
    QT_EQ(xQueueSend(q, &first, 0), pdPASS);
    t[0] = tt_spawn(send_once, "a", LO - 1, (void *)1);
    t[1] = tt_spawn(send_once, "b", LO, (void *)2);
    t[2] = tt_spawn(send_once, "c", LO - 1, (void *)3);
    qu_settle();
    QT_EQ(xQueueReset(q), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 2); /* b then a got in; c still waits */
    qu_settle();
    TT_EXPECT_TRACE("2 1");
    QT_EQ(eTaskGetState(t[2]), eBlocked);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 3);
    for (int i = 0; i < 3; i++) {
        vTaskDelete(t[i]);
    }
    vQueueDelete(q);
}

static void test_xQueueReset_lets_higher_priority_sender_run_at_once(void)
{
    const uint32_t first = 9;
    TaskHandle_t tx;
    uint32_t v;

    tt_trace_reset();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &first, 0), pdPASS);
    tx = tt_spawn(send_once, "tx", QTEST_PRIORITY + 1, (void *)5);
    qu_yield_if_coop();
    QT_EQ(xQueueReset(q), pdPASS);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("5");
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("5");
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 5);
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_xQueueReset_leaves_receivers_waiting(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    q = qu_queue(2, sizeof(uint32_t));
    rx = tt_spawn(receive_20, "rx", LO, NULL);
    vTaskDelay(5);
    QT_EQ(xQueueReset(q), pdPASS);
    QT_EQ(eTaskGetState(rx), eBlocked);
    vTaskDelay(20);
    TT_EXPECT_TRACE("F20");
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_xQueueReset_zeroes_a_semaphore(void)
{
    SemaphoreHandle_t s = qu_binary();

    QT_EQ(xSemaphoreGive(s), pdPASS);
    QT_EQ(uxSemaphoreGetCount(s), 1);
    QT_EQ(xQueueReset(s), pdPASS);
    QT_EQ(uxSemaphoreGetCount(s), 0);
    QT_EQ(xSemaphoreTake(s, 0), pdFAIL);
    vSemaphoreDelete(s);
}

/* ---- Misuse (configASSERT) ---- */

static void reset_null(void *arg)
{
    (void)arg;
    (void)xQueueReset(NULL);
}

#if configUSE_MUTEXES
static void reset_mutex(void *arg)
{
    (void)xQueueReset((QueueHandle_t)arg);
}
#endif

static void test_xQueueReset_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(reset_null, NULL);
#if configUSE_MUTEXES
    SemaphoreHandle_t m = qu_mutex();

    QT_EXPECT_ASSERT(reset_mutex, m);
    vSemaphoreDelete(m);
#endif
}

QTEST_MAIN(QTEST_CASE(test_xQueueReset_empties_the_queue),
           QTEST_CASE(test_xQueueReset_completes_waiting_sends_that_fit),
           QTEST_CASE(test_xQueueReset_lets_higher_priority_sender_run_at_once),
           QTEST_CASE(test_xQueueReset_leaves_receivers_waiting),
           QTEST_CASE(test_xQueueReset_zeroes_a_semaphore),
           QTEST_CASE(test_xQueueReset_misuse_asserts))
