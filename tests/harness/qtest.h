/* SPDX-License-Identifier: MIT */
/*
 * qtest.h: Quartz's test harness for kernel tests, on the POSIX port and on
 * the boards (qtest_port.h has the machine-dependent helpers tests may use).
 *
 * Each test case runs in a fresh scheduler: the harness creates the task
 * "qtest" at QTEST_PRIORITY running the case, starts the scheduler, and the
 * case's return ends it (vTaskEndScheduler), which frees every task. With the
 * port's simulated time each case starts at tick 0 and runs identically every
 * time. The harness checks that the heap holds as many free bytes after a case
 * as before it (objects a case creates it must delete).
 *
 * Assertions record a failure and continue (a task cannot be unwound safely);
 * the case is reported failed. The last line printed is "N passed, N failed".
 * The harness owns the application hooks and forwards them to the qtest_*_hook
 * pointers, which it clears before every case.
 */
#ifndef QTEST_H
#define QTEST_H

#include "FreeRTOS.h"
#include "task.h"

#include <stdint.h>
#include <stdio.h>

#define QTEST_PRIORITY ((UBaseType_t)(configMAX_PRIORITIES / 2))
#define QTEST_STACK (configMINIMAL_STACK_SIZE * 2)
/*
 * Words of stack for a test task that prints nothing and calls only the kernel: a board that
 * sizes configMINIMAL_STACK_SIZE for printf may give such tasks less.
 */
#ifndef QTEST_QUIET_STACK
#define QTEST_QUIET_STACK configMINIMAL_STACK_SIZE
#endif

/*
 * Sizes of test buffers that a host affords freely and a small board cannot (16 KiB of RAM in
 * all). A board's board_test_config.h may lower them; each stays large enough for what the
 * tests that use it assert, so only the slack shrinks.
 *   QTEST_TEXT_BYTES: a buffer for a task listing or statistics table (a handful of rows).
 *   QTEST_TEXT_ROWS: rows parsed out of such a table; above the most a test expects, so an
 *     extra row still shows in the count.
 *   QTEST_TEXT_FIELD_BYTES: one parsed field (a number, a state letter) and its terminator; a
 *     longer field fails the parse, so a smaller size never hides a wrong value.
 *   QTEST_DATA_BYTES: a buffer of data a test sends or receives in one call; a test that
 *     sizes its cases by it runs those that fit (all of them at the default).
 *   QTEST_HEAP_CHUNK, QTEST_HEAP_SMALL_SIZES, QTEST_HEAP_LARGEST, QTEST_HEAP_WORKER_BLOCK:
 *     the heap tests' block for filling a heap, how many small sizes (1, 2, ...) and up to
 *     which large size they hold live at once, and the largest block of their concurrent
 *     workers (heap_checks.c).
 *   QTEST_HEAP5_UNIT: the heap_5 test's regions are 48, 160 and 384 of these bytes (a multiple
 *     of 16 keeps them aligned).
 */
#ifndef QTEST_TEXT_BYTES
#define QTEST_TEXT_BYTES 2048
#endif
#ifndef QTEST_TEXT_ROWS
#define QTEST_TEXT_ROWS 10
#endif
#ifndef QTEST_TEXT_FIELD_BYTES
#define QTEST_TEXT_FIELD_BYTES 24
#endif
#ifndef QTEST_DATA_BYTES
#define QTEST_DATA_BYTES 600
#endif
#ifndef QTEST_HEAP_CHUNK
#define QTEST_HEAP_CHUNK (64 * 1024)
#endif
#ifndef QTEST_HEAP_SMALL_SIZES
#define QTEST_HEAP_SMALL_SIZES 300
#endif
#ifndef QTEST_HEAP_LARGEST
#define QTEST_HEAP_LARGEST 65537
#endif
#ifndef QTEST_HEAP_WORKER_BLOCK
#define QTEST_HEAP_WORKER_BLOCK 700
#endif
#ifndef QTEST_HEAP5_UNIT
#define QTEST_HEAP5_UNIT 1024
#endif

/*
 * Static object pools of the test utilities, for configurations without dynamic allocation
 * (tasks, queues with their storage, stream buffers with theirs, timers, event groups): how
 * many objects one case may hold and, for storage, the bytes each gets. A board lowers them
 * to what its tests hold at once.
 */
/* The task tests' trace of what ran when (tt_trace: a few bytes per entry). */
#ifndef QTEST_TRACE_BYTES
#define QTEST_TRACE_BYTES 1024
#endif
/* The trace recorder's log (tests/unit/trace): events, and argument values over all events. */
#ifndef QTEST_TRACE_EVENTS
#define QTEST_TRACE_EVENTS 256
#endif
#ifndef QTEST_TRACE_ARGS
#define QTEST_TRACE_ARGS 1024
#endif
#ifndef QTEST_POOL_TASKS
#define QTEST_POOL_TASKS 10
#endif
#ifndef QTEST_POOL_QUEUES
#define QTEST_POOL_QUEUES 24
#endif
#ifndef QTEST_POOL_QUEUE_BYTES
#define QTEST_POOL_QUEUE_BYTES 256
#endif
#ifndef QTEST_POOL_STREAMS
#define QTEST_POOL_STREAMS 16
#endif
#ifndef QTEST_POOL_STREAM_BYTES
#define QTEST_POOL_STREAM_BYTES 512
#endif
#ifndef QTEST_POOL_TIMERS
#define QTEST_POOL_TIMERS 16
#endif
#ifndef QTEST_POOL_EVENT_GROUPS
#define QTEST_POOL_EVENT_GROUPS 8
#endif

