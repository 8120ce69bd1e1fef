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
 * malloc-failed hook. Locking: vTaskSuspendAll(), see heap_freelist.h.
 */
#include "heap_freelist.h"

#if configAPPLICATION_ALLOCATED_HEAP
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] HEAP_ARRAY_ALIGNED;
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static struct heap_freelist heap;
static bool heap_ready;

/*
 * Lay the array out as one free block on first use. heap_ready only becomes
 * true under the lock, after the layout, so the unlocked first test is safe.
 */
static struct heap_freelist *heap_get(void)
{
    if (!heap_ready) {
        vTaskSuspendAll();
        if (!heap_ready) {
            heap = (struct heap_freelist){0};
            fl_add_span(&heap, ucHeap, sizeof(ucHeap));
            heap_ready = true;
        }
        (void)xTaskResumeAll();
    }
    return &heap;
}

void *pvPortMalloc(size_t size)
{
    return heap_fl_malloc(heap_get(), size);
}

void *pvPortCalloc(size_t num, size_t size)
{
    return heap_calloc(num, size);
}

void vPortFree(void *pv)
{
    heap_fl_free(heap_get(), pv);
}

size_t xPortGetFreeHeapSize(void)
{
    return heap_get()->free_bytes;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    return heap_get()->min_free;
}

void xPortResetHeapMinimumEverFreeHeapSize(void)
{
    struct heap_freelist *fl = heap_get();

    vTaskSuspendAll();
    fl->min_free = fl->free_bytes;
    (void)xTaskResumeAll();
}

void vPortGetHeapStats(HeapStats_t *stats)
{
    configASSERT(stats != NULL);
    heap_fl_stats(heap_get(), stats);
}

/* Kept for applications written for older FreeRTOS versions: the heap sets itself up. */
void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    vTaskSuspendAll();
    heap_ready = false;
    (void)xTaskResumeAll();
}
