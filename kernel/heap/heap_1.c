/* SPDX-License-Identifier: MIT */
/*
 * heap_1.c: the simplest heap. Allocations are carved one after another from
 * an array of configTOTAL_HEAP_SIZE bytes and never given back: vPortFree()
 * of anything but NULL trips configASSERT. Deterministic and unfragmentable,
 * for applications that create their objects at start-up and never delete
 * them.
 *
 * Invariant: the bytes in [base, base + used) are handed out, those in
 * [base + used, end) are free; `used` is a multiple of portBYTE_ALIGNMENT,
 * so every allocation starts aligned. There are no block headers.
 *
 * The array is the kernel's own unless configAPPLICATION_ALLOCATED_HEAP is 1
 * (then the application defines `uint8_t ucHeap[configTOTAL_HEAP_SIZE]`).
 * pvPortMalloc(0) returns NULL without calling the malloc-failed hook.
 * Locking: heap_lock() (scheduler suspension, heap_block.h) around the bump of `used`.
 */
#include "heap_block.h"

#if configAPPLICATION_ALLOCATED_HEAP
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] HEAP_ARRAY_ALIGNED;
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static size_t used;
static bool poisoned; /* ASan builds: the free part is poisoned */

static uint8_t *heap_base(void)
{
    return (uint8_t *)heap_align_up_addr(heap_addr(ucHeap));
}

/* Bytes from the aligned start of the array to its aligned end. */
static size_t heap_capacity(void)
{
    return heap_align_down_addr(heap_addr(ucHeap) + sizeof(ucHeap)) - heap_addr(heap_base());
}

void *pvPortMalloc(size_t size)
{
    traceENTER_pvPortMalloc(size);
    size_t need = heap_padded_size(size, 0);
    void *p = NULL;

    heap_lock();
    if (!poisoned) {
        heap_poison(heap_base() + used, heap_capacity() - used);
        poisoned = true;
    }
    if (need != 0 && need <= heap_capacity() - used) {
        p = heap_base() + used;
        used += need;
        heap_unpoison(p, size);
    }
    traceMALLOC(p, need);
    heap_unlock();
    if (p == NULL && size != 0) {
        heap_malloc_failed();
    }
    traceRETURN_pvPortMalloc(p);
    return p;
}

void vPortFree(void *pv)
{
    traceENTER_vPortFree(pv);
    /* heap_1 cannot free: choose heap_2, 4 or 5 for an application that deletes objects. */
    configASSERT(pv == NULL);
    (void)pv;
    traceRETURN_vPortFree();
}

size_t xPortGetFreeHeapSize(void)
{
    traceENTER_xPortGetFreeHeapSize();
    size_t ret = heap_capacity() - used;
    traceRETURN_xPortGetFreeHeapSize(ret);
    return ret;
}

/* Kept for applications written for older FreeRTOS versions: the heap needs no set-up. */
void vPortInitialiseBlocks(void)
{
    traceENTER_vPortInitialiseBlocks();
    traceRETURN_vPortInitialiseBlocks();
}

void vPortHeapResetState(void)
{
    traceENTER_vPortHeapResetState();
    vTaskSuspendAll();
    used = 0;
    poisoned = false;
    (void)xTaskResumeAll();
    traceRETURN_vPortHeapResetState();
}
