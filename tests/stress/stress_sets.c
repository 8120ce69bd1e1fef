/* SPDX-License-Identifier: MIT */
/*
 * Stress test for the optional services running together: queue sets, run-time
 * statistics and co-routines, for STRESS_TICKS ticks.
 *
 * - A selector task blocks on a queue set whose members are three queues fed
 *   by producer tasks at different priorities, a binary semaphore given from an
 *   interrupt and a counting semaphore given by a task. Every member the set
 *   returns must yield its item or count at once; each queue's values arrive in
 *   sequence.
 * - An interrupt handler selects from a second set (xQueueSelectFromSetFromISR)
 *   holding a queue a task feeds, and checks that queue's sequence too.
 * - Two co-routines, scheduled from the idle hook, pass a sequence through a
 *   co-routine queue.
 * - The check task verifies progress every CHECK_PERIOD ticks, and the run-time
 *   statistics: every task's counter only grows, their sum never exceeds the
 *   total, and the formatted table names every task.
 * The scenario runs twice and must produce the identical trace digest.
 */
#include "FreeRTOS.h"
#include "croutine.h"
#include "qtest.h"
#include "qtest_port.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#include <string.h>

#define STRESS_TICKS 12000u
#define CHECK_PERIOD 500u
#define QUEUES 3
#define QUEUE_LEN 4
#define COUNTING_MAX 5
#define IRQ_GIVE 4
#define IRQ_SELECT 5
#define IRQ_EVERY 5u
/*
 * Tasks the statistics check can list; above the most that run (a board short of RAM lowers
 * it in board_test_config.h), since uxTaskGetSystemState lists none into a shorter array.
 */
#ifndef STRESS_SETS_MAX_TASKS
#define STRESS_SETS_MAX_TASKS 16
#endif
#define MAX_TASKS STRESS_SETS_MAX_TASKS
/* The workers print nothing. */
#define WORKER_STACK QTEST_QUIET_STACK

struct feed {
    QueueHandle_t queue;
    uint32_t sent, received;
};

static struct feed feeds[QUEUES], isr_feed;
static QueueSetHandle_t set, isr_set;
static SemaphoreHandle_t irq_sem, counting;
static QueueHandle_t co_queue;
static volatile uint32_t errors, checks, irq_given, irq_taken, counts_given, counts_taken;
static volatile uint32_t co_sent, co_received;
static volatile uint64_t digest;
static TaskStatus_t status[MAX_TASKS];
static configRUN_TIME_COUNTER_TYPE last_counter[MAX_TASKS];
static TaskHandle_t last_handle[MAX_TASKS];
static char table[MAX_TASKS * 64];

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
    struct feed *f = arg;

    for (;;) {
        if (xQueueSend(f->queue, &f->sent, 100) == pdPASS) {
            f->sent++;
        }
        if (f->sent % 7 == 0) {
            qtest_busy_ticks(1);
        } else {
            vTaskDelay((TickType_t)(f->sent % 4));
        }
    }
}

static void counter_giver(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreGive(counting) == pdPASS) {
            counts_given++;
        }
        vTaskDelay(3);
    }
}

/* Takes what the set says is ready: it must be there, nobody else reads these members. */
static void take_member(QueueSetMemberHandle_t member)
{
    uint32_t v;

    for (int i = 0; i < QUEUES; i++) {
        if (member == feeds[i].queue) {
            if (xQueueReceive(feeds[i].queue, &v, 0) != pdPASS || v != feeds[i].received) {
                error();
            }
            feeds[i].received++;
            trace((uint32_t)i << 24 | v);
            return;
        }
    }
    if (member == irq_sem || member == counting) {
        if (xSemaphoreTake(member, 0) != pdPASS) {
            error();
        } else if (member == irq_sem) {
            irq_taken++;
        } else {
            counts_taken++;
        }
        trace(member == irq_sem ? 0x10000000u : 0x20000000u);
        return;
    }
    error(); /* NULL (nothing within the timeout) or a stranger */
}

static void selector(void *arg)
{
    (void)arg;
    for (;;) {
        take_member(xQueueSelectFromSet(set, 3 * IRQ_EVERY));
    }
}

