/* SPDX-License-Identifier: MIT */
/*
 * queue.c: sending to and receiving from queues and semaphores, from tasks
 * and from interrupts, and resetting them.
 *
 * Every operation runs whole under the kernel lock. Operations complete each
 * other's waits directly (queue_internal.h has the invariants): a sender that
 * finds receivers waiting copies its item into their buffers, a receiver that
 * frees a slot moves the first waiting sender's item into the queue, and the
 * woken task returns (WAIT_HANDOFF) without touching the queue again. Peek waiters
 * get a copy and the item goes on down the line. When nobody waits, a send or
 * receive is a copy and a count update; the scheduler is not called.
 *
 * A handed item keeps its slot (q->reserved) until its receiver runs: then
 * the receiver frees it (queue_handoff_release), or, if the receiver is deleted
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

#include <string.h>

/* ---- Storage ---- */

/* Copy one item. Most are a few words: speed builds copy those with plain loads and stores. */
static inline void copy_item(void *dst, const void *src, size_t size)
{
#ifndef __OPTIMIZE_SIZE__
    switch (size) {
    case 4:
        memcpy(dst, src, 4);
        return;
    case 8:
        memcpy(dst, src, 8);
        return;
    case 12:
        memcpy(dst, src, 12);
        return;
    case 16:
        memcpy(dst, src, 16);
        return;
    default:
        break;
    }
#endif
    memcpy(dst, src, size);
}

/* Put item at the back of q's storage (count < length) and count it. */
static KERNEL_HOT_INLINE void store_back_locked(queue_t *q, const void *item)
{
    const size_t size = q->item_size;

    if (size != 0) {
        uint8_t *const write = q->u.q.write;

        copy_item(write, item, size);
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
            copy_item(q->u.q.read, item, size);
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
        copy_item(q->u.q.read, item, size);
    }
    q->count++;
    return queue_set_notify_locked(q);
}

/* A slot is free: move the first waiting sender's item in and wake it. */
KERNEL_SLOW_PATH static BaseType_t admit_sender_locked(queue_t *q)
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
 * Inline in the fast paths' hand-offs (send_deliver, give_isr_deliver).
 */
static KERNEL_HOT_INLINE BaseType_t deliver_inline(queue_t *q, const void *item, BaseType_t pos)
{
    BaseType_t preempt = pdFALSE;

    do {
        tcb_t *const w = sched_first_waiter(&q->receivers);
        const bool peek = (w->wait_flags & QW_PEEK) != 0;

        if (q->item_size != 0) {
            copy_item(w->wait_buf, item, q->item_size);
        }
        if (sched_wake_locked(w, peek ? WAIT_OK : WAIT_HANDOFF)) {
            preempt = pdTRUE;
        }
        if (!peek) {
            configASSERT(q->reserved != UINT16_MAX);
            q->reserved++;
            w->wait_queue = q;
            return preempt;
        }
    } while (!listLIST_IS_EMPTY(&q->receivers));
    if (store_locked(q, item, pos)) {
        preempt = pdTRUE;
    }
    return preempt;
}

static BaseType_t deliver_locked(queue_t *q, const void *item, BaseType_t pos)
{
    return deliver_inline(q, item, pos);
}

