/* SPDX-License-Identifier: MIT */
/*
 * qtest.c: runs test cases each in a fresh scheduler and owns the application
 * hooks (see qtest.h). Failures are counted, never fatal, except a failed
 * configASSERT outside QT_EXPECT_ASSERT, which aborts: the kernel's state can
 * no longer be trusted. Portable: what depends on the machine (containing an
 * expected configASSERT, ending the program) is in qtest_posix.c / qtest_arm.c.
 */
#include "qtest.h"
#include "qtest_internal.h"
#include "timers.h"

#include <stdarg.h>
#include <stdlib.h>

void (*volatile qtest_tick_hook)(void);
void (*volatile qtest_idle_hook)(void);
void (*volatile qtest_stack_overflow_hook)(TaskHandle_t task, char *name);
volatile unsigned qtest_malloc_failures;
volatile unsigned qtest_stack_overflows;

static unsigned failures;
static unsigned skipped_checks; /* QT_EXPECT_ASSERT checks this machine cannot run */
static volatile unsigned long case_ticks; /* tick interrupts in the current case */
static const struct qtest_case *current_case;

/* heap_3 has no byte accounting, like FreeRTOS's: check leaks only where it exists. */
#pragma weak xPortGetFreeHeapSize

void qtest_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    failures++;
    printf("  FAIL %s:%d: ", file, line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

unsigned qtest_failures(void)
{
    return failures;
}

void qtest_assert_failed(const char *file, int line)
{
    qtest_port_assert_failed(); /* ends a contained QT_EXPECT_ASSERT check */
    printf("configASSERT failed at %s:%d in case %s\n", file, line,
           current_case ? current_case->name : "?");
    fflush(stdout);
    abort();
}

int qtest_expect_assert(void (*fn)(void *), void *arg)
{
    int result = qtest_port_expect_assert(fn, arg);

    if (result == QTEST_CHECK_SKIPPED) {
        skipped_checks++;
        printf("  skip: configASSERT check (cannot be contained on this target)\n");
        return 1;
    }
    return result;
}

void vApplicationTickHook(void)
{
    /* Counted, not read from the tick count: a case may move the count close to its wrap. */
    if (++case_ticks > QTEST_MAX_TICKS) {
        printf("  FAIL case %s still running after %u ticks\n", current_case->name,
               QTEST_MAX_TICKS);
        qtest_port_exit(1);
    }
    qtest_port_tick();
    if (qtest_tick_hook) {
        qtest_tick_hook();
    }
}

void vApplicationIdleHook(void)
{
    if (qtest_idle_hook) {
        qtest_idle_hook();
    }
}

void vApplicationMallocFailedHook(void)
{
    qtest_malloc_failures++;
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    qtest_stack_overflows++;
    if (qtest_stack_overflow_hook) {
        qtest_stack_overflow_hook(task, name);
    } else {
        printf("  stack overflow in task %s\n", name);
        fflush(stdout);
        abort();
    }
}

#if configSUPPORT_STATIC_ALLOCATION
void vApplicationGetIdleTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                   configSTACK_DEPTH_TYPE *depth)
{
    static StaticTask_t idle_tcb;
    static StackType_t idle_stack[configMINIMAL_STACK_SIZE];

    *tcb = &idle_tcb;
    *stack = idle_stack;
    *depth = configMINIMAL_STACK_SIZE;
}
#endif

/* ---- Software timers: the daemon task's memory and start-up hook ---- */
#if configUSE_TIMERS && configSUPPORT_STATIC_ALLOCATION
void vApplicationGetTimerTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                    configSTACK_DEPTH_TYPE *depth)
{
    static StaticTask_t timer_tcb;
    static StackType_t timer_stack[configTIMER_TASK_STACK_DEPTH];

    *tcb = &timer_tcb;
    *stack = timer_stack;
    *depth = configTIMER_TASK_STACK_DEPTH;
}
#endif
#if configUSE_TIMERS && configUSE_DAEMON_TASK_STARTUP_HOOK
volatile unsigned qtest_daemon_startups;
TaskHandle_t volatile qtest_daemon_startup_task;

void vApplicationDaemonTaskStartupHook(void)
{
    qtest_daemon_startups++;
    qtest_daemon_startup_task = xTaskGetCurrentTaskHandle();
}
#endif

static void case_task(void *arg)
{
    const struct qtest_case *c = arg;

    c->fn();
    vTaskEndScheduler();
}

