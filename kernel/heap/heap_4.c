/* SPDX-License-Identifier: MIT */
/*
 * heap_4.c: first fit from one array of configTOTAL_HEAP_SIZE bytes, with
 * free blocks merged with their free neighbours so that memory does not
 * fragment into small pieces over time. The allocator itself is shared with
 * heap_5 (heap_freelist.h).
 *
 * The array is the kernel's own, aligned to portBYTE_ALIGNMENT, unless
 * configAPPLICATION_ALLOCATED_HEAP is 1: then the application defines
 * `uint8_t ucHeap[configTOTAL_HEAP_SIZE]` (to place it in a chosen memory)
 * and the heap aligns its start at run time.
 *
 * The heap takes shape on first use (any call below) and again after
 * vPortHeapResetState(). pvPortMalloc(0) returns NULL without calling the
 * malloc-failed hook. Locking: heap_lock(), see heap_freelist.h.
 */
#include "heap_freelist.h"

#if configAPPLICATION_ALLOCATED_HEAP
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] HEAP_ARRAY_ALIGNED;
#endif /* configAPPLICATION_ALLOCATED_HEAP */

/* All zero until first use: its empty [lo, hi) makes vPortFree reject every pointer then. */
static struct heap_freelist heap;
static bool heap_ready;

/*
 * Lay the array out as one free block on first use. heap_ready only becomes
 * true under the lock, after the layout, so the unlocked first test is safe;
 * the test is inline, the set-up a call.
 */
static void heap_set_up(void)
{
    vTaskSuspendAll();
    if (!heap_ready) {
        fl_add_span(&heap, ucHeap, sizeof(ucHeap)); /* heap is all zero: see vPortHeapResetState */
        heap_ready = true;
    }
    (void)xTaskResumeAll();
}

static inline struct heap_freelist *heap_get(void)
{
    if (!heap_ready) {
        heap_set_up();
    }
    return &heap;
}

void *pvPortMalloc(size_t size)
{
    traceENTER_pvPortMalloc(size);
    if (!heap_ready) {
        heap_set_up(); /* heap_get(), inline on the path that counts */
    }
    void *ret = heap_fl_malloc(&heap, size);
    traceRETURN_pvPortMalloc(ret);
    return ret;
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
    heap_fl_free(&heap, pv); /* nothing to free before first use: no set-up */
    traceRETURN_vPortFree();
}

size_t xPortGetFreeHeapSize(void)
{
    traceENTER_xPortGetFreeHeapSize();
    size_t ret = heap_get()->free_bytes;
    traceRETURN_xPortGetFreeHeapSize(ret);
    return ret;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    traceENTER_xPortGetMinimumEverFreeHeapSize();
    size_t ret = heap_get()->min_free;
    traceRETURN_xPortGetMinimumEverFreeHeapSize(ret);
    return ret;
}

void xPortResetHeapMinimumEverFreeHeapSize(void)
{
    traceENTER_xPortResetHeapMinimumEverFreeHeapSize();
    struct heap_freelist *fl = heap_get();

    vTaskSuspendAll();
    fl->min_free = fl->free_bytes;
    (void)xTaskResumeAll();
    traceRETURN_xPortResetHeapMinimumEverFreeHeapSize();
}

void vPortGetHeapStats(HeapStats_t *stats)
{
    traceENTER_vPortGetHeapStats(stats);
    configASSERT(stats != NULL);
    heap_fl_stats(heap_get(), stats);
    traceRETURN_vPortGetHeapStats();
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
    heap = (struct heap_freelist){0};
    heap_ready = false;
    (void)xTaskResumeAll();
    traceRETURN_vPortHeapResetState();
}
