/* SPDX-License-Identifier: MIT */
/*
 * task_test_util.c: the trace, task-creation and interrupt helpers of
 * task_test_util.h.
 */
#include "task_test_util.h"

#include "kernel.h" /* tcb_t: whether a static pool slot is still linked */

#include <stdio.h>
#include <string.h>

#define TRACE_SIZE QTEST_TRACE_BYTES

static char trace[TRACE_SIZE];
static size_t trace_len;

void tt_trace_reset(void)
{
    trace_len = 0;
    trace[0] = '\0';
}

/*
 * Append s after a space (none first). Masked from the separator's choice to the copy, so that
 * no other entry lands in between: tasks of one priority time-slice, and handlers trace too.
 */
static void append(const char *s)
{
    const size_t n = strlen(s);
    const UBaseType_t mask = taskENTER_CRITICAL_FROM_ISR();
    const size_t sep = trace_len != 0 ? 1u : 0u;
    const bool room = trace_len + sep + n + 1 < TRACE_SIZE;

    if (room) {
        memcpy(trace + trace_len, " ", sep);
        memcpy(trace + trace_len + sep, s, n + 1);
        trace_len += sep + n;
    }
    taskEXIT_CRITICAL_FROM_ISR(mask);
    if (!room) {
        qtest_fail(__FILE__, __LINE__, "trace overflow");
    }
}

void tt_trace(char id)
{
    char entry[32];

    snprintf(entry, sizeof(entry), "%c%llu", id, (unsigned long long)xTaskGetTickCount());
    append(entry);
}

void tt_mark(char id)
{
    char entry[4];

    snprintf(entry, sizeof(entry), "%c", id);
    append(entry);
}

const char *tt_trace_get(void)
{
    return trace;
}

void tt_expect_trace_at(const char *file, int line, const char *expected)
{
    if (strcmp(trace, expected) != 0) {
        qtest_fail(file, line, "trace \"%s\", expected \"%s\"", trace, expected);
    }
}

#if configSUPPORT_DYNAMIC_ALLOCATION
TaskHandle_t tt_spawn(TaskFunction_t fn, const char *name, UBaseType_t priority, void *arg)
{
    TaskHandle_t h = NULL;

    if (xTaskCreate(fn, name, TT_STACK, arg, priority, &h) != pdPASS) {
        qtest_fail(__FILE__, __LINE__, "cannot create task %s", name);
        return NULL;
    }
    return h;
}
#else
#define POOL_SIZE QTEST_POOL_TASKS

static StaticTask_t pool_tcb[POOL_SIZE];
static StackType_t pool_stack[POOL_SIZE][TT_STACK];

/*
 * A slot is free when it was never used (no stack yet), or its task was deleted and is on no
 * kernel list (reaped). Being on no list alone is not enough: a task waiting without timeout is
 * on none either.
 */
static bool slot_free(unsigned i)
{
    const tcb_t *t = (const tcb_t *)&pool_tcb[i];

    return t->stack == NULL ||
           (t->next_task == t && listLIST_ITEM_CONTAINER(&t->state_item) == NULL);
}

TaskHandle_t tt_spawn(TaskFunction_t fn, const char *name, UBaseType_t priority, void *arg)
{
    for (unsigned i = 0; i < POOL_SIZE; i++) {
        if (slot_free(i)) {
            return xTaskCreateStatic(fn, name, TT_STACK, arg, priority, pool_stack[i],
                                     &pool_tcb[i]);
        }
    }
    qtest_fail(__FILE__, __LINE__, "static task pool of %u (QTEST_POOL_TASKS) exhausted creating %s",
               (unsigned)POOL_SIZE, name);
    return NULL;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

void tt_park(void)
{
    for (;;) {
        vTaskSuspend(NULL);
    }
}

void tt_park_task(void *arg)
{
    (void)arg;
    tt_park();
}

void tt_interrupt(void (*fn)(void))
{
    qtest_irq_set_handler(TT_IRQ, fn);
    qtest_irq_raise(TT_IRQ);
}
