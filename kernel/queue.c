/* SPDX-License-Identifier: MIT */
/*
 * queue.c: sending to and receiving from queues and semaphores, from tasks
 * and from interrupts, and resetting them.
 *
 * Every operation runs whole under the kernel lock. Operations complete each
 * other's waits directly (queue_internal.h has the invariants): a sender that
 * finds receivers waiting copies its item into their buffers, a receiver that
 * frees a slot moves the first waiting sender's item into the queue, and the
 * woken task returns WAIT_OK without touching the queue again. Peek waiters
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
 * A task blocks only after finding it cannot proceed, with the lock held
 * until sched_block_locked() has queued it, so no wake-up can be missed.
 * WAIT_RETRY (the task was suspended while it waited) re-runs the attempt
 * with the time left, measured by xTaskCheckForTimeOut.
 */
#include "queue_internal.h"

#include <string.h>

/* ---- Storage ---- */

/* Copy one item. Most are a word or two: those compile to plain loads and stores. */
static inline void copy_item(void *dst, const void *src, size_t size)
{
    switch (size) {
    case 4:
        memcpy(dst, src, 4);
        break;
    case 8:
        memcpy(dst, src, 8);
        break;
    default:
        memcpy(dst, src, size);
        break;
    }
}

/*
 * Put item into q's storage at pos (count < length, or an overwrite). A queue
 * in a queue set that gains an item posts its handle to the set; returns
 * pdTRUE if that woke a task that should preempt.
 */
static BaseType_t store_locked(queue_t *q, const void *item, BaseType_t pos)
{
    const size_t size = q->item_size;

    if (pos == queueOVERWRITE && q->count != 0) {
        /* Length 1 (checked at the edge): the single item is replaced in place. */
        if (size != 0) {
            copy_item(q->u.q.read, item, size);
        }
        return pdFALSE; /* not a new item: the set already holds this queue's handle */
    }
    if (size != 0) {
        if (pos == queueSEND_TO_FRONT) {
            if (q->u.q.read == q->u.q.storage) {
                q->u.q.read = q->u.q.end;
            }
            q->u.q.read -= size;
            copy_item(q->u.q.read, item, size);
        } else {
            copy_item(q->u.q.write, item, size);
            q->u.q.write += size;
            if (q->u.q.write == q->u.q.end) {
                q->u.q.write = q->u.q.storage;
            }
        }
    }
    q->count++;
    return queue_set_notify_locked(q);
}

/* A slot is free: move the first waiting sender's item in and wake it. */
static BaseType_t admit_sender_locked(queue_t *q)
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
static BaseType_t deliver_locked(queue_t *q, const void *item, BaseType_t pos)
{
    BaseType_t preempt = pdFALSE;

    while (!listLIST_IS_EMPTY(&q->receivers)) {
        tcb_t *const w = sched_first_waiter(&q->receivers);
        const bool peek = (w->wait_flags & QW_PEEK) != 0;

        if (q->item_size != 0) {
            copy_item(w->wait_buf, item, q->item_size);
        }
        if (sched_wake_locked(w, WAIT_OK)) {
            preempt = pdTRUE;
        }
        if (!peek) {
            configASSERT(q->reserved != UINT16_MAX);
            q->reserved++;
            w->wait_queue = q;
            w->flags |= TCB_HANDOFF;
            return preempt;
        }
    }
    if (store_locked(q, item, pos)) {
        preempt = pdTRUE;
    }
    return preempt;
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
static BaseType_t take_locked(queue_t *q, void *buf, bool peek)
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

void queue_handoff_release(queue_t *q)
{
    tcb_t *const self = sched_current;

    taskENTER_CRITICAL();
    self->flags &= (uint8_t)~TCB_HANDOFF;
    self->wait_queue = NULL;
    q->reserved--;
    if (!listLIST_IS_EMPTY(&q->senders) && queue_has_room(q)) {
        sched_yield_if_locked(admit_sender_locked(q));
    }
    taskEXIT_CRITICAL();
}

BaseType_t queue_handoff_undo_locked(tcb_t *t)
{
    queue_t *const q = t->wait_queue;

    t->flags &= (uint8_t)~TCB_HANDOFF;
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

/* ---- Sending ---- */

/* The queue is full (locked): wait for a receiver to take the item. Returns unlocked. */
KERNEL_SLOW_PATH static BaseType_t send_wait(queue_t *q, const void *item, TickType_t ticks,
                                              BaseType_t pos)
{
    tcb_t *const self = sched_current;
    TimeOut_t timeout;
    uint8_t result;

    vTaskInternalSetTimeOutState(&timeout);
    while (ticks != 0) {
        traceBLOCKING_ON_QUEUE_SEND(q);
        self->wait_buf = (void *)item;
        self->wait_flags = (pos == queueSEND_TO_FRONT) ? QW_FRONT : 0;
        sched_block_locked(&q->senders, ticks);
        taskEXIT_CRITICAL(); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_OK) {
            traceQUEUE_SEND(q);
            return pdPASS;
        }
        taskENTER_CRITICAL();
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
            taskEXIT_CRITICAL();
            return pdPASS;
        }
    }
    traceQUEUE_SEND_FAILED(q);
    taskEXIT_CRITICAL();
    return errQUEUE_FULL;
}

/* Send to a queue or give a semaphore (not a mutex), waiting up to ticks for room. */
static BaseType_t send(queue_t *q, const void *item, TickType_t ticks, BaseType_t position)
{
    taskENTER_CRITICAL();
    if (queue_has_room(q) || position == queueOVERWRITE) {
        traceQUEUE_SEND(q);
        if (send_locked(q, item, position)) {
            sched_yield_if_locked(pdTRUE);
        }
        taskEXIT_CRITICAL();
        return pdPASS;
    }
    return send_wait(q, item, ticks, position);
}

