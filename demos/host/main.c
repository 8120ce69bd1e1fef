/* SPDX-License-Identifier: MIT */
/*
 * The Quartz host demo. Tasks:
 *   producer  sends a rising sequence number to a queue every 10 ticks;
 *   consumer  receives it, checks the sequence, and every 10 items notifies
 *             the check task;
 *   worker A/B increment a shared counter under a mutex, checking that no
 *             one else is inside the critical region with them;
 *   check     every second (xTaskDelayUntil) verifies that each task made
 *             progress and that no error was seen, and prints a status line:
 *             "OK" while all is well, or "ERROR" naming the task at fault.
 * Usage: demo_host [ticks]   run forever, or stop after `ticks` ticks.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define QUEUE_LENGTH 8
#define CHECK_PERIOD pdMS_TO_TICKS(1000)

struct progress {
    volatile uint32_t sent, received, notified, worker_rounds[2];
    volatile uint32_t errors;
    const char *volatile fault; /* first task that saw an error */
};

static struct progress progress;
static QueueHandle_t queue;
static SemaphoreHandle_t mutex;
static TaskHandle_t check_handle;
static volatile uint32_t shared_counter;
static volatile int inside_region;
static TickType_t stop_after;

/* printf is not reentrant: keep other tasks off the CPU while it runs. */
static void say(const char *fmt, ...)
{
    va_list ap;

    vTaskSuspendAll();
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
    (void)xTaskResumeAll();
}

static void report_error(const char *who)
{
    taskENTER_CRITICAL();
    progress.errors++;
    if (progress.fault == NULL) {
        progress.fault = who;
    }
    taskEXIT_CRITICAL();
}

static void producer(void *arg)
{
    uint32_t seq = 0;

    (void)arg;
    for (;;) {
        if (xQueueSend(queue, &seq, pdMS_TO_TICKS(100)) == pdPASS) {
            seq++;
            progress.sent = seq;
        } else {
            report_error("producer");
        }
        vTaskDelay(10);
    }
}

static void consumer(void *arg)
{
    uint32_t expected = 0, value;

    (void)arg;
    for (;;) {
        if (xQueueReceive(queue, &value, pdMS_TO_TICKS(200)) != pdPASS) {
            report_error("consumer (queue timeout)");
            continue;
        }
        if (value != expected) {
            report_error("consumer (sequence)");
        }
        expected = value + 1;
        progress.received++;
        if (progress.received % 10 == 0) {
            xTaskNotifyGive(check_handle);
        }
    }
}

static void worker(void *arg)
{
    const int id = (int)(intptr_t)arg;

    for (;;) {
        if (xSemaphoreTake(mutex, pdMS_TO_TICKS(500)) != pdPASS) {
            report_error(id == 0 ? "worker A (mutex)" : "worker B (mutex)");
            continue;
        }
        if (inside_region) {
            report_error(id == 0 ? "worker A (exclusion)" : "worker B (exclusion)");
        }
        inside_region = 1;
        shared_counter++;
        vTaskDelay(3); /* hold the mutex across a block so the other worker contends */
        inside_region = 0;
        xSemaphoreGive(mutex);
        progress.worker_rounds[id]++;
        vTaskDelay(1 + id);
    }
}

/* Returns the name of a task that made no progress since `before`, or NULL. */
static const char *stalled(const struct progress *before)
{
    if (progress.sent == before->sent) {
        return "producer";
    }
    if (progress.received == before->received) {
        return "consumer";
    }
    if (progress.worker_rounds[0] == before->worker_rounds[0]) {
        return "worker A";
    }
    if (progress.worker_rounds[1] == before->worker_rounds[1]) {
        return "worker B";
    }
    return NULL;
}

static void check(void *arg)
{
    TickType_t wake = xTaskGetTickCount();
    struct progress before = progress;
    unsigned passed = 0, failed = 0;

    (void)arg;
    for (;;) {
        const char *stall;

        xTaskDelayUntil(&wake, CHECK_PERIOD);
        progress.notified += ulTaskNotifyTake(pdTRUE, 0);
        stall = stalled(&before);
        if (progress.errors == 0 && stall == NULL) {
            passed++;
            say("[tick %lu] OK: sent %lu, received %lu, notified %lu, mutex rounds %lu/%lu\n",
                (unsigned long)wake, (unsigned long)progress.sent,
                (unsigned long)progress.received, (unsigned long)progress.notified,
                (unsigned long)progress.worker_rounds[0], (unsigned long)progress.worker_rounds[1]);
        } else {
            failed++;
            say("[tick %lu] ERROR: %s\n", (unsigned long)wake,
                progress.fault != NULL ? progress.fault : stall);
        }
        before = progress;
        if (stop_after != 0 && xTaskGetTickCount() >= stop_after) {
            say("demo: %u checks passed, %u failed\n", passed, failed);
            vTaskEndScheduler();
        }
    }
}

int main(int argc, char **argv)
{
    BaseType_t ok = pdPASS;

    stop_after = argc > 1 ? (TickType_t)strtoul(argv[1], NULL, 0) : 0;
    printf("Quartz host demo: producer/consumer queue, mutex workers, notifications.\n");
    queue = xQueueCreate(QUEUE_LENGTH, sizeof(uint32_t));
    mutex = xSemaphoreCreateMutex();
    if (queue == NULL || mutex == NULL) {
        printf("demo: out of memory\n");
        return 1;
    }
    ok &= xTaskCreate(check, "check", configMINIMAL_STACK_SIZE * 2, NULL, 4, &check_handle);
    ok &= xTaskCreate(producer, "producer", configMINIMAL_STACK_SIZE, NULL, 2, NULL);
    ok &= xTaskCreate(consumer, "consumer", configMINIMAL_STACK_SIZE, NULL, 3, NULL);
    ok &= xTaskCreate(worker, "workerA", configMINIMAL_STACK_SIZE, (void *)0, 1, NULL);
    ok &= xTaskCreate(worker, "workerB", configMINIMAL_STACK_SIZE, (void *)1, 1, NULL);
    if (ok != pdPASS) {
        printf("demo: cannot create tasks\n");
        return 1;
    }
    vTaskStartScheduler();
    vQueueDelete(queue);
    vSemaphoreDelete(mutex);
    return progress.errors == 0 ? 0 : 1;
}
