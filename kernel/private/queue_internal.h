/* SPDX-License-Identifier: MIT */
/*
 * queue_internal.h: the queue object shared by queue.c, queue_receive.c,
 * queue_create.c and mutex.c. Queues, semaphores and mutexes are one
 * structure: a semaphore is a queue whose items have no size (count is its
 * count), a mutex a binary semaphore that also records its holder.
 *
 * Invariants (all under the kernel lock):
 * - 0 <= count + reserved <= length (one exception below). receivers is
 *   non-empty only while count == 0, and senders only while count + reserved
 *   == length (a mutex never has senders, nor reserved slots).
 * - reserved counts the items (or semaphore counts) handed straight to
 *   woken receivers that have not yet run: until a receiver runs, its item
 *   keeps its slot, as it would in FreeRTOS where it stays in the queue, and
 *   if the receiver is deleted first the item goes back (tcb wait_result
 *   WAIT_HANDOFF, wait_queue). The exception: an overwrite of a length-1 queue whose slot is
 *   reserved stores its item anyway (count 1, reserved 1); the handed item is
 *   then the one overwritten, and is dropped if its receiver is deleted.
 * - Queue items live in [storage, end); the oldest is at read, the next free
 *   slot at write (both wrap). Semaphores and mutexes have no storage.
 * - A mutex is free exactly when holder is NULL, and then count is 1. A held
 *   mutex is on its holder's held_mutexes list, linked through next_held.
 * - A task blocked on a queue has its event_item on receivers or senders and
 *   says in wait_flags what it wants; wait_buf is its item or buffer. (A
 *   queue used by co-routines has co-routines on those lists instead, and
 *   tasks never use it: croutine.c.)
 * - A queue set is a queue of member handles. While members are read only
 *   after xQueueSelectFromSet named them, a set holds a member's handle once
 *   for every item the member holds. Mutexes are never members.
 */
#ifndef QUARTZ_QUEUE_INTERNAL_H
#define QUARTZ_QUEUE_INTERNAL_H

#include "kernel.h"
#include "queue.h"

#include <stddef.h>
#include <string.h>

/* tcb_t.wait_flags of a task blocked on a queue. */
#define QW_PEEK 0x01u  /* receiver: copy the item but leave it for the next in line */
#define QW_FRONT 0x02u /* sender: the item goes to the front of the queue */

/*
 * queue.flags: QUEUE_STATIC, above it the fast-path class (queue_fast_class), which tells
 * the fast paths of queue.c with one load and compare whether they may serve q and how: a
 * semaphore (no item, not a mutex) of length 1 or more, a queue of 1 to 4 words per item, each
 * outside any set; a mutex; or QUEUE_CLASS_GENERAL for everything else (set members, other item
 * sizes). Above the class, QUEUE_SENDERS: set (locked) whenever a task waits on senders, cleared
 * (locked) by a receive's general path that finds senders empty; so it is set whenever senders
 * is not empty, and the fast paths, which do not admit senders, need not look at the list.
 * QUEUE_PEEKERS likewise: set whenever a peeker waits on receivers (so the fast paths hand an
 * item to the first receiver without looking whether it only peeks), cleared by a general
 * path's send that leaves no peeker waiting and by its receive that finds an item (then no one
 * waits).
 */
#define QUEUE_STATIC 0x01u /* the application owns the memory: never freed */
#define QUEUE_CLASS_SHIFT 1u
#define QUEUE_CLASS_BINARY 0u   /* a semaphore of length 1: room exactly when its count is 0 */
#define QUEUE_CLASS_COUNTING 1u /* a longer semaphore */
#define QUEUE_CLASS_WORDS(n) (1u + (n)) /* a queue of n words per item, n = 1..4 */
#define QUEUE_CLASS_WORDS_MAX 4u
#define QUEUE_CLASS_MUTEX 0x1Eu /* straight to mutex.c */
#define QUEUE_CLASS_GENERAL 0x1Fu
#define QUEUE_PEEKERS 0x40u /* speed builds: peekers may be waiting (fast paths keep off) */
#define QUEUE_SENDERS 0x80u /* speed builds: senders may be waiting (fast paths keep off) */

