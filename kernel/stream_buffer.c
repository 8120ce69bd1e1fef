/* SPDX-License-Identifier: MIT */
/*
 * stream_buffer.c: moving bytes and messages through stream and message
 * buffers, from tasks and interrupts, and blocking for data or room.
 *
 * Each operation runs whole inside one critical section: check, copy (at
 * most two memcpy pieces per field, as the ring wraps) and wake the peer.
 * Nothing is handed over while a task waits: a woken reader or writer does
 * its own copy when it runs, which the single-reader / single-writer rule
 * makes safe. The kernel wakes a blocked reader once a send gives it what it
 * waits for (a message, or a stream's trigger level) and a blocked writer
 * once a receive frees the room it waits for.
 *
 * An application may take over those wake-ups: with a completed callback on
 * the buffer (configUSE_SB_COMPLETED_CALLBACK), or by defining
 * sbSEND_COMPLETED, sbRECEIVE_COMPLETED, sbSEND_COMPLETE_FROM_ISR or
 * sbRECEIVE_COMPLETED_FROM_ISR in FreeRTOSConfig.h. Its hook runs after the
 * critical section, and typically ends in xStreamBufferSendCompletedFromISR
 * or xStreamBufferReceiveCompletedFromISR, which wake the peer whatever the
 * level: so a woken writer re-checks its room and may wait again.
 *
 * The task's notification array is never used.
 */
#include "stream_buffer_internal.h"

#include <string.h>

#if configUSE_STREAM_BUFFERS

/* The application's completed hooks; a missing one is never called (the kernel wakes the peer). */
#ifdef sbSEND_COMPLETED
#define SB_APP_SEND 1
#else
#define SB_APP_SEND 0
#define sbSEND_COMPLETED(sb) (void)(sb)
#endif
#ifdef sbRECEIVE_COMPLETED
#define SB_APP_RECEIVE 1
#else
#define SB_APP_RECEIVE 0
#define sbRECEIVE_COMPLETED(sb) (void)(sb)
#endif
#ifdef sbSEND_COMPLETE_FROM_ISR
#define SB_APP_SEND_ISR 1
#else
#define SB_APP_SEND_ISR 0
#define sbSEND_COMPLETE_FROM_ISR(sb, woken) (void)(sb)
#endif
#ifdef sbRECEIVE_COMPLETED_FROM_ISR
#define SB_APP_RECEIVE_ISR 1
#else
#define SB_APP_RECEIVE_ISR 0
#define sbRECEIVE_COMPLETED_FROM_ISR(sb, woken) (void)(sb)
#endif

/* ---- The ring ---- */

static inline size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* Index of the byte `offset` past the oldest one (offset <= length). */
static inline size_t ring_at(const sb_t *sb, size_t offset)
{
    const size_t i = sb->head + offset;

    return i >= sb->length ? i - sb->length : i;
}

/* Append n bytes (n <= free space). */
static void ring_put(sb_t *sb, const uint8_t *src, size_t n)
{
    const size_t at = ring_at(sb, sb->used);
    const size_t first = min_size(n, sb->length - at);

    memcpy(sb->storage + at, src, first);
    memcpy(sb->storage, src + first, n - first);
    sb->used += n;
}

/* Copy out the n oldest bytes (n <= used) without removing them. */
static void ring_peek(const sb_t *sb, uint8_t *dst, size_t n)
{
    const size_t first = min_size(n, sb->length - sb->head);

    memcpy(dst, sb->storage + sb->head, first);
    memcpy(dst + first, sb->storage, n - first);
}

static void ring_drop(sb_t *sb, size_t n)
{
    sb->head = ring_at(sb, n);
    sb->used -= n;
}

/* Length of the oldest message (locked; a message buffer holding one). */
static size_t next_message_locked(const sb_t *sb)
{
    sb_len_t field;

    ring_peek(sb, (uint8_t *)&field, SB_LEN_BYTES);
    return (size_t)field;
}

/* ---- Conditions ---- */

/* Free space a send of len bytes waits for: SIZE_MAX for a message that can never fit. */
static size_t send_need(const sb_t *sb, size_t len)
{
    if (!sb_is_message(sb)) {
        return min_size(len, sb->length); /* then it writes what fits */
    }
    if (len > sb->length - SB_LEN_BYTES || (size_t)(sb_len_t)len != len) {
        return SIZE_MAX;
    }
    return len + SB_LEN_BYTES;
}

