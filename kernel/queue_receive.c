/* SPDX-License-Identifier: MIT */
/*
 * queue_receive.c: receiving from queues, peeking and taking semaphores, from
 * tasks and from interrupts (queue.c has the sending side and the storage).
 *
 * A receive that finds an item copies it out and, if senders wait for room,
 * moves the first one's item in (queue_admit_sender_locked). One that finds
 * none waits on receivers until a sender hands it an item (WAIT_HANDOFF: the
 * item is already in its buffer, and it frees the slot the item kept,
 * queue_handoff_release) or a wait ends otherwise: WAIT_RETRY (suspended
 * while waiting) tries again with the time left. The fast paths of
 * xQueueReceive and xQueueSemaphoreTake are queue.c's kind ("The fast paths"):
 * with branches only, then one lock or one exclusive store of the count.
 */
#include "queue_fast.h"
#include "sched_hot.h"

#include <string.h>

/* ---- Taking from the storage ---- */

/* Copy out the oldest item (count > 0), removing it unless peeking. */
static KERNEL_HOT_INLINE BaseType_t take_locked(queue_t *q, void *buf, bool peek)
{
    const size_t size = q->item_size;

    if (size != 0) {
        queue_copy_item(buf, q->u.q.read, size);
    }
    if (QUEUE_FAST_PATHS) {
        q->flags &= (uint8_t)~QUEUE_PEEKERS; /* an item, so no one waits on receivers */
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
        if (QUEUE_FAST_PATHS) {
            q->flags &= (uint8_t)~QUEUE_SENDERS; /* the fast paths may serve q again */
        }
        return pdFALSE;
    }
    return queue_admit_sender_locked(q);
}

/* A slot was freed while senders wait (locked with mask): admit them, then unlock. */
KERNEL_SLOW_PATH static void admit_senders_unlock(UBaseType_t mask, queue_t *q)
{
    while (!listLIST_IS_EMPTY(&q->senders) && queue_has_room(q)) {
        sched_yield_if_locked(queue_admit_sender_locked(q));
    }
    kernel_unlock(mask);
}

/*
 * Free the slot self kept in q (locked with mask) and unlock: its result stays WAIT_HANDOFF
 * (task_holds_handoff). The slow path unlocks too, so that mask is live across no call.
 */
static KERNEL_HOT_INLINE void handoff_release_unlock(queue_t *q, tcb_t *self, UBaseType_t mask)
{
    self->wait_queue = NULL;
    q->reserved--;
    if (!listLIST_IS_EMPTY(&q->senders)) {
        admit_senders_unlock(mask, q);
    } else {
        kernel_unlock(mask);
    }
}

void queue_handoff_release(queue_t *q)
{
    handoff_release_unlock(q, sched_current, kernel_lock());
}

/*
 * A receiver's wait, which unlocked with mask, ended with a hand-off: inline where speed counts,
 * relocking without reading the mask back, else the one copy.
 */
