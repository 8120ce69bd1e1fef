/* SPDX-License-Identifier: MIT */
/*
 * test_notify_fast.c: xTaskNotifyGive and ulTaskNotifyTake through their fast paths (speed
 * builds; kernel/notify.c): what they leave behind (the count, the pending state that
 * xTaskNotifyStateClear, eSetValueWithoutOverwrite and xTaskNotifyWait see), a take that finds
 * no count and waits or does not, a woken take that returns what it finds (zero included), and
 * interrupts that give while a take runs. On the Cortex-M3/M4/M33 boards the take is lock-free
 * (an exclusive load and store): a tick interrupt landing inside its section must send it to the
 * locked path without losing or doubling a count, and every count given must be taken once. The
 * sweeps below move a take, and a woken take, across the tick one instruction at a time (under
 * QEMU's -icount the tick comes at the same instruction every run), so that the tick lands at each
 * point of them: on qemu-mps2-an385 an execution trace shows all three ways to the locked path
 * taken (a failed store with a count there, a count arriving between the look and the lock, a
 * failed store after the wait). Misuse (a NULL task, a handler, a wait with the scheduler
 * suspended) still asserts.
 *
 * Built in default, coop, static_only and optimised. Traces: 'W' is the waiter when its take
 * returns, 'q' is qtest.
 */
#include "../task/task_test_util.h"

#include <stdbool.h>

#define PREEMPT (configUSE_PREEMPTION != 0)
#define SELF xTaskGetCurrentTaskHandle()

static volatile uint32_t got;

static void take_task(void *arg)
{
    (void)arg;
    got = ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    tt_trace('W');
    tt_park();
}

/* A task at `priority` that waits in ulTaskNotifyTake(pdTRUE, portMAX_DELAY). */
static TaskHandle_t start_taker(UBaseType_t priority)
{
    TaskHandle_t t = tt_spawn(take_task, "W", priority, NULL);

    got = UINT32_MAX;
    if (priority > QTEST_PRIORITY) {
        taskYIELD();
    } else {
        vTaskDelay(1);
    }
    QT_EQ(eTaskGetState(t), eBlocked);
    return t;
}

static bool pending(TaskHandle_t t)
{
    /* Cleared and put back: only what xTaskNotifyStateClear reports matters. */
    BaseType_t was = xTaskNotifyStateClear(t);

    if (was) {
        (void)xTaskNotify(t, 0, eNoAction);
    }
    return was == pdTRUE;
}

/* ---- The give ---- */

static void test_xTaskNotifyGive_not_waiting_counts_and_leaves_pending(void)
{
    QT_EQ(xTaskNotifyGive(SELF), pdPASS);
    QT_EQ(xTaskNotifyGive(SELF), pdPASS);
    QT_ASSERT(pending(SELF));
    /* Pending: an eSetValueWithoutOverwrite is refused, a wait returns at once. */
    QT_EQ(xTaskNotify(SELF, 9, eSetValueWithoutOverwrite), pdFAIL);
    QT_EQ(ulTaskNotifyValueClear(NULL, 0), 2);
    QT_EQ(xTaskNotifyWait(0, 0, NULL, 5), pdTRUE);
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_xTaskNotifyGive_wakes_equal_priority_taker_without_switch(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start_taker(QTEST_PRIORITY);
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    tt_trace('q');
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(xTaskNotifyGive(t), pdPASS); /* before it runs: its take returns both */
    taskYIELD();
    TT_EXPECT_TRACE("q1 W1");
    QT_EQ(got, 2);
    QT_ASSERT(!pending(t));
    QT_EQ(ulTaskNotifyValueClear(t, 0), 0);
}

static void test_xTaskNotifyGive_wakes_higher_priority_taker(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start_taker(QTEST_PRIORITY + 1);
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "W0 q0" : "q0 W0");
    QT_EQ(got, 1);
}

static void test_xTaskNotifyGive_lower_priority_taker_runs_later(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start_taker(QTEST_PRIORITY - 1);
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q1 W1");
    QT_EQ(got, 3); /* every give before it ran */
}