struct QueueDefinition {
    UBaseType_t count;     /* items waiting (a semaphore's count) */
    UBaseType_t length;    /* capacity in items (a counting semaphore's maximum) */
    UBaseType_t item_size; /* bytes per item; 0 for semaphores and mutexes */
    union {
        struct { /* queues and semaphores */
            uint8_t *storage;
            uint8_t *end; /* storage + length * item_size */
            uint8_t *read;
            uint8_t *write;
        } q;
        struct { /* mutexes */
            tcb_t *holder;
            struct QueueDefinition *next_held; /* the holder's next mutex */
            UBaseType_t depth;                 /* recursive takes outstanding */
        } m;
    } u;
    List_t receivers; /* tasks waiting to receive, peek or take: by priority, then FIFO */
    List_t senders;   /* tasks waiting for space: by priority, then FIFO */
#if configUSE_QUEUE_SETS
    struct QueueDefinition *set; /* the queue set this queue belongs to, or NULL */
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t number;
#endif
    /* These three make one word, queue_fast_tag(): keep them together and in this order. */
    uint8_t type;      /* queueQUEUE_TYPE_* */
    uint8_t flags;     /* QUEUE_STATIC, the fast-path class */
    uint16_t reserved; /* slots of items (or counts) handed to tasks that have not run yet */
};
typedef struct QueueDefinition queue_t;

/* Copy one item. Most are a few words: speed builds copy those with plain loads and stores. */
static inline void queue_copy_item(void *dst, const void *src, size_t size)
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

/* Slots in use: items waiting plus items handed to receivers that have not run yet. */
static inline UBaseType_t queue_slots_used(const queue_t *q)
{
    return q->count + q->reserved;
}

static inline bool queue_has_room(const queue_t *q)
{
    return queue_slots_used(q) < q->length;
}

static inline bool queue_is_mutex(const queue_t *q)
{
    /* One test for both kinds: the type numbers are small (queue.h). */
    return ((1u << q->type) &
            ((1u << queueQUEUE_TYPE_MUTEX) | (1u << queueQUEUE_TYPE_RECURSIVE_MUTEX))) != 0;
}

/* A slot is free (locked): move the first waiting sender's item in and wake it (queue.c).
 * pdTRUE if a woken task should preempt. */
BaseType_t queue_admit_sender_locked(queue_t *q);

/*
 * Task context, after a wait on q ended with WAIT_HANDOFF: the
 * caller now has its item or count, so free the slot it kept (queue.c). Any
 * code that blocks a task on q->receivers must call it.
 */
void queue_handoff_release(queue_t *q);

/* Set up a zeroed-or-not queue object in place (queue_create.c). */
void queue_init(queue_t *q, UBaseType_t length, UBaseType_t item_size, uint8_t *storage,
                uint8_t type, uint8_t flags);

/*
 * After a wait that ended without the operation done (locked): forget an
 * xTaskAbortDelay the task has now acted on, as xTaskCheckForTimeOut would.
 */
static inline void queue_wait_failed_locked(tcb_t *self)
{
    self->flags &= (uint8_t)~TCB_DELAY_ABORTED;
}

/* ---- Queue sets (queue_set.c) ---- */
#if configUSE_QUEUE_SETS
/* q is in a set and just gained an item: post its handle to the set (locked). */
BaseType_t queue_set_post_locked(queue_t *q);
/* queue.c: send item to the back of q, handing it to a waiter if one waits (locked). */
BaseType_t queue_send_back_locked(queue_t *q, const void *item);
#endif

/* q belongs to a queue set. */
static inline bool queue_in_set(const queue_t *q)
{
#if configUSE_QUEUE_SETS
    return q->set != NULL;
#else
    (void)q;
    return false;
#endif
}

