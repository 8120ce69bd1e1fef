/* SPDX-License-Identifier: MIT */
/*
 * queue.c: sending to queues and giving semaphores, from tasks and from
 * interrupts, and resetting them; the item storage both sides share.
 * queue_receive.c receives, peeks and takes.
 *
 * Every operation runs whole under the kernel lock. Operations complete each
 * other's waits directly (queue_internal.h has the invariants): a sender that
 * finds receivers waiting copies its item into their buffers, a receiver that
 * frees a slot moves the first waiting sender's item into the queue, and the
 * woken task returns with it (WAIT_OK, or WAIT_HANDOFF: below) without taking
 * it from the queue. Peek waiters get a copy and the item goes on down the line. When nobody waits, a send or
 * receive is a copy and a count update; the scheduler is not called.
 *
 * A handed item keeps its slot (q->reserved) until its receiver runs: then
 * the receiver frees it (queue_handoff_release, which clears the receiver's
 * wait_queue: task_holds_handoff), or, if the receiver is deleted
 * first, the item goes back to the front of the queue
 * (queue_handoff_undo_locked), so a hand-off is never observably different
 * from FreeRTOS's item waiting in the queue, and nothing is lost with a task.
 *
 * Queue sets: every item that lands in a member's storage posts the member's
 * handle to its set (store_locked). An item handed straight to a task blocked
 * on the member itself never enters the member, so the set is not told.
 *
 * Fast paths (speed builds): the common sends, receives, takes and gives
 * test with branches only that nothing needs the general path, which makes
 * every check and assert, and otherwise do their work under one kernel lock;
 * anything else is a tail call to the general path (see "The fast paths").
 *
 * A task blocks only after finding it cannot proceed, with the lock held
 * until sched_block_locked() has queued it, so no wake-up can be missed.
 * WAIT_RETRY (the task was suspended while it waited) re-runs the attempt
 * with the time left, measured by xTaskCheckForTimeOut.
 */
#include "queue_fast.h"
#include "sched_hot.h"

#include <string.h>

/* ---- Storage ---- */

/* Put item at the back of q's storage (count < length) and count it. */
static KERNEL_HOT_INLINE void store_back_locked(queue_t *q, const void *item)
{
    const size_t size = q->item_size;

    if (size != 0) {
        uint8_t *const write = q->u.q.write;

        queue_copy_item(write, item, size);
        q->u.q.write = (write + size == q->u.q.end) ? q->u.q.storage : write + size;
    }
    q->count++;
}

/*
 * Put item into q's storage at pos (count < length, or an overwrite). A queue
 * in a queue set that gains an item posts its handle to the set; returns
 * pdTRUE if that woke a task that should preempt.
 */
static KERNEL_HOT_INLINE BaseType_t store_locked(queue_t *q, const void *item, BaseType_t pos)
{
    const size_t size = q->item_size;

    if (pos == queueOVERWRITE && q->count != 0) {
        /* Length 1 (checked at the edge): the single item is replaced in place. */
        if (size != 0) {
            queue_copy_item(q->u.q.read, item, size);
        }
        return pdFALSE; /* not a new item: the set already holds this queue's handle */
    }
    if (pos != queueSEND_TO_FRONT) {
        store_back_locked(q, item);
        return queue_set_notify_locked(q);
    }
    if (size != 0) {
        if (q->u.q.read == q->u.q.storage) {
            q->u.q.read = q->u.q.end;
        }
        q->u.q.read -= size;
        queue_copy_item(q->u.q.read, item, size);
    }
    q->count++;
    return queue_set_notify_locked(q);
}

/* A slot is free: move the first waiting sender's item in and wake it. */
KERNEL_SLOW_PATH BaseType_t queue_admit_sender_locked(queue_t *q)
{
    tcb_t *const s = sched_first_waiter(&q->senders);
    const BaseType_t set_woken =
        store_locked(q, s->wait_buf,
                     (s->wait_flags & QW_FRONT) ? queueSEND_TO_FRONT : queueSEND_TO_BACK);

    return sched_wake_locked(s, WAIT_OK) || set_woken;
}

/*
 * Send item when receivers wait (so the queue is empty): each waiter in turn
 * gets a copy; peekers pass it on, the first receiver consumes it. An item
 * nobody consumed is stored. Returns pdTRUE if a woken task should preempt.
 */