BaseType_t xQueueGenericSend(QueueHandle_t queue, const void *const item, TickType_t ticks,
                             const BaseType_t position)
{
    traceENTER_xQueueGenericSend(queue, item, ticks, position);
    queue_t *const q = queue;
    BaseType_t ret;

    configASSERT(q != NULL);
    configASSERT(item != NULL || q->item_size == 0);
    check_position(q, position);
    queue_assert_may_block(ticks);
#if configUSE_MUTEXES
    ret = queue_is_mutex(q) ? mutex_give(q) : send(q, item, ticks, position);
#else
    ret = send(q, item, ticks, position);
#endif
    traceRETURN_xQueueGenericSend(ret);
    return ret;
}

static BaseType_t send_isr(queue_t *q, const void *item, BaseType_t *woken, BaseType_t pos)
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
    configASSERT(queue != NULL);
    configASSERT(item != NULL || queue->item_size == 0);
    check_position(queue, position);
    BaseType_t ret = send_isr(queue, item, woken, position);
    traceRETURN_xQueueGenericSendFromISR(ret);
    return ret;
}

BaseType_t xQueueGiveFromISR(QueueHandle_t queue, BaseType_t *const woken)
{
    traceENTER_xQueueGiveFromISR(queue, woken);
    configASSERT(queue != NULL);
    configASSERT(queue->item_size == 0); /* semaphores only */
    /* No item bytes are read; a non-NULL address keeps memcpy's contract visible. */
    BaseType_t ret = send_isr(queue, queue, woken, queueSEND_TO_BACK);
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

/* The queue is empty (locked): wait for a sender to hand an item over. Returns unlocked. */
KERNEL_SLOW_PATH static BaseType_t receive_wait(queue_t *q, void *buf, TickType_t ticks, bool peek)
{
    tcb_t *const self = sched_current;
    TimeOut_t timeout;
    uint8_t result;

    vTaskInternalSetTimeOutState(&timeout);
    while (ticks != 0) {
        trace_receive_blocking(q, peek);
        self->wait_buf = buf;
        self->wait_flags = peek ? QW_PEEK : 0;
        sched_block_locked(&q->receivers, ticks);
        taskEXIT_CRITICAL(); /* the switch happens here */
        result = self->wait_result;
        if (result == WAIT_OK) {
            if ((self->flags & TCB_HANDOFF) != 0) {
                queue_handoff_release(q);
            }
            trace_receive(q, peek);
            return pdPASS;
        }
        taskENTER_CRITICAL();
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
            taskEXIT_CRITICAL();
            return pdPASS;
        }
    }
    trace_receive_failed(q, peek);
    taskEXIT_CRITICAL();
    return errQUEUE_EMPTY;
}

static BaseType_t receive(queue_t *q, void *buf, TickType_t ticks, bool peek)
{
    taskENTER_CRITICAL();
    if (q->count != 0) {
        trace_receive(q, peek);
        if (take_locked(q, buf, peek)) {
            sched_yield_if_locked(pdTRUE);
        }
        taskEXIT_CRITICAL();
        return pdPASS;
    }
    return receive_wait(q, buf, ticks, peek);
}

BaseType_t xQueueReceive(QueueHandle_t queue, void *const buffer, TickType_t ticks)
{
    traceENTER_xQueueReceive(queue, buffer, ticks);
    configASSERT(queue != NULL);
    configASSERT(buffer != NULL || queue->item_size == 0);
    configASSERT(!queue_is_mutex(queue)); /* xSemaphoreTake keeps inheritance right */
    queue_assert_may_block(ticks);
    BaseType_t ret = receive(queue, buffer, ticks, false);
    traceRETURN_xQueueReceive(ret);
    return ret;
}

BaseType_t xQueuePeek(QueueHandle_t queue, void *const buffer, TickType_t ticks)
{
    traceENTER_xQueuePeek(queue, buffer, ticks);
    configASSERT(queue != NULL);
    configASSERT(buffer != NULL || queue->item_size == 0);
    configASSERT(!queue_is_mutex(queue));
    queue_assert_may_block(ticks);
    BaseType_t ret = receive(queue, buffer, ticks, true);
    traceRETURN_xQueuePeek(ret);
    return ret;
}

BaseType_t xQueueSemaphoreTake(QueueHandle_t queue, TickType_t ticks)
{
    traceENTER_xQueueSemaphoreTake(queue, ticks);
    BaseType_t ret;

    configASSERT(queue != NULL);
    configASSERT(queue->item_size == 0); /* semaphores and mutexes only */
    queue_assert_may_block(ticks);
#if configUSE_MUTEXES
    ret = queue_is_mutex(queue) ? mutex_take(queue, ticks) : receive(queue, NULL, ticks, false);
#else
    ret = receive(queue, NULL, ticks, false);
#endif
    traceRETURN_xQueueSemaphoreTake(ret);
    return ret;
}

BaseType_t xQueueReceiveFromISR(QueueHandle_t queue, void *const buffer, BaseType_t *const woken)
{
    traceENTER_xQueueReceiveFromISR(queue, buffer, woken);
    queue_t *const q = queue;
    BaseType_t result = errQUEUE_EMPTY;
    UBaseType_t mask;

    configASSERT(q != NULL);
    configASSERT(buffer != NULL || q->item_size == 0);
    configASSERT(!queue_is_mutex(q)); /* mutexes belong to tasks */
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

    configASSERT(q != NULL);
    configASSERT(buffer != NULL);
    configASSERT(q->item_size != 0); /* a semaphore has nothing to peek at */
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

    configASSERT(q != NULL);
    configASSERT(!queue_is_mutex(q)); /* emptying a mutex would take it from nobody */
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
