/* SPDX-License-Identifier: MIT */
/*
 * Queue ordering and fill state without blocking: FIFO, send to front,
 * overwrite, peek, full and empty returns, wrap-around of the storage ring,
 * and the size queries.
 */
#include "queue_test_util.h"

#include <string.h>

static void test_xQueueSend_fifo_order(void)
{
    QueueHandle_t q = qu_queue(4, sizeof(uint32_t));
    uint32_t v;

    for (uint32_t i = 1; i <= 3; i++) {
        QT_EQ(xQueueSend(q, &i, 0), pdPASS);
    }
    for (uint32_t i = 1; i <= 3; i++) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
        QT_EQ(v, i);
    }
    vQueueDelete(q);
}

static void test_xQueueSendToFront_goes_first(void)
{
    QueueHandle_t q = qu_queue(4, sizeof(uint32_t));
    const uint32_t a = 1, b = 2, c = 3, d = 4;
    uint32_t v;

    QT_EQ(xQueueSendToBack(q, &a, 0), pdPASS);
    QT_EQ(xQueueSendToFront(q, &b, 0), pdPASS);
    QT_EQ(xQueueSendToBack(q, &c, 0), pdPASS);
    QT_EQ(xQueueSendToFront(q, &d, 0), pdPASS);
    const uint32_t expected[] = {4, 2, 1, 3};
    for (int i = 0; i < 4; i++) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
        QT_EQ(v, expected[i]);
    }
    vQueueDelete(q);
}

static void test_xQueueSend_full_returns_errQUEUE_FULL(void)
{
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    const uint32_t a = 10, b = 20, c = 30;
    const TickType_t t0 = xTaskGetTickCount();
    uint32_t v;

    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    QT_EQ(xQueueSend(q, &c, 0), errQUEUE_FULL);
    QT_EQ(xQueueSendToFront(q, &c, 0), errQUEUE_FULL);
    QT_EQ(xTaskGetTickCount(), t0);
    QT_EQ(uxQueueMessagesWaiting(q), 2);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 10);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 20);
    vQueueDelete(q);
}

static void test_xQueueReceive_empty_returns_errQUEUE_EMPTY(void)
{
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    uint32_t v = 99;

    QT_EQ(xQueueReceive(q, &v, 0), errQUEUE_EMPTY);
    QT_EQ(xQueuePeek(q, &v, 0), errQUEUE_EMPTY);
    QT_EQ(v, 99);
    vQueueDelete(q);
}

static void test_xQueueOverwrite_replaces_the_item(void)
{
    QueueHandle_t q = qu_queue(1, sizeof(uint32_t));
    const uint32_t a = 5, b = 7;
    uint32_t v;

    QT_EQ(xQueueOverwrite(q, &a), pdPASS); /* empty: stores */
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(xQueueOverwrite(q, &b), pdPASS); /* full: replaces */
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(xQueueSend(q, &a, 0), errQUEUE_FULL);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 7);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    vQueueDelete(q);
}

