/* SPDX-License-Identifier: MIT */
/*
 * Co-routines and queues: crQUEUE_SEND/crQUEUE_RECEIVE between co-routines
 * of different priorities (a send that wakes an equal or higher priority
 * co-routine yields to it), exact block timeouts, a blocked sender woken by a
 * receive, and the interrupt side (crQUEUE_SEND_FROM_ISR with its
 * previously-woken chaining, crQUEUE_RECEIVE_FROM_ISR). Co-routines run from
 * the idle hook, one per idle pass (one simulated tick apart).
 */
#include "../task/task_test_util.h"

#include "croutine.h"
#include "queue.h"
#include "semphr.h"

static QueueHandle_t q, q2;

static void start(UBaseType_t length)
{
    tt_trace_reset();
    q = xQueueCreate(length, sizeof(uint32_t));
    q2 = xQueueCreate(1, sizeof(uint32_t));
    QT_ASSERT(q != NULL && q2 != NULL);
    qtest_idle_hook = vCoRoutineSchedule;
}

/* After the scheduler has ended: co-routines first (they may wait on the queues). */
static void free_all(void)
{
    vCoRoutineResetState();
    vQueueDelete(q);
    vQueueDelete(q2);
}

/* Receives forever and traces each value as a letter (1 = 'A'). */
static void consumer(CoRoutineHandle_t h, UBaseType_t index)
{
    static uint32_t value;
    static BaseType_t result;

    (void)index;
    crSTART(h);
    for (;;) {
        crQUEUE_RECEIVE(h, q, &value, portMAX_DELAY, &result);
        if (result == pdPASS) {
            tt_trace((char)('A' + value - 1));
        }
    }
    crEND();
}

/* Sends 1, 2, 3, ... two ticks apart, tracing 'p' after each send. */
static void producer(CoRoutineHandle_t h, UBaseType_t index)
{
    static uint32_t n;
    static BaseType_t result;

    (void)index;
    crSTART(h);
    n = 0;
    for (;;) {
        n++;
        crQUEUE_SEND(h, q, &n, portMAX_DELAY, &result);
        QT_EQ(result, pdPASS);
        tt_trace('p');
        crDELAY(h, 2);
    }
    crEND();
}

static void test_coroutines_at_different_priorities_communicate(void)
{
    start(2);
    QT_EQ(xCoRoutineCreate(consumer, 1, 0), pdPASS);
    QT_EQ(xCoRoutineCreate(producer, 0, 0), pdPASS);
    vTaskDelay(12);
    /* Each send wakes the higher-priority consumer and yields; the consumer runs next. */
    TT_EXPECT_TRACE("A2 p3 B6 p7 C10 p11");
}

static void test_lower_priority_receiver_does_not_preempt_sender(void)
{
    start(2);
    QT_EQ(xCoRoutineCreate(consumer, 0, 0), pdPASS);
    QT_EQ(xCoRoutineCreate(producer, 1, 0), pdPASS);
    vTaskDelay(8);
    /* The producer goes on after each send; the consumer runs on the idle pass after. */
    TT_EXPECT_TRACE("p0 A1 p2 B3 p4 C5 p6 D7");
}

/* Times out sending to a full queue, then receiving from an empty one. */
static void timeouts(CoRoutineHandle_t h, UBaseType_t index)
{
    static const uint32_t one = 1;
    static uint32_t v;
    static BaseType_t result;

    (void)index;
    crSTART(h);
    crQUEUE_SEND(h, q, &one, 0, &result);
    QT_EQ(result, pdPASS);
    crQUEUE_SEND(h, q, &one, 0, &result);
    QT_EQ(result, errQUEUE_FULL);
    tt_trace('f');
    crQUEUE_SEND(h, q, &one, 5, &result);
    QT_EQ(result, errQUEUE_FULL);
    tt_trace('F');
    crQUEUE_RECEIVE(h, q2, &v, 0, &result);
    QT_EQ(result, errQUEUE_EMPTY);
    crQUEUE_RECEIVE(h, q2, &v, 4, &result);
    QT_EQ(result, errQUEUE_EMPTY);
    tt_trace('E');
    for (;;) {
        crDELAY(h, 1000);
    }
    crEND();
}

static void test_blocking_calls_time_out_on_the_exact_tick(void)
{
    start(1);
    QT_EQ(xCoRoutineCreate(timeouts, 0, 0), pdPASS);
    vTaskDelay(10);
    TT_EXPECT_TRACE("f0 F5 E9");
}

/* Fills the queue (length 1) with 'X', then waits to send 'Y'. */
static void blocked_sender(CoRoutineHandle_t h, UBaseType_t index)
{
    static const uint32_t x = 'X', y = 'Y';
    static BaseType_t result;

    (void)index;
    crSTART(h);
    crQUEUE_SEND(h, q, &x, 0, &result);
    crQUEUE_SEND(h, q, &y, portMAX_DELAY, &result);
    QT_EQ(result, pdPASS);
    tt_trace('S');
    for (;;) {
        crDELAY(h, 1000);
    }
    crEND();
}

/* Waits 3 ticks, then receives twice, tracing each item. */
static void late_receiver(CoRoutineHandle_t h, UBaseType_t index)
{
    static uint32_t v;
    static BaseType_t result;

    (void)index;
    crSTART(h);
    crDELAY(h, 3);
    for (;;) {
        crQUEUE_RECEIVE(h, q, &v, portMAX_DELAY, &result);
        tt_trace((char)v);
    }
    crEND();
}

