/* SPDX-License-Identifier: MIT */
/*
 * heap_2.c: best fit from one array of configTOTAL_HEAP_SIZE bytes. Freed
 * blocks go back on the free list as they are, never merged with their
 * neighbours: memory fragments unless the application keeps allocating the
 * same few sizes (the documented heap_2 trade-off; heap_4 merges).
 *
 * Invariants (lock released): the free list holds every free block once,
 * ordered by increasing size, so the first block large enough is the best
 * fit; free_bytes is the sum of their sizes (headers included).
 *
 * The array is the kernel's own unless configAPPLICATION_ALLOCATED_HEAP is 1
 * (then the application defines `uint8_t ucHeap[configTOTAL_HEAP_SIZE]`).
 * pvPortMalloc(0) returns NULL without calling the malloc-failed hook.
 * Locking: heap_lock(), see heap_block.h.
 */
#include "heap_block.h"

#if configAPPLICATION_ALLOCATED_HEAP
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] HEAP_ARRAY_ALIGNED;
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static struct {
    struct heap_block *first; /* smallest free block */
    uintptr_t lo, hi;         /* the aligned array */
    size_t free_bytes;
    bool ready;
} heap;

/* Put free block b of `size` bytes on the list, before the first block that is not smaller. */
static void insert_by_size_locked(struct heap_block *b, size_t size)
{
    struct heap_block *prev = NULL, *next = heap.first;
    struct heap_block h;

    while (next != NULL && (h = blk_read(next)).size < size) {
        prev = next;
        next = h.next;
    }
    blk_write(b, next, size);
    if (prev == NULL) {
        heap.first = b;
    } else {
        blk_write(prev, b, blk_read(prev).size);
    }
    heap.free_bytes += size;
}

/* Best fit: the first block large enough in size order; the rest, if useful, goes back. */
static struct heap_block *take_locked(size_t need)
{
    struct heap_block *prev = NULL, *b = heap.first;

    while (b != NULL) {
        struct heap_block h = blk_read(b);

        if (h.size >= need) {
            if (prev == NULL) {
                heap.first = h.next;
            } else {
                blk_write(prev, h.next, blk_read(prev).size);
            }
            heap.free_bytes -= h.size;
            if (h.size - need >= HEAP_MIN_BLOCK) {
                insert_by_size_locked((struct heap_block *)((uint8_t *)b + need), h.size - need);
                h.size = need;
            }
            blk_write(b, NULL, h.size | HEAP_ALLOCATED);
            return b;
        }
        prev = b;
        b = h.next;
    }
    return NULL;
}

/* Lay the array out as one free block on first use (lock held). */
static void init_locked(void)
{
    uintptr_t lo = heap_align_up_addr(heap_addr(ucHeap));
    uintptr_t hi = heap_align_down_addr(heap_addr(ucHeap) + sizeof(ucHeap));

    heap.first = NULL;
    heap.free_bytes = 0;
    heap.lo = lo;
    heap.hi = hi;
    heap_poison((void *)lo, hi - lo);
    insert_by_size_locked((struct heap_block *)lo, hi - lo);
    heap.ready = true;
}

static void heap_get(void)
{
    if (!heap.ready) {
        vTaskSuspendAll();
        if (!heap.ready) {
            init_locked();
        }
        (void)xTaskResumeAll();
    }
}

void *pvPortMalloc(size_t size)
{
    traceENTER_pvPortMalloc(size);
    size_t need = heap_block_size_for(size);
    void *p = NULL;

    heap_get();
    heap_lock();
    if (need != 0) {
        struct heap_block *b = take_locked(need);

        if (b != NULL) {
            p = heap_payload(b);
            heap_unpoison(p, size);
            need = blk_read(b).size & ~HEAP_ALLOCATED;
        }
    }
    traceMALLOC(p, need);
    heap_unlock();
    if (p == NULL && size != 0) {
        heap_malloc_failed();
    }
    traceRETURN_pvPortMalloc(p);
    return p;
}

void *pvPortCalloc(size_t num, size_t size)
{
    traceENTER_pvPortCalloc(num, size);
    void *ret = heap_calloc(num, size);
    traceRETURN_pvPortCalloc(ret);
    return ret;
}

void vPortFree(void *pv)
{
    traceENTER_vPortFree(pv);
    struct heap_block *b;
    size_t size;

    if (pv == NULL) {
        goto out;
    }
    heap_get();
    configASSERT(heap_pointer_in(pv, heap.lo, heap.hi));
    if (!heap_pointer_in(pv, heap.lo, heap.hi)) {
        goto out;
    }
    b = heap_block_of(pv);
    heap_lock();
    size = heap_check_allocated(b, blk_read(b), heap.hi);
    configASSERT(size != 0); /* freed twice, or never allocated */
    if (size != 0) {
        heap_poison(pv, size - HEAP_HEADER_SIZE);
        heap_clear_on_free(pv, size - HEAP_HEADER_SIZE);
        traceFREE(pv, size);
        insert_by_size_locked(b, size);
    }
    heap_unlock();
out:
    traceRETURN_vPortFree();
}

size_t xPortGetFreeHeapSize(void)
{
    traceENTER_xPortGetFreeHeapSize();
    heap_get();
    size_t ret = heap.free_bytes;
    traceRETURN_xPortGetFreeHeapSize(ret);
    return ret;
}

/* Kept for applications written for older FreeRTOS versions: the heap sets itself up. */
void vPortInitialiseBlocks(void)
{
    traceENTER_vPortInitialiseBlocks();
    traceRETURN_vPortInitialiseBlocks();
}

void vPortHeapResetState(void)
{
    traceENTER_vPortHeapResetState();
    vTaskSuspendAll();
    heap.ready = false;
    (void)xTaskResumeAll();
    traceRETURN_vPortHeapResetState();
}
