/* SPDX-License-Identifier: MIT */
/*
 * Selecting from queue sets: members are named in the order their data
 * arrived across queues, binary and counting semaphores; a selecting task
 * blocks until a member receives data, or for exactly its timeout; and the
 * send paths that store an item (plain sends, overwrite, waiting senders
 * admitted by a receive, xQueueReset) post to the set, while an item handed
 * straight to a task blocked on the member itself does not.
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)

static QueueSetHandle_t set;
static QueueHandle_t q1, q2;
static QueueSetMemberHandle_t selected;
static uint32_t received;

static QueueSetHandle_t make_set(UBaseType_t length)
{
    QueueSetHandle_t s = xQueueCreateSet(length);

    QT_ASSERT(s != NULL);
    return s;
}

static void test_xQueueSelectFromSet_names_members_in_arrival_order(void)
{
    SemaphoreHandle_t b = qu_binary();
    SemaphoreHandle_t c = qu_counting(2, 0);
    const uint32_t one = 1, two = 2, three = 3;
    uint32_t v;

    set = make_set(2 + 1 + 1 + 2);
    q1 = qu_queue(2, sizeof(uint32_t));
    q2 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    QT_EQ(xQueueAddToSet(q2, set), pdPASS);
    QT_EQ(xQueueAddToSet(b, set), pdPASS);
    QT_EQ(xQueueAddToSet(c, set), pdPASS);
    QT_EQ(xQueueSend(q2, &two, 0), pdPASS);
    QT_EQ(xSemaphoreGive(c), pdPASS);
    QT_EQ(xQueueSend(q1, &one, 0), pdPASS);
    QT_EQ(xSemaphoreGive(b), pdPASS);
    QT_EQ(xSemaphoreGive(c), pdPASS);
    QT_EQ(xQueueSendToFront(q1, &three, 0), pdPASS); /* the set still lists arrival order */
    QT_EQ(uxQueueMessagesWaiting(set), 6);

    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q2);
    QT_EQ(xQueueReceive(q2, &v, 0), pdPASS);
    QT_EQ(v, 2);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), c);
    QT_EQ(xSemaphoreTake(c, 0), pdPASS);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    QT_EQ(v, 3);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), b);
    QT_EQ(xSemaphoreTake(b, 0), pdPASS);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), c);
    QT_EQ(xSemaphoreTake(c, 0), pdPASS);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL);

    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q2, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(b, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(c, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(q2);
    vSemaphoreDelete(b);
    vSemaphoreDelete(c);
    vQueueDelete(set);
}

static void test_xQueueSelectFromSet_times_out_after_exact_ticks(void)
{
    TickType_t t0;

    set = make_set(1);
    q1 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    t0 = xTaskGetTickCount();
    QT_PTR_EQ(xQueueSelectFromSet(set, 7), NULL);
    QT_EQ(xTaskGetTickCount() - t0, 7);
    t0 = xTaskGetTickCount();
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL); /* no block time: at once */
    QT_EQ(xTaskGetTickCount() - t0, 0);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(set);
}

/* Selects forever, receives from what it got, records the tick, parks. */
static void select_once(void *arg)
{
    (void)arg;
    selected = xQueueSelectFromSet(set, portMAX_DELAY);
    if (selected == q1 || selected == q2) {
        QT_EQ(xQueueReceive(selected, &received, 0), pdPASS);
    }
    tt_trace('S');
    tt_park();
}