static void test_xTaskNotifyGive_with_scheduler_suspended_switches_on_resume(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start_taker(QTEST_PRIORITY + 1);
    vTaskSuspendAll();
    QT_EQ(xTaskNotifyGive(t), pdPASS);
    tt_trace('q'); /* the taker is ready but may not run yet */
    QT_EQ(xTaskResumeAll(), PREEMPT ? pdTRUE : pdFALSE);
    tt_trace('q');
    taskYIELD();
    TT_EXPECT_TRACE(PREEMPT ? "q0 W0 q0" : "q0 q0 W0");
    QT_EQ(got, 1);
}

/* ---- The take ---- */

static void test_ulTaskNotifyTake_count_leaves_nothing_pending(void)
{
    (void)xTaskNotifyGive(SELF);
    (void)xTaskNotifyGive(SELF);
    QT_EQ(ulTaskNotifyTake(pdFALSE, portMAX_DELAY), 2);
    QT_ASSERT(!pending(SELF));
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 1);
    QT_ASSERT(!pending(SELF));
    QT_EQ(xTaskNotify(SELF, 7, eSetValueWithoutOverwrite), pdPASS); /* not refused */
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 7);
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_ulTaskNotifyTake_no_count_no_wait_ends_pending_state(void)
{
    (void)xTaskNotify(SELF, 0, eNoAction); /* pending, with a value of 0 */
    QT_EQ(ulTaskNotifyTake(pdTRUE, 0), 0);
    QT_ASSERT(!pending(SELF));
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_ulTaskNotifyTake_no_count_waits_then_times_out(void)
{
    QT_EQ(ulTaskNotifyTake(pdFALSE, 4), 0);
    QT_EQ(xTaskGetTickCount(), 4);
    QT_ASSERT(!pending(SELF));
    QT_EQ(xTaskNotify(SELF, 1, eSetValueWithoutOverwrite), pdPASS);
    QT_EQ(ulTaskNotifyTake(pdFALSE, 4), 1);
}

static void test_ulTaskNotifyTake_woken_by_a_zero_value_returns_zero(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = start_taker(QTEST_PRIORITY + 1);
    QT_EQ(xTaskNotify(t, 0, eSetValueWithOverwrite), pdPASS);
    taskYIELD();
    TT_EXPECT_TRACE("W0"); /* it did not wait again */
    QT_EQ(got, 0);
    QT_ASSERT(!pending(t));
}

/* ---- Interrupts giving while a take runs ---- */

static TaskHandle_t qtest_handle; /* the task the handlers give to */
static volatile uint32_t isr_gives;

static void give_each_tick(void)
{
    BaseType_t woken = pdFALSE;

    vTaskNotifyGiveFromISR(qtest_handle, &woken);
    isr_gives++;
    portYIELD_FROM_ISR(woken);
}

/* Snapshot the interrupt's gives and clear qtest's entry, with nothing in between. */
static uint32_t restart_count(void)
{
    uint32_t base;

    taskENTER_CRITICAL();
    base = isr_gives;
    (void)ulTaskNotifyValueClear(NULL, UINT32_MAX);
    (void)xTaskNotifyStateClear(NULL);
    taskEXIT_CRITICAL();
    return base;
}

/* The gives since base, less what is still in qtest's entry. */
static uint32_t gives_taken_since(uint32_t base)
{
    uint32_t n;

    taskENTER_CRITICAL();
    n = isr_gives - base - ulTaskNotifyValueClear(NULL, 0);
    taskEXIT_CRITICAL();
    return n;
}

#define POLLS 40000u

static void test_ulTaskNotifyTake_polls_racing_interrupt_gives(void)
{
    uint32_t base, taken = 0, mine = 0;

    qtest_handle = SELF;
    base = restart_count();
    qtest_tick_hook = give_each_tick;
    for (uint32_t i = 0; i < POLLS; i++) {
        if (i % 3 == 0) {
            (void)xTaskNotifyGive(SELF);
            mine++;
        }
        /* Counts taken whole or one at a time; the tick lands anywhere in between. */
        taken += (i & 1) ? ulTaskNotifyTake(pdTRUE, 0) : (ulTaskNotifyTake(pdFALSE, 0) != 0);
    }
    qtest_tick_hook = NULL;
    QT_EQ(taken, gives_taken_since(base) + mine);
    if (!QTEST_IDLE_MOVES_TIME) {
        QT_ASSERT(isr_gives - base > 10); /* the ticks did arrive during the polls */
    }
}

/*
 * Spin units of one cost whether they stop at a count or at the next tick (the calibration): the
 * choice is read from memory in every unit, so the compiler makes one loop of both.
 */
static volatile bool spin_to_tick;

static uint32_t spin(uint32_t units, bool to_tick)
{
    const TickType_t start = xTaskGetTickCount();
    uint32_t n;

    spin_to_tick = to_tick;
    for (n = 0; n < units; n++) {
        if ((xTaskGetTickCount() != start) & spin_to_tick) {
            break;
        }
    }
    return n;
}

#define NOPS(n) __asm volatile(".rept " #n "\n\tnop\n\t.endr")

/* A constant plus exactly n instructions (n < 64): each bit's test costs the same either way. */
static void delay_instructions(uint32_t n)
{
    if (n & 1u) {
        NOPS(1);
    }
    if (n & 2u) {
        NOPS(2);
    }
    if (n & 4u) {
        NOPS(4);
    }
    if (n & 8u) {
        NOPS(8);
    }
    if (n & 16u) {
        NOPS(16);
    }
    if (n & 32u) {
        NOPS(32);
    }
}

/*
 * The sweep: from a tick, spin to `lead` units before the next one, then 0 to 31 instructions
 * more (a unit is shorter than that), for lead = SWEEP_LEADS .. 1: the tick lands at every
 * instruction of the SWEEP_LEADS units' worth of code that follows (a woken task's first ones,
 * after a give and a switch, included). SPIN_MAX bounds the calibration where idle passes move
 * time (a spin never sees a tick there: any length will do).
 */
#define SWEEP_FINE 32u
#define SWEEP_LEADS 24u
#define SWEEP_STEPS (SWEEP_LEADS * SWEEP_FINE)
#define SPIN_MAX 200000u

static uint32_t units_per_tick;

/* Measured from a tick edge, after what each step does before its spin (prepare). */
static void sweep_calibrate(void (*prepare)(void))
{
    vTaskDelay(1);
    prepare();
    units_per_tick = QTEST_IDLE_MOVES_TIME ? SWEEP_LEADS : spin(SPIN_MAX, true);
}

static void sweep_to(uint32_t step)
{
    (void)spin(units_per_tick - (SWEEP_LEADS - step / SWEEP_FINE), false);
    delay_instructions(step % SWEEP_FINE);
}

static uint32_t step_base;

static void restart_step(void)
{
    step_base = restart_count();
}

static void test_ulTaskNotifyTake_wait_racing_interrupt_gives(void)
{
    qtest_handle = SELF;
    qtest_tick_hook = give_each_tick;
    sweep_calibrate(restart_step);
    for (uint32_t step = 0; step < SWEEP_STEPS; step++) {
        uint32_t count;

        vTaskDelay(1);
        restart_step();
        sweep_to(step);
        /* The tick's give comes before, during or after the take's way to its wait. */
        count = ulTaskNotifyTake((step & 1u) ? pdTRUE : pdFALSE, portMAX_DELAY);
        QT_ASSERT(count >= 1);
        QT_EQ((step & 1u) ? count : 1, gives_taken_since(step_base));
        QT_ASSERT(!pending(SELF));
    }
    qtest_tick_hook = NULL;
}

/* A waiter woken by a task, and the tick landing as it takes its count (each give is counted). */
static volatile uint32_t task_gives, woken_took;
static volatile bool tick_gives;

static void give_when_asked(void)
{
    if (tick_gives) {
        give_each_tick();
    }
}

static void woken_taker(void *arg)
{
    (void)arg;
    for (;;) {
        woken_took += ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    }
}

static void no_preparation(void)
{
}

static void test_ulTaskNotifyTake_woken_take_racing_interrupt_gives(void)
{
    TaskHandle_t t = tt_spawn(woken_taker, "W", QTEST_PRIORITY, NULL);

    vTaskDelay(1); /* it waits */
    qtest_handle = t;
    task_gives = woken_took = isr_gives = 0;
    tick_gives = false;
    qtest_tick_hook = give_when_asked;
    sweep_calibrate(no_preparation);
    for (uint32_t step = 0; step < SWEEP_STEPS; step++) {
        vTaskDelay(1);
        sweep_to(step);
        tick_gives = true; /* the next tick gives too, as it lands in the woken take or after */
        (void)xTaskNotifyGive(t);
        task_gives++;
        taskYIELD(); /* it runs now */
        tick_gives = false;
    }
    vTaskDelay(2);
    qtest_tick_hook = NULL;
    QT_EQ(woken_took + ulTaskNotifyValueClear(t, 0), task_gives + isr_gives);
    QT_ASSERT(!pending(t));
}

/* ---- Bad input ---- */

static void give_to_null(void *arg)
{
    (void)arg;
    (void)xTaskNotifyGive(NULL);
}

static void give_in_handler(void)
{
    (void)xTaskNotifyGive(qtest_handle);
}

static void take_in_handler(void)
{
    (void)ulTaskNotifyTake(pdTRUE, 0);
}

static void raise_with(void *arg)
{
    tt_interrupt((void (*)(void))arg);
}

static void take_waiting_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    (void)ulTaskNotifyTake(pdTRUE, 5);
    (void)xTaskResumeAll();
}

