/* SPDX-License-Identifier: MIT */
/*
 * What the fast paths of kernel/queue.c decide from a queue's class (one load: a semaphore of
 * length 1 or more, a queue of 1 to 4 words per item, a mutex, anything else) must not change
 * what the API does: items of every size the fast paths copy arrive whole and in order from and
 * to buffers at any alignment, across the storage ring's wrap and in static storage at any
 * alignment; a counting semaphore stops at its maximum; a semaphore or queue that joins a set
 * posts to it and stops when it leaves; a mutex given and taken through the semaphore calls
 * still records its holder; a slot reserved for a woken receiver keeps the queue full; a sender
 * waiting on a full queue or semaphore is admitted by the receive or take that frees its slot
 * (the fast paths know senders wait from the class alone), also after another sender gave up
 * waiting; a hand-off to a receiver that preempts at once keeps no slot, one made while the
 * switch is held back keeps it; a peeker waiting behind a receiver gets the next item, not the
 * one the receiver took; and the checks FreeRTOS makes still assert (no item, a block
 * with the scheduler suspended).
 */
#include "queue_test_util.h"

#include <stdbool.h>
#include <string.h>

#define LO (QTEST_PRIORITY - 1)
#define ROUNDS 7 /* more than the queue's length: the ring wraps */
#define DEPTH 3

/* Bytes 0..n-1 of a message numbered seq. */
static void fill(uint8_t *p, size_t n, unsigned seq)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(seq * 31u + i * 7u + 1u);
    }
}

/* Send and receive items of size bytes through q from and to buffers offset by src and dst. */
static void round_trip(QueueHandle_t q, size_t size, size_t src, size_t dst)
{
    uint8_t out[24 + 4], in[24 + 4], want[24];
    unsigned sent = 0, got = 0;

    for (unsigned r = 0; r < ROUNDS; r++) {
        while (sent - got < DEPTH) {
            fill(out + src, size, sent++);
            QT_EQ(xQueueSend(q, out + src, 0), pdPASS);
        }
        memset(in, 0xEE, sizeof(in));
        QT_EQ(xQueueReceive(q, in + dst, 0), pdPASS);
        fill(want, size, got++);
        QT_ASSERT(memcmp(in + dst, want, size) == 0);
        QT_EQ(in[dst + size], 0xEE); /* not a byte beyond the item */
    }
}

static void test_fast_item_sizes_and_alignments(void)
{
    static const size_t sizes[] = {4, 8, 12, 16, 20, 6};

    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        for (size_t off = 0; off < 4; off++) {
            QueueHandle_t q = qu_queue(DEPTH, sizes[i]);

            round_trip(q, sizes[i], off, (off + 1) % 4);
            vQueueDelete(q);
        }
    }
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_fast_static_storage_at_any_alignment(void)
{
    static uint8_t storage[DEPTH * 16 + 3];
    static StaticQueue_t buffer;

    for (size_t off = 0; off < 4; off++) {
        QueueHandle_t q = xQueueCreateStatic(DEPTH, 16, storage + off, &buffer);

        QT_ASSERT(q != NULL);
        round_trip(q, 16, 0, off);
        vQueueDelete(q);
    }
}
#endif

#if configUSE_COUNTING_SEMAPHORES
static void test_fast_counting_semaphore_stops_at_its_limits(void)
{
    SemaphoreHandle_t s = qu_counting(3, 0);

    for (int i = 0; i < 3; i++) {
        QT_EQ(xSemaphoreGive(s), pdPASS);
    }
    QT_EQ(xSemaphoreGive(s), errQUEUE_FULL);
    QT_EQ(uxSemaphoreGetCount(s), 3);
    for (int i = 0; i < 3; i++) {
        QT_EQ(xSemaphoreTake(s, 0), pdPASS);
    }
    QT_EQ(xSemaphoreTake(s, 0), pdFAIL);
    vSemaphoreDelete(s);
}
#endif