/* Clear QUEUE_PEEKERS (locked) unless a peeker still waits on q. */
static void peekers_update_locked(queue_t *q)
{
    if (QUEUE_FAST_PATHS) {
        const ListItem_t *const end = listGET_END_MARKER(&q->receivers);

        for (const ListItem_t *i = listGET_HEAD_ENTRY(&q->receivers); i != end;
             i = listGET_NEXT(i)) {
            if ((((const tcb_t *)listGET_LIST_ITEM_OWNER(i))->wait_flags & QW_PEEK) != 0) {
                return;
            }
        }
        q->flags &= (uint8_t)~QUEUE_PEEKERS;
    }
}

static BaseType_t deliver_locked(queue_t *q, const void *item, BaseType_t pos)
{
    BaseType_t preempt = pdFALSE;

    do {
        tcb_t *const w = sched_first_waiter(&q->receivers);
        const bool peek = (w->wait_flags & QW_PEEK) != 0;

        if (q->item_size != 0) {
            queue_copy_item(w->wait_buf, item, q->item_size);
        }
        if (sched_wake_locked(w, peek ? WAIT_OK : WAIT_HANDOFF)) {
            preempt = pdTRUE;
        }
        if (!peek) {
            configASSERT(q->reserved != UINT16_MAX);
            q->reserved++;
            w->wait_queue = q;
            peekers_update_locked(q);
            return preempt;
        }
    } while (!listLIST_IS_EMPTY(&q->receivers));
    peekers_update_locked(q);
    if (store_locked(q, item, pos)) {
        preempt = pdTRUE;
    }
    return preempt;
}

/* Send when there is room; returns pdTRUE if a woken task should preempt. */
static inline BaseType_t send_locked(queue_t *q, const void *item, BaseType_t pos)
{
    if (listLIST_IS_EMPTY(&q->receivers)) {
        if (QUEUE_FAST_PATHS) {
            q->flags &= (uint8_t)~QUEUE_PEEKERS; /* no one waits */
        }
        return store_locked(q, item, pos);
    }
    return deliver_locked(q, item, pos);
}

#if configUSE_QUEUE_SETS
BaseType_t queue_send_back_locked(queue_t *q, const void *item)
{
    return send_locked(q, item, queueSEND_TO_BACK);
}
#endif /* configUSE_QUEUE_SETS */

BaseType_t queue_handoff_undo_locked(tcb_t *t)
{
    queue_t *const q = t->wait_queue;

    t->wait_result = WAIT_OK;
    t->wait_queue = NULL;
    q->reserved--;
    if (!queue_has_room(q)) {
        return pdFALSE; /* only after an overwrite, which replaced the handed item */
    }
    /* The oldest item: back to the front, or on to the next receiver in line. */
    return send_locked(q, t->wait_buf, queueSEND_TO_FRONT);
}

static inline void check_position(const queue_t *q, BaseType_t pos)
{
    configASSERT(pos == queueSEND_TO_BACK || pos == queueSEND_TO_FRONT ||
                 (pos == queueOVERWRITE && q->length == 1));
    (void)q;
    (void)pos;
}

/*
 * The fast paths (speed builds; queue_fast.h has their pieces). Each API first tests, with
 * branches only, everything that would send it elsewhere (a NULL handle, a handler, a block
 * with the scheduler suspended, a missing item, and the queue's class, one load that rules out
 * mutexes, set members, item sizes that are not 1 to 4 words and reserved slots) and leaves those
 * cases to the general path, which asserts what is misuse: with no call that could return into
 * it, a fast path needs no saved registers. A semaphore's count is taken and given without the
 * lock where the port has an exclusive store; items are copied under the lock. A waiter to wake
 * or a wait to start leaves by a tail call with the lock held. -Os builds have only the general
 * paths. (The trace hooks of a lock-free take or give run after it, outside any lock.)
 */

/* ---- Sending ---- */

/* The queue is full (locked with mask): wait for a receiver to take the item. Returns unlocked. */
KERNEL_SLOW_PATH static BaseType_t send_wait(queue_t *q, const void *item, TickType_t ticks,
                                              BaseType_t pos, UBaseType_t mask)
{
    tcb_t *const self = sched_current;
    TimeOut_t timeout;
    uint8_t result;

    sched_timeout_start(&timeout);
    while (ticks != 0) {
        traceBLOCKING_ON_QUEUE_SEND(q);
        self->wait_buf = (void *)item;
        self->wait_flags = (pos == queueSEND_TO_FRONT) ? QW_FRONT : 0;
        if (QUEUE_FAST_PATHS) {
            q->flags |= QUEUE_SENDERS;
        }
        sched_block_locked(&q->senders, ticks);
        kernel_unlock(mask); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_OK) {
            traceQUEUE_SEND(q);
            return pdPASS;
        }
        mask = kernel_lock();
        if (result != WAIT_RETRY) {
            queue_wait_failed_locked(self);
            break;
        }
        if (xTaskCheckForTimeOut(&timeout, &ticks)) {
            ticks = 0;
        }
        if (queue_has_room(q)) {
            traceQUEUE_SEND(q);
            sched_yield_if_locked(send_locked(q, item, pos));
            kernel_unlock(mask);
            return pdPASS;
        }
    }
    traceQUEUE_SEND_FAILED(q);
    kernel_unlock(mask);
    return errQUEUE_FULL;
}

