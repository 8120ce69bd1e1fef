/* SPDX-License-Identifier: MIT */
/*
 * lwipopts_kernel_heap.h: for a board whose lwipopts.h takes lwIP's memory from the kernel heap
 * (the LM3S6965's, the micro:bit's): lwIP's heap (MEM_LIBC_MALLOC) and every memp pool
 * (MEMP_MEM_MALLOC: PCBs, segments, pool pbufs) become pvPortMalloc allocations, so the network
 * and the tasks share one heap instead of each reserving its worst case. lwIP allocates in task
 * context only (the receive task, the tcpip thread, socket calls), where pvPortMalloc is safe.
 * The MEMP_NUM_* limits do not apply then: the board's windows and mailboxes bound the memory in
 * flight. Included first by such a lwipopts.h, as "../lwipopts_kernel_heap.h".
 */
#ifndef QUARTZ_LWIPOPTS_KERNEL_HEAP_H
#define QUARTZ_LWIPOPTS_KERNEL_HEAP_H

#include <stddef.h>

void *pvPortMalloc(size_t size);
void vPortFree(void *block);

#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1
#define mem_clib_malloc pvPortMalloc
#define mem_clib_free vPortFree

#endif /* QUARTZ_LWIPOPTS_KERNEL_HEAP_H */
