/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "heap_options" (heap tests only): the default
 * configuration with the heap's optional behaviour switched on. The
 * application owns the heap array (heap_checks.c defines ucHeap), freed
 * blocks are zeroed, and traceMALLOC/traceFREE report to heap_checks.c.
 */
#ifndef HEAP_OPTIONS_CONFIG_H
#define HEAP_OPTIONS_CONFIG_H

#include <stddef.h>

#define configAPPLICATION_ALLOCATED_HEAP 1
#define configHEAP_CLEAR_MEMORY_ON_FREE 1

void heap_test_trace_malloc(void *addr, size_t size);
void heap_test_trace_free(void *addr, size_t size);
#define traceMALLOC(addr, size) heap_test_trace_malloc((addr), (size))
#define traceFREE(addr, size) heap_test_trace_free((addr), (size))
#define HEAP_TEST_OPTIONS 1

#include "../../../../configs/default/FreeRTOSConfig.h"

#endif /* HEAP_OPTIONS_CONFIG_H */