static void test_xQueuePeek_leaves_the_item(void)
{
    QueueHandle_t q = qu_queue(3, sizeof(uint32_t));
    const uint32_t a = 1, b = 2;
    uint32_t v = 0;

    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    QT_EQ(xQueuePeek(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(xQueuePeek(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(uxQueueMessagesWaiting(q), 2);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(xQueuePeek(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    vQueueDelete(q);
}

static void test_uxQueueMessagesWaiting_and_uxQueueSpacesAvailable(void)
{
    QueueHandle_t q = qu_queue(3, sizeof(uint16_t));
    const uint16_t x = 1;
    uint16_t v;

    QT_EQ(uxQueueMessagesWaiting(q), 0);
    QT_EQ(uxQueueSpacesAvailable(q), 3);
    QT_EQ(uxQueueGetQueueLength(q), 3);
    QT_EQ(uxQueueGetQueueItemSize(q), sizeof(uint16_t));
    for (UBaseType_t i = 1; i <= 3; i++) {
        QT_EQ(xQueueSend(q, &x, 0), pdPASS);
        QT_EQ(uxQueueMessagesWaiting(q), i);
        QT_EQ(uxQueueSpacesAvailable(q), 3 - i);
    }
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 2);
    QT_EQ(uxQueueSpacesAvailable(q), 1);
    vQueueDelete(q);
}

/* A queue against a plain array model, through many wraps of its ring. */
static void test_queue_order_survives_wrapping(void)
{
    enum { LEN = 5 };
    QueueHandle_t q = qu_queue(LEN, sizeof(uint32_t));
    uint32_t model[LEN * 2];
    unsigned head = 0, n = 0, seed = 12345;
    uint32_t next = 1, v;

    for (int step = 0; step < 2000; step++) {
        seed = seed * 1103515245u + 12345u;
        const unsigned op = (seed >> 16) % 3;

        if (op == 0 && n < LEN) { /* back */
            QT_EQ(xQueueSendToBack(q, &next, 0), pdPASS);
            model[(head + n) % LEN] = next++;
            n++;
        } else if (op == 1 && n < LEN) { /* front */
            QT_EQ(xQueueSendToFront(q, &next, 0), pdPASS);
            head = (head + LEN - 1) % LEN;
            model[head] = next++;
            n++;
        } else if (n > 0) {
            QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
            QT_EQ(v, model[head]);
            head = (head + 1) % LEN;
            n--;
        } else {
            QT_EQ(xQueueReceive(q, &v, 0), errQUEUE_EMPTY);
        }
        QT_EQ(uxQueueMessagesWaiting(q), n);
    }
    while (n-- > 0) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    }
    vQueueDelete(q);
}

struct record {
    uint8_t tag;
    uint32_t value;
    char text[7];
};

static void test_xQueueSend_copies_whole_items(void)
{
    QueueHandle_t q = qu_queue(2, sizeof(struct record));
    struct record in = {.tag = 3, .value = 0xdeadbeef, .text = "quartz"};
    struct record out;

    QT_EQ(xQueueSend(q, &in, 0), pdPASS);
    memset(&in, 0, sizeof(in)); /* the queue holds a copy, not a reference */
    memset(&out, 0xff, sizeof(out));
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    QT_EQ(out.tag, 3);
    QT_EQ(out.value, 0xdeadbeef);
    QT_ASSERT(strcmp(out.text, "quartz") == 0);
    vQueueDelete(q);
}

/* ---- Misuse (configASSERT) ---- */

static void send_to_null_queue(void *arg)
{
    uint32_t v = 0;

    (void)arg;
    (void)xQueueSend(NULL, &v, 0);
}

static void send_null_item(void *arg)
{
    (void)xQueueSend((QueueHandle_t)arg, NULL, 0);
}

static void receive_into_null(void *arg)
{
    (void)xQueueReceive((QueueHandle_t)arg, NULL, 0);
}

static void send_bad_position(void *arg)
{
    uint32_t v = 0;

    (void)xQueueGenericSend((QueueHandle_t)arg, &v, 0, 3);
}

static void overwrite_long_queue(void *arg)
{
    uint32_t v = 0;

    (void)xQueueOverwrite((QueueHandle_t)arg, &v);
}

static void block_with_scheduler_suspended(void *arg)
{
    uint32_t v = 0;

    vTaskSuspendAll();
    (void)xQueueReceive((QueueHandle_t)arg, &v, 10);
}

static void test_queue_misuse_asserts(void)
{
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));

    QT_EXPECT_ASSERT(send_to_null_queue, NULL);
    QT_EXPECT_ASSERT(send_null_item, q);
    QT_EXPECT_ASSERT(receive_into_null, q);
    QT_EXPECT_ASSERT(send_bad_position, q);
    QT_EXPECT_ASSERT(overwrite_long_queue, q);
    QT_EXPECT_ASSERT(block_with_scheduler_suspended, q);
    vQueueDelete(q);
}

QTEST_MAIN(QTEST_CASE(test_xQueueSend_fifo_order), QTEST_CASE(test_xQueueSendToFront_goes_first),
           QTEST_CASE(test_xQueueSend_full_returns_errQUEUE_FULL),
           QTEST_CASE(test_xQueueReceive_empty_returns_errQUEUE_EMPTY),
           QTEST_CASE(test_xQueueOverwrite_replaces_the_item),
           QTEST_CASE(test_xQueuePeek_leaves_the_item),
           QTEST_CASE(test_uxQueueMessagesWaiting_and_uxQueueSpacesAvailable),
           QTEST_CASE(test_queue_order_survives_wrapping),
           QTEST_CASE(test_xQueueSend_copies_whole_items),
           QTEST_CASE(test_queue_misuse_asserts))
