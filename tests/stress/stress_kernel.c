/* SPDX-License-Identifier: MIT */
/*
 * Multi-task stress test: queue producer/consumer pairs at several priorities,
 * tasks contending for two mutexes (priority inheritance in play), indexed
 * notifications, and a simulated interrupt giving a counting semaphore, all
 * running for STRESS_TICKS ticks while tasks burn CPU time so that the tick
 * preempts and time-slices them. A check task verifies progress every
 * CHECK_PERIOD ticks; every task counts the errors it sees, which must stay
 * zero. The scenario runs twice and must produce the identical trace digest
 * (simulated time makes the schedule reproducible).
 */
#include "FreeRTOS.h"
#include "qtest_port.h"
#include "qtest.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#define STRESS_TICKS 20000u
#define CHECK_PERIOD 500u
/*
 * The workers print nothing, so they run on QTEST_QUIET_STACK. A board whose heap cannot hold
 * 15 of them (board_test_config.h) runs fewer pairs and mutex users; the host runs 4 of each.
 */
#ifndef STRESS_KERNEL_PAIRS
#define STRESS_KERNEL_PAIRS 4
#endif
#ifndef STRESS_KERNEL_MUTEX_USERS
#define STRESS_KERNEL_MUTEX_USERS 4
#endif
#define PAIRS STRESS_KERNEL_PAIRS
#define MUTEX_USERS STRESS_KERNEL_MUTEX_USERS
#define WORKER_STACK QTEST_QUIET_STACK
#define IRQ_SEM 3
#define IRQ_EVERY 7u

struct pair {
    QueueHandle_t queue;
    uint32_t sent, received;
};

static struct pair pairs[PAIRS];
static SemaphoreHandle_t mutexes[2];
static SemaphoreHandle_t irq_sem;
static TaskHandle_t notified_task;
static volatile int holder[2];
static volatile uint32_t errors, mutex_rounds[MUTEX_USERS], notes_sent, notes_seen;
static volatile uint32_t irq_given, irq_taken, checks;
static volatile uint64_t digest;

/* Order-sensitive mix of events so that two runs can be compared. */
static void trace(uint32_t event)
{
    taskENTER_CRITICAL();
    digest = (digest ^ event) * 0x100000001b3ull ^ xTaskGetTickCount();
    taskEXIT_CRITICAL();
}

static void error(void)
{
    taskENTER_CRITICAL();
    errors++;
    taskEXIT_CRITICAL();
}

static void producer(void *arg)
{
    struct pair *p = arg;

    for (;;) {
        if (xQueueSend(p->queue, &p->sent, 50) == pdPASS) {
            p->sent++;
        }
        /* Mostly block, sometimes burn a tick so that the tick preempts mid-work. */
        if (p->sent % 5 == 0) {
            qtest_busy_ticks(1);
        } else {
            vTaskDelay((TickType_t)(p->sent % 3));
        }
    }
}

static void consumer(void *arg)
{
    struct pair *p = arg;
    uint32_t v;

    for (;;) {
        if (xQueueReceive(p->queue, &v, 100) == pdPASS) {
            if (v != p->received) {
                error();
            }
            p->received++;
            trace((uint32_t)(p - pairs) << 24 | v);
        } else {
            error(); /* the producer never stalls this long */
        }
    }
}

static void mutex_user(void *arg)
{
    const int id = (int)(intptr_t)arg;

    for (;;) {
        const int m = (int)((mutex_rounds[id] + (uint32_t)id) % 2);

        if (xSemaphoreTake(mutexes[m], 200) != pdPASS) {
            error();
            continue;
        }
        if (holder[m] != 0) {
            error();
        }
        holder[m] = id + 1;
        qtest_busy_ticks((TickType_t)(1 + id % 2));
        holder[m] = 0;
        xSemaphoreGive(mutexes[m]);
        mutex_rounds[id]++;
        trace(0x10000000u | (uint32_t)id);
        vTaskDelay((TickType_t)(1 + id));
    }
}

static void notifier(void *arg)
{
    (void)arg;
    for (;;) {
        xTaskNotifyIndexed(notified_task, 1, 1u << (notes_sent % 8), eSetBits);
        xTaskNotifyGiveIndexed(notified_task, 2);
        notes_sent++;
        vTaskDelay(3);
    }
}

static void notified(void *arg)
{
    uint32_t bits;

    (void)arg;
    for (;;) {
        if (ulTaskNotifyTakeIndexed(2, pdFALSE, 50) == 0) {
            error();
        }
        if (xTaskNotifyWaitIndexed(1, 0, 0xffffffffu, &bits, 50) != pdTRUE || bits == 0) {
            error();
        }
        notes_seen++;
    }
}