/*
 * type, flags and reserved as one word, little-endian: its bits from QUEUE_CLASS_SHIFT + 8 up
 * (QUEUE_TAG_FAST_SHIFT) are the class with QUEUE_PEEKERS, QUEUE_SENDERS and reserved above
 * it, so that one shift gives a value that is the class exactly when no peeker or sender waits
 * and no slot is reserved, and beyond every class otherwise: the fast paths leave those, like
 * every other special case, to the general paths.
 */
#define QUEUE_TAG_FAST_SHIFT (8u + QUEUE_CLASS_SHIFT)
_Static_assert(offsetof(queue_t, flags) == offsetof(queue_t, type) + 1 &&
                   offsetof(queue_t, reserved) == offsetof(queue_t, type) + 2 &&
                   offsetof(queue_t, type) % 4 == 0,
               "queue_fast_tag reads type, flags and reserved as one aligned word");
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "queue_fast_tag is little-endian");

static inline uint32_t queue_fast_tag(const queue_t *q)
{
    uint32_t tag;

    /* Aligned (asserted above): one word load even where unaligned loads are not allowed. */
    memcpy(&tag, __builtin_assume_aligned((const uint8_t *)q + offsetof(queue_t, type), 4),
           sizeof(tag));
    return tag;
}

/* q's fast-path class, from its kind, length, item size and set. */
static inline uint8_t queue_fast_class(const queue_t *q)
{
    if (queue_is_mutex(q)) {
        return QUEUE_CLASS_MUTEX; /* never in a set (queue_set.c) */
    }
    if (queue_in_set(q)) {
        return QUEUE_CLASS_GENERAL;
    }
    if (q->item_size == 0) {
        return q->length == 1 ? QUEUE_CLASS_BINARY : QUEUE_CLASS_COUNTING;
    }
    if (q->item_size % 4u == 0 && q->item_size / 4u <= QUEUE_CLASS_WORDS_MAX) {
        return (uint8_t)QUEUE_CLASS_WORDS(q->item_size / 4u);
    }
    return QUEUE_CLASS_GENERAL;
}

/*
 * Speed builds have fast paths (queue.c); -Os builds only the general paths, and no class to
 * keep. (The kernel's sources are compiled alike: queue.c and the files that keep the class.)
 */
#ifdef __OPTIMIZE_SIZE__
#define QUEUE_FAST_PATHS 0
#else
#define QUEUE_FAST_PATHS 1
#endif

/* Recompute q's class: after its creation and whenever it joins or leaves a set (locked). */
static inline void queue_fast_class_update(queue_t *q)
{
    q->flags = (uint8_t)((q->flags & (QUEUE_STATIC | QUEUE_PEEKERS | QUEUE_SENDERS)) |
                         (queue_fast_class(q) << QUEUE_CLASS_SHIFT));
}

_Static_assert((QUEUE_CLASS_GENERAL << QUEUE_CLASS_SHIFT) < QUEUE_PEEKERS &&
                   QUEUE_PEEKERS < QUEUE_SENDERS,
               "QUEUE_PEEKERS and QUEUE_SENDERS lie above every class");

/* q just gained an item (locked): tell its set, if any. pdTRUE if a woken task should preempt. */
static inline BaseType_t queue_set_notify_locked(queue_t *q)
{
#if configUSE_QUEUE_SETS
    if (q->set != NULL) {
        return queue_set_post_locked(q);
    }
#endif
    (void)q;
    return pdFALSE;
}

#if configUSE_MUTEXES
/* mutex.c: xSemaphoreTake and xSemaphoreGive on a mutex (task context). */
BaseType_t mutex_take(queue_t *m, TickType_t ticks);
BaseType_t mutex_give(queue_t *m);
/* Unlink a mutex that is being deleted from its holder (locked). */
void mutex_detach_locked(queue_t *m);
#endif

#endif /* QUARTZ_QUEUE_INTERNAL_H */
