/* SPDX-License-Identifier: MIT */
/*
 * portable.h: what the kernel needs from the port and the heap, with
 * FreeRTOS's names. The port's portmacro.h (found on the include path of the
 * selected port) supplies the types and the port* macros; the contract every
 * port implements is documented in kernel/private/port_contract.h.
 */
#ifndef PORTABLE_H
#define PORTABLE_H

#include "portmacro.h"

/* TickType_t follows configTICK_TYPE_WIDTH_IN_BITS; ports do not define it. */
#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS
typedef uint16_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffU)
#elif configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_32_BITS
typedef uint32_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffffffUL)
#else
typedef uint64_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffffffffffffffULL)
#endif

#ifndef portTICK_PERIOD_MS
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#endif

#if portBYTE_ALIGNMENT == 32
#define portBYTE_ALIGNMENT_MASK (0x001f)
#elif portBYTE_ALIGNMENT == 16
#define portBYTE_ALIGNMENT_MASK (0x000f)
#elif portBYTE_ALIGNMENT == 8
#define portBYTE_ALIGNMENT_MASK (0x0007)
#elif portBYTE_ALIGNMENT == 4
#define portBYTE_ALIGNMENT_MASK (0x0003)
#elif portBYTE_ALIGNMENT == 2
#define portBYTE_ALIGNMENT_MASK (0x0001)
#elif portBYTE_ALIGNMENT == 1
#define portBYTE_ALIGNMENT_MASK (0x0000)
#else
#error "portBYTE_ALIGNMENT must be 1, 2, 4, 8, 16 or 32."
#endif

#ifndef portNUM_CONFIGURABLE_REGIONS
#define portNUM_CONFIGURABLE_REGIONS 1
#endif
#ifndef portUSING_MPU_WRAPPERS
#define portUSING_MPU_WRAPPERS 0
#endif
#if portUSING_MPU_WRAPPERS
#error "portUSING_MPU_WRAPPERS: MPU ports are not supported by Quartz yet."
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Heap (kernel/heap/heap_N.c) ---- */
typedef struct HeapRegion {
    uint8_t *pucStartAddress;
    size_t xSizeInBytes;
} HeapRegion_t;

typedef struct xHeapStats {
    size_t xAvailableHeapSpaceInBytes;
    size_t xSizeOfLargestFreeBlockInBytes;
    size_t xSizeOfSmallestFreeBlockInBytes;
    size_t xNumberOfFreeBlocks;
    size_t xMinimumEverFreeBytesRemaining;
    size_t xNumberOfSuccessfulAllocations;
    size_t xNumberOfSuccessfulFrees;
} HeapStats_t;

void vPortDefineHeapRegions(const HeapRegion_t *const regions);
void vPortGetHeapStats(HeapStats_t *stats);
void *pvPortMalloc(size_t size);
void *pvPortCalloc(size_t num, size_t size);
void vPortFree(void *pv);
void vPortInitialiseBlocks(void);
size_t xPortGetFreeHeapSize(void);
size_t xPortGetMinimumEverFreeHeapSize(void);
void xPortResetHeapMinimumEverFreeHeapSize(void);
void vPortHeapResetState(void);

/* ---- Tickless idle, on ports that provide it (portSUPPRESS_TICKS_AND_SLEEP_PROVIDED) ---- */
#ifdef portSUPPRESS_TICKS_AND_SLEEP_PROVIDED
void vPortSuppressTicksAndSleep(TickType_t expected_idle_ticks);
#endif

#define pvPortMallocStack pvPortMalloc
#define vPortFreeStack vPortFree

/* ---- Port (ports/<arch>/) ---- */
#if defined(portHAS_STACK_OVERFLOW_CHECKING) && portHAS_STACK_OVERFLOW_CHECKING
/* Ports whose hardware checks a stack limit (ARMv8-M PSPLIM) also get the stack's lowest word. */
StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, StackType_t *end_of_stack,
                                   TaskFunction_t code, void *params);
#else
StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params);
#endif
BaseType_t xPortStartScheduler(void);
void vPortEndScheduler(void);

#ifdef __cplusplus
}
#endif

#endif /* PORTABLE_H */
