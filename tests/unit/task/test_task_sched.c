/* SPDX-License-Identifier: MIT */
/*
 * test_task_sched.c: which task runs, and when. Preemption by a higher
 * priority, round-robin time slicing among equal priorities
 * (configUSE_TIME_SLICING), cooperative scheduling (configUSE_PREEMPTION 0),
 * taskYIELD order, and idle-priority tasks sharing the CPU with idle.
 *
 * Built in the configurations default, noslice, coop and optimised; the
 * optimised (port task selection) build must give the same traces as the
 * generic one, so both check the same expected strings. Traces are
 * "<task><tick>" records (task_test_util.h); qtest is 'q'.
 */
#include "task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)
#define SLICING (configUSE_PREEMPTION != 0 && configUSE_TIME_SLICING != 0)

struct worker {
    char id;
    int iterations;
    TickType_t ticks; /* of CPU per iteration (busy_worker) or of delay (delay_worker) */
};

/* Trace each iteration, burn `ticks` of CPU, then park. */
static void busy_worker(void *arg)
{
    const struct worker *w = arg;

    for (int i = 0; i < w->iterations; i++) {
        tt_trace(w->id);
        qtest_busy_ticks(w->ticks);
    }
    tt_park();
}

/* Mark each iteration, yield, then park. */
static void yield_worker(void *arg)
{
    const struct worker *w = arg;

    for (int i = 0; i < w->iterations; i++) {
        tt_mark(w->id);
        taskYIELD();
    }
    tt_park();
}

/* Delay `ticks`, trace the wake, park. */
static void delay_worker(void *arg)
{
    const struct worker *w = arg;

    vTaskDelay(w->ticks);
    tt_trace(w->id);
    tt_park();
}

/*
 * Create the workers at `priority` without letting any start, then let them
 * go: qtest stands above them while creating and drops back afterwards.
 */
static void start_together(struct worker *w, int n, UBaseType_t priority)
{
    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 1);
    for (int i = 0; i < n; i++) {
        char name[2] = {w[i].id, '\0'};

        (void)tt_spawn(busy_worker, name, priority, &w[i]);
    }
    vTaskPrioritySet(NULL, QTEST_PRIORITY);
    taskYIELD(); /* cooperative: they start only when qtest yields */
}

static void test_preemption_on_delay_expiry(void)
{
    struct worker h = {'H', 1, 5};

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "H", QTEST_PRIORITY + 1, &h);
    taskYIELD(); /* cooperative: H runs (and blocks) only when qtest yields */
    tt_trace('q');
    qtest_busy_ticks(10);
    tt_trace('q');
    taskYIELD();
    tt_trace('q');
    if (PREEMPT) {
        TT_EXPECT_TRACE("q0 H5 q10 q10");
    } else {
        TT_EXPECT_TRACE("q0 q10 H10 q10");
    }
}

static void test_preemption_lower_priority_waits_for_block(void)
{
    struct worker l = {'L', 1, 5};

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "L", QTEST_PRIORITY - 1, &l);
    vTaskDelay(1); /* L runs at tick 0 and delays until 5 */
    tt_trace('q');
    qtest_busy_ticks(10);
    taskYIELD();
    tt_trace('q');
    vTaskDelay(1);
    tt_trace('q');
    TT_EXPECT_TRACE("q1 q11 L11 q12");
}

static void test_preemption_highest_of_simultaneous_wakes_runs_first(void)
{
    struct worker a = {'A', 1, 4}, b = {'B', 1, 4}, c = {'C', 1, 4};

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, &a);
    (void)tt_spawn(delay_worker, "B", QTEST_PRIORITY + 2, &b);
    (void)tt_spawn(delay_worker, "C", QTEST_PRIORITY + 1, &c);
    taskYIELD();
    vTaskDelay(10);
    /* All wake at tick 4: B outranks; A and C, equal, go in the order they blocked. */
    TT_EXPECT_TRACE("B4 A4 C4");
}

static void test_time_slicing_round_robin_two_tasks(void)
{
    struct worker w[] = {{'A', 3, 1}, {'B', 3, 1}};

    tt_trace_reset();
    start_together(w, 2, QTEST_PRIORITY + 1);
    tt_trace('q');
    if (SLICING) {
        TT_EXPECT_TRACE("A0 B1 A2 B3 A4 B5 q6");
    } else {
        TT_EXPECT_TRACE("A0 A1 A2 B3 B4 B5 q6");
    }
}

static void test_time_slicing_round_robin_three_tasks(void)
{
    struct worker w[] = {{'A', 2, 1}, {'B', 2, 1}, {'C', 2, 1}};

    tt_trace_reset();
    start_together(w, 3, QTEST_PRIORITY + 1);
    tt_trace('q');
    if (SLICING) {
        TT_EXPECT_TRACE("A0 B1 C2 A3 B4 C5 q6");
    } else {
        TT_EXPECT_TRACE("A0 A1 B2 B3 C4 C5 q6");
    }
}