/* Case runs inside a task (the default) or directly in main with no scheduler. */
#define QTEST_NO_SCHEDULER 0x1u

struct qtest_case {
    const char *name;
    void (*fn)(void);
    unsigned flags;
    void (*teardown)(void); /* runs after the scheduler has ended, before the leak check */
};
#define QTEST_CASE(fn) {#fn, fn, 0, NULL}
#define QTEST_CASE_NO_SCHEDULER(fn) {#fn, fn, QTEST_NO_SCHEDULER, NULL}
/* For cases whose tasks use objects until the end: delete them in `td`. */
#define QTEST_CASE_TEARDOWN(fn, td) {#fn, fn, 0, td}

/* Run the cases in order; returns the process exit status (0 when all passed). */
int qtest_run(const struct qtest_case *cases, size_t count);
/*
 * Run the cases in order in the calling task, with the scheduler already running and without
 * restarting it between cases, for programs whose state cannot be restarted (lwIP): cases
 * share the kernel, so there is no heap-leak check. Flags are ignored. Returns as qtest_run.
 */
int qtest_run_in_task(const struct qtest_case *cases, size_t count);
#define QTEST_MAIN(...)                                                                            \
    int main(void)                                                                                 \
    {                                                                                              \
        static const struct qtest_case cases_[] = {__VA_ARGS__};                                   \
        return qtest_run(cases_, sizeof(cases_) / sizeof(cases_[0]));                              \
    }

void qtest_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define QT_ASSERT(cond)                                                                            \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            qtest_fail(__FILE__, __LINE__, "%s", #cond);                                           \
        }                                                                                          \
    } while (0)

#define QT_EQ(a, b)                                                                                \
    do {                                                                                           \
        long long qa_ = (long long)(a), qb_ = (long long)(b);                                      \
        if (qa_ != qb_) {                                                                          \
            qtest_fail(__FILE__, __LINE__, "%s == %s (%lld != %lld)", #a, #b, qa_, qb_);           \
        }                                                                                          \
    } while (0)

#define QT_PTR_EQ(a, b)                                                                            \
    do {                                                                                           \
        const void *qa_ = (const void *)(a), *qb_ = (const void *)(b);                             \
        if (qa_ != qb_) {                                                                          \
            qtest_fail(__FILE__, __LINE__, "%s == %s (%p != %p)", #a, #b, qa_, qb_);               \
        }                                                                                          \
    } while (0)

/*
 * Run fn(arg) in a forked child and check that it trips configASSERT.
 * The child's kernel state is a copy, so the parent's is untouched. Targets
 * without fork (the boards) skip the check: it prints "skip" and passes.
 */
int qtest_expect_assert(void (*fn)(void *), void *arg);
#define QT_EXPECT_ASSERT(fn, arg)                                                                  \
    do {                                                                                           \
        if (!qtest_expect_assert((fn), (arg))) {                                                   \
            qtest_fail(__FILE__, __LINE__, "expected configASSERT in %s", #fn);                   \
        }                                                                                          \
    } while (0)

/* configASSERT of the test configurations lands here. */
void qtest_assert_failed(const char *file, int line);

/* Hooks a case may set; cleared before each case. Tick hook runs in interrupt context. */
extern void (*volatile qtest_tick_hook)(void);
extern void (*volatile qtest_idle_hook)(void);
extern void (*volatile qtest_stack_overflow_hook)(TaskHandle_t task, char *name);
extern volatile unsigned qtest_malloc_failures;
extern volatile unsigned qtest_stack_overflows;
#if configUSE_TIMERS && configUSE_DAEMON_TASK_STARTUP_HOOK
/* vApplicationDaemonTaskStartupHook calls in the current case, and the task that made the last. */
extern volatile unsigned qtest_daemon_startups;
extern TaskHandle_t volatile qtest_daemon_startup_task;
#endif

/* Cases fail when they run longer than this many ticks (a hang in simulated time). */
#define QTEST_MAX_TICKS 2000000u

/* Number of failures recorded so far in the current case. */
unsigned qtest_failures(void);

/*
 * A static object pool's slots (at most 32). qtest_pool_take returns a free slot's index and
 * marks it used; the kernel's delete trace hooks (qtest_pool_trace.h, in the static-only
 * test configurations) call qtest_pool_release with the object, which frees its slot. A
 * full pool fails the case, naming the pool and its size macro, rather than handing out a
 * slot whose object is still alive.
 */
struct qtest_pool {
    const char *what; /* e.g. "queue (QTEST_POOL_QUEUES)" */
    const void *base; /* the pool's array of objects */
    size_t stride;
    unsigned size;
    uint32_t used; /* bit i: slot i holds an object not yet deleted */
    struct qtest_pool *next; /* the pools taken from so far, for qtest_pool_release */
    int listed;
};
#define QTEST_POOL_INIT(what, array)                                                               \
    {(what), (array), sizeof((array)[0]), sizeof(array) / sizeof((array)[0]), 0, NULL, 0}
unsigned qtest_pool_take(struct qtest_pool *pool);
void qtest_pool_release(const void *object);

#endif /* QTEST_H */
