/* SPDX-License-Identifier: MIT */
/*
 * heap_block.h: what the five heap schemes share: alignment and size
 * arithmetic, the block header of heap_2/4/5, the failure and clear-on-free
 * policies, and AddressSanitizer poisoning. Included only by
 * kernel/heap/heap_N.c; everything is static inline.
 *
 * Block layout (heap_2, heap_4, heap_5): a struct heap_block header, padded to
 * portBYTE_ALIGNMENT, then the payload the caller receives. `size` counts
 * header and payload and is a multiple of the alignment. While a block is
 * allocated the top bit of `size` (HEAP_ALLOCATED) is set and `next` is NULL;
 * vPortFree() checks both, which catches double frees and foreign pointers.
 *
 * AddressSanitizer: the heaps carve objects out of one static array, which
 * ASan cannot see into by itself. So in -fsanitize=address builds every
 * header and every free payload is poisoned and exactly the bytes a caller
 * asked for are unpoisoned: an overrun of a heap object, a use after free or
 * a write through a stale pointer is reported as it would be for malloc().
 * The allocator opens a header only for the moment it reads or writes it
 * (blk_read, blk_write).
 *
 * Locking: heap_lock()/heap_unlock() below, which is scheduler suspension
 * (vTaskSuspendAll()/xTaskResumeAll(), valid before the scheduler starts);
 * interrupts stay enabled throughout. Heap functions must not be called from
 * interrupts.
 */
#ifndef QUARTZ_HEAP_BLOCK_H
#define QUARTZ_HEAP_BLOCK_H

#include "FreeRTOS.h"
#include "kernel.h"
#include "task.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_ASAN 1
#endif
#endif
#ifndef HEAP_ASAN
#define HEAP_ASAN 0
#endif
#if HEAP_ASAN
#include <sanitizer/asan_interface.h>
#endif

/* ---- The heap lock ---- */

/*
 * Scheduler suspension around allocating and freeing, shorter than the calls: a suspension is
 * one increment, and the outermost resume with nothing held back (no pended tick, no switch)
 * one store and two loads; anything else goes through xTaskResumeAll(). The resume follows
 * xTaskResumeAll's order: suspend_depth is cleared before the held-back work is looked at, so
 * an interrupt either sees the scheduler suspended and records its tick or switch where the
 * check below finds it, or sees it running and does the work itself. Only the task that
 * suspended changes suspend_depth, so setting it back to 1 for xTaskResumeAll's catch-up is
 * safe; before the start nothing is held back, and this ends the suspension as
 * xTaskResumeAll would. No trace hooks: the heap's own lock is not the application's
 * vTaskSuspendAll call. Inline in -Os builds too (a few bytes for a fifth of an allocation's
 * instructions); rarely used heap functions (statistics, set-up, reset) call
 * vTaskSuspendAll()/xTaskResumeAll() themselves.
 */
__attribute__((always_inline)) static inline void heap_lock(void)
{
    sched.suspend_depth++;
    __asm__ volatile("" ::: "memory"); /* the heap's accesses stay after it */
}

__attribute__((always_inline)) static inline void heap_unlock(void)
{
    __asm__ volatile("" ::: "memory"); /* the heap's accesses stay before it */
    if (sched.suspend_depth == 1) {
        sched.suspend_depth = 0;
        __asm__ volatile("" ::: "memory");
        if (sched.pended_ticks == 0 && !sched.yield_pending) {
            return;
        }
        sched.suspend_depth = 1; /* xTaskResumeAll catches up */
    }
    (void)xTaskResumeAll();
}

/* ---- Alignment and sizes ---- */

#define HEAP_ALIGN_MASK ((size_t)portBYTE_ALIGNMENT_MASK)
#define HEAP_ALIGN_UP(n) (((size_t)(n) + HEAP_ALIGN_MASK) & ~HEAP_ALIGN_MASK)
#define HEAP_ALLOCATED ((size_t)1 << (sizeof(size_t) * 8u - 1u))

/* For heap arrays the kernel owns (an application's ucHeap is aligned at run time). */
#define HEAP_ARRAY_ALIGNED __attribute__((aligned(portBYTE_ALIGNMENT)))

struct heap_block {
    struct heap_block *next; /* next free block (list order is the scheme's); NULL if allocated */
    size_t size;             /* header + payload in bytes; HEAP_ALLOCATED while allocated */
};

#define HEAP_HEADER_SIZE HEAP_ALIGN_UP(sizeof(struct heap_block))
/* The smallest block worth keeping: a header and one aligned unit of payload. */
#define HEAP_MIN_BLOCK (HEAP_HEADER_SIZE + HEAP_ALIGN_UP(1))

static inline uintptr_t heap_align_up_addr(uintptr_t a)
{
    return (a + HEAP_ALIGN_MASK) & ~(uintptr_t)HEAP_ALIGN_MASK;
}

static inline uintptr_t heap_align_down_addr(uintptr_t a)
{
    return a & ~(uintptr_t)HEAP_ALIGN_MASK;
}

