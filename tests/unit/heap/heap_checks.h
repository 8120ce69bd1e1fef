/* SPDX-License-Identifier: MIT */
/*
 * heap_checks.h: checks shared by the five heap scheme tests
 * (test_heap_1.c .. test_heap_5.c). Each scheme's test file provides
 * heap_fresh() and heap_capacity() and wraps these checks in its cases; the
 * checks assume nothing else holds heap memory while they run.
 *
 * The heap_options configuration (configs/heap_options) also routes
 * traceMALLOC/traceFREE here, to count them and to burn ticks while the heap
 * lock is held during the concurrency check.
 */
#ifndef HEAP_CHECKS_H
#define HEAP_CHECKS_H

#include "FreeRTOS.h"
#include "qtest.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ALIGN_UP(n) (((size_t)(n) + portBYTE_ALIGNMENT_MASK) & ~(size_t)portBYTE_ALIGNMENT_MASK)
/* The block header of heap_2/4/5 (a pointer and a size), padded to the alignment. */
#define HDR ALIGN_UP(sizeof(void *) + sizeof(size_t))
/* Bytes a request of n takes from heap_2/4/5 when the block it comes from is split. */
#define BLK(n) (HDR + ALIGN_UP(n))

/* Provided by each scheme's test file. */
void heap_fresh(void);                   /* put the heap in its initial state */
size_t heap_capacity(void);              /* free bytes of a fresh heap */
bool heap_owns(const void *p, size_t n); /* [p, p + n) lies in the heap's memory */

/* heap_array.c, linked with heap_1/2/4: free bytes of a fresh heap, the aligned array. */
size_t array_capacity(void);
/* heap_owns() for heap_1/2/4: [p, p + n) lies in the array they allocate from (always
 * true without configAPPLICATION_ALLOCATED_HEAP, where the array is not visible). */
bool in_heap_array(const void *p, size_t n);

/* Free heap bytes, or 0 for heap_3, which does not count them. */
size_t heap_free_now(void);

void check_alignment(bool can_free);
void check_zero_size(void);
void check_impossible_sizes(void);
#define HEAP_CHUNK ((size_t)QTEST_HEAP_CHUNK)
void check_exhaustion(size_t expected); /* heap_2/4/5: HEAP_CHUNK blocks until NULL */
void check_calloc(void);                /* heap_2/4/5 */
void check_address_reuse(void);
void check_trace(bool can_free);
void check_lock_holds_back(void); /* heap_options: needs the scheduler and traceMALLOC */
void check_tasks(bool can_free);

/* configASSERT expectations (run in a forked child by QT_EXPECT_ASSERT). */
void free_twice(void *arg);
void free_static_object(void *arg);
void free_inside_block(void *arg);

#endif /* HEAP_CHECKS_H */