static void irq_handler(void)
{
    BaseType_t woken = pdFALSE;

    irq_given++;
    xSemaphoreGiveFromISR(irq_sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void irq_source(void)
{
    if (xTaskGetTickCountFromISR() % IRQ_EVERY == 0) {
        qtest_irq_raise(IRQ_SEM);
    }
}

static void irq_taker(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreTake(irq_sem, 2 * IRQ_EVERY) != pdPASS) {
            error();
        } else {
            irq_taken++;
        }
    }
}

static uint32_t total_received(void)
{
    uint32_t n = 0;

    for (int i = 0; i < PAIRS; i++) {
        n += pairs[i].received;
    }
    return n;
}

static void check_progress(void)
{
    TickType_t wake = xTaskGetTickCount();
    uint32_t last_received = 0, last_notes = 0, last_irq = 0, last_mutex = 0;

    while (xTaskGetTickCount() < STRESS_TICKS) {
        uint32_t rounds = 0;

        xTaskDelayUntil(&wake, CHECK_PERIOD);
        for (int i = 0; i < MUTEX_USERS; i++) {
            rounds += mutex_rounds[i];
        }
        QT_ASSERT(total_received() > last_received);
        QT_ASSERT(notes_seen > last_notes);
        QT_ASSERT(irq_taken > last_irq);
        QT_ASSERT(rounds > last_mutex);
        QT_EQ(errors, 0);
        last_received = total_received();
        last_notes = notes_seen;
        last_irq = irq_taken;
        last_mutex = rounds;
        checks++;
    }
}

/* Every worker must exist: a missing one would only show as a quieter schedule. */
static void spawn(TaskFunction_t fn, const char *name, void *arg, UBaseType_t prio,
                  TaskHandle_t *handle)
{
    QT_EQ(xTaskCreate(fn, name, WORKER_STACK, arg, prio, handle), pdPASS);
}

static uint64_t run_scenario(void)
{
    digest = 1469598103934665603ull;
    errors = notes_sent = notes_seen = irq_given = irq_taken = checks = 0;
    for (int i = 0; i < MUTEX_USERS; i++) {
        mutex_rounds[i] = 0;
    }
    /* The previous run ended with its tasks wherever they were, possibly inside a region. */
    holder[0] = holder[1] = 0;
    for (int i = 0; i < PAIRS; i++) {
        pairs[i].sent = pairs[i].received = 0;
        pairs[i].queue = xQueueCreate((UBaseType_t)(1 + i), sizeof(uint32_t));
        spawn(producer, "prod", &pairs[i], (UBaseType_t)(1 + i % 3), NULL);
        spawn(consumer, "cons", &pairs[i], (UBaseType_t)(3 - i % 3), NULL);
    }
    mutexes[0] = xSemaphoreCreateMutex();
    mutexes[1] = xSemaphoreCreateMutex();
    for (int i = 0; i < MUTEX_USERS; i++) {
        spawn(mutex_user, "mutex", (void *)(intptr_t)i, (UBaseType_t)(1 + i), NULL);
    }
    spawn(notified, "notified", NULL, 2, &notified_task);
    spawn(notifier, "notifier", NULL, 1, NULL);
    irq_sem = xSemaphoreCreateCounting(100, 0);
    spawn(irq_taker, "irq", NULL, 5, NULL);
    qtest_irq_set_handler(IRQ_SEM, irq_handler);
    qtest_tick_hook = irq_source;

    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 1);
    check_progress();
    qtest_tick_hook = NULL;

    /* Stop every other task before deleting the objects they use. */
    vTaskSuspendAll();
    QT_EQ(errors, 0);
    QT_ASSERT(checks >= STRESS_TICKS / CHECK_PERIOD - 1);
    QT_ASSERT(irq_taken + uxSemaphoreGetCount(irq_sem) + 1 >= irq_given);
    (void)xTaskResumeAll();
    return digest;
}

static uint64_t first_digest;

/* Runs once the scheduler has ended: the objects' users are gone. */
static void delete_objects(void)
{
    for (int i = 0; i < PAIRS; i++) {
        vQueueDelete(pairs[i].queue);
    }
    vSemaphoreDelete(mutexes[0]);
    vSemaphoreDelete(mutexes[1]);
    vSemaphoreDelete(irq_sem);
}

static void test_stress_run_first(void)
{
    first_digest = run_scenario();
}

static void test_stress_replay_identical(void)
{
    QT_EQ(run_scenario(), first_digest);
}

QTEST_MAIN(QTEST_CASE_TEARDOWN(test_stress_run_first, delete_objects),
           QTEST_CASE_TEARDOWN(test_stress_replay_identical, delete_objects))
