/* SPDX-License-Identifier: MIT */
/*
 * POSIX port, simulated time and scheduling: time moves one tick per idle
 * pass and per tick of posix_busy_ticks(), which lets equal-priority tasks be
 * time-sliced at every tick; ticks raised while masked are delivered at the
 * exit; the same scenario replays identically; the scheduler starts and ends
 * many times in one process.
 */
#include "FreeRTOS.h"
#include "posix_port.h"
#include "qtest.h"
#include "task.h"

#include <string.h>

#define SLICE_ROUNDS 6
#define TRACE_MAX 256
#define REPLAY_IRQ 5u

struct trace {
    unsigned len;
    uint32_t ev[TRACE_MAX];
};

static struct trace trace_now, trace_first;
static volatile unsigned finished;

static void trace_add(struct trace *t, uint32_t event)
{
    if (t->len < TRACE_MAX) {
        t->ev[t->len++] = event;
    }
}

/* Records (id, tick) before each tick it burns, then ends itself. */
static void slicer(void *arg)
{
    const uint32_t id = (uint32_t)(uintptr_t)arg;

    for (int i = 0; i < SLICE_ROUNDS; i++) {
        trace_add(&trace_now, id << 16 | (uint32_t)xTaskGetTickCount());
        posix_busy_ticks(1);
    }
    finished++;
    vTaskDelete(NULL);
}

static void test_posix_time_is_simulated_in_test_config(void)
{
    QT_EQ(posix_time_is_simulated(), pdTRUE);
}

static void test_vTaskDelay_idle_passes_advance_one_tick_each(void)
{
    TickType_t start = xTaskGetTickCount();

    QT_EQ(start, 0); /* every case starts at tick 0 */
    vTaskDelay(10);
    QT_EQ(xTaskGetTickCount(), start + 10);
}

static void test_posix_busy_ticks_advances_time_without_blocking(void)
{
    TickType_t start = xTaskGetTickCount();

    posix_busy_ticks(7);
    QT_EQ(xTaskGetTickCount(), start + 7);
    posix_busy_ticks(0);
    QT_EQ(xTaskGetTickCount(), start + 7);
}

static void test_posix_busy_ticks_in_critical_delivers_at_exit(void)
{
    TickType_t start = xTaskGetTickCount();

    taskENTER_CRITICAL();
    posix_busy_ticks(3);
    QT_EQ(xTaskGetTickCount(), start);
    taskEXIT_CRITICAL();
    QT_EQ(xTaskGetTickCount(), start + 3);
}

static void test_posix_busy_ticks_time_slices_equal_priorities(void)
{
    TickType_t start;

    memset(&trace_now, 0, sizeof(trace_now));
    finished = 0;
    vTaskSuspendAll();
    xTaskCreate(slicer, "A", configMINIMAL_STACK_SIZE, (void *)1, QTEST_PRIORITY + 1, NULL);
    xTaskCreate(slicer, "B", configMINIMAL_STACK_SIZE, (void *)2, QTEST_PRIORITY + 1, NULL);
    start = xTaskGetTickCount();
    (void)xTaskResumeAll();
    /* Both outrank this task, so they have finished by now. */
    QT_EQ(finished, 2);
    QT_EQ(trace_now.len, 2 * SLICE_ROUNDS);
    for (unsigned i = 0; i < trace_now.len; i++) {
        QT_EQ(trace_now.ev[i] >> 16, 1 + i % 2);                 /* A, B, A, B, ... */
        QT_EQ(trace_now.ev[i] & 0xffffu, start + (TickType_t)i); /* one tick each */
    }
}

/* ---- Replay: a mix of priorities, delays, busy ticks and interrupts, run twice. ---- */

static TaskHandle_t replay_waiter;

static void replay_irq(void)
{
    BaseType_t woken = pdFALSE;

    trace_add(&trace_now, 0xf000u | (uint32_t)xTaskGetTickCountFromISR());
    vTaskNotifyGiveFromISR(replay_waiter, &woken);
    portYIELD_FROM_ISR(woken);
}