/* Any send (locked with mask): room, an overwrite, a waiting receiver, or a wait. Unlocks. */
static BaseType_t send_any(queue_t *q, const void *item, TickType_t ticks, BaseType_t pos,
                           UBaseType_t mask)
{
    if (queue_has_room(q) || pos == queueOVERWRITE) {
        traceQUEUE_SEND(q);
        if (send_locked(q, item, pos)) {
            sched_yield_if_locked(pdTRUE);
        }
        kernel_unlock(mask);
        return pdPASS;
    }
    return send_wait(q, item, ticks, pos, mask);
}

/* The checks of every send (one copy): a queue, and an item unless it is a semaphore. */
static KERNEL_HOT_ONE_COPY void check_send(const queue_t *q, const void *item)
{
    configASSERT(q != NULL && (item != NULL || q->item_size == 0));
}

/* xQueueGenericSend's general path: every check, mutexes, waiters, sets, overwrites, waits. */
KERNEL_OUT_OF_LINE static BaseType_t send_checked(queue_t *q, const void *item, TickType_t ticks, BaseType_t position)
{
    check_send(q, item);
    check_position(q, position);
    sched_assert_may_block(ticks);
#if configUSE_MUTEXES
    if (queue_is_mutex(q)) {
        return mutex_give(q);
    }
#endif
    return send_any(q, item, ticks, position, kernel_lock());
}

/*
 * The receiver a task's hand-off just woke (locked with mask) preempts the task as the lock is
 * released, so the item can be its own outright: nothing but interrupts runs before it, and
 * they, and any task they wake, find the queue as they would had the receiver taken the item
 * and been preempted then (also if such a task deletes it: the item goes with it, as it would
 * have). Any other hand-off reserves the item's slot until the receiver runs.
 */
static inline bool receiver_runs_next(UBaseType_t mask)
{
    return configUSE_PREEMPTION && sched.suspend_depth == 0 && kernel_lock_was_open(mask);
}

/*
 * A fast path found receivers waiting (locked; from a task with mask, or from an interrupt):
 * hand item, of words words (none for a count), to the first. Its class test found no slot
 * reserved and no peeker waiting, so the first consumes the item, and the slot this reserves is
 * the first; a task's to a receiver that runs next reserves none (receiver_runs_next). Returns
 * pdTRUE if the receiver should preempt.
 */
static KERNEL_HOT_INLINE BaseType_t fast_handoff(queue_t *q, const void *item, uint32_t words,
                                                 bool task, UBaseType_t mask)
{
    tcb_t *const w = sched_first_waiter(&q->receivers);
    BaseType_t woken;

    fast_copy_words(w->wait_buf, item, words);
    woken = sched_wake_waiter_hot(w, &q->receivers, WAIT_PENDING); /* completed below */
    if (woken) {
        if (task && receiver_runs_next(mask)) {
            w->wait_result = WAIT_OK; /* the switch follows: nothing to keep pending */
            return pdTRUE;
        }
        sched.yield_pending = pdTRUE;
    }
    w->wait_result = WAIT_HANDOFF;
    q->reserved = 1;
    w->wait_queue = q;
    return woken;
}

/* A task's fast send or give found receivers waiting (locked with mask): hand over. Unlocks. */
static KERNEL_HOT_INLINE BaseType_t task_handoff(queue_t *q, UBaseType_t mask, const void *item,
                                                 uint32_t words)
{
    /* A receiver to wake means a scheduler that runs: only the option is left to test. */
    if (fast_handoff(q, item, words, true, mask) && configUSE_PREEMPTION) {
        sched_pend_switch();
    }
    kernel_unlock(mask);
    return pdPASS;
}

