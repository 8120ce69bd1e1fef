/* SPDX-License-Identifier: MIT */
/*
 * heap_freelist.h: the allocator heap_4 and heap_5 share: first fit from a
 * free list kept in address order, with neighbouring free blocks merged as
 * they are freed. heap_4 feeds it one array, heap_5 one block per region.
 * Included only by heap_4.c and heap_5.c; everything is static inline.
 *
 * Invariants (with the lock released):
 *  - the list holds every free block exactly once, in increasing address
 *    order, linked through heap_block.next and ended by NULL;
 *  - no two free blocks touch (a block never ends where the next one starts),
 *    so the largest free block is the largest run the heap could hand out.
 *    heap_5 keeps a gap between regions that would touch, so that a block
 *    never spans two regions;
 *  - free_bytes is the sum of the free blocks' sizes (headers included) and
 *    min_free the smallest value free_bytes has had since the last reset.
 *
 * Locking: heap_fl_malloc/heap_fl_free/heap_fl_stats take the heap lock
 * (heap_lock, scheduler suspension); the fl_* helpers expect it held.
 */
#ifndef QUARTZ_HEAP_FREELIST_H
#define QUARTZ_HEAP_FREELIST_H

#include "heap_block.h"

struct heap_freelist {
    struct heap_block *first; /* lowest-addressed free block, NULL when none */
    uintptr_t lo, hi;         /* every block lies inside [lo, hi) */
    size_t free_bytes;
    size_t min_free;
    size_t allocs; /* successful pvPortMalloc calls */
    size_t frees;  /* successful vPortFree calls */
};

/* Make prev's successor `next`; prev NULL means the head of the list. */
static inline void fl_link(struct heap_freelist *fl, struct heap_block *prev,
                           struct heap_block *next)
{
    if (prev == NULL) {
        fl->first = next;
    } else {
        blk_write(prev, next, blk_read(prev).size);
    }
}

/* Give a hole `size` bytes long at b to the list, merging it with free neighbours. */
static inline void fl_insert_locked(struct heap_freelist *fl, struct heap_block *b, size_t size)
{
    struct heap_block *prev = NULL, *next = fl->first;
    struct heap_block prev_h = {NULL, 0};

    while (next != NULL && heap_addr(next) < heap_addr(b)) {
        prev = next;
        prev_h = blk_read(prev);
        next = prev_h.next;
    }
    /* A block overlapping a free one means a corrupted heap or a bogus pointer. */
    configASSERT(prev == NULL || heap_addr(prev) + prev_h.size <= heap_addr(b));
    configASSERT(next == NULL || heap_addr(b) + size <= heap_addr(next));
    if (next != NULL && heap_addr(b) + size == heap_addr(next)) {
        struct heap_block next_h = blk_read(next);

        heap_clear_on_free(next, HEAP_HEADER_SIZE); /* its header becomes free payload */
        size += next_h.size;
        next = next_h.next;
    }
    if (prev != NULL && heap_addr(prev) + prev_h.size == heap_addr(b)) {
        heap_clear_on_free(b, HEAP_HEADER_SIZE);
        blk_write(prev, next, prev_h.size + size);
    } else {
        blk_write(b, next, size);
        fl_link(fl, prev, b);
    }
}

/* Add a fresh span of memory (one region) to the heap. */
static inline void fl_add_span(struct heap_freelist *fl, uint8_t *start, size_t size)
{
    uintptr_t lo = heap_align_up_addr(heap_addr(start));
    uintptr_t hi = heap_align_down_addr(heap_addr(start) + size);

    if (hi <= lo || hi - lo < HEAP_MIN_BLOCK) {
        return; /* too small to hold a single block */
    }
    heap_poison((void *)lo, hi - lo);
    fl_insert_locked(fl, (struct heap_block *)lo, hi - lo);
    if (fl->hi == 0) {
        fl->lo = lo;
    }
    fl->hi = hi;
    fl->free_bytes += hi - lo;
    fl->min_free = fl->free_bytes;
}