static void replay_tick_hook(void)
{
    if (xTaskGetTickCountFromISR() % 5 == 0) {
        posix_irq_raise(REPLAY_IRQ);
    }
}

static void replay_worker(void *arg)
{
    const uint32_t id = (uint32_t)(uintptr_t)arg;

    for (uint32_t i = 0; i < 12; i++) {
        trace_add(&trace_now, id << 24 | i << 16 | (uint32_t)xTaskGetTickCount());
        posix_busy_ticks((TickType_t)(1 + (i + id) % 3));
        if ((i + id) % 4 == 0) {
            vTaskDelay((TickType_t)(id + 1));
        }
    }
    finished++;
    vTaskDelete(NULL);
}

static void replay_waiter_task(void *arg)
{
    (void)arg;
    for (;;) {
        if (ulTaskNotifyTake(pdTRUE, 4) != 0) {
            trace_add(&trace_now, 0xe000u | (uint32_t)xTaskGetTickCount());
        }
    }
}

static void run_replay_scenario(void)
{
    memset(&trace_now, 0, sizeof(trace_now));
    finished = 0;
    posix_irq_set_handler(REPLAY_IRQ, replay_irq);
    xTaskCreate(replay_waiter_task, "waiter", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 2,
                &replay_waiter);
    for (uintptr_t id = 1; id <= 3; id++) {
        xTaskCreate(replay_worker, "worker", configMINIMAL_STACK_SIZE, (void *)id,
                    QTEST_PRIORITY - 1 + id % 2, NULL);
    }
    qtest_tick_hook = replay_tick_hook;
    while (finished < 3) {
        vTaskDelay(1);
    }
    qtest_tick_hook = NULL;
    vTaskDelete(replay_waiter);
}

static void test_simulated_time_replay_first_run(void)
{
    run_replay_scenario();
    trace_first = trace_now;
    QT_ASSERT(trace_first.len > 40); /* workers, interrupts and the waiter all left events */
}

static void test_simulated_time_replay_second_run_identical(void)
{
    run_replay_scenario();
    QT_EQ(trace_now.len, trace_first.len);
    QT_ASSERT(memcmp(trace_now.ev, trace_first.ev, sizeof(trace_now.ev)) == 0);
}

/* ---- Start and end many schedulers in one process. ---- */

#define RESTARTS 200

static volatile TickType_t end_tick;

static void helper_task(void *arg)
{
    (void)arg;
    for (;;) {
        posix_busy_ticks(1);
        vTaskDelay(2);
    }
}

static void ender_task(void *arg)
{
    (void)arg;
    xTaskCreate(helper_task, "helper", configMINIMAL_STACK_SIZE, NULL, 2, NULL);
    vTaskDelay(5);
    end_tick = xTaskGetTickCount();
    vTaskEndScheduler();
}

static void test_vTaskEndScheduler_restart_many_times(void)
{
    size_t heap_before = xPortGetFreeHeapSize();

    for (int i = 0; i < RESTARTS; i++) {
        end_tick = 0;
        xTaskCreate(ender_task, "ender", configMINIMAL_STACK_SIZE, NULL, 3, NULL);
        vTaskStartScheduler();
        QT_EQ(end_tick, 5); /* each run starts from tick 0 and sees the same time */
        QT_EQ(xPortGetFreeHeapSize(), heap_before);
        if (qtest_failures() != 0) {
            break;
        }
    }
}

QTEST_MAIN(QTEST_CASE(test_posix_time_is_simulated_in_test_config),
           QTEST_CASE(test_vTaskDelay_idle_passes_advance_one_tick_each),
           QTEST_CASE(test_posix_busy_ticks_advances_time_without_blocking),
           QTEST_CASE(test_posix_busy_ticks_in_critical_delivers_at_exit),
           QTEST_CASE(test_posix_busy_ticks_time_slices_equal_priorities),
           QTEST_CASE(test_simulated_time_replay_first_run),
           QTEST_CASE(test_simulated_time_replay_second_run_identical),
           QTEST_CASE_NO_SCHEDULER(test_vTaskEndScheduler_restart_many_times))