static void test_xQueueSelectFromSet_blocks_until_a_member_receives(void)
{
    const uint32_t v = 42;
    TaskHandle_t t;

    tt_trace_reset();
    selected = NULL;
    set = make_set(2);
    q1 = qu_queue(1, sizeof(uint32_t));
    q2 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    QT_EQ(xQueueAddToSet(q2, set), pdPASS);
    t = tt_spawn(select_once, "sel", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    TT_EXPECT_TRACE("");
    QT_EQ(xQueueSend(q2, &v, 0), pdPASS); /* the selector outranks us: it runs at once */
    qu_yield_if_coop();
    TT_EXPECT_TRACE("S5");
    QT_PTR_EQ(selected, q2);
    QT_EQ(received, 42);
    QT_EQ(uxQueueMessagesWaiting(set), 0);
    vTaskDelete(t);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q2, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(q2);
    vQueueDelete(set);
}

static void test_xQueueOverwrite_member_posts_only_when_empty(void)
{
    const uint32_t a = 1, b = 2;
    uint32_t v;

    set = make_set(1);
    q1 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    QT_EQ(xQueueOverwrite(q1, &a), pdPASS);
    QT_EQ(xQueueOverwrite(q1, &b), pdPASS); /* replaces the item: no second event */
    QT_EQ(uxQueueMessagesWaiting(set), 1);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    QT_EQ(v, 2);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(set);
}

static void receive_member_once(void *arg)
{
    (void)arg;
    if (xQueueReceive(q1, &received, portMAX_DELAY) == pdPASS) {
        tt_trace('R');
    }
    tt_park();
}

/* Quartz hands the item to the task blocked on the member; the member stays empty. */
static void test_send_to_member_with_waiting_receiver_bypasses_the_set(void)
{
    const uint32_t v = 9;
    TaskHandle_t t;

    tt_trace_reset();
    received = 0;
    set = make_set(1);
    q1 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    t = tt_spawn(receive_member_once, "rx", HI, NULL);
    qu_yield_if_coop();
    QT_EQ(xQueueSend(q1, &v, 0), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(received, 9);
    QT_EQ(uxQueueMessagesWaiting(q1), 0);
    QT_EQ(uxQueueMessagesWaiting(set), 0);
    vTaskDelete(t);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(set);
}

static void send_member_once(void *arg)
{
    const uint32_t v = (uint32_t)(intptr_t)arg;

    if (xQueueSend(q1, &v, portMAX_DELAY) == pdPASS) {
        tt_trace('W');
    }
    tt_park();
}

/* A receive that admits a waiting sender's item into a member posts that item's event. */
static void test_admitted_sender_posts_to_the_set(void)
{
    const uint32_t first = 1;
    uint32_t v;
    TaskHandle_t t;

    tt_trace_reset();
    set = make_set(1);
    q1 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    QT_EQ(xQueueSend(q1, &first, 0), pdPASS);
    t = tt_spawn(send_member_once, "tx", HI, (void *)2);
    qu_yield_if_coop();
    TT_EXPECT_TRACE(""); /* q1 is full: the sender waits */
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("W0");
    QT_EQ(v, 1);
    QT_EQ(uxQueueMessagesWaiting(set), 1);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    QT_EQ(v, 2);
    vTaskDelete(t);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(set);
}

/* xQueueReset completes waiting sends into the emptied member: each is an event. */
static void test_xQueueReset_admitted_senders_post_to_the_set(void)
{
    const uint32_t first = 1;
    uint32_t v;
    TaskHandle_t t;

    tt_trace_reset();
    set = make_set(1);
    q1 = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueAddToSet(q1, set), pdPASS);
    QT_EQ(xQueueSend(q1, &first, 0), pdPASS);
    t = tt_spawn(send_member_once, "tx", HI, (void *)4);
    qu_yield_if_coop();
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1); /* consume the first item's event */
    QT_EQ(xQueueReset(q1), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("W0");
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q1);
    QT_EQ(xQueueReceive(q1, &v, 0), pdPASS);
    QT_EQ(v, 4);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL);
    vTaskDelete(t);
    QT_EQ(xQueueRemoveFromSet(q1, set), pdPASS);
    vQueueDelete(q1);
    vQueueDelete(set);
}

QTEST_MAIN(QTEST_CASE(test_xQueueSelectFromSet_names_members_in_arrival_order),
           QTEST_CASE(test_xQueueSelectFromSet_times_out_after_exact_ticks),
           QTEST_CASE(test_xQueueSelectFromSet_blocks_until_a_member_receives),
           QTEST_CASE(test_xQueueOverwrite_member_posts_only_when_empty),
           QTEST_CASE(test_send_to_member_with_waiting_receiver_bypasses_the_set),
           QTEST_CASE(test_admitted_sender_posts_to_the_set),
           QTEST_CASE(test_xQueueReset_admitted_senders_post_to_the_set))
