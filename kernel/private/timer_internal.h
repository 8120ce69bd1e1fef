/* SPDX-License-Identifier: MIT */
/*
 * timer_internal.h: the software timer object and the timer service shared by
 * timers.c (the API: creation, queries, sending commands) and timers_daemon.c
 * (the daemon task: the active lists, expiry and command processing).
 *
 * Invariants:
 * - The daemon task is the only code that touches the active lists and a
 *   timer's list item, period and callback after creation, so they need no
 *   lock. flags is shared with the API and changed only under the kernel lock.
 * - A timer is on an active list exactly when TMR_ACTIVE is set (except
 *   while the daemon is processing it). current holds expiry times in the
 *   epoch of the daemon's last tick sample, sorted; overflow holds those that
 *   fall after the tick count wraps. The daemon swaps them when it sees the
 *   count wrap, after expiring everything left on current.
 * - The command queue is a queue_t with static storage, so the service uses no
 *   heap and exists in every allocation configuration. It (and the lists) is
 *   initialised on first use: a timer created, a command or call sent, or the
 *   scheduler started; timer_reset() forgets it when the scheduler ends.
 */
#ifndef QUARTZ_TIMER_INTERNAL_H
#define QUARTZ_TIMER_INTERNAL_H

#include "queue_internal.h"
#include "timers.h"

#if configUSE_TIMERS

/* tmrTimerControl.flags */
#define TMR_ACTIVE 0x01u      /* on an active list: running */
#define TMR_AUTO_RELOAD 0x02u /* restarts itself every period */
#define TMR_STATIC 0x04u      /* the application owns the memory: never freed */

struct tmrTimerControl {
    const char *name;                 /* not copied, as in FreeRTOS */
    ListItem_t item;                  /* on an active list; value = expiry tick */
    TickType_t period;                /* > 0 */
    void *id;                         /* the application's */
    TimerCallbackFunction_t callback; /* runs in the daemon task */
#if configUSE_TRACE_FACILITY
    UBaseType_t number;
#endif
    uint8_t flags; /* TMR_* */
};
typedef struct tmrTimerControl tmr_t;

/*
 * Internal command: run fn(arg, value) with a full-width value. Event groups
 * use it to defer their FromISR operations with every bit EventBits_t has
 * (FreeRTOS's pended calls carry only 32).
 */
#define TMR_CMD_EXECUTE_WIDE ((BaseType_t)-3)

typedef void (*timer_wide_fn_t)(void *arg, TickType_t value);

/* One entry of the command queue. id >= 0: a timer command; id < 0: a call. */
struct timer_cmd {
    BaseType_t id; /* tmrCOMMAND_* or TMR_CMD_EXECUTE_WIDE */
    union {
        struct {
            tmr_t *timer;
            TickType_t value; /* start/reset: the tick sent; change period: the period */
        } t;
        struct {
            PendedFunction_t fn;
            void *arg1;
            uint32_t arg2;
        } call;
        struct {
            timer_wide_fn_t fn;
            void *arg;
            TickType_t value;
        } wide;
    } u;
};

struct timer_service {
    List_t lists[2];
    List_t *current;  /* expiry times in the epoch of last_sample */
    List_t *overflow; /* expiry times after the tick count next wraps */
    TickType_t last_sample;
    queue_t queue;
    uint8_t storage[(size_t)configTIMER_QUEUE_LENGTH * sizeof(struct timer_cmd)];
    TaskHandle_t task;
    volatile bool ready; /* lists and queue initialised */
};

extern struct timer_service timer_svc;

/* The daemon task's body (timers_daemon.c). */
void timer_daemon_task(void *arg);

/* Initialise the service if it is not yet (task context, or before the scheduler starts). */
void timer_service_init(void);

/* Change t's flags under the kernel lock. */
void timer_flags_update(tmr_t *t, uint8_t set, uint8_t clear);

#if INCLUDE_xTimerPendFunctionCall
/*
 * From an interrupt: queue a call of fn(arg, value) in the daemon task.
 * pdFAIL when the queue is full; *woken as for xQueueSendFromISR.
 */
BaseType_t timer_pend_wide_isr(timer_wide_fn_t fn, void *arg, TickType_t value, BaseType_t *woken);
#endif

#endif /* configUSE_TIMERS */

#endif /* QUARTZ_TIMER_INTERNAL_H */