#if configUSE_QUEUE_SETS && configSUPPORT_DYNAMIC_ALLOCATION
/* A member posts to its set on every gain; out of the set, it no longer does. */
static void test_fast_set_members_post_until_removed(void)
{
    QueueSetHandle_t set = xQueueCreateSet(DEPTH + 1);
    SemaphoreHandle_t s = qu_binary();
    QueueHandle_t q = qu_queue(DEPTH, 16);
    uint8_t item[16] = {1, 2, 3};

    QT_EQ(xQueueAddToSet(s, set), pdPASS);
    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xSemaphoreGive(s), pdPASS);
    QT_EQ(xQueueSend(q, item, 0), pdPASS);
    QT_ASSERT(xQueueSelectFromSet(set, 0) == s);
    QT_ASSERT(xQueueSelectFromSet(set, 0) == q);
    QT_EQ(xSemaphoreTake(s, 0), pdPASS);
    QT_EQ(xQueueReceive(q, item, 0), pdPASS);
    QT_EQ(item[2], 3);
    QT_EQ(xQueueRemoveFromSet(s, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    QT_EQ(xSemaphoreGive(s), pdPASS);
    QT_EQ(xQueueSend(q, item, 0), pdPASS);
    QT_ASSERT(xQueueSelectFromSet(set, 0) == NULL);
    QT_EQ(xSemaphoreTake(s, 0), pdPASS);
    QT_EQ(xQueueReceive(q, item, 0), pdPASS);
    vSemaphoreDelete(s);
    vQueueDelete(q);
    vQueueDelete(set);
}
#endif

#if configUSE_MUTEXES && INCLUDE_xSemaphoreGetMutexHolder
static void test_fast_mutex_keeps_its_holder(void)
{
    SemaphoreHandle_t m = qu_mutex();

    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    QT_ASSERT(xSemaphoreGetMutexHolder(m) == xTaskGetCurrentTaskHandle());
    QT_EQ(xSemaphoreTake(m, 0), pdFAIL); /* not recursive: held */
    QT_EQ(xSemaphoreGive(m), pdPASS);
    QT_ASSERT(xSemaphoreGetMutexHolder(m) == NULL);
    QT_EQ(xSemaphoreGive(m), pdFAIL); /* not held */
    vSemaphoreDelete(m);
}
#endif

static QueueHandle_t shared;
static volatile uint32_t received;

static void receive_one(void *arg)
{
    uint32_t v = 0;

    (void)arg;
    if (xQueueReceive(shared, &v, portMAX_DELAY) == pdPASS) {
        received = v;
    }
    tt_park();
}

static void take_one(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(shared, portMAX_DELAY) == pdPASS) {
        received = 1;
    }
    tt_park();
}

/*
 * A lower-priority receiver handed the item has not run yet: its slot stays taken, so the
 * next send or give of a length-1 queue or semaphore finds it full, as in FreeRTOS.
 */
static void handed_slot_stays_full(TaskFunction_t waiter, bool semaphore)
{
    const uint32_t first = 11, second = 22;
    TaskHandle_t t;

    received = 0;
    t = tt_spawn(waiter, "lo", LO, NULL);
    qu_settle(); /* it waits */
    if (semaphore) {
        QT_EQ(xSemaphoreGive(shared), pdPASS);
        QT_EQ(xSemaphoreGive(shared), errQUEUE_FULL);
    } else {
        QT_EQ(xQueueSend(shared, &first, 0), pdPASS);
        QT_EQ(xQueueSend(shared, &second, 0), errQUEUE_FULL);
    }
    QT_EQ(received, 0);
    qu_settle();
    QT_EQ(received, semaphore ? 1 : first);
    vTaskDelete(t);
}

static void test_fast_handed_slot_stays_full(void)
{
    shared = qu_queue(1, sizeof(uint32_t));
    handed_slot_stays_full(receive_one, false);
    vQueueDelete(shared);
    shared = qu_binary();
    handed_slot_stays_full(take_one, true);
    vSemaphoreDelete(shared);
}

/*
 * shared is a length-1 queue of words, or a binary semaphore when sem_shared: put and get go
 * through the calls (and fast paths) of each, and carry v (0 for the semaphore).
 */
static bool sem_shared;
static TickType_t send_ticks;
static volatile BaseType_t send_result;

static BaseType_t put(uint32_t v, TickType_t ticks)
{
    if (sem_shared) {
        return ticks == 0 ? xSemaphoreGive(shared)
                          : xQueueGenericSend(shared, NULL, ticks, queueSEND_TO_BACK);
    }
    return xQueueSend(shared, &v, ticks);
}

static uint32_t get(void)
{
    uint32_t v = 0;

    if (sem_shared) {
        QT_EQ(xSemaphoreTake(shared, portMAX_DELAY), pdPASS);
    } else {
        QT_EQ(xQueueReceive(shared, &v, portMAX_DELAY), pdPASS);
    }
    return v;
}

