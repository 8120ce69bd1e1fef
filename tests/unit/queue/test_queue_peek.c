/* SPDX-License-Identifier: MIT */
/*
 * Peek waiters: a task blocked in xQueuePeek receives a copy of the first item
 * sent, and the item then goes on to the next waiter in line or into the
 * queue. A receiver ahead of a peeker consumes the item and the peeker waits
 * for the next one.
 */
#include "queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static QueueHandle_t q;
static uint32_t got[128];

static void peek_once(void *arg)
{
    const char id = (char)(intptr_t)arg;
    uint32_t v;

    if (xQueuePeek(q, &v, portMAX_DELAY) == pdPASS) {
        got[(unsigned char)id] = v;
        tt_mark(id);
    }
    tt_park();
}

static void receive_once(void *arg)
{
    const char id = (char)(intptr_t)arg;
    uint32_t v;

    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        got[(unsigned char)id] = v;
        tt_mark(id);
    }
    tt_park();
}

static void reset_case(void)
{
    tt_trace_reset();
    for (unsigned i = 0; i < sizeof(got) / sizeof(got[0]); i++) {
        got[i] = 0;
    }
}

static void test_peek_waiter_gets_copy_and_item_is_stored(void)
{
    const uint32_t v = 7;
    TaskHandle_t p;

    reset_case();
    q = qu_queue(2, sizeof(uint32_t));
    p = tt_spawn(peek_once, "peek", HI, (void *)'P');
    qu_yield_if_coop();
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("P");
    QT_EQ(got['P'], 7);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    vTaskDelete(p);
    vQueueDelete(q);
}

static void test_peek_waiter_passes_item_on_to_receiver(void)
{
    const uint32_t v = 7;
    TaskHandle_t p, r;

    reset_case();
    q = qu_queue(2, sizeof(uint32_t));
    p = tt_spawn(peek_once, "peek", LO, (void *)'P');
    r = tt_spawn(receive_once, "recv", LO - 1, (void *)'R');
    qu_settle();
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 0); /* the receiver consumed it */
    qu_settle();
    TT_EXPECT_TRACE("P R");
    QT_EQ(got['P'], 7);
    QT_EQ(got['R'], 7);
    vTaskDelete(p);
    vTaskDelete(r);
    vQueueDelete(q);
}

static void test_receiver_ahead_of_peeker_consumes_item(void)
{
    const uint32_t a = 1, b = 2;
    TaskHandle_t p, r;
    uint32_t v;

    reset_case();
    q = qu_queue(2, sizeof(uint32_t));
    r = tt_spawn(receive_once, "recv", LO, (void *)'R');
    p = tt_spawn(peek_once, "peek", LO - 1, (void *)'P');
    qu_settle();
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    qu_settle();
    TT_EXPECT_TRACE("R");
    QT_EQ(eTaskGetState(p), eBlocked);
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    qu_settle();
    TT_EXPECT_TRACE("R P");
    QT_EQ(got['R'], 1);
    QT_EQ(got['P'], 2);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    vTaskDelete(p);
    vTaskDelete(r);
    vQueueDelete(q);
}

static void test_every_peek_waiter_gets_a_copy(void)
{
    const uint32_t v = 5;
    TaskHandle_t t[3];

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    t[0] = tt_spawn(peek_once, "a", LO, (void *)'a');
    t[1] = tt_spawn(peek_once, "b", LO - 1, (void *)'b');
    t[2] = tt_spawn(peek_once, "c", LO, (void *)'c');
    qu_settle();
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    qu_settle();
    TT_EXPECT_TRACE("a c b");
    QT_EQ(got['a'] + got['b'] + got['c'], 15);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    for (int i = 0; i < 3; i++) {
        vTaskDelete(t[i]);
    }
    vQueueDelete(q);
}

static void test_peek_on_stored_item_does_not_block(void)
{
    const uint32_t v = 3;
    const TickType_t t0 = xTaskGetTickCount();
    uint32_t out = 0;

    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(xQueuePeek(q, &out, 100), pdPASS);
    QT_EQ(out, 3);
    QT_EQ(xTaskGetTickCount(), t0);
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    vQueueDelete(q);
}

QTEST_MAIN(QTEST_CASE(test_peek_waiter_gets_copy_and_item_is_stored),
           QTEST_CASE(test_peek_waiter_passes_item_on_to_receiver),
           QTEST_CASE(test_receiver_ahead_of_peeker_consumes_item),
           QTEST_CASE(test_every_peek_waiter_gets_a_copy),
           QTEST_CASE(test_peek_on_stored_item_does_not_block))