/* Starts a scheduler whose first task runs case c; returns when c has ended it. */
static void run_in_scheduler(const struct qtest_case *c)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    BaseType_t ok = xTaskCreate(case_task, "qtest", QTEST_STACK, (void *)c, QTEST_PRIORITY, NULL);
    if (ok != pdPASS) {
        qtest_fail(__FILE__, __LINE__, "cannot create the test task");
        return;
    }
#else
    static StaticTask_t tcb;
    static StackType_t stack[QTEST_STACK];
    (void)xTaskCreateStatic(case_task, "qtest", QTEST_STACK, (void *)c, QTEST_PRIORITY, stack,
                            &tcb);
#endif
    vTaskStartScheduler();
}

/* ---- Static object pools ---- */

static struct qtest_pool *pools;

/* Tasks take and delete pooled objects; nothing does from an interrupt. */
static void pool_lock(void)
{
    if (xTaskGetSchedulerState() == taskSCHEDULER_RUNNING) {
        taskENTER_CRITICAL();
    }
}

static void pool_unlock(void)
{
    if (xTaskGetSchedulerState() == taskSCHEDULER_RUNNING) {
        taskEXIT_CRITICAL();
    }
}

unsigned qtest_pool_take(struct qtest_pool *pool)
{
    unsigned i = 0;

    QT_ASSERT(pool->size <= 32);
    pool_lock();
    if (!pool->listed) {
        pool->next = pools;
        pools = pool;
        pool->listed = 1;
    }
    while (i < pool->size && (pool->used & (1u << i)) != 0) {
        i++;
    }
    if (i < pool->size) {
        pool->used |= 1u << i;
    }
    pool_unlock();
    if (i == pool->size) {
        qtest_fail(__FILE__, __LINE__, "static %s pool of %u full: none of its objects deleted",
                   pool->what, pool->size);
        return pool->size - 1; /* the case has failed; its results no longer count */
    }
    return i;
}

void qtest_pool_release(const void *object)
{
    pool_lock();
    for (struct qtest_pool *p = pools; p != NULL; p = p->next) {
        uintptr_t offset = (uintptr_t)object - (uintptr_t)p->base;

        if ((uintptr_t)object >= (uintptr_t)p->base && offset < p->size * p->stride) {
            p->used &= ~(1u << (offset / p->stride));
        }
    }
    pool_unlock();
}

static size_t heap_free(void)
{
    return xPortGetFreeHeapSize ? xPortGetFreeHeapSize() : 0;
}

/* Clears the per-case state and hooks before case c runs. */
static void case_begin(const struct qtest_case *c)
{
    current_case = c;
    failures = 0;
    case_ticks = 0;
    qtest_tick_hook = NULL;
    qtest_idle_hook = NULL;
    qtest_stack_overflow_hook = NULL;
#if configUSE_TIMERS && configUSE_DAEMON_TASK_STARTUP_HOOK
    qtest_daemon_startups = 0;
    qtest_daemon_startup_task = NULL;
#endif
    qtest_malloc_failures = 0;
    qtest_stack_overflows = 0;
}

/* Prints the verdict of the case that just ran and counts it. */
static void case_end(const struct qtest_case *c, unsigned *passed, unsigned *failed)
{
    if (failures == 0) {
        (*passed)++;
        printf("ok   %s\n", c->name);
    } else {
        (*failed)++;
        printf("FAIL %s\n", c->name);
    }
}

static int summary(unsigned passed, unsigned failed)
{
    if (skipped_checks != 0) {
        printf("%u configASSERT checks skipped (no fork on this target)\n", skipped_checks);
    }
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

int qtest_run(const struct qtest_case *cases, size_t count)
{
    unsigned passed = 0, failed = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < count; i++) {
        const struct qtest_case *c = &cases[i];
        size_t heap_before = heap_free();

        case_begin(c);
        if (c->flags & QTEST_NO_SCHEDULER) {
            c->fn();
        } else {
            run_in_scheduler(c);
            if (c->teardown != NULL) {
                c->teardown();
            }
            if (heap_free() != heap_before) {
                qtest_fail(__FILE__, __LINE__, "heap leak: %lu bytes free before, %lu after",
                           (unsigned long)heap_before, (unsigned long)heap_free());
            }
        }
        case_end(c, &passed, &failed);
    }
    return summary(passed, failed);
}

int qtest_run_in_task(const struct qtest_case *cases, size_t count)
{
    unsigned passed = 0, failed = 0;

    for (size_t i = 0; i < count; i++) {
        case_begin(&cases[i]);
        cases[i].fn();
        if (cases[i].teardown != NULL) {
            cases[i].teardown();
        }
        case_end(&cases[i], &passed, &failed);
    }
    return summary(passed, failed);
}