static void test_xTaskNotifyGive_null_task_asserts(void)
{
    QT_EXPECT_ASSERT(give_to_null, NULL);
}

static void test_xTaskNotifyGive_from_handler_asserts(void)
{
    qtest_handle = SELF;
    QT_EXPECT_ASSERT(raise_with, (void *)give_in_handler);
}

static void test_ulTaskNotifyTake_from_handler_asserts(void)
{
    QT_EXPECT_ASSERT(raise_with, (void *)take_in_handler);
}

static void test_ulTaskNotifyTake_wait_with_scheduler_suspended_asserts(void)
{
    QT_EXPECT_ASSERT(take_waiting_while_suspended, NULL);
    /* Without a wait, suspended is fine. */
    (void)xTaskNotifyGive(SELF);
    vTaskSuspendAll();
    QT_EQ(ulTaskNotifyTake(pdTRUE, 5), 1);
    (void)xTaskResumeAll();
}

QTEST_MAIN(QTEST_CASE(test_xTaskNotifyGive_not_waiting_counts_and_leaves_pending),
           QTEST_CASE(test_xTaskNotifyGive_wakes_equal_priority_taker_without_switch),
           QTEST_CASE(test_xTaskNotifyGive_wakes_higher_priority_taker),
           QTEST_CASE(test_xTaskNotifyGive_lower_priority_taker_runs_later),
           QTEST_CASE(test_xTaskNotifyGive_with_scheduler_suspended_switches_on_resume),
           QTEST_CASE(test_ulTaskNotifyTake_count_leaves_nothing_pending),
           QTEST_CASE(test_ulTaskNotifyTake_no_count_no_wait_ends_pending_state),
           QTEST_CASE(test_ulTaskNotifyTake_no_count_waits_then_times_out),
           QTEST_CASE(test_ulTaskNotifyTake_woken_by_a_zero_value_returns_zero),
           QTEST_CASE(test_ulTaskNotifyTake_polls_racing_interrupt_gives),
           QTEST_CASE(test_ulTaskNotifyTake_wait_racing_interrupt_gives),
           QTEST_CASE(test_ulTaskNotifyTake_woken_take_racing_interrupt_gives),
           QTEST_CASE(test_xTaskNotifyGive_null_task_asserts),
           QTEST_CASE(test_xTaskNotifyGive_from_handler_asserts),
           QTEST_CASE(test_ulTaskNotifyTake_from_handler_asserts),
           QTEST_CASE(test_ulTaskNotifyTake_wait_with_scheduler_suspended_asserts))
