/* SPDX-License-Identifier: MIT */
/*
 * mutex.c: mutexes and recursive mutexes with priority inheritance, and the
 * hooks the scheduler calls when a mutex's waiters change.
 *
 * A task's effective priority is always max(base priority, the highest
 * waiter of every mutex it holds). Each task lists the mutexes it holds
 * (tcb->held_mutexes, linked through the mutexes), so that maximum is a short
 * walk. When a waiter arrives, leaves (timeout, abort, suspension, deletion)
 * or changes priority, the holder's priority is recomputed; if the holder is
 * itself waiting for a mutex, sched_set_priority_locked() recomputes that
 * mutex's holder in turn, so inheritance follows chains of any length. A
 * holder that gives a mutex drops at once to what the mutexes it still holds
 * need.
 *
 * Giving a mutex with waiters hands it to the highest-priority one, which
 * wakes already owning it. A task deleted while holding mutexes hands each
 * on the same way (or frees it). All of this runs under the kernel lock;
 * only the holder touches its recursion depth, so that needs no lock.
 */
#include "queue_internal.h"

#if configUSE_MUTEXES

/* t takes ownership of free (or handed-over) mutex m. */
static void hold_locked(queue_t *m, tcb_t *t)
{
    m->u.m.holder = t;
    m->u.m.depth = 1;
    m->u.m.next_held = t->held_mutexes;
    t->held_mutexes = m;
    m->count = 0;
}

/* Take m off the held list of its holder t (usually m is at the head: LIFO use). */
static void unhold_locked(queue_t *m, tcb_t *t)
{
    queue_t **link = &t->held_mutexes;

    while (*link != m) {
        configASSERT(*link != NULL);
        link = &(*link)->u.m.next_held;
    }
    *link = m->u.m.next_held;
    m->u.m.next_held = NULL;
}

/* m's holder t lets go: m goes to its first waiter or becomes free. Returns preempt. */
static BaseType_t pass_on_locked(queue_t *m, tcb_t *t)
{
    tcb_t *w;

    unhold_locked(m, t);
    if (listLIST_IS_EMPTY(&m->receivers)) {
        m->u.m.holder = NULL;
        m->u.m.depth = 0;
        m->count = 1;
        return pdFALSE;
    }
    w = sched_first_waiter(&m->receivers);
    /* Cleared first so that waking w does not recompute m's (new) holder needlessly:
     * w outranks every remaining waiter. */
    w->wait_queue = NULL;
    hold_locked(m, w);
    return sched_wake_locked(w, WAIT_OK);
}

UBaseType_t mutex_needed_priority_locked(const tcb_t *t)
{
    UBaseType_t p = t->base_priority;

    for (const queue_t *m = t->held_mutexes; m != NULL; m = m->u.m.next_held) {
        if (!listLIST_IS_EMPTY(&m->receivers)) {
            const tcb_t *w = sched_first_waiter(&m->receivers);

            if (w->priority > p) {
                p = w->priority;
            }
        }
    }
    return p;
}

void mutex_waiters_changed_locked(queue_t *m)
{
    tcb_t *const h = m->u.m.holder;

    /* sched_set_priority_locked continues up the chain if h waits for a mutex too. */
    if (h != NULL) {
        sched_set_priority_locked(h, mutex_needed_priority_locked(h));
    }
}

void mutex_release_all_locked(tcb_t *t)
{
    BaseType_t preempt = pdFALSE;

    while (t->held_mutexes != NULL) {
        if (pass_on_locked(t->held_mutexes, t)) {
            preempt = pdTRUE;
        }
    }
    if (preempt) {
        sched_yield_if_locked(pdTRUE);
    }
}

void mutex_detach_locked(queue_t *m)
{
    if (m->u.m.holder != NULL) {
        unhold_locked(m, m->u.m.holder);
        m->u.m.holder = NULL;
    }
}

/* ---- Take and give (task context) ---- */

