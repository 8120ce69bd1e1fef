/* SPDX-License-Identifier: MIT */
/*
 * POSIX port, real-time mode (tests/configs/realtime): a host timer drives
 * the tick, the idle task sleeps until it fires, tasks are preempted
 * asynchronously, and other threads can raise interrupt lines. Assertions are
 * on tick counts and event counts only, never on wall-clock time.
 */
#include "FreeRTOS.h"
#include "posix_port.h"
#include "qtest.h"
#include "task.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define FOREIGN_IRQ 7u
#define FOREIGN_RAISES 20
#define RESTARTS 10

static TaskHandle_t notify_target;
static atomic_int handled;
static volatile BaseType_t inside_seen;
static volatile unsigned spins[2];
static volatile int spinners_done;

static void test_posix_time_is_simulated_false_in_realtime_config(void)
{
    QT_EQ(posix_time_is_simulated(), pdFALSE);
}

static void test_vTaskDelay_host_timer_ticks_advance(void)
{
    TickType_t start = xTaskGetTickCount();

    for (int i = 0; i < 5; i++) {
        TickType_t before = xTaskGetTickCount();

        vTaskDelay(10);
        QT_ASSERT(xTaskGetTickCount() - before >= 10);
    }
    QT_ASSERT(xTaskGetTickCount() - start >= 50);
}

static void test_posix_busy_ticks_waits_for_host_ticks(void)
{
    TickType_t start = xTaskGetTickCount();

    posix_busy_ticks(5);
    QT_ASSERT(xTaskGetTickCount() - start >= 5);
}

/* Equal-priority tasks that never block: only the tick can switch between them. */
static void spinner(void *arg)
{
    const int id = (int)(intptr_t)arg;

    while (spins[1 - id] == 0 || spins[id] < 1000) {
        spins[id]++;
    }
    spinners_done++;
    vTaskSuspend(NULL);
}

static void test_tick_signal_preempts_spinning_tasks(void)
{
    TaskHandle_t a, b;

    spins[0] = spins[1] = 0;
    spinners_done = 0;
    xTaskCreate(spinner, "spin0", configMINIMAL_STACK_SIZE, (void *)0, QTEST_PRIORITY - 1, &a);
    xTaskCreate(spinner, "spin1", configMINIMAL_STACK_SIZE, (void *)1, QTEST_PRIORITY - 1, &b);
    while (spinners_done < 2) {
        vTaskDelay(2);
    }
    /* Each waited for the other to start: both ran, so each was preempted while spinning. */
    QT_ASSERT(spins[0] >= 1000 && spins[1] >= 1000);
    vTaskDelete(a);
    vTaskDelete(b);
}

static void foreign_handler(void)
{
    BaseType_t woken = pdFALSE;

    inside_seen = xPortIsInsideInterrupt();
    atomic_fetch_add(&handled, 1);
    vTaskNotifyGiveFromISR(notify_target, &woken);
    portYIELD_FROM_ISR(woken);
}

/* Raises the line, waiting each time until the handler has run so that no raise merges. */
static void *foreign_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < FOREIGN_RAISES; i++) {
        posix_irq_raise(FOREIGN_IRQ);
        while (atomic_load(&handled) <= i) {
            usleep(100);
        }
    }
    return NULL;
}

static void test_posix_irq_raise_from_foreign_thread_reaches_task(void)
{
    pthread_t thread;
    unsigned received = 0;

    atomic_store(&handled, 0);
    inside_seen = pdFALSE;
    notify_target = xTaskGetCurrentTaskHandle();
    posix_irq_set_handler(FOREIGN_IRQ, foreign_handler);
    QT_EQ(pthread_create(&thread, NULL, foreign_thread, NULL), 0);
    while (received < FOREIGN_RAISES) {
        uint32_t n = ulTaskNotifyTake(pdTRUE, pdMS_TO_TICKS(5000));

        if (n == 0) {
            break; /* lost: fail below rather than hang */
        }
        received += n;
    }
    QT_EQ(received, FOREIGN_RAISES);
    QT_EQ(atomic_load(&handled), FOREIGN_RAISES);
    QT_EQ(inside_seen, pdTRUE);
    QT_EQ(pthread_join(thread, NULL), 0); /* it has finished: joining cannot stall the kernel */
}

static volatile TickType_t end_tick;

static void ender_task(void *arg)
{
    (void)arg;
    vTaskDelay(5);
    end_tick = xTaskGetTickCount();
    vTaskEndScheduler();
}

static void test_vTaskEndScheduler_realtime_restart(void)
{
    size_t heap_before = xPortGetFreeHeapSize();

    for (int i = 0; i < RESTARTS; i++) {
        end_tick = 0;
        xTaskCreate(ender_task, "ender", configMINIMAL_STACK_SIZE, NULL, 3, NULL);
        vTaskStartScheduler();
        QT_ASSERT(end_tick >= 5);
        QT_EQ(xPortGetFreeHeapSize(), heap_before);
    }
}

QTEST_MAIN(QTEST_CASE(test_posix_time_is_simulated_false_in_realtime_config),
           QTEST_CASE(test_vTaskDelay_host_timer_ticks_advance),
           QTEST_CASE(test_posix_busy_ticks_waits_for_host_ticks),
           QTEST_CASE(test_tick_signal_preempts_spinning_tasks),
           QTEST_CASE(test_posix_irq_raise_from_foreign_thread_reaches_task),
           QTEST_CASE_NO_SCHEDULER(test_vTaskEndScheduler_realtime_restart))
