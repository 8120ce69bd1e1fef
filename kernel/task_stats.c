/* SPDX-License-Identifier: MIT */
/*
 * task_stats.c: run-time statistics and the system-wide task views:
 * accounting each task's run time at every switch, uxTaskGetSystemState, and
 * the text tables of vTaskListTasks and vTaskGetRunTimeStatistics.
 *
 * Run time is measured with the application's counter
 * (portGET_RUN_TIME_COUNTER_VALUE or portALT_GET_RUN_TIME_COUNTER_VALUE),
 * which should start near zero when portCONFIGURE_TIMER_FOR_RUN_TIME_STATS
 * sets it up at scheduler start: the "total run time" is its raw value, as in
 * FreeRTOS. A task's counter holds its time up to its last switch-out; the
 * running task's reported time adds the current slice, so the counters of all
 * tasks sum to the time since the start (less what tasks deleted since took
 * with them).
 *
 * Locking: the task lists change under the kernel lock (even from
 * interrupts), so every walk over them, and the text formatting done during
 * the walk, runs inside one critical section. Nothing here allocates memory.
 */
#include "kernel.h"

#include <string.h>

/* ---- Accounting (called by the scheduler) ---- */

#if configGENERATE_RUN_TIME_STATS
/* Counter value when the running task was switched in. */
static configRUN_TIME_COUNTER_TYPE switched_in_at;

static configRUN_TIME_COUNTER_TYPE counter_now(void)
{
#ifdef portALT_GET_RUN_TIME_COUNTER_VALUE
    configRUN_TIME_COUNTER_TYPE value;

    portALT_GET_RUN_TIME_COUNTER_VALUE(value);
    return value;
#else
    return (configRUN_TIME_COUNTER_TYPE)portGET_RUN_TIME_COUNTER_VALUE();
#endif
}

void stats_start_locked(void)
{
    portCONFIGURE_TIMER_FOR_RUN_TIME_STATS();
    switched_in_at = counter_now();
}

void stats_switch_out_locked(tcb_t *t)
{
    const configRUN_TIME_COUNTER_TYPE now = counter_now();

    if (t != NULL) {
        /* Unsigned subtraction: right across one wrap of the counter. */
        t->run_time += (configRUN_TIME_COUNTER_TYPE)(now - switched_in_at);
    }
    switched_in_at = now;
}

configRUN_TIME_COUNTER_TYPE stats_task_run_time(const tcb_t *t)
{
    /* Masked so that no switch falls between reading the counter and the switch-in time. */
    const UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    configRUN_TIME_COUNTER_TYPE time = t->run_time;

    if (t == sched_current && sched.running) {
        time += (configRUN_TIME_COUNTER_TYPE)(counter_now() - switched_in_at);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return time;
}

/* part as a whole percentage of total, rounded down; 0 when total is 0. */
static configRUN_TIME_COUNTER_TYPE percent_of(configRUN_TIME_COUNTER_TYPE part,
                                              configRUN_TIME_COUNTER_TYPE total)
{
    const configRUN_TIME_COUNTER_TYPE max = (configRUN_TIME_COUNTER_TYPE)~0ull;

    if (total == 0) {
        return 0;
    }
    if (part <= max / 100u) {
        return (configRUN_TIME_COUNTER_TYPE)(part * 100u / total);
    }
    return part / (total / 100u); /* part is huge, so total / 100 is not 0 */
}

configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimeCounter(const TaskHandle_t task)
{
    traceENTER_ulTaskGetRunTimeCounter(task);
    configRUN_TIME_COUNTER_TYPE time;

    taskENTER_CRITICAL();
    time = stats_task_run_time(task != NULL ? task : sched_current);
    taskEXIT_CRITICAL();
    traceRETURN_ulTaskGetRunTimeCounter(time);
    return time;
}

configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimePercent(const TaskHandle_t task)
{
    traceENTER_ulTaskGetRunTimePercent(task);
    configRUN_TIME_COUNTER_TYPE time, total;

    taskENTER_CRITICAL();
    time = stats_task_run_time(task != NULL ? task : sched_current);
    total = counter_now();
    taskEXIT_CRITICAL();
    configRUN_TIME_COUNTER_TYPE ret = percent_of(time, total);
    traceRETURN_ulTaskGetRunTimePercent(ret);
    return ret;
}

/* The idle task: it exists once the scheduler has started (xTaskGetIdleTaskHandle asserts so). */
static tcb_t *idle_task(void)
{
    configASSERT(sched.idle != NULL);
    return sched.idle;
}

configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimeCounter(void)
{
    traceENTER_ulTaskGetIdleRunTimeCounter();
    configRUN_TIME_COUNTER_TYPE ret = ulTaskGetRunTimeCounter(idle_task());
    traceRETURN_ulTaskGetIdleRunTimeCounter(ret);
    return ret;
}

configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimePercent(void)
{
    traceENTER_ulTaskGetIdleRunTimePercent();
    configRUN_TIME_COUNTER_TYPE ret = ulTaskGetRunTimePercent(idle_task());
    traceRETURN_ulTaskGetIdleRunTimePercent(ret);
    return ret;
}
#endif /* configGENERATE_RUN_TIME_STATS */

/* ---- Every task's status ---- */

#if configUSE_TRACE_FACILITY
struct state_fill {
    TaskStatus_t *status;
    UBaseType_t count;
};

static bool fill_status(tcb_t *t, eTaskState state, void *ctx)
{
    struct state_fill *f = ctx;

    vTaskGetInfo(t, &f->status[f->count], pdTRUE, state);
    f->count++;
    return false;
}

UBaseType_t uxTaskGetSystemState(TaskStatus_t *const status, const UBaseType_t size,
                                 configRUN_TIME_COUNTER_TYPE *const total_run_time)
{
    traceENTER_uxTaskGetSystemState(status, size, total_run_time);
    struct state_fill fill = {status, 0};

    configASSERT(status != NULL || size == 0);
    if (!sched.lists_ready) {
        goto out;
    }
    taskENTER_CRITICAL();
    if (size >= uxTaskGetNumberOfTasks()) {
        (void)task_find_locked(fill_status, &fill);
        if (total_run_time != NULL) {
#if configGENERATE_RUN_TIME_STATS
            *total_run_time = counter_now();
#else
            *total_run_time = 0;
#endif
        }
    }
    taskEXIT_CRITICAL();
out:
    traceRETURN_uxTaskGetSystemState(fill.count);
    return fill.count;
}
#endif /* configUSE_TRACE_FACILITY */

/* ---- Text tables ---- */

#if configUSE_TRACE_FACILITY && configUSE_STATS_FORMATTING_FUNCTIONS
/* One row of text; wide enough for a name and five 64-bit numbers. */
#define ROW_SIZE (configMAX_TASK_NAME_LEN + 112)

struct row {
    char text[ROW_SIZE];
    size_t len;
};

/* The caller's buffer: whole rows are appended while they fit; always terminated. */
struct table {
    char *buf;
    size_t size;
    size_t len;
    bool full;
};

static void row_char(struct row *r, char c)
{
    if (r->len < ROW_SIZE - 1) {
        r->text[r->len++] = c;
    }
}

static void row_str(struct row *r, const char *s)
{
    while (*s != '\0') {
        row_char(r, *s++);
    }
}

static void row_uint(struct row *r, unsigned long long v)
{
    char digits[24];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + (int)(v % 10u));
        v /= 10u;
    } while (v != 0);
    while (n > 0) {
        row_char(r, digits[--n]);
    }
}

