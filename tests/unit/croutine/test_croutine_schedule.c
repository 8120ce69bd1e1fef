/* SPDX-License-Identifier: MIT */
/*
 * Co-routine scheduling: vCoRoutineSchedule, called from the idle hook as
 * FreeRTOS documents (here once per idle pass, one simulated tick apart),
 * runs the highest-priority ready co-routine once, round robin among equal
 * priorities; crDELAY wakes a co-routine on the exact tick, also across the
 * tick-count wrap; vCoRoutineResetState frees every co-routine.
 */
#include "../task/task_test_util.h"

#include "croutine.h"

#include <stdio.h>

static void start_scheduling_coroutines(void)
{
    tt_trace_reset();
    qtest_idle_hook = vCoRoutineSchedule;
}

/* After the scheduler has ended: free the co-routines (the harness checks for leaks). */
static void free_coroutines(void)
{
    vCoRoutineResetState();
}

/* Traces 'a' + index every 10 ticks. */
static void ticker(CoRoutineHandle_t h, UBaseType_t index)
{
    crSTART(h);
    for (;;) {
        tt_trace((char)('a' + index));
        crDELAY(h, 10);
    }
    crEND();
}

/* Traces its letter and sleeps 5 ticks. */
static void sleeper(CoRoutineHandle_t h, UBaseType_t index)
{
    crSTART(h);
    for (;;) {
        tt_trace((char)('a' + index));
        crDELAY(h, 5);
    }
    crEND();
}

/* Traces its letter and yields to its peers without delaying. */
static void yielder(CoRoutineHandle_t h, UBaseType_t index)
{
    crSTART(h);
    for (;;) {
        tt_trace((char)index);
        crDELAY(h, 0);
    }
    crEND();
}

static void test_crDELAY_wakes_on_the_exact_tick(void)
{
    start_scheduling_coroutines();
    QT_EQ(xCoRoutineCreate(ticker, 0, 0), pdPASS);
    vTaskDelay(35);
    TT_EXPECT_TRACE("a0 a10 a20 a30");
}

static void test_highest_priority_runs_first_one_per_call(void)
{
    start_scheduling_coroutines();
    QT_EQ(xCoRoutineCreate(sleeper, 0, 0), pdPASS);
    QT_EQ(xCoRoutineCreate(sleeper, 1, 1), pdPASS);
    QT_EQ(xCoRoutineCreate(sleeper, 2, 2), pdPASS);
    vTaskDelay(8);
    TT_EXPECT_TRACE("c0 b1 a2 c5 b6 a7");
}

static void test_equal_priorities_take_turns(void)
{
    start_scheduling_coroutines();
    QT_EQ(xCoRoutineCreate(yielder, 1, 'x'), pdPASS);
    QT_EQ(xCoRoutineCreate(yielder, 1, 'y'), pdPASS);
    QT_EQ(xCoRoutineCreate(yielder, 0, 'z'), pdPASS); /* never gets a turn */
    vTaskDelay(6);
    TT_EXPECT_TRACE("x0 y1 x2 y3 x4 y5");
}

static void test_vCoRoutineSchedule_without_coroutines_does_nothing(void)
{
    vCoRoutineSchedule();
    vCoRoutineResetState();
    vCoRoutineSchedule();
    QT_EQ(xTaskGetTickCount(), 0);
}

/* Move the tick count to `when` (ahead of now) without running anything. */
static void jump_to(TickType_t when)
{
    vTaskSuspendAll();
    vTaskStepTick((TickType_t)(when - xTaskGetTickCount()));
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), when);
}

static void expect_two_traces(char id, TickType_t first, TickType_t second)
{
    char want[64];

    snprintf(want, sizeof(want), "%c%llu %c%llu", id, (unsigned long long)first, id,
             (unsigned long long)second);
    TT_EXPECT_TRACE(want);
}

static void once_then_delay_25(CoRoutineHandle_t h, UBaseType_t index)
{
    (void)index;
    crSTART(h);
    tt_trace('w');
    crDELAY(h, 25);
    tt_trace('w');
    for (;;) {
        crDELAY(h, 1000);
    }
    crEND();
}

static void test_crDELAY_across_the_tick_wrap(void)
{
    const TickType_t start = (TickType_t)(portMAX_DELAY - 9);

    jump_to(start);
    start_scheduling_coroutines();
    QT_EQ(xCoRoutineCreate(once_then_delay_25, 0, 0), pdPASS);
    vTaskDelay(30);
    expect_two_traces('w', start, 15);
}

static void once_then_delay_5(CoRoutineHandle_t h, UBaseType_t index)
{
    (void)index;
    crSTART(h);
    tt_trace('v');
    crDELAY(h, 5);
    tt_trace('v');
    for (;;) {
        crDELAY(h, 1000);
    }
    crEND();
}

/* The co-routine scheduler misses the wrap (a task keeps the CPU): waking catches up. */
static void test_delays_expire_when_the_wrap_passes_unseen(void)
{
    const TickType_t start = (TickType_t)(portMAX_DELAY - 9);

    jump_to(start);
    start_scheduling_coroutines();
    QT_EQ(xCoRoutineCreate(once_then_delay_5, 0, 0), pdPASS);
    vTaskDelay(1);        /* the co-routine runs once: wake time start + 5 */
    qtest_busy_ticks(12); /* no idle pass until after the wrap */
    QT_EQ(xTaskGetTickCount(), 3);
    vTaskDelay(2);
    expect_two_traces('v', start, 3);
}

/* ---- Misuse (configASSERT) ---- */

static void create_above_max_priority(void *arg)
{
    (void)arg;
    (void)xCoRoutineCreate(ticker, configMAX_CO_ROUTINE_PRIORITIES, 0);
}

static void delay_outside_a_coroutine(void *arg)
{
    (void)arg;
    vCoRoutineAddToDelayedList(5, NULL); /* only a running co-routine can be delayed */
}

static void test_croutine_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(create_above_max_priority, NULL);
    QT_EXPECT_ASSERT(delay_outside_a_coroutine, NULL);
}

QTEST_MAIN(QTEST_CASE_TEARDOWN(test_crDELAY_wakes_on_the_exact_tick, free_coroutines),
           QTEST_CASE_TEARDOWN(test_highest_priority_runs_first_one_per_call, free_coroutines),
           QTEST_CASE_TEARDOWN(test_equal_priorities_take_turns, free_coroutines),
           QTEST_CASE(test_vCoRoutineSchedule_without_coroutines_does_nothing),
           QTEST_CASE_TEARDOWN(test_crDELAY_across_the_tick_wrap, free_coroutines),
           QTEST_CASE_TEARDOWN(test_delays_expire_when_the_wrap_passes_unseen, free_coroutines),
           QTEST_CASE(test_croutine_misuse_asserts))