static void send_waiting(void *arg)
{
    send_result = put((uint32_t)(uintptr_t)arg, send_ticks);
    tt_park();
}

/* Full, a lower-priority sender waits; a receive must move its item in (the queue stays full). */
static void sender_admitted(uint32_t item, uint32_t waiting_item)
{
    TaskHandle_t t;

    send_ticks = portMAX_DELAY;
    send_result = -1;
    t = tt_spawn(send_waiting, "snd", LO, (void *)(uintptr_t)waiting_item);
    qu_settle(); /* it waits */
    QT_EQ(send_result, -1);
    QT_EQ(get(), item);
    QT_EQ(uxQueueMessagesWaiting(shared), 1); /* the sender's item, already in */
    qu_settle();
    QT_EQ(send_result, pdPASS);
    QT_EQ(get(), waiting_item);
    vTaskDelete(t);
}

static void senders_admitted(uint32_t first, uint32_t second)
{
    TaskHandle_t t;

    QT_EQ(put(first, 0), pdPASS);
    sender_admitted(first, second);
    /* A sender that gives up leaves the fast paths to the general ones once, then all is as
     * before: items pass, and the next waiting sender is admitted again. */
    QT_EQ(put(first, 0), pdPASS);
    send_ticks = 2;
    send_result = -1;
    t = tt_spawn(send_waiting, "snd", LO, (void *)(uintptr_t)second);
    vTaskDelay(4);
    QT_EQ(send_result, errQUEUE_FULL);
    vTaskDelete(t);
    for (unsigned i = 0; i < 3; i++) {
        QT_EQ(get(), first);
        QT_EQ(put(first, 0), pdPASS);
    }
    sender_admitted(first, second);
}

static void test_fast_waiting_sender_is_admitted(void)
{
    sem_shared = false;
    shared = qu_queue(1, sizeof(uint32_t));
    senders_admitted(33, 44);
    vQueueDelete(shared);
    sem_shared = true;
    shared = qu_binary();
    senders_admitted(0, 0);
    vSemaphoreDelete(shared);
}

#if configUSE_PREEMPTION
/*
 * A receiver of higher priority, waiting on shared (a binary semaphore when sem_shared, else a
 * length-1 queue of words), counts what it gets; it preempts a give or send as soon as nothing
 * holds the switch back.
 */
static volatile uint32_t got_count, got_last;

static void receive_forever(void *arg)
{
    (void)arg;
    for (;;) {
        got_last = get();
        got_count++;
    }
}

/*
 * A give or send to a waiting receiver that preempts at once leaves nothing behind: the receiver
 * has it when the call returns, and the next one finds room. One made while a critical section
 * or a suspended scheduler holds the switch back keeps its slot until the receiver runs, as the
 * item would stay in FreeRTOS's queue: the next one finds it full. The receiver gets every item.
 */
static void handoff_to_preempting_receiver(void)
{
    TaskHandle_t t;

    got_count = 0;
    got_last = 0;
    t = tt_spawn(receive_forever, "hi", QTEST_PRIORITY + 1, NULL);
    QT_EQ(got_count, 0); /* it waits */
    QT_EQ(put(5, 0), pdPASS);
    QT_EQ(got_count, 1);
    QT_EQ(got_last, sem_shared ? 0u : 5u);
    QT_EQ(put(6, 0), pdPASS);
    QT_EQ(got_count, 2);
    QT_EQ(got_last, sem_shared ? 0u : 6u);

    taskENTER_CRITICAL();
    QT_EQ(put(7, 0), pdPASS);
    QT_EQ(put(8, 0), errQUEUE_FULL);
    QT_EQ(uxQueueSpacesAvailable(shared), 0);
    QT_EQ(got_count, 2);
    taskEXIT_CRITICAL();
    QT_EQ(got_count, 3);
    QT_EQ(got_last, sem_shared ? 0u : 7u);
    QT_EQ(uxQueueSpacesAvailable(shared), 1);

    vTaskSuspendAll();
    QT_EQ(put(9, 0), pdPASS);
    QT_EQ(put(10, 0), errQUEUE_FULL);
    QT_EQ(got_count, 3);
    (void)xTaskResumeAll();
    QT_EQ(got_count, 4);
    QT_EQ(got_last, sem_shared ? 0u : 9u);
    QT_EQ(uxQueueMessagesWaiting(shared), 0);
    vTaskDelete(t);
}