/* m is held by another task (locked with mask): wait for it to be handed over. Returns unlocked. */
KERNEL_SLOW_PATH static BaseType_t take_wait(queue_t *m, TickType_t ticks, UBaseType_t mask)
{
    tcb_t *const self = sched_current;
    TimeOut_t timeout;
    uint8_t result;

    vTaskInternalSetTimeOutState(&timeout);
    while (ticks != 0) {
        traceBLOCKING_ON_QUEUE_RECEIVE(m);
        self->wait_buf = NULL;
        self->wait_flags = 0;
        self->wait_queue = m;
        sched_block_locked(&m->receivers, ticks);
        if (m->u.m.holder->priority < self->priority) {
            mutex_waiters_changed_locked(m); /* the holder inherits our priority */
        }
        kernel_unlock(mask); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_OK) {
            traceQUEUE_RECEIVE(m);
            return pdPASS; /* the giver made us the holder */
        }
        mask = kernel_lock();
        /* Whoever woke us took us off m and recomputed its holder (kernel.h). */
        if (result != WAIT_RETRY) {
            queue_wait_failed_locked(self);
            break;
        }
        if (xTaskCheckForTimeOut(&timeout, &ticks)) {
            ticks = 0;
        }
        if (m->u.m.holder == NULL) {
            hold_locked(m, self);
            traceQUEUE_RECEIVE(m);
            kernel_unlock(mask);
            return pdPASS;
        }
    }
    traceQUEUE_RECEIVE_FAILED(m);
    kernel_unlock(mask);
    return pdFAIL;
}

BaseType_t mutex_take(queue_t *m, TickType_t ticks)
{
    const UBaseType_t mask = kernel_lock();

    if (m->u.m.holder == NULL) {
        hold_locked(m, sched_current);
        traceQUEUE_RECEIVE(m);
        kernel_unlock(mask);
        return pdPASS;
    }
    return take_wait(m, ticks, mask);
}

BaseType_t mutex_give(queue_t *m)
{
    tcb_t *const self = sched_current;
    BaseType_t preempt;
    const UBaseType_t mask = kernel_lock();

    if (m->u.m.holder != self) {
        const bool held = m->u.m.holder != NULL;

        traceQUEUE_SEND_FAILED(m);
        kernel_unlock(mask);
        /* Giving another task's mutex is a bug; giving a free one just fails, as in FreeRTOS. */
        configASSERT(!held || m->type != queueQUEUE_TYPE_MUTEX);
        (void)held;
        return pdFAIL;
    }
    traceQUEUE_SEND(m);
    preempt = pass_on_locked(m, self);
    if (self->priority != self->base_priority) {
        /* Drop at once to what the mutexes still held need; then let higher tasks run. */
        const UBaseType_t need = mutex_needed_priority_locked(self);

        if (need != self->priority) {
            sched_set_priority_locked(self, need);
            preempt = pdTRUE;
        }
    }
    if (preempt) {
        sched_yield_if_locked(pdTRUE);
    }
    kernel_unlock(mask);
    return pdPASS;
}

/* ---- Creation ---- */

static QueueHandle_t mutex_created(queue_t *m)
{
    if (m == NULL) {
        traceCREATE_MUTEX_FAILED();
        return NULL;
    }
    m->u.m.holder = NULL;
    m->u.m.next_held = NULL;
    m->u.m.depth = 0;
    m->count = 1; /* available */
    traceCREATE_MUTEX(m);
    return m;
}

/* A mutex type, and (buffer_ok) a static one's buffer, checked in one assertion. */
static inline void check_mutex_args(uint8_t type, bool buffer_ok)
{
    configASSERT(buffer_ok &&
                 (type == queueQUEUE_TYPE_MUTEX ||
                  (configUSE_RECURSIVE_MUTEXES && type == queueQUEUE_TYPE_RECURSIVE_MUTEX)));
    (void)type;
    (void)buffer_ok;
}