/* A receiver takes data at once: any (a batching buffer: more than its trigger level). */
static bool can_read(const sb_t *sb)
{
    if (sb->flags & SB_BATCHING) {
        return sb->used > sb->trigger;
    }
    return sb->used != 0;
}

/* A send completes for the reader: a message arrived, or a stream reached its trigger level. */
static bool send_completes(const sb_t *sb)
{
    return sb_is_message(sb) ? sb->used != 0 : sb->used >= sb->trigger;
}

static bool ready(const sb_t *sb, bool receive)
{
    return receive ? can_read(sb) : sb_space(sb) >= sb->writer_need;
}

/* ---- Copying in and out (locked) ---- */

/* Store a message whole or nothing, or as much of a stream as fits. Returns bytes stored. */
static size_t write_locked(sb_t *sb, const void *data, size_t len)
{
    size_t n = len;

    if (len == 0) {
        return 0; /* nothing to store: an empty message would read back as a failure */
    }
    if (sb_is_message(sb)) {
        const sb_len_t field = (sb_len_t)len;

        if (send_need(sb, len) > sb_space(sb)) {
            return 0;
        }
        ring_put(sb, (const uint8_t *)&field, SB_LEN_BYTES);
    } else {
        n = min_size(len, sb_space(sb));
    }
    ring_put(sb, data, n);
    return n;
}

/* Take the next message if it fits in len (else it stays), or up to len bytes of a stream. */
static size_t read_locked(sb_t *sb, void *buf, size_t len)
{
    size_t n = min_size(len, sb->used);

    if (sb_is_message(sb)) {
        if (sb->used == 0) {
            return 0;
        }
        n = next_message_locked(sb);
        if (n > len) {
            return 0;
        }
        ring_drop(sb, SB_LEN_BYTES);
    }
    ring_peek(sb, buf, n);
    ring_drop(sb, n);
    return n;
}

/* ---- Completion: waking the peer, or the application's hooks ---- */

/* Whether the application handles this completion (after the lock is dropped). */
static bool app_hook(const sb_t *sb, bool receive, bool isr)
{
#if configUSE_SB_COMPLETED_CALLBACK
    if ((receive ? sb->receive_done : sb->send_done) != NULL) {
        return true;
    }
#endif
    (void)sb;
    if (receive) {
        return isr ? SB_APP_RECEIVE_ISR : SB_APP_RECEIVE;
    }
    return isr ? SB_APP_SEND_ISR : SB_APP_SEND;
}

/* Run the application's hook (not locked); *woken is set if it woke a more important task. */
static void run_app_hook(sb_t *sb, bool receive, bool isr, BaseType_t *woken)
{
#if configUSE_SB_COMPLETED_CALLBACK
    StreamBufferCallbackFunction_t cb = receive ? sb->receive_done : sb->send_done;

    if (cb != NULL) {
        cb(sb, isr ? pdTRUE : pdFALSE, woken);
        return;
    }
#endif
    if (receive && isr) {
        sbRECEIVE_COMPLETED_FROM_ISR(sb, woken);
    } else if (receive) {
        sbRECEIVE_COMPLETED(sb);
    } else if (isr) {
        sbSEND_COMPLETE_FROM_ISR(sb, woken);
    } else {
        sbSEND_COMPLETED(sb);
    }
    (void)woken;
}

/* Task context: run the hook, then switch if it woke a more important task. */
static void run_app_hook_task(sb_t *sb, bool receive)
{
    BaseType_t woken = pdFALSE;

    run_app_hook(sb, receive, false, &woken);
    if (woken) {
        taskENTER_CRITICAL();
        sched_yield_if_locked(pdTRUE);
        taskEXIT_CRITICAL();
    }
}

static BaseType_t wake_locked(List_t *side)
{
    if (listLIST_IS_EMPTY(side)) {
        return pdFALSE;
    }
    return sched_wake_locked(sched_first_waiter(side), WAIT_OK);
}

/*
 * After a send stored `sent` bytes (locked): wake the reader if it now has what
 * it waits for. Returns true if the application's hook must run instead.
 */
static bool send_done_locked(sb_t *sb, size_t sent, bool isr, BaseType_t *preempt)
{
    if (sent == 0 || !send_completes(sb)) {
        return false;
    }
    if (app_hook(sb, false, isr)) {
        return true;
    }
    if (wake_locked(&sb->readers)) {
        *preempt = pdTRUE;
    }
    return false;
}

