/* SPDX-License-Identifier: MIT */
/*
 * heap_3.c: the C library's malloc() and free(), made safe to call from
 * several tasks by suspending the scheduler around them. configTOTAL_HEAP_SIZE
 * is not used: the linker's heap is the limit. Like FreeRTOS's heap_3 it
 * keeps no byte count, so there is no xPortGetFreeHeapSize().
 *
 * Each allocation carries a small header (a check word and the requested
 * size, padded to portBYTE_ALIGNMENT) in front of the caller's bytes. The size
 * lets configHEAP_CLEAR_MEMORY_ON_FREE and traceFREE work; the check word lets
 * vPortFree() assert on a pointer that pvPortMalloc() did not return. It is
 * overwritten when the block is freed, so a second free usually trips the
 * same assertion (the memory then belongs to the C library, so this is a best
 * effort; AddressSanitizer builds report it as a double free instead).
 *
 * The C library's malloc must return memory aligned to portBYTE_ALIGNMENT
 * (checked with configASSERT). pvPortMalloc(0) returns NULL without calling
 * the malloc-failed hook.
 */
#include "heap_block.h"

#include <stdlib.h>

struct heap3_header {
    size_t check; /* HEAP3_LIVE ^ size while allocated */
    size_t size;  /* bytes the caller asked for */
};

#define HEAP3_HEADER_SIZE HEAP_ALIGN_UP(sizeof(struct heap3_header))
#define HEAP3_LIVE ((size_t)0x51a27c0de5a1ab1eULL)
#define HEAP3_DEAD ((size_t)0xdeadf7eeULL)

void *pvPortMalloc(size_t size)
{
    traceENTER_pvPortMalloc(size);
    uint8_t *raw = NULL;
    void *p = NULL;

    heap_lock();
    if (heap_padded_size(size, HEAP3_HEADER_SIZE) != 0) {
        raw = malloc(size + HEAP3_HEADER_SIZE);
    }
    if (raw != NULL) {
        struct heap3_header *h = (struct heap3_header *)raw;

        configASSERT((heap_addr(raw) & HEAP_ALIGN_MASK) == 0);
        h->check = HEAP3_LIVE ^ size;
        h->size = size;
        p = raw + HEAP3_HEADER_SIZE;
    }
    traceMALLOC(p, size);
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
    struct heap3_header *h;
    bool valid;

    if (pv == NULL) {
        goto out;
    }
    configASSERT((heap_addr(pv) & HEAP_ALIGN_MASK) == 0); /* never a pvPortMalloc pointer */
    if ((heap_addr(pv) & HEAP_ALIGN_MASK) != 0) {
        goto out;
    }
    h = (struct heap3_header *)((uint8_t *)pv - HEAP3_HEADER_SIZE);
    heap_lock();
    valid = h->check == (HEAP3_LIVE ^ h->size);
    configASSERT(valid); /* freed twice, or never allocated */
    if (valid) {
        h->check = HEAP3_DEAD;
        if (configHEAP_CLEAR_MEMORY_ON_FREE) {
            memset(pv, 0, h->size);
        }
        traceFREE(pv, h->size);
        free(h);
    }
    heap_unlock();
out:
    traceRETURN_vPortFree();
}

/* Kept for applications written for older FreeRTOS versions: nothing to do. */
void vPortInitialiseBlocks(void)
{
    traceENTER_vPortInitialiseBlocks();
    traceRETURN_vPortInitialiseBlocks();
}

/* The C library owns the memory: there is no heap state to reset. */
void vPortHeapResetState(void)
{
    traceENTER_vPortHeapResetState();
    traceRETURN_vPortHeapResetState();
}