#if configSUPPORT_DYNAMIC_ALLOCATION
QueueHandle_t xQueueCreateMutex(const uint8_t type)
{
    traceENTER_xQueueCreateMutex(type);
    check_mutex_args(type, true);
    QueueHandle_t ret = mutex_created(xQueueGenericCreate(1, 0, type));
    traceRETURN_xQueueCreateMutex(ret);
    return ret;
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
QueueHandle_t xQueueCreateMutexStatic(const uint8_t type, StaticQueue_t *buffer)
{
    traceENTER_xQueueCreateMutexStatic(type, buffer);
    check_mutex_args(type, buffer != NULL);
    QueueHandle_t ret = mutex_created(xQueueGenericCreateStatic(1, 0, NULL, buffer, type));
    traceRETURN_xQueueCreateMutexStatic(ret);
    return ret;
}
#endif

/* ---- Holder queries (INCLUDE_xSemaphoreGetMutexHolder, as in FreeRTOS) ---- */

#if INCLUDE_xSemaphoreGetMutexHolder
TaskHandle_t xQueueGetMutexHolder(QueueHandle_t mutex)
{
    traceENTER_xQueueGetMutexHolder(mutex);
    TaskHandle_t holder = NULL;

    configASSERT(mutex != NULL);
    taskENTER_CRITICAL();
    if (queue_is_mutex(mutex)) {
        holder = mutex->u.m.holder;
    }
    taskEXIT_CRITICAL();
    traceRETURN_xQueueGetMutexHolder(holder);
    return holder;
}

TaskHandle_t xQueueGetMutexHolderFromISR(QueueHandle_t mutex)
{
    traceENTER_xQueueGetMutexHolderFromISR(mutex);
    configASSERT(mutex != NULL);
    TaskHandle_t ret = queue_is_mutex(mutex) ? mutex->u.m.holder : NULL;
    traceRETURN_xQueueGetMutexHolderFromISR(ret);
    return ret;
}
#endif /* INCLUDE_xSemaphoreGetMutexHolder */

/* ---- Recursive mutexes ---- */

#if configUSE_RECURSIVE_MUTEXES
/* What both recursive calls check, in one place: a recursive mutex, used by a task. */
__attribute__((noinline)) static void check_recursive(const queue_t *m)
{
    configASSERT(m != NULL && m->type == queueQUEUE_TYPE_RECURSIVE_MUTEX &&
                 !portIS_INSIDE_INTERRUPT());
}

BaseType_t xQueueTakeMutexRecursive(QueueHandle_t mutex, TickType_t ticks)
{
    traceENTER_xQueueTakeMutexRecursive(mutex, ticks);
    BaseType_t result;

    check_recursive(mutex);
    sched_assert_may_block(ticks);
    /* Only the holder itself can make it the holder or stop it being one. */
    if (mutex->u.m.holder == sched_current) {
        mutex->u.m.depth++;
        traceTAKE_MUTEX_RECURSIVE(mutex);
        result = pdPASS;
    } else {
        result = mutex_take(mutex, ticks);
        if (result == pdPASS) {
            traceTAKE_MUTEX_RECURSIVE(mutex);
        } else {
            traceTAKE_MUTEX_RECURSIVE_FAILED(mutex);
        }
    }
    traceRETURN_xQueueTakeMutexRecursive(result);
    return result;
}

BaseType_t xQueueGiveMutexRecursive(QueueHandle_t mutex)
{
    traceENTER_xQueueGiveMutexRecursive(mutex);
    BaseType_t result;

    check_recursive(mutex);
    if (mutex->u.m.holder != sched_current) {
        traceGIVE_MUTEX_RECURSIVE_FAILED(mutex);
        result = pdFAIL;
        goto out;
    }
    traceGIVE_MUTEX_RECURSIVE(mutex);
    if (--mutex->u.m.depth != 0) {
        result = pdPASS;
        goto out;
    }
    result = mutex_give(mutex);
out:
    traceRETURN_xQueueGiveMutexRecursive(result);
    return result;
}
#endif /* configUSE_RECURSIVE_MUTEXES */

#endif /* configUSE_MUTEXES */