/* Send when there is room; returns pdTRUE if a woken task should preempt. */
static inline BaseType_t send_locked(queue_t *q, const void *item, BaseType_t pos)
{
    if (listLIST_IS_EMPTY(&q->receivers)) {
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

/* Copy out the oldest item (count > 0), removing it unless peeking. */
static KERNEL_HOT_INLINE BaseType_t take_locked(queue_t *q, void *buf, bool peek)
{
    const size_t size = q->item_size;

    if (size != 0) {
        copy_item(buf, q->u.q.read, size);
    }
    if (peek) {
        return pdFALSE;
    }
    if (size != 0) {
        q->u.q.read += size;
        if (q->u.q.read == q->u.q.end) {
            q->u.q.read = q->u.q.storage;
        }
    }
    q->count--;
    if (listLIST_IS_EMPTY(&q->senders)) {
        return pdFALSE;
    }
    return admit_sender_locked(q);
}

/* A slot was freed while senders wait: admit them (locked). */
KERNEL_SLOW_PATH static void admit_senders_locked(queue_t *q)
{
    while (!listLIST_IS_EMPTY(&q->senders) && queue_has_room(q)) {
        sched_yield_if_locked(admit_sender_locked(q));
    }
}

static KERNEL_HOT_INLINE void handoff_release(queue_t *q, tcb_t *self)
{
    const UBaseType_t mask = kernel_lock();

    self->wait_result = WAIT_OK;
    self->wait_queue = NULL;
    q->reserved--;
    if (!listLIST_IS_EMPTY(&q->senders)) {
        admit_senders_locked(q);
    }
    kernel_unlock(mask);
}

void queue_handoff_release(queue_t *q)
{
    handoff_release(q, sched_current);
}

/* A receiver's wait ended with a hand-off: inline where speed counts, else the one copy. */
#ifdef __OPTIMIZE_SIZE__
#define wait_handoff_release(q, self) queue_handoff_release(q)
#else
#define wait_handoff_release(q, self) handoff_release(q, self)
#endif

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
    queue_assert_may_block(ticks);
#if configUSE_MUTEXES
    if (queue_is_mutex(q)) {
        return mutex_give(q);
    }
#endif
    return send_any(q, item, ticks, position, kernel_lock());
}

/* The fast path found receivers waiting (locked with mask): hand the item over. Unlocks. */
KERNEL_OUT_OF_LINE static BaseType_t send_deliver(queue_t *q, const void *item, UBaseType_t mask)
{
    if (deliver_inline(q, item, queueSEND_TO_BACK)) {
        sched_yield_if_locked(pdTRUE);
    }
    kernel_unlock(mask);
    return pdPASS;
}

/*
 * The fast path of a send of an item to the back of q (a queue of 1 to 4 words per item),
 * under the lock: store it, or hand it to the first receiver.
 */
KERNEL_OUT_OF_LINE static BaseType_t send_item_fast(queue_t *q, const void *item, TickType_t ticks)
{
    if (fast_task_ok(q, ticks, false)) {
        const UBaseType_t mask = kernel_lock();
        const uint32_t words = fast_class(q) - QUEUE_CLASS_WORDS(0);
        const UBaseType_t count = q->count;

        if (words - 1u < QUEUE_CLASS_WORDS_MAX && count < q->length) {
            traceQUEUE_SEND(q);
            if (!listLIST_IS_EMPTY(&q->receivers)) {
                return send_deliver(q, item, mask);
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

_Static_assert(queueSEND_TO_BACK == 0, "xQueueGenericSend tests item and position at once");

/* Any send but a semaphore's give: an item to the back (send_item_fast), or the general path. */
FAST_OUT_OF_LINE static BaseType_t send_other(queue_t *q, const void *item, TickType_t ticks,
                                              BaseType_t position)
{
    if (position == queueSEND_TO_BACK) {
        return send_item_fast(q, item, ticks);
    }
    return send_checked(q, item, ticks, position);
}

/* give_fast found no room or no semaphore (class): a mutex, or the general path. */
static inline BaseType_t give_other(queue_t *q, uint32_t class, TickType_t ticks)
{
#if configUSE_MUTEXES
    if (class == QUEUE_CLASS_MUTEX) {
        return mutex_give(q); /* what send_checked would call, after the same checks */
    }
#endif
    (void)class;
    return send_checked(q, NULL, ticks, queueSEND_TO_BACK);
}

/*
 * The fast path of xSemaphoreGive: a send without an item (NULL: an argument only so that
 * ticks arrives where send_checked wants it) to the back of q.
 */
FAST_OUT_OF_LINE static BaseType_t give_fast(queue_t *q, const void *item, TickType_t ticks)
{
    (void)item;
    if (fast_task_ok(q, ticks, false)) {
        /* Where the section is the lock, a mutex is told apart (it stays one) before taking it. */
        if (!QUEUE_FAST_EXCLUSIVE && fast_class(q) > QUEUE_CLASS_COUNTING) {
            return give_other(q, fast_class(q), ticks);
        }
        UBaseType_t mask = fast_begin(false);
        const UBaseType_t count = fast_load(q);
        const uint32_t class = fast_class(q);

        if (!fast_semaphore_room(q, class, count)) {
            fast_end(mask, false);
            return give_other(q, class, ticks);
        }
        if (listLIST_IS_EMPTY(&q->receivers)) {
            if (fast_commit(q, count + 1, mask, false)) {
                traceQUEUE_SEND(q);
                return pdPASS;
            }
        } else if (fast_lock(q, &mask, false)) {
            traceQUEUE_SEND(q);
            return send_deliver(q, q, mask);
        }
    }
    return send_checked(q, NULL, ticks, queueSEND_TO_BACK);
}

BaseType_t xQueueGenericSend(QueueHandle_t queue, const void *const item, TickType_t ticks,
                             const BaseType_t position)
{
    traceENTER_xQueueGenericSend(queue, item, ticks, position);
    BaseType_t ret;

    /*
     * Separate functions, so that each fast path keeps its few values in scratch registers: no
     * item and to the back (both zero: one test) is a semaphore's give.
     */
    if (!QUEUE_FAST_PATHS) {
        ret = send_checked(queue, item, ticks, position);
    } else if (((uintptr_t)item | (uintptr_t)position) == 0) {
        ret = give_fast(queue, item, ticks);
    } else {
        ret = send_other(queue, item, ticks, position);
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
    if (deliver_inline(q, q, queueSEND_TO_BACK) && woken != NULL) {
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

        if (!fast_semaphore_room(q, fast_class(q), count)) {
            fast_end(mask, true);
        } else if (listLIST_IS_EMPTY(&q->receivers)) {
            if (fast_commit(q, count + 1, mask, true)) {
                traceQUEUE_SEND_FROM_ISR(q);
                ret = pdPASS;
                goto out;
            }
        } else if (fast_lock(q, &mask, true)) {
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

/* ---- Receiving ---- */

/* The trace hooks of xQueueReceive and xQueuePeek. */
static inline void trace_receive(queue_t *q, bool peek)
{
    if (peek) {
        traceQUEUE_PEEK(q);
    } else {
        traceQUEUE_RECEIVE(q);
    }
    (void)q;
}

static inline void trace_receive_blocking(queue_t *q, bool peek)
{
    if (peek) {
        traceBLOCKING_ON_QUEUE_PEEK(q);
    } else {
        traceBLOCKING_ON_QUEUE_RECEIVE(q);
    }
    (void)q;
}

static inline void trace_receive_failed(queue_t *q, bool peek)
{
    if (peek) {
        traceQUEUE_PEEK_FAILED(q);
    } else {
        traceQUEUE_RECEIVE_FAILED(q);
    }
    (void)q;
}

/*
 * The queue is empty (locked with mask): wait for a sender to hand an item over. Returns
 * unlocked. Inline in receive_wait (any receive) and receive_block (the fast paths' receive).
 */
static KERNEL_HOT_INLINE BaseType_t wait_for_item(queue_t *q, void *buf, TickType_t ticks,
                                                  bool peek, UBaseType_t mask)
{
    tcb_t *const self = sched_current;
    TimeOut_t timeout;
    uint8_t result;

    sched_timeout_start(&timeout);
    while (ticks != 0) {
        trace_receive_blocking(q, peek);
        self->wait_buf = buf;
        self->wait_flags = peek ? QW_PEEK : 0;
        sched_block_locked(&q->receivers, ticks);
        kernel_unlock(mask); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_HANDOFF) {
            wait_handoff_release(q, self);
            trace_receive(q, peek);
            return pdPASS;
        }
        if (result == WAIT_OK) {
            trace_receive(q, peek); /* a peek: nothing was reserved for it */
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
        if (q->count != 0) {
            trace_receive(q, peek);
            sched_yield_if_locked(take_locked(q, buf, peek));
            kernel_unlock(mask);
            return pdPASS;
        }
    }
    trace_receive_failed(q, peek);
    kernel_unlock(mask);
    return errQUEUE_EMPTY;
}

KERNEL_SLOW_PATH static BaseType_t receive_wait(queue_t *q, void *buf, TickType_t ticks, bool peek,
                                                 UBaseType_t mask)
{
    return wait_for_item(q, buf, ticks, peek, mask);
}

static KERNEL_HOT_INLINE BaseType_t receive(queue_t *q, void *buf, TickType_t ticks, bool peek)
{
    const UBaseType_t mask = kernel_lock();

    if (q->count != 0) {
        trace_receive(q, peek);
        if (take_locked(q, buf, peek)) {
            sched_yield_if_locked(pdTRUE);
        }
        kernel_unlock(mask);
        return pdPASS;
    }
    return receive_wait(q, buf, ticks, peek, mask);
}

/*
 * A fast path found nothing to take (locked with mask): wait for an item or a count. Its own
 * copy of the wait: the fast path's tail call passes four arguments in registers.
 */
KERNEL_OUT_OF_LINE static BaseType_t receive_block(queue_t *q, void *buf, TickType_t ticks,
                                                   UBaseType_t mask)
{
    return wait_for_item(q, buf, ticks, false, mask);
}

/* The checks every receive and peek makes (one copy): a queue, somewhere for the item, no mutex. */
static KERNEL_HOT_ONE_COPY void check_receive(const queue_t *q, const void *buffer)
{
    configASSERT(q != NULL && (buffer != NULL || q->item_size == 0) && !queue_is_mutex(q));
}

/* xQueueReceive's general path. */
KERNEL_OUT_OF_LINE static BaseType_t receive_checked(queue_t *q, void *buffer, TickType_t ticks)
{
    check_receive(q, buffer);
    queue_assert_may_block(ticks);
    return receive(q, buffer, ticks, false);
}

BaseType_t xQueueReceive(QueueHandle_t queue, void *const buffer, TickType_t ticks)
{
    traceENTER_xQueueReceive(queue, buffer, ticks);
    queue_t *const q = queue;
    BaseType_t ret;

    if (QUEUE_FAST_PATHS && fast_task_ok(q, ticks, false) && buffer != NULL) {
        const UBaseType_t mask = kernel_lock();
        const uint32_t words = fast_class(q) - QUEUE_CLASS_WORDS(0);
        const UBaseType_t count = q->count;

        /* A queue of 1 to 4 words per item (so not a mutex): an item and no sender to admit. */
        if (words - 1u < QUEUE_CLASS_WORDS_MAX) {
            if (count != 0 && listLIST_IS_EMPTY(&q->senders)) {
                uint8_t *const read = q->u.q.read;

                traceQUEUE_RECEIVE(q);
                fast_copy_words(buffer, read, words);
                q->u.q.read = fast_next_slot(q, read, words);
                q->count = count - 1;
                kernel_unlock(mask);
                ret = pdPASS;
                goto out;
            }
            if (count == 0 && ticks != 0) {
                ret = receive_block(q, buffer, ticks, mask);
                goto out;
            }
        }
        kernel_unlock(mask);
    }
    ret = receive_checked(q, buffer, ticks);
out:
    traceRETURN_xQueueReceive(ret);
    return ret;
}

BaseType_t xQueuePeek(QueueHandle_t queue, void *const buffer, TickType_t ticks)
{
    traceENTER_xQueuePeek(queue, buffer, ticks);
    check_receive(queue, buffer);
    queue_assert_may_block(ticks);
    BaseType_t ret = receive(queue, buffer, ticks, true);
    traceRETURN_xQueuePeek(ret);
    return ret;
}

/* xQueueSemaphoreTake's general path. */
KERNEL_OUT_OF_LINE static BaseType_t take_checked(queue_t *q, TickType_t ticks)
{
    check_send(q, NULL); /* a semaphore: no item */
    queue_assert_may_block(ticks);
#if configUSE_MUTEXES
    if (queue_is_mutex(q)) {
        return mutex_take(q, ticks);
    }
#endif
    /* No item bytes are written; a non-NULL address keeps memcpy's contract visible. */
    return receive(q, q, ticks, false);
}

/* xQueueSemaphoreTake's fast path found no count: wait under the lock, unless one came. */
KERNEL_OUT_OF_LINE static BaseType_t take_wait(queue_t *q, TickType_t ticks)
{
    if (ticks != 0) {
        const UBaseType_t mask = kernel_lock();

        if (q->count == 0) {
            return receive_block(q, NULL, ticks, mask);
        }
        kernel_unlock(mask);
    }
    return take_checked(q, ticks);
}

BaseType_t xQueueSemaphoreTake(QueueHandle_t queue, TickType_t ticks)
{
    traceENTER_xQueueSemaphoreTake(queue, ticks);
    queue_t *const q = queue;
    BaseType_t ret;

    if (QUEUE_FAST_PATHS && fast_task_ok(q, ticks, true)) {
        /* Where the section is the lock, a mutex is told apart (it stays one) before taking it. */
        if (!QUEUE_FAST_EXCLUSIVE && fast_class(q) > QUEUE_CLASS_COUNTING) {
            goto other;
        }
        const UBaseType_t mask = fast_begin(false);
        const UBaseType_t count = fast_load(q);

        if (__builtin_expect(fast_class(q) > QUEUE_CLASS_COUNTING, 0)) {
            fast_end(mask, false);
            goto other;
        }
        if (count == 0) {
            if (!QUEUE_FAST_EXCLUSIVE && ticks != 0) {
                ret = receive_block(q, NULL, ticks, mask); /* the lock is held: wait */
                goto out;
            }
            fast_end(mask, false);
            ret = take_wait(q, ticks);
            goto out;
        }
        /* A count to take, and no sender to admit. */
        if (listLIST_IS_EMPTY(&q->senders)) {
            if (fast_commit(q, count - 1, mask, false)) {
                traceQUEUE_RECEIVE(q);
                ret = pdPASS;
                goto out;
            }
        } else {
            fast_end(mask, false);
        }
        goto checked;
    other:
#if configUSE_MUTEXES
        if (fast_is_mutex(q)) {
            ret = mutex_take(q, ticks); /* what take_checked would call, after the same checks */
            goto out;
        }
#endif
    }
checked:
    ret = take_checked(q, ticks);
out:
    traceRETURN_xQueueSemaphoreTake(ret);
    return ret;
}

BaseType_t xQueueReceiveFromISR(QueueHandle_t queue, void *const buffer, BaseType_t *const woken)
{
    traceENTER_xQueueReceiveFromISR(queue, buffer, woken);
    queue_t *const q = queue;
    BaseType_t result = errQUEUE_EMPTY;
    UBaseType_t mask;

    check_receive(q, buffer);
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count != 0) {
        traceQUEUE_RECEIVE_FROM_ISR(q);
        if (take_locked(q, buffer, false) && woken != NULL) {
            *woken = pdTRUE;
        }
        result = pdPASS;
    } else {
        traceQUEUE_RECEIVE_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xQueueReceiveFromISR(result);
    return result;
}

BaseType_t xQueuePeekFromISR(QueueHandle_t queue, void *const buffer)
{
    traceENTER_xQueuePeekFromISR(queue, buffer);
    queue_t *const q = queue;
    BaseType_t result = errQUEUE_EMPTY;
    UBaseType_t mask;

    configASSERT((q != NULL) && (buffer != NULL) && (q->item_size != 0));
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count != 0) {
        traceQUEUE_PEEK_FROM_ISR(q);
        (void)take_locked(q, buffer, true);
        result = pdPASS;
    } else {
        traceQUEUE_PEEK_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xQueuePeekFromISR(result);
    return result;
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
        if (admit_sender_locked(q)) {
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
