/* SPDX-License-Identifier: MIT */
/*
 * Blocking on queues: exact timeouts, waking order (priority, then first come
 * first served), direct hand-off to waiting receivers and from waiting
 * senders, endless waits, and waits ended by xTaskAbortDelay, suspension and
 * deletion. The case task runs at QTEST_PRIORITY; helpers run above or below.
 */
#include "queue_test_util.h"

#include <string.h>

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static QueueHandle_t q;
static uint32_t got[128];
static BaseType_t result;

/* Receives one item forever-blocking, records it under its name, parks. */
static void receive_once(void *arg)
{
    const char id = (char)(intptr_t)arg;
    uint32_t v;

    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        got[(unsigned char)id] = v;
        tt_trace(id);
    }
    tt_park();
}

/* Sends its argument (a value below 128) forever-blocking, then parks. */
static void send_once(void *arg)
{
    const uint32_t v = (uint32_t)(intptr_t)arg;

    if (xQueueSend(q, &v, portMAX_DELAY) == pdPASS) {
        tt_mark((char)('0' + v));
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

static void test_xQueueReceive_times_out_after_exact_ticks(void)
{
    uint32_t v;
    TickType_t t0;

    q = qu_queue(1, sizeof(uint32_t));
    t0 = xTaskGetTickCount();
    QT_EQ(xQueueReceive(q, &v, 10), errQUEUE_EMPTY);
    QT_EQ(xTaskGetTickCount() - t0, 10);
    t0 = xTaskGetTickCount();
    QT_EQ(xQueueReceive(q, &v, 1), errQUEUE_EMPTY);
    QT_EQ(xTaskGetTickCount() - t0, 1);
    t0 = xTaskGetTickCount();
    QT_EQ(xQueuePeek(q, &v, 4), errQUEUE_EMPTY);
    QT_EQ(xTaskGetTickCount() - t0, 4);
    vQueueDelete(q);
}

static void test_xQueueSend_times_out_after_exact_ticks(void)
{
    const uint32_t v = 1;
    TickType_t t0;

    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    t0 = xTaskGetTickCount();
    QT_EQ(xQueueSend(q, &v, 7), errQUEUE_FULL);
    QT_EQ(xTaskGetTickCount() - t0, 7);
    t0 = xTaskGetTickCount();
    QT_EQ(xQueueSendToFront(q, &v, 3), errQUEUE_FULL);
    QT_EQ(xTaskGetTickCount() - t0, 3);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    vQueueDelete(q);
}

static void test_xQueueSend_hands_item_to_higher_priority_receiver(void)
{
    const uint32_t v = 42;
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", HI, (void *)'R');
    qu_yield_if_coop();
    QT_EQ(eTaskGetState(rx), eBlocked);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("R0"); /* it ran before the send returned */
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(got['R'], 42);
    QT_EQ(uxQueueMessagesWaiting(q), 0); /* handed over, never stored */
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_xQueueSend_hands_item_to_lower_priority_receiver_before_it_runs(void)
{
    const uint32_t a = 1, b = 2;
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(2, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", LO, (void *)'R');
    qu_settle(); /* rx blocks */
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 0); /* already in rx's buffer */
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 1); /* nobody waits now: stored */
    TT_EXPECT_TRACE("");
    qu_settle();
    TT_EXPECT_TRACE("R1");
    QT_EQ(got['R'], 1);
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_receivers_woken_by_priority_then_arrival(void)
{
    TaskHandle_t t[4];

    reset_case();
    q = qu_queue(4, sizeof(uint32_t));
    t[0] = tt_spawn(receive_once, "A", LO - 1, (void *)'A');
    t[1] = tt_spawn(receive_once, "B", LO, (void *)'B');
    t[2] = tt_spawn(receive_once, "C", LO, (void *)'C');
    t[3] = tt_spawn(receive_once, "D", LO - 1, (void *)'D');
    qu_settle(); /* they block in the order B C A D */
    for (uint32_t v = 1; v <= 4; v++) {
        QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    }
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    qu_settle();
    QT_EQ(got['B'], 1);
    QT_EQ(got['C'], 2);
    QT_EQ(got['A'], 3);
    QT_EQ(got['D'], 4);
    for (int i = 0; i < 4; i++) {
        vTaskDelete(t[i]);
    }
    vQueueDelete(q);
}

static void test_senders_admitted_by_priority_then_arrival(void)
{
    const uint32_t first = 9;
    TaskHandle_t t[4];
    uint32_t v;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &first, 0), pdPASS);
    t[0] = tt_spawn(send_once, "a", LO - 1, (void *)1);
    t[1] = tt_spawn(send_once, "b", LO, (void *)2);
    t[2] = tt_spawn(send_once, "c", LO, (void *)3);
    t[3] = tt_spawn(send_once, "d", LO - 1, (void *)4);
    qu_settle();
    const uint32_t expected[] = {9, 2, 3, 1, 4};
    for (int i = 0; i < 5; i++) {
        QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
        QT_EQ(v, expected[i]);
    }
    qu_settle();
    TT_EXPECT_TRACE("2 3 1 4"); /* each send had completed before its task ran */
    for (int i = 0; i < 4; i++) {
        vTaskDelete(t[i]);
    }
    vQueueDelete(q);
}

static void send_to_front_once(void *arg)
{
    const uint32_t v = (uint32_t)(intptr_t)arg;

    result = xQueueSendToFront(q, &v, portMAX_DELAY);
    tt_park();
}

static void test_waiting_send_to_front_goes_to_the_front(void)
{
    const uint32_t a = 1, b = 2;
    TaskHandle_t tx;
    uint32_t v;

    q = qu_queue(2, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(xQueueSend(q, &b, 0), pdPASS);
    tx = tt_spawn(send_to_front_once, "tx", LO, (void *)7);
    qu_settle();
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 7);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 2);
    qu_settle();
    QT_EQ(result, pdPASS);
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_xQueueReceive_completes_higher_priority_sender_at_once(void)
{
    const uint32_t a = 5;
    TaskHandle_t tx;
    uint32_t v;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tx = tt_spawn(send_once, "tx", HI, (void *)6);
    qu_yield_if_coop();
    QT_EQ(eTaskGetState(tx), eBlocked);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 5);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("6"); /* the sender ran before the receive returned */
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("6");
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 6);
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_portMAX_DELAY_waits_forever(void)
{
    const uint32_t v = 3;
    const TickType_t t0 = xTaskGetTickCount();
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", HI, (void *)'R');
    qu_yield_if_coop();
    vTaskDelay(1000);
    QT_EQ(eTaskGetState(rx), eBlocked);
    TT_EXPECT_TRACE("");
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    qu_yield_if_coop();
    QT_EQ(got['R'], 3);
    QT_EQ(xTaskGetTickCount() - t0, 1000);
    vTaskDelete(rx);
    vQueueDelete(q);
}