/* First fit: take a block of at least `need` bytes, splitting off what is left over. */
static inline struct heap_block *fl_take_locked(struct heap_freelist *fl, size_t need)
{
    struct heap_block *prev = NULL, *b = fl->first;

    while (b != NULL) {
        struct heap_block h = blk_read(b);

        if (h.size >= need) {
            struct heap_block *after = h.next;

            if (h.size - need >= HEAP_MIN_BLOCK) {
                after = (struct heap_block *)((uint8_t *)b + need);
                blk_write(after, h.next, h.size - need);
                h.size = need;
            }
            fl_link(fl, prev, after);
            blk_write(b, NULL, h.size | HEAP_ALLOCATED);
            fl->free_bytes -= h.size;
            if (fl->free_bytes < fl->min_free) {
                fl->min_free = fl->free_bytes;
            }
            fl->allocs++;
            return b;
        }
        prev = b;
        b = h.next;
    }
    return NULL;
}

static inline void *heap_fl_malloc(struct heap_freelist *fl, size_t wanted)
{
    size_t need = heap_block_size_for(wanted);
    struct heap_block *b = NULL;

    heap_lock();
    if (need != 0) {
        b = fl_take_locked(fl, need);
    }
    if (b != NULL) {
        void *p = heap_payload(b);

        heap_unpoison(p, wanted);
        traceMALLOC(p, blk_read(b).size & ~HEAP_ALLOCATED); /* the split may leave it larger */
        heap_unlock();
        return p;
    }
    /* Failure leaves through the plain resume: one inline unlock, on the path that counts. */
    traceMALLOC(NULL, need);
    (void)xTaskResumeAll();
    if (wanted != 0) {
        heap_malloc_failed();
    }
    return NULL;
}

static inline void heap_fl_free(struct heap_freelist *fl, void *pv)
{
    struct heap_block *b;
    size_t size;

    if (pv == NULL) {
        return;
    }
    b = heap_block_of(pv);
    heap_lock();
    size = heap_pointer_in(pv, fl->lo, fl->hi) ? heap_check_allocated(b, blk_read(b), fl->hi) : 0;
    if (size == 0) {
        configASSERT(0);        /* not from the heap, freed twice, or never allocated */
        (void)xTaskResumeAll(); /* as in heap_fl_malloc: the inline unlock only where it counts */
        return;
    }
    heap_poison(pv, size - HEAP_HEADER_SIZE);
    heap_clear_on_free(pv, size - HEAP_HEADER_SIZE);
    traceFREE(pv, size);
    blk_write(b, NULL, size); /* not allocated any more, even if merged into its neighbour */
    fl_insert_locked(fl, b, size);
    fl->free_bytes += size;
    fl->frees++;
    heap_unlock();
}

static inline void heap_fl_stats(struct heap_freelist *fl, HeapStats_t *stats)
{
    size_t count = 0, largest = 0, smallest = 0;

    vTaskSuspendAll();
    for (struct heap_block *b = fl->first; b != NULL;) {
        struct heap_block h = blk_read(b);

        largest = h.size > largest ? h.size : largest;
        smallest = (count == 0 || h.size < smallest) ? h.size : smallest;
        count++;
        b = h.next;
    }
    stats->xAvailableHeapSpaceInBytes = fl->free_bytes;
    stats->xSizeOfLargestFreeBlockInBytes = largest;
    stats->xSizeOfSmallestFreeBlockInBytes = smallest;
    stats->xNumberOfFreeBlocks = count;
    stats->xMinimumEverFreeBytesRemaining = fl->min_free;
    stats->xNumberOfSuccessfulAllocations = fl->allocs;
    stats->xNumberOfSuccessfulFrees = fl->frees;
    (void)xTaskResumeAll();
}

#endif /* QUARTZ_HEAP_FREELIST_H */
