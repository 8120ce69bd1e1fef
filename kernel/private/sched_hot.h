/* SPDX-License-Identifier: MIT */
/*
 * sched_hot.h: blocking the running task and waking a blocked one, as inline bodies. sched.c
 * builds sched_block_*_locked() and sched_wake_locked() from them; in speed builds the hot
 * callers (queue hand-offs and waits, notifications) use sched_block_hot() and sched_wake_*_hot(),
 * which inline them too: each wake and block then costs no call, no saved registers and no
 * shuffling of arguments, and the caller's constants fold into it. -Os builds call sched.c's
 * one copy. The invariants are sched.c's, all under the kernel lock.
 */
#ifndef QUARTZ_SCHED_HOT_H
#define QUARTZ_SCHED_HOT_H

#include "kernel.h"
#include "list_impl.h"

/* Inline wherever used in speed builds; at -Os one copy in the one file that uses them. */
#ifdef __OPTIMIZE_SIZE__
#define SCHED_HOT static inline
#define SCHED_HOT_ONE_COPY static __attribute__((noinline, unused))
#else
#define SCHED_HOT static inline __attribute__((always_inline))
#define SCHED_HOT_ONE_COPY static inline __attribute__((always_inline))
#endif

/*
 * Block t, the running task (sched_block_locked has the contract), all but the check of the
 * caller's right to block (sched_block_inline). Inline in each entry point, so that each one's
 * constant arguments fold away: a wait without a timeout needs neither the delayed list nor the
 * test that chooses it. can_wait_forever: portMAX_DELAY is no timeout.
 */
SCHED_HOT void sched_block_unchecked(tcb_t *t, List_t *waiters, TickType_t ticks,
                                     bool can_wait_forever)
{
    const UBaseType_t priority = t->priority; /* read once: a byte, which any store may alias */

    t->wait_result = WAIT_PENDING;
    t->flags = 0; /* forget an abort of an earlier wait: TCB_DELAY_ABORTED is its only flag */
#ifdef __OPTIMIZE_SIZE__
    sched_ready_remove_locked(t);
    (void)priority;
#else
    sched_ready_remove_at(t, priority);
#endif
    if (waiters != NULL) {
        /* Its value is its priority's already (tcb_t). */
        if (listGET_LIST_ITEM_VALUE(&t->event_item) == portMAX_DELAY) {
            __builtin_unreachable(); /* priorities sort below the end marker: the walk ends there */
        }
        /* The running task's event item is on no list: no check. */
        list_link_sorted(waiters, &t->event_item);
    }
    /* A wait without timeout stays on no state list: nothing needs to find it by its state. */
    if (!can_wait_forever || ticks != portMAX_DELAY || !INCLUDE_vTaskSuspend) {
        tick_delay_add_locked(t, sched.tick_count + ticks);
    }
    sched_pend_switch();
}

/* sched_block_unchecked(), then the check. */
SCHED_HOT void sched_block_inline(tcb_t *t, List_t *waiters, TickType_t ticks,
                                  bool can_wait_forever)
{
    sched_block_unchecked(t, waiters, ticks, can_wait_forever);
    /*
     * Checked last, where its call is a tail call and the block saves no registers for it: the
     * block changes neither value, and a failure that returns goes on to the switch as before.
     */
    configASSERT((ticks != 0) && (sched.suspend_depth == 0));
}

/* Where a waking task's event_item is (sched_wake_inline): found from the item, or known. */
enum sched_on {
    SCHED_ON_SOME_LIST, /* on its object's waiter list, or on none */
    SCHED_ON_THE_LIST,  /* on the list the caller names */
    SCHED_ON_NO_LIST,   /* on none: a notification's wait */
};

/*
 * Take t off its object's waiter list (on: where it is; list: the list, for SCHED_ON_THE_LIST);
 * m, the mutex it waits for (or NULL), may now owe its holder less priority.
 */
SCHED_HOT_ONE_COPY void sched_unlink_event_inline(tcb_t *t, struct QueueDefinition *m,
                                                  enum sched_on on, List_t *list)
{
    if (on == SCHED_ON_SOME_LIST) {
        list = listLIST_ITEM_CONTAINER(&t->event_item);
    }
    if (on == SCHED_ON_THE_LIST || (on == SCHED_ON_SOME_LIST && list != NULL)) {
        (void)list_unlink_uncursored(list, &t->event_item);
    }
#if configUSE_MUTEXES
    if (m != NULL) {
        t->wait_queue = NULL;
        mutex_waiters_changed_locked(m);
    }
#else
    (void)m;
#endif
}