/* Receives with a 20-tick timeout and traces 'P' (pass) or 'F' (fail). */
static void receive_20(void *arg)
{
    uint32_t v = 0;

    (void)arg;
    result = xQueueReceive(q, &v, 20);
    got['v'] = v;
    tt_trace(result == pdPASS ? 'P' : 'F');
    tt_park();
}

static void test_xTaskAbortDelay_fails_the_receive(void)
{
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_20, "rx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    QT_EQ(xTaskAbortDelay(rx), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("F5");
    QT_EQ(result, errQUEUE_EMPTY);
    vTaskDelete(rx);
    vQueueDelete(q);
}

/* Receives from q, or takes the binary semaphore sem when arg is non-NULL, without timeout;
 * traces 'P' (pass) or 'F' (fail). */
static SemaphoreHandle_t sem;

static void receive_endless(void *arg)
{
    uint32_t v = 0;

    if (arg != NULL) {
        result = xSemaphoreTake(sem, portMAX_DELAY);
    } else {
        result = xQueueReceive(q, &v, portMAX_DELAY);
    }
    got['v'] = v;
    tt_trace(result == pdPASS ? 'P' : 'F');
    tt_park();
}

/* A queue and a semaphore, and a task that has waited 5 ticks on one of them. */
static TaskHandle_t start_endless(uintptr_t take)
{
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    sem = qu_binary();
    rx = tt_spawn(receive_endless, "rx", HI, (void *)take);
    qu_yield_if_coop();
    vTaskDelay(5);
    return rx;
}

static void end_endless(TaskHandle_t rx)
{
    vTaskDelete(rx);
    vQueueDelete(q);
    vSemaphoreDelete(sem);
}

