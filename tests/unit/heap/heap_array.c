/* SPDX-License-Identifier: MIT */
/*
 * heap_array.c: where the heap's array lies, for the schemes that allocate from one array
 * (heap_1, heap_2, heap_4). With configAPPLICATION_ALLOCATED_HEAP (configs/heap_options) the
 * application defines ucHeap, in the form FreeRTOS documents; heap_3 and heap_5 ignore that
 * option, so this file is not linked with them and the array costs them no RAM.
 */
#include "heap_checks.h"

#if configAPPLICATION_ALLOCATED_HEAP
uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#endif

size_t array_capacity(void)
{
#if configAPPLICATION_ALLOCATED_HEAP
    uintptr_t lo =
        ((uintptr_t)ucHeap + portBYTE_ALIGNMENT_MASK) & ~(uintptr_t)portBYTE_ALIGNMENT_MASK;
    uintptr_t hi = ((uintptr_t)ucHeap + sizeof(ucHeap)) & ~(uintptr_t)portBYTE_ALIGNMENT_MASK;

    return hi - lo;
#else
    return configTOTAL_HEAP_SIZE; /* the kernel's array is aligned and a multiple of 16 long */
#endif
}

bool in_heap_array(const void *p, size_t n)
{
#if configAPPLICATION_ALLOCATED_HEAP
    return (const uint8_t *)p >= ucHeap && (const uint8_t *)p + n <= ucHeap + sizeof(ucHeap);
#else
    (void)p;
    (void)n;
    return true;
#endif
}