/*
 * Make blocked t ready (sched_wake_locked has the contract); m is the mutex it waits for (or
 * NULL), whose holder may now owe less priority; on and list say where its event_item is. With
 * result WAIT_PENDING the caller completes the wake (still locked): it stores the result, once
 * it knows which, and sets yield_pending if t preempts and the switch may be held back.
 */
SCHED_HOT BaseType_t sched_wake_inline(tcb_t *t, enum wait_result result,
                                       struct QueueDefinition *m, enum sched_on on, List_t *list)
{
    UBaseType_t priority;
    tcb_t *cur;
    List_t *state;

    if (result != WAIT_PENDING) {
        t->wait_result = (uint8_t)result;
    }
    sched_unlink_event_inline(t, m, on, list);
    /* Read after the stores above, so that the ready insertion's check folds into this test. */
    state = listLIST_ITEM_CONTAINER(&t->state_item);
    if (state != NULL) { /* a delayed list; none for a wait without timeout */
        (void)list_unlink_uncursored(state, &t->state_item);
    }
    priority = t->priority; /* read once, after the stores: a byte, which any store may alias */
#ifdef __OPTIMIZE_SIZE__
    sched_ready_add_locked(t);
#else
    sched_ready_add_at(t, priority);
#endif
    /* Read last: no register holds it meanwhile. Never NULL: a blocked task ran, so one runs. */
    cur = sched_current;
    if (priority > cur->priority) {
        if (result != WAIT_PENDING) {
            sched.yield_pending = pdTRUE;
        }
        return pdTRUE;
    }
    return pdFALSE;
}

#ifdef __OPTIMIZE_SIZE__
#define sched_wake_hot(t, result) sched_wake_locked(t, result)
#define sched_wake_waiter_hot(t, waiters, result) sched_wake_locked(t, result)
#define sched_wake_unlisted_hot(t, result) sched_wake_locked(t, result)
#define sched_block_hot(self, waiters, ticks) ((void)(self), sched_block_locked(waiters, ticks))
#define sched_block_forever_unsuspended_hot(self, waiters) \
    sched_block_hot(self, waiters, portMAX_DELAY)
#else
/* sched.c: a waiter for a mutex, whose wake calls mutex.c (its own copy, out of line). */
BaseType_t sched_wake_mutex_waiter_locked(tcb_t *t, enum wait_result result);

/* sched_wake_locked(), inline. */
static inline __attribute__((always_inline)) BaseType_t sched_wake_hot(tcb_t *t,
                                                                      enum wait_result result)
{
    /* Blocked, so it holds no hand-off: wait_queue names the mutex it waits for, or nothing. */
    if (t->wait_queue != NULL) {
        return sched_wake_mutex_waiter_locked(t, result);
    }
    return sched_wake_inline(t, result, NULL, SCHED_ON_SOME_LIST, NULL);
}

/*
 * sched_wake_locked() of t, on waiters, the waiter list of an object that is not a mutex;
 * WAIT_PENDING leaves the result and yield_pending to the caller.
 */
static inline __attribute__((always_inline)) BaseType_t
sched_wake_waiter_hot(tcb_t *t, List_t *waiters, enum wait_result result)
{
    return sched_wake_inline(t, result, NULL, SCHED_ON_THE_LIST, waiters);
}

/* sched_wake_locked() of t, which waits on no object (a notification). */
static inline __attribute__((always_inline)) BaseType_t
sched_wake_unlisted_hot(tcb_t *t, enum wait_result result)
{
    return sched_wake_inline(t, result, NULL, SCHED_ON_NO_LIST, NULL);
}

/* sched_block_locked() of self, the running task: inline for a wait without timeout; a timed
 * one calls sched.c. */
static inline __attribute__((always_inline)) void sched_block_hot(tcb_t *self, List_t *waiters,
                                                                 TickType_t ticks)
{
    if (INCLUDE_vTaskSuspend && ticks == portMAX_DELAY) {
        sched_block_inline(self, waiters, portMAX_DELAY, true);
    } else {
        sched_block_timed_locked(waiters, ticks);
    }
}

/*
 * sched_block_hot() without timeout, for a fast path that found the scheduler running
 * (fast_task_ok): only this task could have suspended it since, so the block's own check would
 * repeat that one.
 */
static inline __attribute__((always_inline)) void sched_block_forever_unsuspended_hot(
    tcb_t *self, List_t *waiters)
{
    sched_block_unchecked(self, waiters, portMAX_DELAY, true);
}
#endif

#endif /* QUARTZ_SCHED_HOT_H */