/*
 * Bytes of payload rounded up to the alignment, or 0 when `wanted` is 0 or so
 * large that adding `overhead` and the padding would overflow or reach the
 * allocated bit. Every scheme sizes requests through this one check.
 */
static inline size_t heap_padded_size(size_t wanted, size_t overhead)
{
    /* One unsigned compare for both bounds: 0 wraps round to the largest value. */
    if (wanted - 1u >= (HEAP_ALLOCATED - 1u) - overhead - HEAP_ALIGN_MASK) {
        return 0;
    }
    return HEAP_ALIGN_UP(wanted);
}

/* Whole block size (header included) for a request, or 0 when it cannot be satisfied. */
static inline size_t heap_block_size_for(size_t wanted)
{
    size_t padded = heap_padded_size(wanted, HEAP_HEADER_SIZE);

    return padded == 0 ? 0 : padded + HEAP_HEADER_SIZE;
}

static inline void *heap_payload(struct heap_block *b)
{
    return (uint8_t *)b + HEAP_HEADER_SIZE;
}

static inline struct heap_block *heap_block_of(void *pv)
{
    return (struct heap_block *)((uint8_t *)pv - HEAP_HEADER_SIZE);
}

static inline uintptr_t heap_addr(const void *p)
{
    return (uintptr_t)p;
}

/* ---- AddressSanitizer ---- */

static inline void heap_poison(const void *p, size_t n)
{
#if HEAP_ASAN
    ASAN_POISON_MEMORY_REGION(p, n);
#else
    (void)p;
    (void)n;
#endif /* HEAP_ASAN */
}

static inline void heap_unpoison(const void *p, size_t n)
{
#if HEAP_ASAN
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
    (void)p;
    (void)n;
#endif /* HEAP_ASAN */
}

/* Read a block header, which is poisoned at rest. */
static inline struct heap_block blk_read(const struct heap_block *b)
{
    struct heap_block h;

    heap_unpoison(b, sizeof(*b));
    h = *b;
    heap_poison(b, sizeof(*b));
    return h;
}

static inline void blk_write(struct heap_block *b, struct heap_block *next, size_t size)
{
    heap_unpoison(b, sizeof(*b));
    b->next = next;
    b->size = size;
    heap_poison(b, sizeof(*b));
}

/* Zero n bytes at p that may be poisoned, leaving them poisoned. */
static inline void heap_clear_poisoned(void *p, size_t n)
{
    heap_unpoison(p, n);
    memset(p, 0, n);
    heap_poison(p, n);
}

/* ---- Policies every scheme applies ---- */

/* An allocation failed for lack of memory (or an impossible size). Called with no lock held. */
static inline void heap_malloc_failed(void)
{
#if configUSE_MALLOC_FAILED_HOOK
    vApplicationMallocFailedHook();
#endif /* configUSE_MALLOC_FAILED_HOOK */
}

/* Zero a block being freed when configHEAP_CLEAR_MEMORY_ON_FREE asks for it. */
static inline void heap_clear_on_free(void *p, size_t n)
{
    if (configHEAP_CLEAR_MEMORY_ON_FREE) {
        heap_clear_poisoned(p, n);
    }
}

/*
 * pvPortCalloc for the schemes that provide it: num * size zeroed bytes, or
 * NULL when the product overflows (the malloc-failed hook is not called then:
 * no allocation was attempted).
 */
static inline void *heap_calloc(size_t num, size_t size)
{
    void *p;

    if (size != 0 && num > SIZE_MAX / size) {
        return NULL;
    }
    p = pvPortMalloc(num * size);
    if (p != NULL) {
        memset(p, 0, num * size);
    }
    return p;
}

/*
 * The checks vPortFree makes on a block header it has located: the block is
 * allocated, plausibly sized and lies inside [lo, hi). Returns its size
 * without the allocated bit, or 0 when the pointer was not one pvPortMalloc
 * returned (or was freed already). b's payload passed heap_pointer_in, so
 * hi - b is at least HEAP_MIN_BLOCK and one unsigned compare bounds the size
 * on both sides; a block without the allocated bit keeps the top bit after
 * the flip and fails that compare.
 */
static inline size_t heap_check_allocated(const struct heap_block *b, struct heap_block h,
                                          uintptr_t hi)
{
    size_t size = h.size ^ HEAP_ALLOCATED;

    if (((uintptr_t)h.next | (size & HEAP_ALIGN_MASK)) != 0 ||
        size - HEAP_MIN_BLOCK > hi - heap_addr(b) - HEAP_MIN_BLOCK) {
        return 0;
    }
    return size;
}

/* Whether pv can be a payload address in [lo, hi) at all (checked before reading its header). */
static inline bool heap_pointer_in(const void *pv, uintptr_t lo, uintptr_t hi)
{
    uintptr_t a = heap_addr(pv);

    return (a & HEAP_ALIGN_MASK) == 0 && a >= lo + HEAP_HEADER_SIZE && a < hi;
}

#endif /* QUARTZ_HEAP_BLOCK_H */