static void test_fast_handoff_to_preempting_receiver(void)
{
    sem_shared = false;
    shared = qu_queue(1, sizeof(uint32_t));
    handoff_to_preempting_receiver();
    vQueueDelete(shared);
    sem_shared = true;
    shared = qu_binary();
    handoff_to_preempting_receiver();
    vSemaphoreDelete(shared);
}
#endif /* configUSE_PREEMPTION */

/*
 * A peeker waiting behind a receiver of higher priority: a send goes to the receiver alone (the
 * peeker waits on, as in FreeRTOS, where only the first waiter is woken and takes the item),
 * the next to the peeker, whose copy stays in the queue.
 */
static volatile uint32_t peeked;

static void peek_once(void *arg)
{
    uint32_t v = 0;

    (void)arg;
    if (xQueuePeek(shared, &v, portMAX_DELAY) == pdPASS) {
        peeked = v;
    }
    tt_park();
}

static void test_fast_peeker_behind_receiver(void)
{
    const uint32_t a = 5, b = 6;
    TaskHandle_t p, r;
    uint32_t v = 0;

    shared = qu_queue(2, sizeof(uint32_t));
    peeked = 0;
    received = 0;
    p = tt_spawn(peek_once, "pk", QTEST_PRIORITY + 1, NULL);
    r = tt_spawn(receive_one, "rx", QTEST_PRIORITY + 2, NULL);
    qu_settle();
    QT_EQ(xQueueSend(shared, &a, 0), pdPASS);
    qu_settle();
    QT_EQ(received, a);
    QT_EQ(peeked, 0);
    QT_EQ(uxQueueMessagesWaiting(shared), 0);
    QT_EQ(xQueueSend(shared, &b, 0), pdPASS);
    qu_settle();
    QT_EQ(peeked, b);
    QT_EQ(uxQueueMessagesWaiting(shared), 1); /* a peek leaves it */
    QT_EQ(xQueueReceive(shared, &v, 0), pdPASS);
    QT_EQ(v, b);
    /* No one waits now: sends and receives as before. */
    QT_EQ(xQueueSend(shared, &a, 0), pdPASS);
    QT_EQ(xQueueReceive(shared, &v, 0), pdPASS);
    QT_EQ(v, a);
    vTaskDelete(p);
    vTaskDelete(r);
    vQueueDelete(shared);
}

/* Bad input last: the checks the fast paths leave to the general paths still assert. */
static void send_without_item(void *arg)
{
    (void)xQueueSend((QueueHandle_t)arg, NULL, 0);
}

static void receive_without_buffer(void *arg)
{
    (void)xQueueReceive((QueueHandle_t)arg, NULL, 0);
}

static void take_blocking_while_suspended(void *arg)
{
    vTaskSuspendAll();
    (void)xSemaphoreTake((SemaphoreHandle_t)arg, 5);
    (void)xTaskResumeAll();
}

static void test_fast_misuse_asserts(void)
{
    QueueHandle_t q = qu_queue(DEPTH, 16);
    SemaphoreHandle_t s = qu_binary();

    QT_EXPECT_ASSERT(send_without_item, q);
    QT_EXPECT_ASSERT(receive_without_buffer, q);
    QT_EXPECT_ASSERT(take_blocking_while_suspended, s);
    /* Without a block, suspended is fine. */
    QT_EQ(xSemaphoreGive(s), pdPASS);
    vTaskSuspendAll();
    QT_EQ(xSemaphoreTake(s, 0), pdPASS);
    (void)xTaskResumeAll();
    vQueueDelete(q);
    vSemaphoreDelete(s);
}

static const struct qtest_case cases[] = {
    QTEST_CASE(test_fast_item_sizes_and_alignments),
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_fast_static_storage_at_any_alignment),
#endif
#if configUSE_COUNTING_SEMAPHORES
    QTEST_CASE(test_fast_counting_semaphore_stops_at_its_limits),
#endif
#if configUSE_QUEUE_SETS && configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_fast_set_members_post_until_removed),
#endif
#if configUSE_MUTEXES && INCLUDE_xSemaphoreGetMutexHolder
    QTEST_CASE(test_fast_mutex_keeps_its_holder),
#endif
    QTEST_CASE(test_fast_handed_slot_stays_full),
    QTEST_CASE(test_fast_waiting_sender_is_admitted),
#if configUSE_PREEMPTION
    QTEST_CASE(test_fast_handoff_to_preempting_receiver),
#endif
    QTEST_CASE(test_fast_peeker_behind_receiver),
    QTEST_CASE(test_fast_misuse_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