KERNEL_OUT_OF_LINE static BaseType_t send_deliver(queue_t *q, const void *item, uint32_t words,
                                                  UBaseType_t mask)
{
    return task_handoff(q, mask, item, words);
}

KERNEL_OUT_OF_LINE static BaseType_t give_deliver(queue_t *q, UBaseType_t mask)
{
    return task_handoff(q, mask, q, 0);
}

/*
 * The fast path of a send of an item to the back of q (a queue of 1 to 4 words per item),
 * under the lock: store it, or hand it to the first receiver.
 */
KERNEL_OUT_OF_LINE static BaseType_t send_item_fast(queue_t *q, const void *item, TickType_t ticks)
{
    if (fast_task_ok(q, ticks, false) && item != NULL) {
        const UBaseType_t mask = kernel_lock();
        const uint32_t words = fast_class(q) - QUEUE_CLASS_WORDS(0);
        const UBaseType_t count = q->count;

        if (words - 1u < QUEUE_CLASS_WORDS_MAX && count < q->length) {
            traceQUEUE_SEND(q);
            if (!listLIST_IS_EMPTY(&q->receivers)) {
                return send_deliver(q, item, words, mask);
            }
            uint8_t *const write = q->u.q.write;

            fast_copy_words(write, item, words);
            q->u.q.write = fast_next_slot(q, write, words);
            q->count = count + 1;
            kernel_unlock(mask);
            return pdPASS;
        }
        kernel_unlock(mask);
#if configUSE_MUTEXES
        if (fast_class(q) == QUEUE_CLASS_MUTEX) {
            return mutex_give(q); /* what send_checked would call, after the same checks */
        }
#endif
    }
    return send_checked(q, item, ticks, queueSEND_TO_BACK);
}

/* give's fast path found no room or no semaphore (tag): a mutex, or the general path. */
static inline BaseType_t give_other(queue_t *q, uint32_t tag)
{
#if configUSE_MUTEXES
    if (fast_tag_is(tag, QUEUE_CLASS_MUTEX)) {
        return mutex_give(q); /* what send_checked would call, after the same checks */
    }
#endif
    (void)tag;
    return send_checked(q, NULL, 0, queueSEND_TO_BACK);
}

/* xSemaphoreGive: a send without an item to the back, without blocking. */
static KERNEL_HOT_INLINE BaseType_t give(queue_t *q)
{
    if (QUEUE_FAST_PATHS && fast_task_ok(q, 0, false)) {
        /* Where the section is the lock, a mutex is told apart (it stays one) before taking it. */
        if (!QUEUE_FAST_EXCLUSIVE && fast_class(q) > QUEUE_CLASS_COUNTING) {
            return give_other(q, queue_fast_tag(q));
        }
        UBaseType_t mask = fast_begin(false);
        const UBaseType_t count = fast_load(q);
        const uint32_t tag = queue_fast_tag(q);

        if (!fast_semaphore_room(q, tag, count)) {
            fast_end(mask, false);
            return give_other(q, tag);
        }
        if (listLIST_IS_EMPTY(&q->receivers)) {
            if (fast_commit(q, count + 1, mask, false)) {
                traceQUEUE_SEND(q);
                return pdPASS;
            }
        } else if (fast_lock(q, count, &mask, false)) {
            traceQUEUE_SEND(q);
            return give_deliver(q, mask);
        }
    }
    return send_checked(q, NULL, 0, queueSEND_TO_BACK);
}

/* xSemaphoreGive (semphr.h): what xQueueGenericSend does with no item, no block time, to the
 * back, and traced as that call. */
BaseType_t quartz_semaphore_give(QueueHandle_t queue)
{
    traceENTER_xQueueGenericSend(queue, NULL, (TickType_t)0, queueSEND_TO_BACK);
    const BaseType_t ret = give(queue);
    traceRETURN_xQueueGenericSend(ret);
    return ret;
}

BaseType_t xQueueGenericSend(QueueHandle_t queue, const void *const item, TickType_t ticks,
                             const BaseType_t position)
{
    traceENTER_xQueueGenericSend(queue, item, ticks, position);
    BaseType_t ret;

    /*
     * The fast path is an item's, to the back (xSemaphoreGive has its own entry; a give made
     * here, with no item, takes the general path from it). A function of its own, so that it
     * keeps its few values in scratch registers.
     */
    if (QUEUE_FAST_PATHS && position == queueSEND_TO_BACK) {
        ret = send_item_fast(queue, item, ticks);
    } else {
        ret = send_checked(queue, item, ticks, position);
    }
    traceRETURN_xQueueGenericSend(ret);
    return ret;
}