static void test_time_slicing_slice_is_one_tick(void)
{
    struct worker w[] = {{'A', 2, 3}, {'B', 2, 3}};

    tt_trace_reset();
    start_together(w, 2, QTEST_PRIORITY + 1);
    tt_trace('q');
    /*
     * Each slice is one tick: A's 3-tick burst takes ticks 1, 3 and 5, and the tick that ends
     * it (5) hands over to B, so A's next burst starts when B's third tick (6) hands back.
     */
    if (SLICING) {
        TT_EXPECT_TRACE("A0 B1 A6 B7 q12");
    } else {
        TT_EXPECT_TRACE("A0 A3 B6 B9 q12");
    }
}

static void test_time_slicing_not_with_lower_priority(void)
{
    struct worker h = {'H', 3, 1};

    tt_trace_reset();
    (void)tt_spawn(busy_worker, "H", QTEST_PRIORITY + 1, &h);
    taskYIELD();
    tt_trace('q');
    /* qtest is ready all along, but only equal priorities share. */
    TT_EXPECT_TRACE("H0 H1 H2 q3");
}

/*
 * A higher-priority task that preempts a member of the rotation does not hand the CPU back to
 * that task when it blocks: the rotation moves on to the next equal-priority task. With
 * slicing off this is the only way B gets the CPU before A finishes.
 */
static void test_time_slicing_rotation_moves_on_after_preemption(void)
{
    struct worker w[] = {{'A', 2, 2}, {'B', 2, 2}};
    struct worker h = {'H', 1, 3};

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "H", QTEST_PRIORITY + 2, &h);
    taskYIELD(); /* H blocks until tick 3 */
    start_together(w, 2, QTEST_PRIORITY + 1);
    tt_trace('q');
    if (SLICING) {
        /* H preempts A at tick 3, then B (in its first burst) gets the CPU, then A. */
        TT_EXPECT_TRACE("A0 B1 H3 A4 B5 q8");
    } else if (PREEMPT) {
        TT_EXPECT_TRACE("A0 A2 H3 B3 B5 q8");
    } else {
        TT_EXPECT_TRACE("A0 A2 H4 B4 B6 q8");
    }
}

static void test_taskYIELD_rotates_equal_priorities(void)
{
    struct worker a = {'A', 2, 0}, b = {'B', 2, 0}, c = {'C', 2, 0};

    tt_trace_reset();
    (void)tt_spawn(yield_worker, "A", QTEST_PRIORITY, &a);
    (void)tt_spawn(yield_worker, "B", QTEST_PRIORITY, &b);
    (void)tt_spawn(yield_worker, "C", QTEST_PRIORITY, &c);
    for (int i = 0; i < 3; i++) {
        tt_mark('q');
        taskYIELD();
    }
    TT_EXPECT_TRACE("q A B C q A B C q");
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_taskYIELD_without_equal_priority_returns_at_once(void)
{
    struct worker l = {'L', 1, 0};

    tt_trace_reset();
    (void)tt_spawn(yield_worker, "L", QTEST_PRIORITY - 1, &l);
    taskYIELD();
    tt_mark('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q L");
}

static volatile unsigned idle_passes;

static void idle_hook_counter(void)
{
    idle_passes++;
}

static void test_idle_priority_task_shares_with_idle(void)
{
    struct worker l = {'L', 4, 1};

    tt_trace_reset();
    idle_passes = 0;
    qtest_idle_hook = idle_hook_counter;
    (void)tt_spawn(busy_worker, "L", tskIDLE_PRIORITY, &l);
    vTaskDelay(10);
    qtest_idle_hook = NULL;
    if (SLICING && QTEST_IDLE_MOVES_TIME) {
        /*
         * Idle yields to L at the top of each pass and moves time one tick at the bottom: when
         * a tick ends L's slice, idle resumes mid-pass and spends the next tick itself; the
         * tick after that (L's again) hands idle a fresh pass, which yields at once.
         */
        TT_EXPECT_TRACE("L0 L2 L3 L5");
    } else {
        /* With a real tick, idle gives the CPU straight back each time a slice ends. */
        TT_EXPECT_TRACE("L0 L1 L2 L3");
    }
    QT_ASSERT(idle_passes > 0);
}

QTEST_MAIN(QTEST_CASE(test_preemption_on_delay_expiry),
           QTEST_CASE(test_preemption_lower_priority_waits_for_block),
           QTEST_CASE(test_preemption_highest_of_simultaneous_wakes_runs_first),
           QTEST_CASE(test_time_slicing_round_robin_two_tasks),
           QTEST_CASE(test_time_slicing_round_robin_three_tasks),
           QTEST_CASE(test_time_slicing_slice_is_one_tick),
           QTEST_CASE(test_time_slicing_not_with_lower_priority),
           QTEST_CASE(test_time_slicing_rotation_moves_on_after_preemption),
           QTEST_CASE(test_taskYIELD_rotates_equal_priorities),
           QTEST_CASE(test_taskYIELD_without_equal_priority_returns_at_once),
           QTEST_CASE(test_idle_priority_task_shares_with_idle))
