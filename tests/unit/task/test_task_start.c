/* SPDX-License-Identifier: MIT */
/*
 * test_task_start.c: the scheduler's start and end, driven directly (these
 * cases run without the harness's scheduler and start their own):
 * vTaskStartScheduler runs a task of the highest priority created before it,
 * creates the idle task and starts time at zero; tasks suspended or deleted
 * before the start never run; vTaskEndScheduler returns to the caller of
 * vTaskStartScheduler with every task freed.
 *
 * Built in default and static_only.
 */
#include "task_test_util.h"

#include <string.h>

#define DYNAMIC (configSUPPORT_DYNAMIC_ALLOCATION != 0)

static volatile BaseType_t state_inside;
static volatile TickType_t tick_at_start;
static volatile UBaseType_t tasks_inside;

/* Trace its name, then end the scheduler. */
static void end_task(void *arg)
{
    (void)arg;
    tt_mark(pcTaskGetName(NULL)[0]);
    state_inside = xTaskGetSchedulerState();
    tick_at_start = xTaskGetTickCount();
    tasks_inside = uxTaskGetNumberOfTasks();
    vTaskEndScheduler();
}

static void mark_task(void *arg)
{
    (void)arg;
    tt_mark(pcTaskGetName(NULL)[0]);
    tt_park();
}

static size_t heap_free(void)
{
    return DYNAMIC ? xPortGetFreeHeapSize() : 0;
}

static void test_vTaskStartScheduler_runs_highest_priority_first(void)
{
    tt_trace_reset();
    (void)tt_spawn(mark_task, "L", 1, NULL);
    (void)tt_spawn(end_task, "H", 3, NULL);
    (void)tt_spawn(mark_task, "M", 2, NULL);
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_NOT_STARTED);
    QT_EQ(uxTaskGetNumberOfTasks(), 3); /* no idle task before the start */
    vTaskStartScheduler();
    TT_EXPECT_TRACE("H");
    QT_EQ(state_inside, taskSCHEDULER_RUNNING);
    QT_EQ(tasks_inside, 4);
}

static void test_vTaskStartScheduler_time_starts_at_zero(void)
{
    (void)tt_spawn(end_task, "E", 1, NULL);
    vTaskStartScheduler();
    QT_EQ(tick_at_start, 0);
}

static void test_vTaskEndScheduler_returns_and_frees_tasks(void)
{
    const size_t before = heap_free();

    tt_trace_reset();
    (void)tt_spawn(end_task, "E", 1, NULL);
    (void)tt_spawn(mark_task, "A", 2, NULL);
    (void)tt_spawn(mark_task, "B", 2, NULL);
    vTaskStartScheduler();
    /* As in FreeRTOS, the last-created task of the highest priority runs first. */
    TT_EXPECT_TRACE("B A E");
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_NOT_STARTED);
    QT_EQ(heap_free(), before);
}

static void test_vTaskSuspend_before_start_task_never_runs(void)
{
    TaskHandle_t h;

    tt_trace_reset();
    h = tt_spawn(mark_task, "H", 3, NULL);
    (void)tt_spawn(end_task, "E", 2, NULL);
    vTaskSuspend(h);
    QT_EQ(eTaskGetState(h), eSuspended);
    vTaskStartScheduler();
    TT_EXPECT_TRACE("E");
}

static void test_vTaskSuspend_before_start_every_task(void)
{
    TaskHandle_t a, e;

    tt_trace_reset();
    a = tt_spawn(mark_task, "A", 2, NULL);
    e = tt_spawn(end_task, "E", 1, NULL);
    vTaskSuspend(a);
    vTaskSuspend(e);
    vTaskResume(e); /* resuming before the start makes it the one to run */
    vTaskStartScheduler();
    TT_EXPECT_TRACE("E");
}

static void test_vTaskDelete_before_start_task_never_runs(void)
{
    const size_t before = heap_free();
    TaskHandle_t h;

    tt_trace_reset();
    (void)tt_spawn(end_task, "E", 1, NULL);
    h = tt_spawn(mark_task, "H", 3, NULL);
    vTaskDelete(h);
    QT_EQ(uxTaskGetNumberOfTasks(), 1);
    vTaskStartScheduler();
    TT_EXPECT_TRACE("E");
    QT_EQ(heap_free(), before);
}

static void test_vTaskStartScheduler_idle_runs_when_all_suspended(void)
{
    TaskHandle_t a, e;

    tt_trace_reset();
    a = tt_spawn(mark_task, "A", 2, NULL);
    e = tt_spawn(end_task, "E", 1, NULL);
    vTaskSuspend(a);
    vTaskSuspend(e);
    vTaskDelete(a);
    vTaskResume(e);
    vTaskStartScheduler();
    TT_EXPECT_TRACE("E");
}

static void test_vTaskDelete_before_start_first_task_others_suspended(void)
{
    TaskHandle_t a, e;

    tt_trace_reset();
    e = tt_spawn(end_task, "E", 1, NULL);
    a = tt_spawn(mark_task, "A", 2, NULL); /* the one that would run first */
    vTaskSuspend(e);
    vTaskDelete(a); /* no task is left ready: the choice waits for the start */
    vTaskResume(e);
    vTaskStartScheduler();
    TT_EXPECT_TRACE("E");
}

/* ---- Bad input ---- */

static void idle_handle_before_start(void *arg)
{
    (void)arg;
    (void)xTaskGetIdleTaskHandle();
}

static void test_xTaskGetIdleTaskHandle_before_start_asserts(void)
{
    QT_EXPECT_ASSERT(idle_handle_before_start, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_vTaskStartScheduler_runs_highest_priority_first),
           QTEST_CASE_NO_SCHEDULER(test_vTaskStartScheduler_time_starts_at_zero),
           QTEST_CASE_NO_SCHEDULER(test_vTaskEndScheduler_returns_and_frees_tasks),
           QTEST_CASE_NO_SCHEDULER(test_vTaskSuspend_before_start_task_never_runs),
           QTEST_CASE_NO_SCHEDULER(test_vTaskSuspend_before_start_every_task),
           QTEST_CASE_NO_SCHEDULER(test_vTaskDelete_before_start_task_never_runs),
           QTEST_CASE_NO_SCHEDULER(test_vTaskStartScheduler_idle_runs_when_all_suspended),
           QTEST_CASE_NO_SCHEDULER(test_vTaskDelete_before_start_first_task_others_suspended),
           QTEST_CASE_NO_SCHEDULER(test_xTaskGetIdleTaskHandle_before_start_asserts))
