/* SPDX-License-Identifier: MIT */
/*
 * heap_5.c: the heap_4 allocator (heap_freelist.h) over several separate
 * memory regions, which the application names once with
 * vPortDefineHeapRegions() before anything allocates: an array of
 * HeapRegion_t in increasing address order, ended by an entry of size 0.
 *
 * Each region becomes one free block, aligned inwards. Regions must not
 * overlap; where one starts exactly where the previous one ends, the first
 * alignment unit of the later one is left unused, so that no block ever
 * spans two regions (they may be different memories).
 *
 * Allocating before the regions are defined trips configASSERT (and returns
 * NULL when configASSERT is off). pvPortMalloc(0) returns NULL without
 * calling the malloc-failed hook. vPortHeapResetState() forgets the regions:
 * define them again before the next allocation.
 * Locking: heap_lock(), see heap_freelist.h.
 */
#include "heap_freelist.h"

static struct heap_freelist heap;
static bool regions_defined;

/*
 * Add one region, keeping a gap after the previous one if they touch.
 * Returns the end of the region as given, for the order check of the next.
 */
static uintptr_t add_region(const HeapRegion_t *r, uintptr_t prev_end)
{
    uintptr_t start = heap_addr(r->pucStartAddress);
    size_t size = r->xSizeInBytes;

    configASSERT(size <= UINTPTR_MAX - start);
    configASSERT(start >= prev_end); /* ascending order, no overlap */
    (void)prev_end;
    if (heap.hi != 0 && start == heap.hi) {
        if (size <= (size_t)portBYTE_ALIGNMENT) {
            return start + size;
        }
        start += portBYTE_ALIGNMENT;
        size -= portBYTE_ALIGNMENT;
    }
    fl_add_span(&heap, (uint8_t *)start, size);
    return start + size;
}

void vPortDefineHeapRegions(const HeapRegion_t *const regions)
{
    traceENTER_vPortDefineHeapRegions(regions);
    uintptr_t end = 0;

    configASSERT(regions != NULL);
    configASSERT(!regions_defined); /* once, or again after vPortHeapResetState() */
    vTaskSuspendAll();
    heap = (struct heap_freelist){0};
    for (const HeapRegion_t *r = regions; r->xSizeInBytes != 0; r++) {
        end = add_region(r, end);
    }
    regions_defined = heap.free_bytes != 0;
    (void)xTaskResumeAll();
    configASSERT(regions_defined); /* no region was large enough to hold a block */
    traceRETURN_vPortDefineHeapRegions();
}

void *pvPortMalloc(size_t size)
{
    traceENTER_pvPortMalloc(size);
    configASSERT(regions_defined);
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
    heap_fl_free(&heap, pv);
    traceRETURN_vPortFree();
}

size_t xPortGetFreeHeapSize(void)
{
    traceENTER_xPortGetFreeHeapSize();
    size_t ret = heap.free_bytes;
    traceRETURN_xPortGetFreeHeapSize(ret);
    return ret;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    traceENTER_xPortGetMinimumEverFreeHeapSize();
    size_t ret = heap.min_free;
    traceRETURN_xPortGetMinimumEverFreeHeapSize(ret);
    return ret;
}

void xPortResetHeapMinimumEverFreeHeapSize(void)
{
    traceENTER_xPortResetHeapMinimumEverFreeHeapSize();
    vTaskSuspendAll();
    heap.min_free = heap.free_bytes;
    (void)xTaskResumeAll();
    traceRETURN_xPortResetHeapMinimumEverFreeHeapSize();
}

void vPortGetHeapStats(HeapStats_t *stats)
{
    traceENTER_vPortGetHeapStats(stats);
    configASSERT(stats != NULL);
    heap_fl_stats(&heap, stats);
    traceRETURN_vPortGetHeapStats();
}

/* Kept for applications written for older FreeRTOS versions: nothing to do. */
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
    regions_defined = false;
    (void)xTaskResumeAll();
    traceRETURN_vPortHeapResetState();
}
