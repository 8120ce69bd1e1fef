/* SPDX-License-Identifier: MIT */
/*
 * queue_fast.h: the pieces queue.c's fast paths are made of (speed builds only; queue.c,
 * "The fast paths", says what they serve and why).
 *
 * A semaphore's fast path tests, with branches only, that nothing needs the general path, then
 * does its work in one section on the queue's count:
 * - mask = fast_begin(isr), then count = fast_load(q): every field read after it (the class
 *   tag, the length, the waiter lists) belongs to the same snapshot;
 * - fast_commit() stores the new count and ends the section; false means nothing was stored
 *   and the caller must take its general path, which starts over;
 * - fast_lock() turns the section into the kernel lock, for work that needs it (a waiter to
 *   wake); false as for fast_commit, and then nothing is held;
 * - fast_end() ends it with nothing changed.
 * Where the port offers an exclusive load and store (portSTORE_EXCLUSIVE: ARMv7-M, ARMv8-M
 * Mainline) the section is that pair and masks nothing: the store fails exactly when anything
 * may have run since the load (every way in is an exception, which clears the monitor).
 * Elsewhere it is the kernel lock (isr: the handler's mask), and a commit never fails. Queue
 * items are copied under the kernel lock everywhere: a copy cannot be undone if the store then
 * failed.
 */
#ifndef QUARTZ_QUEUE_FAST_H
#define QUARTZ_QUEUE_FAST_H

#include "queue_internal.h"

#if QUEUE_FAST_PATHS && defined(portSTORE_EXCLUSIVE)
#define QUEUE_FAST_EXCLUSIVE 1
#else
#define QUEUE_FAST_EXCLUSIVE 0
#endif

_Static_assert(QUEUE_CLASS_BINARY == 0, "fast_semaphore_room tests class and count at once");

/*
 * A task may use q from here without the general path's context checks. waits: a block time
 * is the common case (a take), so the suspension test goes in line and a zero block time jumps
 * over it; otherwise the other way round.
 */
static inline bool fast_task_ok(const queue_t *q, TickType_t ticks, bool waits)
{
    /* A suspension before the scheduler starts is not FreeRTOS's case: the general path sorts it. */
    return q != NULL && !portIS_INSIDE_INTERRUPT() &&
           ((waits ? __builtin_expect(ticks == 0, 0) : ticks == 0) || sched.suspend_depth == 0);
}

/* q's class with its reserved slots above it: the class exactly when no slot is reserved. */
static inline uint32_t fast_class(const queue_t *q)
{
    return queue_fast_tag(q) >> QUEUE_TAG_FAST_SHIFT;
}

/* The tag's class bits are class, and no slot is reserved: one subtraction, no shift to keep. */
static inline bool fast_tag_is(uint32_t tag, uint32_t class)
{
    return tag - (class << QUEUE_TAG_FAST_SHIFT) < (1u << QUEUE_TAG_FAST_SHIFT);
}

/* q is a mutex (an unchanging class: this may be tested outside any section). */
static inline bool fast_is_mutex(const queue_t *q)
{
    return fast_tag_is(queue_fast_tag(q), QUEUE_CLASS_MUTEX);
}

/* q (tag and count from the same section) is a semaphore with room for one more count. */
static inline bool fast_semaphore_room(const queue_t *q, uint32_t tag, UBaseType_t count)
{
    /* A binary semaphore's test is one (QUEUE_CLASS_BINARY is 0) and the slower ones need no
     * shifted copy of the tag. */
    return ((tag >> QUEUE_TAG_FAST_SHIFT) | count) == 0 ||
           (fast_tag_is(tag, QUEUE_CLASS_COUNTING) && count < q->length);
}

static inline UBaseType_t fast_mask(bool isr)
{
    return isr ? portSET_INTERRUPT_MASK_FROM_ISR() : kernel_lock();
}

static inline void fast_unmask(UBaseType_t mask, bool isr)
{
    if (isr) {
        portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    } else {
        kernel_unlock(mask);
    }
}

static inline UBaseType_t fast_begin(bool isr)
{
    return QUEUE_FAST_EXCLUSIVE ? 0 : fast_mask(isr);
}

static inline UBaseType_t fast_load(queue_t *q)
{
#if QUEUE_FAST_EXCLUSIVE
    return portLOAD_EXCLUSIVE(&q->count);
#else
    return q->count;
#endif
}

static inline bool fast_commit(queue_t *q, UBaseType_t count, UBaseType_t mask, bool isr)
{
#if QUEUE_FAST_EXCLUSIVE
    (void)mask;
    (void)isr;
    return portSTORE_EXCLUSIVE(&q->count, count) == 0;
#else
    q->count = count;
    fast_unmask(mask, isr);
    return true;
#endif
}

/* count: fast_load's. On true, *mask is the lock's. */
static inline bool fast_lock(queue_t *q, UBaseType_t count, UBaseType_t *mask, bool isr)
{
#if QUEUE_FAST_EXCLUSIVE
    /* Locked first, then the count stored back unchanged: if the store fails, something ran in
     * between. */
    *mask = fast_mask(isr);
    if (portSTORE_EXCLUSIVE(&q->count, count) != 0) {
        fast_unmask(*mask, isr);
        return false;
    }
#endif
    (void)q;
    (void)count;
    (void)mask;
    (void)isr;
    return true;
}

static inline void fast_end(UBaseType_t mask, bool isr)
{
    if (!QUEUE_FAST_EXCLUSIVE) {
        fast_unmask(mask, isr);
    }
}

/*
 * Copy an item of 1 to 4 words, at any alignment: whole (four words aligned are one load- and
 * one store-multiple), or in pairs and one.
 */
static KERNEL_HOT_INLINE void fast_copy_words(uint8_t *dst, const uint8_t *src, uint32_t words)
{
    if (words == QUEUE_CLASS_WORDS_MAX) {
        if ((((uintptr_t)dst | (uintptr_t)src) & 3u) == 0) {
            memcpy(__builtin_assume_aligned(dst, 4), __builtin_assume_aligned(src, 4), 16);
        } else {
            memcpy(dst, src, 16);
        }
        return;
    }
    if ((words & 2u) != 0) {
        memcpy(dst, src, 8);
        dst += 8;
        src += 8;
    }
    if ((words & 1u) != 0) {
        memcpy(dst, src, 4);
    }
}

/* The slot after pos in q's storage, for an item of words words. */
static KERNEL_HOT_INLINE uint8_t *fast_next_slot(const queue_t *q, uint8_t *pos, uint32_t words)
{
    pos += words * 4u;
    return pos == q->u.q.end ? q->u.q.storage : pos;
}

#endif /* QUARTZ_QUEUE_FAST_H */