#ifdef __OPTIMIZE_SIZE__
#define wait_handoff_release(q, self, mask) ((void)(mask), queue_handoff_release(q))
#else
static KERNEL_HOT_INLINE void wait_handoff_release(queue_t *q, tcb_t *self, UBaseType_t mask)
{
    kernel_relock(mask);
    handoff_release_unlock(q, self, mask);
}
#endif

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
    const bool forever = sched_waits_forever(ticks);
    TimeOut_t timeout;
    uint8_t result;

    if (!forever) {
        sched_timeout_start(&timeout);
    }
    while (ticks != 0) {
        trace_receive_blocking(q, peek);
        self->wait_buf = buf;
        self->wait_flags = peek ? QW_PEEK : 0;
        if (QUEUE_FAST_PATHS && peek) {
            q->flags |= QUEUE_PEEKERS;
        }
        sched_block_hot(self, &q->receivers, ticks);
        kernel_unlock(mask); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_HANDOFF) {
            wait_handoff_release(q, self, mask);
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
        if (!forever && xTaskCheckForTimeOut(&timeout, &ticks)) {
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
 * A fast path found nothing to take (locked with mask): wait for an item or a count. Copies of
 * the wait of their own: the fast path's tail call passes its arguments in registers. Without a
 * timeout the first wait is laid out straight, with only what it needs live across the switch;
 * a wait that ends otherwise than with the item (suspended meanwhile: WAIT_RETRY, or aborted)
 * goes on in receive_again. buf comes first and is dead after the switch (receive_again finds
 * it in wait_buf), so no argument holds the return register across it and the result is
 * loaded there.
 */
KERNEL_SLOW_PATH static BaseType_t receive_again(uint8_t result, queue_t *q)
{
    UBaseType_t mask;

    if (result == WAIT_RETRY) {
        /* No time to account: all over again, into the buffer the wait kept. */
        return receive(q, sched_current->wait_buf, portMAX_DELAY, false);
    }
    mask = kernel_lock();
    queue_wait_failed_locked(sched_current);
    trace_receive_failed(q, false);
    kernel_unlock(mask);
    return errQUEUE_EMPTY;
}

KERNEL_OUT_OF_LINE static BaseType_t receive_block_forever(void *buf, queue_t *q,
                                                           UBaseType_t mask)
{
    tcb_t *const self = sched_current;
    uint8_t result;

    trace_receive_blocking(q, false);
    self->wait_buf = buf;
    self->wait_flags = 0;
    sched_block_forever_unsuspended_hot(self, &q->receivers);
    kernel_unlock(mask); /* the switch happens here */
    result = self->wait_result;
    /* WAIT_OK first: a task's hand-off to a receiver that preempts it reserves nothing. It is
     * pdPASS too, and is returned as loaded (the empty asm keeps GCC from building a constant). */
    _Static_assert(WAIT_OK == pdPASS, "a completed wait's result is the call's");
    if (result == WAIT_OK) {
        BaseType_t ret = result;

        __asm__("" : "+r"(ret));
        trace_receive(q, false);
        return ret;
    }
    if (result != WAIT_HANDOFF) {
        return receive_again(result, q);
    }
    wait_handoff_release(q, self, mask);
    trace_receive(q, false);
    return pdPASS;
}

KERNEL_OUT_OF_LINE static BaseType_t receive_block_timed(queue_t *q, void *buf, TickType_t ticks,
                                                         UBaseType_t mask)
{
    return wait_for_item(q, buf, ticks, false, mask);
}

/* A wait without timeout, with no timeout to keep, has a lighter frame. */
static inline BaseType_t receive_block(queue_t *q, void *buf, TickType_t ticks, UBaseType_t mask)
{
    if (sched_waits_forever(ticks)) {
        return receive_block_forever(buf, q, mask);
    }
    return receive_block_timed(q, buf, ticks, mask);
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
    sched_assert_may_block(ticks);
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
            if (count != 0) { /* the class says no sender waits */
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
    sched_assert_may_block(ticks);
    BaseType_t ret = receive(queue, buffer, ticks, true);
    traceRETURN_xQueuePeek(ret);
    return ret;
}

/* xQueueSemaphoreTake's general path. */
KERNEL_OUT_OF_LINE static BaseType_t take_checked(queue_t *q, TickType_t ticks)
{
    configASSERT(q != NULL && q->item_size == 0); /* a semaphore or mutex: no item */
    sched_assert_may_block(ticks);
#if configUSE_MUTEXES
    if (queue_is_mutex(q)) {
        return mutex_take(q, ticks);
    }
#endif
    /* No item bytes are written; a non-NULL address keeps memcpy's contract visible. */
    return receive(q, q, ticks, false);
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
        UBaseType_t mask = fast_begin(false);
        const UBaseType_t count = fast_load(q);

        if (__builtin_expect(fast_class(q) > QUEUE_CLASS_COUNTING, 0)) {
            fast_end(mask, false);
            goto other;
        }
        if (__builtin_expect(count == 0, 0)) {
            if (ticks == 0) {
                fast_end(mask, false);
            } else if (fast_lock(q, count, &mask, false)) {
                ret = receive_block(q, NULL, ticks, mask); /* locked, still without a count */
                goto out;
            }
            goto checked;
        }
        /* A count to take, and (the class says) no sender to admit. */
        if (fast_commit(q, count - 1, mask, false)) {
            traceQUEUE_RECEIVE(q);
            ret = pdPASS;
            goto out;
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

