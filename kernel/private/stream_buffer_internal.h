/* SPDX-License-Identifier: MIT */
/*
 * stream_buffer_internal.h: the stream buffer object shared by
 * stream_buffer.c (moving data, blocking) and stream_buffer_create.c
 * (creation, reset, queries). Message buffers and batching buffers are
 * stream buffers with a flag.
 *
 * Invariants (all under the kernel lock):
 * - The bytes held are the `used` bytes starting at storage[head], wrapping
 *   at `length`: 0 <= used <= length, head < length.
 * - In a message buffer every message is a sb_len_t length field followed by
 *   that many bytes; both may wrap. used is 0 or covers whole messages.
 * - 1 <= trigger <= length.
 * - readers and writers each hold at most one task (single reader, single
 *   writer); a task's event_item is on one of them exactly while it is blocked
 *   there. They are lists rather than TCB pointers so that suspending,
 *   deleting or aborting the wait of a blocked task unlinks it like any other
 *   waiter, and a waker never touches a task that is no longer waiting.
 * - writer_need is the free space the blocked writer waits for.
 */
#ifndef QUARTZ_STREAM_BUFFER_INTERNAL_H
#define QUARTZ_STREAM_BUFFER_INTERNAL_H

#include "kernel.h"
#include "stream_buffer.h"

/* sb_t.flags */
#define SB_STATIC 0x01u   /* the application owns the memory: never freed */
#define SB_MESSAGE 0x02u  /* a message buffer */
#define SB_BATCHING 0x04u /* a batching stream buffer */

/* The length field in front of each message. */
typedef configMESSAGE_BUFFER_LENGTH_TYPE sb_len_t;
#define SB_LEN_BYTES sizeof(sb_len_t)

struct StreamBufferDef_t {
    size_t length;      /* capacity in bytes */
    size_t used;        /* bytes held */
    size_t head;        /* index of the oldest byte */
    size_t trigger;     /* bytes that wake a blocked reader of a stream */
    size_t writer_need; /* free space the blocked writer waits for */
    uint8_t *storage;
    List_t readers; /* the task blocked receiving, if any */
    List_t writers; /* the task blocked sending, if any */
#if configUSE_SB_COMPLETED_CALLBACK
    StreamBufferCallbackFunction_t send_done;    /* NULL: sbSEND_COMPLETED */
    StreamBufferCallbackFunction_t receive_done; /* NULL: sbRECEIVE_COMPLETED */
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t number;
#endif
    uint8_t flags;        /* SB_* */
    uint8_t notify_index; /* stored for uxStreamBufferGetStreamBufferNotificationIndex only */
};
typedef struct StreamBufferDef_t sb_t;

static inline bool sb_is_message(const sb_t *sb)
{
    return (sb->flags & SB_MESSAGE) != 0;
}

static inline size_t sb_space(const sb_t *sb)
{
    return sb->length - sb->used;
}

/* Both sides idle: nobody blocked (locked). */
static inline bool sb_idle_locked(const sb_t *sb)
{
    return listLIST_IS_EMPTY(&sb->readers) && listLIST_IS_EMPTY(&sb->writers);
}

#endif /* QUARTZ_STREAM_BUFFER_INTERNAL_H */
