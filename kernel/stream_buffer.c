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
 * After a transfer of n bytes (locked): wake the peer once it has what it waits for (the reader:
 * a message, or a stream's trigger level; the writer: its room). Returns true if the
 * application's hook must run instead.
 */
static bool complete_locked(sb_t *sb, size_t n, bool receive, bool isr, BaseType_t *preempt)
{
    if (n == 0 || (!receive && !send_completes(sb))) {
        return false;
    }
    if (app_hook(sb, receive, isr)) {
        return true;
    }
    if (receive && sb_space(sb) < sb->writer_need) {
        return false;
    }
    if (wake_locked(receive ? &sb->writers : &sb->readers)) {
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

/* ---- Sending and receiving ---- */

/*
 * A send or a receive from a task: wait up to `ticks` for room or data, copy, then complete
 * (wake the peer, or run the application's hook). data is the source of a send, the
 * destination of a receive; len its size.
 */
static size_t transfer(sb_t *sb, bool receive, void *data, size_t len, TickType_t ticks)
{
    BaseType_t preempt = pdFALSE;
    size_t done;
    bool hook;

    configASSERT(sb != NULL && data != NULL && !portIS_INSIDE_INTERRUPT() &&
                 (receive || !sb_is_message(sb) || (size_t)(sb_len_t)len == len));
    taskENTER_CRITICAL();
    sched_assert_may_block(ticks);
    if (!receive) {
        /* The only writer sets what it would wait for (a receive's completion reads it). */
        sb->writer_need = send_need(sb, len);
        if (sb->writer_need == SIZE_MAX || len == 0) {
            ticks = 0; /* it can never fit (or there is nothing to wait for) */
        }
    }
    if (ticks != 0) {
        wait_locked(sb, receive, ticks); /* returns at once when the side is ready */
    }
    done = receive ? read_locked(sb, data, len) : write_locked(sb, data, len);
    hook = complete_locked(sb, done, receive, false, &preempt);
    if (receive && done != 0) {
        traceSTREAM_BUFFER_RECEIVE(sb, done);
    } else if (receive) {
        traceSTREAM_BUFFER_RECEIVE_FAILED(sb);
    } else if (done != 0) {
        traceSTREAM_BUFFER_SEND(sb, done);
    } else {
        traceSTREAM_BUFFER_SEND_FAILED(sb);
    }
    sched_yield_if_locked(preempt);
    taskEXIT_CRITICAL();
    if (hook) {
        run_app_hook_task(sb, receive);
    }
    return done;
}

/* The same from an interrupt: never waits; *woken as for the other FromISR functions. */
static size_t transfer_isr(sb_t *sb, bool receive, void *data, size_t len, BaseType_t *woken)
{
    BaseType_t preempt = pdFALSE;
    UBaseType_t mask;
    size_t done;
    bool hook;

    configASSERT(sb != NULL && data != NULL &&
                 (receive || !sb_is_message(sb) || (size_t)(sb_len_t)len == len));
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    done = receive ? read_locked(sb, data, len) : write_locked(sb, data, len);
    hook = complete_locked(sb, done, receive, true, &preempt);
    if (receive) {
        traceSTREAM_BUFFER_RECEIVE_FROM_ISR(sb, done);
    } else {
        traceSTREAM_BUFFER_SEND_FROM_ISR(sb, done);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    if (hook) {
        run_app_hook(sb, receive, true, &preempt);
    }
    if (preempt && woken != NULL) {
        *woken = pdTRUE;
    }
    return done;
}

size_t xStreamBufferSend(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                         size_t xDataLengthBytes, TickType_t xTicksToWait)
{
    traceENTER_xStreamBufferSend(xStreamBuffer, pvTxData, xDataLengthBytes, xTicksToWait);
    /* A send only reads through data: the cast serves the shared signature. */
    size_t sent =
        transfer(xStreamBuffer, false, (void *)(uintptr_t)pvTxData, xDataLengthBytes, xTicksToWait);
    traceRETURN_xStreamBufferSend(sent);
    return sent;
}

size_t xStreamBufferSendFromISR(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                                size_t xDataLengthBytes,
                                BaseType_t *const pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferSendFromISR(xStreamBuffer, pvTxData, xDataLengthBytes,
                                        pxHigherPriorityTaskWoken);
    size_t sent = transfer_isr(xStreamBuffer, false, (void *)(uintptr_t)pvTxData, xDataLengthBytes,
                               pxHigherPriorityTaskWoken);
    traceRETURN_xStreamBufferSendFromISR(sent);
    return sent;
}

size_t xStreamBufferReceive(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                            size_t xBufferLengthBytes, TickType_t xTicksToWait)
{
    traceENTER_xStreamBufferReceive(xStreamBuffer, pvRxData, xBufferLengthBytes, xTicksToWait);
    size_t got = transfer(xStreamBuffer, true, pvRxData, xBufferLengthBytes, xTicksToWait);
    traceRETURN_xStreamBufferReceive(got);
    return got;
}

size_t xStreamBufferReceiveFromISR(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                                   size_t xBufferLengthBytes,
                                   BaseType_t *const pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferReceiveFromISR(xStreamBuffer, pvRxData, xBufferLengthBytes,
                                           pxHigherPriorityTaskWoken);
    size_t got =
        transfer_isr(xStreamBuffer, true, pvRxData, xBufferLengthBytes, pxHigherPriorityTaskWoken);
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

/* Wake the task blocked on one side of sb (its reader, or its writer); pdTRUE if there was one. */
static BaseType_t completed_isr(sb_t *sb, bool reader, BaseType_t *woken)
{
    BaseType_t was_waiting;
    UBaseType_t mask;
    List_t *side;

    configASSERT(sb != NULL);
    side = reader ? &sb->readers : &sb->writers;
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
    BaseType_t ret = completed_isr(xStreamBuffer, true, pxHigherPriorityTaskWoken);
    traceRETURN_xStreamBufferSendCompletedFromISR(ret);
    return ret;
}

BaseType_t xStreamBufferReceiveCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                                BaseType_t *pxHigherPriorityTaskWoken)
{
    traceENTER_xStreamBufferReceiveCompletedFromISR(xStreamBuffer, pxHigherPriorityTaskWoken);
    BaseType_t ret = completed_isr(xStreamBuffer, false, pxHigherPriorityTaskWoken);
    traceRETURN_xStreamBufferReceiveCompletedFromISR(ret);
    return ret;
}

#endif /* configUSE_STREAM_BUFFERS */
