/* SPDX-License-Identifier: MIT */
/*
 * demo_queues.c: the full demo's queue, semaphore, mutex and notification
 * tasks.
 *   producer/consumer  a rising sequence through a queue, checked in order;
 *   isr_taker          takes a binary semaphore the kernel-aware board timer
 *                      gives from its interrupt DEMO_ISR_HZ times a second;
 *   worker_a/b         increment a shared counter under a mutex, checking
 *                      that nobody else is inside with them;
 *   notifier/waiter    task notifications carrying a sequence number.
 */
#include "demo.h"

#include "queue.h"
#include "semphr.h"

static QueueHandle_t queue;
static SemaphoreHandle_t isr_sem;
static SemaphoreHandle_t mutex;
static TaskHandle_t waiter_handle;
static volatile uint32_t shared_counter;
static volatile int inside;

static void producer(void *arg)
{
    uint32_t next = 0;

    (void)arg;
    for (;;) {
        if (xQueueSend(queue, &next, pdMS_TO_TICKS(100)) == pdPASS) {
            next++;
            demo_progress(W_PRODUCER);
        } else {
            demo_error(W_PRODUCER);
        }
        vTaskDelay(next % 4);
    }
}

static void consumer(void *arg)
{
    uint32_t expected = 0, v;

    (void)arg;
    for (;;) {
        if (xQueueReceive(queue, &v, pdMS_TO_TICKS(100)) != pdPASS || v != expected) {
            demo_error(W_CONSUMER);
            expected = v + 1;
            continue;
        }
        expected++;
        demo_progress(W_CONSUMER);
    }
}

void demo_queues_isr(BaseType_t *woken)
{
    (void)xSemaphoreGiveFromISR(isr_sem, woken);
}

static void isr_taker(void *arg)
{
    (void)arg;
    for (;;) {
        /* The timer gives every 5 ms: 20 ms without one is an error. */
        if (xSemaphoreTake(isr_sem, pdMS_TO_TICKS(20)) == pdPASS) {
            demo_progress(W_ISR_TAKER);
        } else {
            demo_error(W_ISR_TAKER);
        }
    }
}

static void worker(void *arg)
{
    const enum demo_watch_id me = (enum demo_watch_id)(uintptr_t)arg;

    for (;;) {
        if (xSemaphoreTake(mutex, pdMS_TO_TICKS(500)) != pdPASS) {
            demo_error(me);
            continue;
        }
        if (inside) {
            demo_error(me);
        }
        inside = 1;
        shared_counter++;
        taskYIELD(); /* the other worker must wait for the mutex, not walk in */
        inside = 0;
        xSemaphoreGive(mutex);
        demo_progress(me);
        vTaskDelay(1 + (me == W_WORKER_B));
    }
}

static void notifier(void *arg)
{
    uint32_t n = 0;

    (void)arg;
    for (;;) {
        n++;
        (void)xTaskNotify(waiter_handle, n, eSetValueWithOverwrite);
        demo_progress(W_NOTIFIER);
        vTaskDelay(pdMS_TO_TICKS(3));
    }
}

static void waiter(void *arg)
{
    uint32_t last = 0, value;

    (void)arg;
    for (;;) {
        if (xTaskNotifyWait(0, 0, &value, pdMS_TO_TICKS(50)) != pdTRUE || value != last + 1) {
            demo_error(W_WAITER);
            last = value;
            continue;
        }
        last = value;
        demo_progress(W_WAITER);
    }
}

void demo_queues_start(void)
{
    queue = xQueueCreate(8, sizeof(uint32_t));
    isr_sem = xSemaphoreCreateBinary();
    mutex = xSemaphoreCreateMutex();
    if (queue == NULL || isr_sem == NULL || mutex == NULL) {
        demo_fail("the queue, semaphore or mutex");
    }
    demo_create(producer, "producer", DEMO_STACK_WORDS, NULL, 2, NULL);
    demo_create(consumer, "consumer", DEMO_STACK_WORDS, NULL, 3, NULL);
    demo_create(isr_taker, "isr_taker", DEMO_STACK_WORDS, NULL, 4, NULL);
    demo_create(worker, "worker_a", DEMO_STACK_WORDS, (void *)W_WORKER_A, 2, NULL);
    demo_create(worker, "worker_b", DEMO_STACK_WORDS, (void *)W_WORKER_B, 2, NULL);
    demo_create(waiter, "waiter", DEMO_STACK_WORDS, NULL, 3, &waiter_handle);
    demo_create(notifier, "notifier", DEMO_STACK_WORDS, NULL, 2, NULL);
}