static KERNEL_HOT_INLINE BaseType_t send_isr(queue_t *q, const void *item, BaseType_t *woken,
                                             BaseType_t pos)
{
    BaseType_t result = errQUEUE_FULL;
    UBaseType_t mask;

    configASSERT(!queue_is_mutex(q)); /* mutexes belong to tasks */
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (queue_has_room(q) || pos == queueOVERWRITE) {
        traceQUEUE_SEND_FROM_ISR(q);
        if (send_locked(q, item, pos) && woken != NULL) {
            *woken = pdTRUE;
        }
        result = pdPASS;
    } else {
        traceQUEUE_SEND_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return result;
}

BaseType_t xQueueGenericSendFromISR(QueueHandle_t queue, const void *const item,
                                    BaseType_t *const woken, const BaseType_t position)
{
    traceENTER_xQueueGenericSendFromISR(queue, item, woken, position);
    check_send(queue, item);
    check_position(queue, position);
    BaseType_t ret = send_isr(queue, item, woken, position);
    traceRETURN_xQueueGenericSendFromISR(ret);
    return ret;
}

#ifdef portISR_PRIORITY_OK
/* xQueueGiveFromISR's fast path found receivers waiting (masked with mask): hand the count over. */
KERNEL_OUT_OF_LINE static BaseType_t give_isr_deliver(queue_t *q, BaseType_t *woken,
                                                      UBaseType_t mask)
{
    if (fast_handoff(q, q, 0, false, 0) && woken != NULL) {
        *woken = pdTRUE;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return pdPASS;
}
#endif

/* xQueueGiveFromISR's general path. */
KERNEL_OUT_OF_LINE static BaseType_t give_isr_checked(queue_t *q, BaseType_t *woken)
{
    check_send(q, NULL); /* a semaphore: no item */
    /* No item bytes are read; a non-NULL address keeps memcpy's contract visible. */
    return send_isr(q, q, woken, queueSEND_TO_BACK);
}

BaseType_t xQueueGiveFromISR(QueueHandle_t queue, BaseType_t *const woken)
{
    traceENTER_xQueueGiveFromISR(queue, woken);
    queue_t *const q = queue;
    BaseType_t ret;

#ifdef portISR_PRIORITY_OK
    if (QUEUE_FAST_PATHS && q != NULL && portISR_PRIORITY_OK()) {
        UBaseType_t mask = fast_begin(true);
        const UBaseType_t count = fast_load(q);

        if (!fast_semaphore_room(q, queue_fast_tag(q), count)) {
            fast_end(mask, true);
        } else if (listLIST_IS_EMPTY(&q->receivers)) {
            if (fast_commit(q, count + 1, mask, true)) {
                traceQUEUE_SEND_FROM_ISR(q);
                ret = pdPASS;
                goto out;
            }
        } else if (fast_lock(q, count, &mask, true)) {
            traceQUEUE_SEND_FROM_ISR(q);
            ret = give_isr_deliver(q, woken, mask);
            goto out;
        }
    }
#endif
    ret = give_isr_checked(q, woken);
#ifdef portISR_PRIORITY_OK
out:
#endif
    traceRETURN_xQueueGiveFromISR(ret);
    return ret;
}

/* ---- Reset ---- */

BaseType_t xQueueGenericReset(QueueHandle_t queue, BaseType_t new_queue)
{
    traceENTER_xQueueGenericReset(queue, new_queue);
    queue_t *const q = queue;
    BaseType_t preempt = pdFALSE;

    configASSERT((q != NULL) && (!queue_is_mutex(q)));
    taskENTER_CRITICAL();
    traceQUEUE_RESET(q, new_queue);
    configASSERT(!new_queue ||
                 (listLIST_IS_EMPTY(&q->receivers) && listLIST_IS_EMPTY(&q->senders)));
    (void)new_queue;
    q->count = 0;
    q->u.q.read = q->u.q.storage;
    q->u.q.write = q->u.q.storage;
    /* Receivers keep waiting; senders now have room, so their sends complete. */
    while (queue_has_room(q) && !listLIST_IS_EMPTY(&q->senders)) {
        if (queue_admit_sender_locked(q)) {
            preempt = pdTRUE;
        }
    }
    if (preempt) {
        sched_yield_if_locked(pdTRUE);
    }
    taskEXIT_CRITICAL();
    traceRETURN_xQueueGenericReset(pdPASS);
    return pdPASS;
}