static void isr_feeder(void *arg)
{
    (void)arg;
    for (;;) {
        if (xQueueSend(isr_feed.queue, &isr_feed.sent, 0) == pdPASS) {
            isr_feed.sent++;
        }
        vTaskDelay(2);
    }
}

static void give_handler(void)
{
    BaseType_t woken = pdFALSE;

    if (xSemaphoreGiveFromISR(irq_sem, &woken) == pdPASS) {
        irq_given++;
    }
    portYIELD_FROM_ISR(woken);
}

static void select_handler(void)
{
    BaseType_t woken = pdFALSE;
    uint32_t v;

    while (xQueueSelectFromSetFromISR(isr_set) == isr_feed.queue) {
        if (xQueueReceiveFromISR(isr_feed.queue, &v, &woken) != pdPASS || v != isr_feed.received) {
            errors++;
        }
        isr_feed.received++;
    }
    portYIELD_FROM_ISR(woken);
}

static void irq_source(void)
{
    const TickType_t now = xTaskGetTickCountFromISR();

    if (now % IRQ_EVERY == 0) {
        qtest_irq_raise(IRQ_GIVE);
    }
    if (now % IRQ_EVERY == 2) {
        qtest_irq_raise(IRQ_SELECT);
    }
}

static void co_producer(CoRoutineHandle_t h, UBaseType_t index)
{
    static BaseType_t result;

    (void)index;
    crSTART(h);
    for (;;) {
        crQUEUE_SEND(h, co_queue, (void *)&co_sent, 10, &result);
        if (result == pdPASS) {
            co_sent++;
        }
        crDELAY(h, (TickType_t)(1 + co_sent % 3));
    }
    crEND();
}

static void co_consumer(CoRoutineHandle_t h, UBaseType_t index)
{
    static uint32_t v;
    static BaseType_t result;

    (void)index;
    crSTART(h);
    for (;;) {
        crQUEUE_RECEIVE(h, co_queue, &v, 50, &result);
        if (result != pdPASS || v != co_received) {
            errors++;
        }
        co_received++;
    }
    crEND();
}

/* Each task's run time only grows, and all of them together never exceed the total. */
static void check_stats(void)
{
    configRUN_TIME_COUNTER_TYPE total, sum = 0;
    const UBaseType_t n = uxTaskGetSystemState(status, MAX_TASKS, &total);

    QT_ASSERT(n == uxTaskGetNumberOfTasks());
    for (UBaseType_t i = 0; i < n; i++) {
        sum += status[i].ulRunTimeCounter;
        for (int j = 0; j < MAX_TASKS; j++) {
            if (last_handle[j] == status[i].xHandle) {
                QT_ASSERT(status[i].ulRunTimeCounter >= last_counter[j]);
            }
        }
    }
    QT_ASSERT(sum <= total);
    QT_ASSERT(ulTaskGetIdleRunTimeCounter() > 0);
    for (UBaseType_t i = 0; i < MAX_TASKS; i++) {
        last_handle[i] = i < n ? status[i].xHandle : NULL;
        last_counter[i] = i < n ? status[i].ulRunTimeCounter : 0;
    }
    vTaskGetRunTimeStatistics(table, sizeof(table));
    for (UBaseType_t i = 0; i < n; i++) {
        QT_ASSERT(strstr(table, status[i].pcTaskName) != NULL);
    }
}

static uint32_t total_received(void)
{
    uint32_t sum = isr_feed.received + co_received;

    for (int i = 0; i < QUEUES; i++) {
        sum += feeds[i].received;
    }
    return sum;
}

static void check_progress(void)
{
    TickType_t wake = xTaskGetTickCount();
    uint32_t last_received = 0, last_irq = 0, last_counts = 0, last_co = 0, last_isr = 0;

    while (xTaskGetTickCount() < STRESS_TICKS) {
        xTaskDelayUntil(&wake, CHECK_PERIOD);
        QT_ASSERT(total_received() > last_received);
        QT_ASSERT(irq_taken > last_irq);
        QT_ASSERT(counts_taken > last_counts);
        QT_ASSERT(co_received > last_co);
        QT_ASSERT(isr_feed.received > last_isr);
        QT_EQ(errors, 0);
        check_stats();
        last_received = total_received();
        last_irq = irq_taken;
        last_counts = counts_taken;
        last_co = co_received;
        last_isr = isr_feed.received;
        checks++;
    }
}