/* After a receive took `got` bytes (locked): wake the writer once its room is free. */
static bool receive_done_locked(sb_t *sb, size_t got, bool isr, BaseType_t *preempt)
{
    if (got == 0) {
        return false;
    }
    if (app_hook(sb, true, isr)) {
        return true;
    }
    if (sb_space(sb) >= sb->writer_need && wake_locked(&sb->writers)) {
        *preempt = pdTRUE;
    }
    return false;
}

/* ---- Blocking ---- */

/*
 * Wait (locked, returns locked) until the caller's side is ready or `ticks`
 * run out. A woken reader returns at once and takes what is there (a batching
 * buffer's reader is woken at its trigger level); a woken writer re-checks its
 * room, since an application hook may wake it early. WAIT_RETRY (suspended
 * meanwhile) waits again with the time left.
 */
static void wait_locked(sb_t *sb, bool receive, TickType_t ticks)
{
    tcb_t *const self = sched_current;
    List_t *const side = receive ? &sb->readers : &sb->writers;
    TimeOut_t timeout;

    vTaskInternalSetTimeOutState(&timeout);
    while (!ready(sb, receive)) {
        configASSERT(listLIST_IS_EMPTY(side)); /* one reader and one writer at a time */
        if (receive) {
            traceBLOCKING_ON_STREAM_BUFFER_RECEIVE(sb);
        } else {
            traceBLOCKING_ON_STREAM_BUFFER_SEND(sb);
        }
        sched_block_locked(side, ticks);
        taskEXIT_CRITICAL(); /* the switch happens here */
        taskENTER_CRITICAL();
        if (self->wait_result == WAIT_TIMEOUT || self->wait_result == WAIT_ABORTED) {
            self->flags &=
                (uint8_t)~TCB_DELAY_ABORTED; /* acted on, as xTaskCheckForTimeOut would */
            return;
        }
        if (self->wait_result == WAIT_OK && receive) {
            return;
        }
        if (!ready(sb, receive) && xTaskCheckForTimeOut(&timeout, &ticks)) {
            return;
        }
    }
}

static inline void assert_may_block(TickType_t ticks)
{
    configASSERT(!portIS_INSIDE_INTERRUPT());
    configASSERT(ticks == 0 || !sched_is_suspended());
    (void)ticks;
}

/* ---- Sending ---- */

size_t xStreamBufferSend(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                         size_t xDataLengthBytes, TickType_t xTicksToWait)
{
    traceENTER_xStreamBufferSend(xStreamBuffer, pvTxData, xDataLengthBytes, xTicksToWait);
    sb_t *const sb = xStreamBuffer;
    BaseType_t preempt = pdFALSE;
    size_t need, sent;
    bool hook;

    configASSERT(sb != NULL);
    configASSERT(pvTxData != NULL);
    assert_may_block(xTicksToWait);
    need = send_need(sb, xDataLengthBytes);
    configASSERT(!sb_is_message(sb) || (size_t)(sb_len_t)xDataLengthBytes == xDataLengthBytes);
    if (need == SIZE_MAX || xDataLengthBytes == 0) {
        xTicksToWait = 0; /* it can never fit (or there is nothing to wait for) */
    }
    taskENTER_CRITICAL();
    if (xTicksToWait != 0 && sb_space(sb) < need) {
        sb->writer_need = need;
        wait_locked(sb, false, xTicksToWait);
    }
    sent = write_locked(sb, pvTxData, xDataLengthBytes);
    hook = send_done_locked(sb, sent, false, &preempt);
    if (sent != 0) {
        traceSTREAM_BUFFER_SEND(sb, sent);
    } else {
        traceSTREAM_BUFFER_SEND_FAILED(sb);
    }
    sched_yield_if_locked(preempt);
    taskEXIT_CRITICAL();
    if (hook) {
        run_app_hook_task(sb, false);
    }
    traceRETURN_xStreamBufferSend(sent);
    return sent;
}

size_t xStreamBufferSendFromISR(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                                size_t xDataLengthBytes,
                                BaseType_t *const pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferSendFromISR(xStreamBuffer, pvTxData, xDataLengthBytes,
                                        pxHigherPriorityTaskWoken);
    sb_t *const sb = xStreamBuffer;
    BaseType_t preempt = pdFALSE;
    UBaseType_t mask;
    size_t sent;
    bool hook;

    configASSERT(sb != NULL);
    configASSERT(pvTxData != NULL);
    configASSERT(!sb_is_message(sb) || (size_t)(sb_len_t)xDataLengthBytes == xDataLengthBytes);
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    sent = write_locked(sb, pvTxData, xDataLengthBytes);
    hook = send_done_locked(sb, sent, true, &preempt);
    traceSTREAM_BUFFER_SEND_FROM_ISR(sb, sent);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    if (hook) {
        run_app_hook(sb, false, true, &preempt);
    }
    if (preempt && pxHigherPriorityTaskWoken != NULL) {
        *pxHigherPriorityTaskWoken = pdTRUE;
    }
    traceRETURN_xStreamBufferSendFromISR(sent);
    return sent;
}