/* The name, padded with spaces to the longest name a task can have, as FreeRTOS prints it. */
static void row_name(struct row *r, const char *name)
{
    const size_t start = r->len;

    row_str(r, name);
    while (r->len - start < configMAX_TASK_NAME_LEN - 1) {
        row_char(r, ' ');
    }
}

static void table_add(struct table *t, const struct row *r)
{
    if (t->full || t->len + r->len >= t->size) {
        t->full = true;
        return;
    }
    memcpy(t->buf + t->len, r->text, r->len);
    t->len += r->len;
    t->buf[t->len] = '\0';
}

static void table_start(struct table *t, char *buf, size_t size)
{
    configASSERT(buf != NULL);
    t->buf = buf;
    t->size = size;
    t->len = 0;
    t->full = size == 0;
    if (size > 0) {
        buf[0] = '\0';
    }
}

static char state_letter(eTaskState state)
{
    switch (state) {
    case eRunning:
        return 'X';
    case eReady:
        return 'R';
    case eBlocked:
        return 'B';
    case eSuspended:
        return 'S';
    default:
        return 'D';
    }
}

static bool list_row(tcb_t *t, eTaskState state, void *ctx)
{
    TaskStatus_t st;
    struct row r = {.len = 0};

    vTaskGetInfo(t, &st, pdTRUE, state);
    row_name(&r, st.pcTaskName);
    row_char(&r, '\t');
    row_char(&r, state_letter(st.eCurrentState));
    row_char(&r, '\t');
    row_uint(&r, st.uxCurrentPriority);
    row_char(&r, '\t');
    row_uint(&r, st.usStackHighWaterMark);
    row_char(&r, '\t');
    row_uint(&r, st.xTaskNumber);
    row_str(&r, "\r\n");
    table_add(ctx, &r);
    return false;
}

void vTaskListTasks(char *buffer, size_t length)
{
    traceENTER_vTaskListTasks(buffer, length);
    struct table t;

    table_start(&t, buffer, length);
    taskENTER_CRITICAL();
    (void)task_find_locked(list_row, &t);
    taskEXIT_CRITICAL();
    traceRETURN_vTaskListTasks();
}

#if configGENERATE_RUN_TIME_STATS
struct stats_table {
    struct table table;
    configRUN_TIME_COUNTER_TYPE total;
};

static bool stats_row(tcb_t *t, eTaskState state, void *ctx)
{
    struct stats_table *s = ctx;
    const configRUN_TIME_COUNTER_TYPE time = stats_task_run_time(t);
    const configRUN_TIME_COUNTER_TYPE percent = percent_of(time, s->total);
    struct row r = {.len = 0};

    (void)state;
    row_name(&r, t->name);
    row_char(&r, '\t');
    row_uint(&r, time);
    row_str(&r, "\t\t");
    if (percent > 0) {
        row_uint(&r, percent);
        row_str(&r, "%\r\n");
    } else {
        row_str(&r, "<1%\r\n");
    }
    table_add(&s->table, &r);
    return false;
}

void vTaskGetRunTimeStatistics(char *buffer, size_t length)
{
    traceENTER_vTaskGetRunTimeStatistics(buffer, length);
    struct stats_table s;

    table_start(&s.table, buffer, length);
    taskENTER_CRITICAL();
    s.total = counter_now();
    (void)task_find_locked(stats_row, &s);
    taskEXIT_CRITICAL();
    traceRETURN_vTaskGetRunTimeStatistics();
}
#endif /* configGENERATE_RUN_TIME_STATS */
#endif /* configUSE_TRACE_FACILITY && configUSE_STATS_FORMATTING_FUNCTIONS */