static void test_receive_wakes_a_blocked_sender(void)
{
    start(1);
    QT_EQ(xCoRoutineCreate(blocked_sender, 1, 0), pdPASS);
    QT_EQ(xCoRoutineCreate(late_receiver, 0, 0), pdPASS);
    vTaskDelay(8);
    /* Tick 4: the receive frees the slot and yields to the sender, which sends 'Y' at 5. */
    TT_EXPECT_TRACE("S5 X6 Y6");
}

/* ---- Interrupts ---- */

static BaseType_t isr_woken[3];
static BaseType_t isr_received[2];
static uint32_t isr_values[2];

static void isr_send_three(void)
{
    static const uint32_t one = 1, two = 2, three = 3;

    isr_woken[0] = crQUEUE_SEND_FROM_ISR(q, &one, pdFALSE);
    isr_woken[1] = crQUEUE_SEND_FROM_ISR(q, &two, isr_woken[0]);
    isr_woken[2] = crQUEUE_SEND_FROM_ISR(q, &three, pdFALSE); /* full: dropped */
}

static void test_crQUEUE_SEND_FROM_ISR_wakes_a_receiving_coroutine(void)
{
    start(2);
    QT_EQ(xCoRoutineCreate(consumer, 0, 0), pdPASS);
    vTaskDelay(2); /* the consumer blocks on the empty queue at tick 0 */
    tt_interrupt(isr_send_three);
    QT_EQ(isr_woken[0], pdTRUE);
    QT_EQ(isr_woken[1], pdTRUE);  /* passed on */
    QT_EQ(isr_woken[2], pdFALSE); /* full, and nothing woken */
    vTaskDelay(2);
    TT_EXPECT_TRACE("A2 B2");
    tt_interrupt(isr_send_three); /* the consumer waits again: woken once */
    QT_EQ(isr_woken[0], pdTRUE);
    QT_EQ(isr_woken[2], pdFALSE);
    vTaskDelay(1);
    TT_EXPECT_TRACE("A2 B2 A4 B4");
}

static void test_crQUEUE_SEND_FROM_ISR_without_waiter_wakes_nothing(void)
{
    static uint32_t v;
    BaseType_t woken = pdFALSE;

    start(2);
    tt_interrupt(isr_send_three);
    QT_EQ(isr_woken[0], pdFALSE);
    QT_EQ(isr_woken[1], pdFALSE);
    QT_EQ(uxQueueMessagesWaiting(q), 2);
    /* Receiving from a task context "interrupt" works without any co-routine. */
    QT_EQ(xQueueCRReceiveFromISR(q, &v, &woken), pdPASS);
    QT_EQ(v, 1);
    QT_EQ(woken, pdFALSE);
}

static void isr_receive_twice(void)
{
    BaseType_t woken = pdFALSE;

    isr_received[0] = crQUEUE_RECEIVE_FROM_ISR(q, &isr_values[0], &woken);
    isr_woken[0] = woken;
    isr_received[1] = crQUEUE_RECEIVE_FROM_ISR(q, &isr_values[1], &woken);
    isr_woken[1] = woken;
}

static void test_crQUEUE_RECEIVE_FROM_ISR_wakes_a_sending_coroutine(void)
{
    start(1);
    QT_EQ(xCoRoutineCreate(blocked_sender, 0, 0), pdPASS);
    vTaskDelay(2); /* 'X' is queued; the sender waits to send 'Y' */
    tt_interrupt(isr_receive_twice);
    QT_EQ(isr_received[0], pdTRUE);
    QT_EQ(isr_values[0], 'X');
    QT_EQ(isr_woken[0], pdTRUE);
    QT_EQ(isr_received[1], pdFALSE); /* the sender has not run yet */
    vTaskDelay(1);
    TT_EXPECT_TRACE("S2");
    tt_interrupt(isr_receive_twice);
    QT_EQ(isr_received[0], pdTRUE);
    QT_EQ(isr_values[0], 'Y');
    QT_EQ(isr_woken[0], pdFALSE); /* nobody waited */
    QT_EQ(isr_received[1], pdFALSE);
}

/* ---- Misuse (configASSERT) ---- */

static void cr_send_to_mutex(void *arg)
{
    (void)xQueueCRSendFromISR((QueueHandle_t)arg, NULL, pdFALSE);
}

static void cr_receive_without_woken(void *arg)
{
    uint32_t v;

    (void)arg;
    (void)xQueueCRReceiveFromISR(q, &v, NULL);
}

static void test_croutine_queue_misuse_asserts(void)
{
    SemaphoreHandle_t m = xSemaphoreCreateMutex();

    start(1);
    QT_EXPECT_ASSERT(cr_send_to_mutex, m);
    QT_EXPECT_ASSERT(cr_receive_without_woken, NULL);
    vSemaphoreDelete(m);
}

QTEST_MAIN(QTEST_CASE_TEARDOWN(test_coroutines_at_different_priorities_communicate, free_all),
           QTEST_CASE_TEARDOWN(test_lower_priority_receiver_does_not_preempt_sender, free_all),
           QTEST_CASE_TEARDOWN(test_blocking_calls_time_out_on_the_exact_tick, free_all),
           QTEST_CASE_TEARDOWN(test_receive_wakes_a_blocked_sender, free_all),
           QTEST_CASE_TEARDOWN(test_crQUEUE_SEND_FROM_ISR_wakes_a_receiving_coroutine, free_all),
           QTEST_CASE_TEARDOWN(test_crQUEUE_SEND_FROM_ISR_without_waiter_wakes_nothing, free_all),
           QTEST_CASE_TEARDOWN(test_crQUEUE_RECEIVE_FROM_ISR_wakes_a_sending_coroutine, free_all),
           QTEST_CASE_TEARDOWN(test_croutine_queue_misuse_asserts, free_all))