static void create_objects(void)
{
    set = xQueueCreateSet(QUEUES * QUEUE_LEN + 1 + COUNTING_MAX);
    isr_set = xQueueCreateSet(QUEUE_LEN);
    irq_sem = xSemaphoreCreateBinary();
    counting = xSemaphoreCreateCounting(COUNTING_MAX, 0);
    isr_feed.queue = xQueueCreate(QUEUE_LEN, sizeof(uint32_t));
    co_queue = xQueueCreate(2, sizeof(uint32_t));
    QT_ASSERT(set && isr_set && irq_sem && counting && isr_feed.queue && co_queue);
    for (int i = 0; i < QUEUES; i++) {
        feeds[i].queue = xQueueCreate(QUEUE_LEN, sizeof(uint32_t));
        QT_ASSERT(feeds[i].queue != NULL);
        QT_EQ(xQueueAddToSet(feeds[i].queue, set), pdPASS);
    }
    QT_EQ(xQueueAddToSet(irq_sem, set), pdPASS);
    QT_EQ(xQueueAddToSet(counting, set), pdPASS);
    QT_EQ(xQueueAddToSet(isr_feed.queue, isr_set), pdPASS);
}

static void reset_counters(void)
{
    digest = 1469598103934665603ull;
    errors = checks = irq_given = irq_taken = counts_given = counts_taken = 0;
    co_sent = co_received = 0;
    isr_feed.sent = isr_feed.received = 0;
    for (int i = 0; i < QUEUES; i++) {
        feeds[i].sent = feeds[i].received = 0;
    }
    memset(last_handle, 0, sizeof(last_handle));
}

/* Every worker must exist: a missing one would only show as a quieter schedule. */
static void spawn(TaskFunction_t fn, const char *name, void *arg, UBaseType_t prio)
{
    QT_EQ(xTaskCreate(fn, name, WORKER_STACK, arg, prio, NULL), pdPASS);
}

static uint64_t run_scenario(void)
{
    reset_counters();
    create_objects();
    for (int i = 0; i < QUEUES; i++) {
        spawn(producer, "prod", &feeds[i], (UBaseType_t)(1 + i));
    }
    spawn(counter_giver, "giver", NULL, 1);
    spawn(selector, "selector", NULL, 4);
    spawn(isr_feeder, "isrfeed", NULL, 2);
    QT_EQ(xCoRoutineCreate(co_consumer, 1, 0), pdPASS);
    QT_EQ(xCoRoutineCreate(co_producer, 0, 0), pdPASS);
    qtest_irq_set_handler(IRQ_GIVE, give_handler);
    qtest_irq_set_handler(IRQ_SELECT, select_handler);
    qtest_idle_hook = vCoRoutineSchedule;
    qtest_tick_hook = irq_source;

    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 1);
    check_progress();
    qtest_tick_hook = NULL;

    vTaskSuspendAll();
    QT_EQ(errors, 0);
    QT_ASSERT(checks >= STRESS_TICKS / CHECK_PERIOD - 1);
    QT_ASSERT(irq_taken + uxSemaphoreGetCount(irq_sem) <= irq_given);
    QT_ASSERT(counts_taken + uxSemaphoreGetCount(counting) <= counts_given);
    (void)xTaskResumeAll();
    return digest;
}

static uint64_t first_digest;

/* Runs once the scheduler has ended: the objects' users are gone. */
static void delete_objects(void)
{
    vCoRoutineResetState();
    for (int i = 0; i < QUEUES; i++) {
        vQueueDelete(feeds[i].queue);
    }
    vQueueDelete(isr_feed.queue);
    vQueueDelete(co_queue);
    vSemaphoreDelete(irq_sem);
    vSemaphoreDelete(counting);
    vQueueDelete(set);
    vQueueDelete(isr_set);
}

static void test_stress_sets_run_first(void)
{
    first_digest = run_scenario();
}

static void test_stress_sets_replay_identical(void)
{
    QT_EQ(run_scenario(), first_digest);
}

QTEST_MAIN(QTEST_CASE_TEARDOWN(test_stress_sets_run_first, delete_objects),
           QTEST_CASE_TEARDOWN(test_stress_sets_replay_identical, delete_objects))