/* A wait without timeout (the fast paths' own copy) ends with the abort too. */
static void abort_endless(uintptr_t take)
{
    TaskHandle_t rx = start_endless(take);

    QT_EQ(xTaskAbortDelay(rx), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("F5");
    QT_EQ(result, take ? pdFALSE : errQUEUE_EMPTY);
    /* Nothing is left waiting: a send or give is stored. */
    QT_EQ(xQueueSend(q, &(uint32_t){1}, 0), pdPASS);
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    QT_EQ(uxSemaphoreGetCount(sem), 1);
    end_endless(rx);
}

static void test_xTaskAbortDelay_fails_an_endless_receive(void)
{
    abort_endless(0);
}

static void test_xTaskAbortDelay_fails_an_endless_take(void)
{
    abort_endless(1);
}

/* Suspended and resumed, it waits again, for good, and gets what comes next. */
static void suspend_endless(uintptr_t take)
{
    const uint32_t v = 9;
    TaskHandle_t rx = start_endless(take);

    vTaskSuspend(rx);
    vTaskDelay(5);
    vTaskResume(rx);
    qu_yield_if_coop();
    vTaskDelay(100);
    TT_EXPECT_TRACE("");
    QT_EQ(eTaskGetState(rx), eBlocked);
    if (take) {
        QT_EQ(xSemaphoreGive(sem), pdPASS);
    } else {
        QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("P110");
    QT_EQ(got['v'], take ? 0u : v);
    end_endless(rx);
}

static void test_suspended_endless_receiver_waits_again(void)
{
    suspend_endless(0);
}

static void test_suspended_endless_taker_waits_again(void)
{
    suspend_endless(1);
}

static void test_suspended_receiver_retries_with_the_time_left(void)
{
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_20, "rx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(rx);
    vTaskDelay(10);
    vTaskResume(rx); /* tick 15: it waits again, until its original deadline */
    qu_yield_if_coop();
    TT_EXPECT_TRACE("");
    vTaskDelay(10);
    TT_EXPECT_TRACE("F20");
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_suspended_receiver_takes_item_sent_meanwhile(void)
{
    const uint32_t v = 8;
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_20, "rx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(rx);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 1); /* rx no longer waits: stored */
    vTaskDelay(3);
    vTaskResume(rx);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("P8");
    QT_EQ(got['v'], 8);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    vTaskDelete(rx);
    vQueueDelete(q);
}

static void test_receiver_resumed_after_its_deadline_fails_at_once(void)
{
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_20, "rx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(rx);
    vTaskDelay(20);
    vTaskResume(rx); /* tick 25: the 20 ticks are over */
    qu_yield_if_coop();
    TT_EXPECT_TRACE("F25");
    vTaskDelete(rx);
    vQueueDelete(q);
}

/* Sends 7 with a 20-tick timeout and traces 'S' (sent) or 's' (failed). */
static void send_20(void *arg)
{
    const uint32_t v = 7;

    (void)arg;
    result = xQueueSend(q, &v, 20);
    tt_trace(result == pdPASS ? 'S' : 's');
    tt_park();
}

static void test_suspended_sender_retries_and_sends(void)
{
    const uint32_t a = 1;
    TaskHandle_t tx;
    uint32_t v;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tx = tt_spawn(send_20, "tx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(tx);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS); /* tx no longer waits: nothing moves in */
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    vTaskDelay(3);
    vTaskResume(tx);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("S8");
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, 7);
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_suspended_sender_resumed_on_full_queue_waits_out_its_time(void)
{
    const uint32_t a = 1;
    TaskHandle_t tx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tx = tt_spawn(send_20, "tx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(tx);
    vTaskDelay(5);
    vTaskResume(tx);
    qu_yield_if_coop();
    vTaskDelay(20);
    TT_EXPECT_TRACE("s20");
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_sender_resumed_after_its_deadline_fails_at_once(void)
{
    const uint32_t a = 1;
    TaskHandle_t tx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    tx = tt_spawn(send_20, "tx", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(tx);
    vTaskDelay(30);
    vTaskResume(tx);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("s35");
    vTaskDelete(tx);
    vQueueDelete(q);
}

static void test_priority_change_moves_a_waiter_in_line(void)
{
    TaskHandle_t t[2];

    reset_case();
    q = qu_queue(2, sizeof(uint32_t));
    t[0] = tt_spawn(receive_once, "A", LO - 1, (void *)'A');
    t[1] = tt_spawn(receive_once, "B", LO - 1, (void *)'B');
    qu_settle(); /* A waits ahead of B */
    vTaskPrioritySet(t[1], LO);
    for (uint32_t v = 1; v <= 2; v++) {
        QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    }
    QT_EQ(got['B'], 0); /* not run yet, but the items are theirs */
    qu_settle();
    QT_EQ(got['B'], 1);
    QT_EQ(got['A'], 2);
    vTaskDelete(t[0]);
    vTaskDelete(t[1]);
    vQueueDelete(q);
}

static void test_zero_timeout_works_with_scheduler_suspended(void)
{
    const uint32_t a = 4;
    uint32_t v;

    q = qu_queue(1, sizeof(uint32_t));
    vTaskSuspendAll();
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(xQueueSend(q, &a, 0), errQUEUE_FULL);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(xQueueReceive(q, &v, 0), errQUEUE_EMPTY);
    (void)xTaskResumeAll();
    QT_EQ(v, 4);
    vQueueDelete(q);
}

static void test_deleted_receiver_leaves_the_queue(void)
{
    const uint32_t v = 1;
    TaskHandle_t rx;

    reset_case();
    q = qu_queue(1, sizeof(uint32_t));
    rx = tt_spawn(receive_once, "rx", LO, (void *)'R');
    qu_settle();
    vTaskDelete(rx);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(q), 1);
    vQueueDelete(q);
}

/* Alternating producer and consumer at one priority move every item in order. */
static void producer(void *arg)
{
    (void)arg;
    for (uint32_t i = 0; i < 100; i++) {
        QT_EQ(xQueueSend(q, &i, portMAX_DELAY), pdPASS);
    }
    tt_mark('p');
    tt_park();
}

static void consumer(void *arg)
{
    uint32_t v;

    (void)arg;
    for (uint32_t i = 0; i < 100; i++) {
        QT_EQ(xQueueReceive(q, &v, portMAX_DELAY), pdPASS);
        QT_EQ(v, i);
    }
    tt_mark('c');
    tt_park();
}

static void test_producer_and_consumer_keep_order(void)
{
    TaskHandle_t p, c;

    reset_case();
    q = qu_queue(3, sizeof(uint32_t));
    c = tt_spawn(consumer, "c", LO, NULL);
    p = tt_spawn(producer, "p", LO, NULL);
    vTaskDelay(5);
    /* Either may finish first: the last send completes when the consumer admits it. */
    QT_ASSERT(strcmp(tt_trace_get(), "p c") == 0 || strcmp(tt_trace_get(), "c p") == 0);
    QT_EQ(uxQueueMessagesWaiting(q), 0);
    vTaskDelete(p);
    vTaskDelete(c);
    vQueueDelete(q);
}

QTEST_MAIN(QTEST_CASE(test_xQueueReceive_times_out_after_exact_ticks),
           QTEST_CASE(test_xQueueSend_times_out_after_exact_ticks),
           QTEST_CASE(test_xQueueSend_hands_item_to_higher_priority_receiver),
           QTEST_CASE(test_xQueueSend_hands_item_to_lower_priority_receiver_before_it_runs),
           QTEST_CASE(test_receivers_woken_by_priority_then_arrival),
           QTEST_CASE(test_senders_admitted_by_priority_then_arrival),
           QTEST_CASE(test_waiting_send_to_front_goes_to_the_front),
           QTEST_CASE(test_xQueueReceive_completes_higher_priority_sender_at_once),
           QTEST_CASE(test_portMAX_DELAY_waits_forever),
           QTEST_CASE(test_xTaskAbortDelay_fails_the_receive),
           QTEST_CASE(test_xTaskAbortDelay_fails_an_endless_receive),
           QTEST_CASE(test_xTaskAbortDelay_fails_an_endless_take),
           QTEST_CASE(test_suspended_endless_receiver_waits_again),
           QTEST_CASE(test_suspended_endless_taker_waits_again),
           QTEST_CASE(test_suspended_receiver_retries_with_the_time_left),
           QTEST_CASE(test_suspended_receiver_takes_item_sent_meanwhile),
           QTEST_CASE(test_receiver_resumed_after_its_deadline_fails_at_once),
           QTEST_CASE(test_suspended_sender_retries_and_sends),
           QTEST_CASE(test_suspended_sender_resumed_on_full_queue_waits_out_its_time),
           QTEST_CASE(test_sender_resumed_after_its_deadline_fails_at_once),
           QTEST_CASE(test_priority_change_moves_a_waiter_in_line),
           QTEST_CASE(test_zero_timeout_works_with_scheduler_suspended),
           QTEST_CASE(test_deleted_receiver_leaves_the_queue),
           QTEST_CASE(test_producer_and_consumer_keep_order))