/* ---- Receiving ---- */

size_t xStreamBufferReceive(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                            size_t xBufferLengthBytes, TickType_t xTicksToWait)
{
    traceENTER_xStreamBufferReceive(xStreamBuffer, pvRxData, xBufferLengthBytes, xTicksToWait);
    sb_t *const sb = xStreamBuffer;
    BaseType_t preempt = pdFALSE;
    size_t got;
    bool hook;

    configASSERT(sb != NULL);
    configASSERT(pvRxData != NULL);
    assert_may_block(xTicksToWait);
    taskENTER_CRITICAL();
    if (xTicksToWait != 0 && !can_read(sb)) {
        wait_locked(sb, true, xTicksToWait);
    }
    got = read_locked(sb, pvRxData, xBufferLengthBytes);
    hook = receive_done_locked(sb, got, false, &preempt);
    if (got != 0) {
        traceSTREAM_BUFFER_RECEIVE(sb, got);
    } else {
        traceSTREAM_BUFFER_RECEIVE_FAILED(sb);
    }
    sched_yield_if_locked(preempt);
    taskEXIT_CRITICAL();
    if (hook) {
        run_app_hook_task(sb, true);
    }
    traceRETURN_xStreamBufferReceive(got);
    return got;
}

size_t xStreamBufferReceiveFromISR(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                                   size_t xBufferLengthBytes,
                                   BaseType_t *const pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferReceiveFromISR(xStreamBuffer, pvRxData, xBufferLengthBytes,
                                           pxHigherPriorityTaskWoken);
    sb_t *const sb = xStreamBuffer;
    BaseType_t preempt = pdFALSE;
    UBaseType_t mask;
    size_t got;
    bool hook;

    configASSERT(sb != NULL);
    configASSERT(pvRxData != NULL);
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    got = read_locked(sb, pvRxData, xBufferLengthBytes);
    hook = receive_done_locked(sb, got, true, &preempt);
    traceSTREAM_BUFFER_RECEIVE_FROM_ISR(sb, got);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    if (hook) {
        run_app_hook(sb, true, true, &preempt);
    }
    if (preempt && pxHigherPriorityTaskWoken != NULL) {
        *pxHigherPriorityTaskWoken = pdTRUE;
    }
    traceRETURN_xStreamBufferReceiveFromISR(got);
    return got;
}

size_t xStreamBufferNextMessageLengthBytes(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferNextMessageLengthBytes(xStreamBuffer);
    sb_t *const sb = xStreamBuffer;
    size_t len = 0;
    UBaseType_t mask;

    configASSERT(sb != NULL);
    mask = portSET_INTERRUPT_MASK_FROM_ISR(); /* tasks and interrupts alike */
    if (sb_is_message(sb) && sb->used != 0) {
        len = next_message_locked(sb);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xStreamBufferNextMessageLengthBytes(len);
    return len;
}

/* ---- For the application's completed hooks ---- */

static BaseType_t completed_isr(List_t *side, BaseType_t *woken)
{
    BaseType_t was_waiting;
    UBaseType_t mask;

    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    was_waiting = !listLIST_IS_EMPTY(side);
    if (wake_locked(side) && woken != NULL) {
        *woken = pdTRUE;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return was_waiting;
}

BaseType_t xStreamBufferSendCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                             BaseType_t *pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferSendCompletedFromISR(xStreamBuffer, pxHigherPriorityTaskWoken);
    configASSERT(xStreamBuffer != NULL);
    BaseType_t ret = completed_isr(&xStreamBuffer->readers, pxHigherPriorityTaskWoken);
    traceRETURN_xStreamBufferSendCompletedFromISR(ret);
    return ret;
}

BaseType_t xStreamBufferReceiveCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                                BaseType_t *pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferReceiveCompletedFromISR(xStreamBuffer, pxHigherPriorityTaskWoken);
    configASSERT(xStreamBuffer != NULL);
    BaseType_t ret = completed_isr(&xStreamBuffer->writers, pxHigherPriorityTaskWoken);
    traceRETURN_xStreamBufferReceiveCompletedFromISR(ret);
    return ret;
}

#endif /* configUSE_STREAM_BUFFERS */
