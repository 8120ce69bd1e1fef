/* SPDX-License-Identifier: MIT */
/*
 * heap_4: first fit in address order from one array, free neighbours merged,
 * exact byte accounting, minimum-ever tracking, heap statistics, calloc,
 * reset, concurrent use, and the configASSERTs on bad frees. Built in the
 * default configuration and in heap_options (application-owned array,
 * clear-on-free, trace hooks).
 */
#include "heap_checks.h"

#include <string.h>

void heap_fresh(void)
{
    vPortHeapResetState();
}

size_t heap_capacity(void)
{
    return array_capacity();
}

bool heap_owns(const void *p, size_t n)
{
    return in_heap_array(p, n);
}

static HeapStats_t stats(void)
{
    HeapStats_t s;

    memset(&s, 0xff, sizeof(s));
    vPortGetHeapStats(&s);
    return s;
}

/* Allocate everything that is left, so that only freed blocks can satisfy requests. */
static void *take_rest(void)
{
    void *rest = pvPortMalloc(xPortGetFreeHeapSize() - HDR);

    QT_ASSERT(rest != NULL);
    QT_EQ(xPortGetFreeHeapSize(), 0);
    return rest;
}

static void test_xPortGetFreeHeapSize_fresh_heap_is_whole_array(void)
{
    heap_fresh();
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), heap_capacity());
    if (!configAPPLICATION_ALLOCATED_HEAP) {
        QT_EQ(heap_capacity(), configTOTAL_HEAP_SIZE); /* the kernel's array is aligned */
    }
}

static void test_pvPortMalloc_aligned_for_all_sizes(void)
{
    heap_fresh();
    check_alignment(true);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

static void test_pvPortMalloc_free_size_exact(void)
{
    static const size_t sizes[] = {1, 15, 16, 17, 100, 4096, 5000};

    heap_fresh();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        size_t before = xPortGetFreeHeapSize();
        void *p = pvPortMalloc(sizes[i]);

        QT_EQ(before - xPortGetFreeHeapSize(), BLK(sizes[i]));
        vPortFree(p);
        QT_EQ(xPortGetFreeHeapSize(), before);
    }
}

/* A leftover too small to be a block of its own stays part of the allocation. */
static void test_pvPortMalloc_small_remainder_not_split(void)
{
    void *p;

    heap_fresh();
    p = pvPortMalloc(heap_capacity() - HDR - portBYTE_ALIGNMENT);
    QT_ASSERT(p != NULL);
    QT_EQ(xPortGetFreeHeapSize(), 0);
    QT_PTR_EQ(pvPortMalloc(1), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    vPortFree(p);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

static void test_pvPortMalloc_zero_returns_null(void)
{
    heap_fresh();
    check_zero_size();
}

static void test_pvPortMalloc_impossible_sizes_fail(void)
{
    heap_fresh();
    check_impossible_sizes();
}

static void test_pvPortMalloc_exhaustion_calls_hook(void)
{
    heap_fresh();
    check_exhaustion(heap_capacity() / (HEAP_CHUNK + HDR));
}

/* Two freed neighbours become one block that satisfies a request neither could alone. */
static void test_vPortFree_merges_neighbours(void)
{
    uint8_t *a, *b, *rest, *p;

    heap_fresh();
    a = pvPortMalloc(1024);
    b = pvPortMalloc(2048);
    rest = take_rest();
    vPortFree(a);
    vPortFree(b);
    QT_EQ(xPortGetFreeHeapSize(), BLK(1024) + BLK(2048));
    QT_EQ(stats().xNumberOfFreeBlocks, 1);
    p = pvPortMalloc(1024 + 2048 + HDR);
    QT_PTR_EQ(p, a);
    QT_EQ(xPortGetFreeHeapSize(), 0);
    vPortFree(p);
    vPortFree(rest);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    QT_EQ(stats().xNumberOfFreeBlocks, 1);
}

/* A block freed between two free blocks merges with both. */
static void test_vPortFree_merges_both_sides(void)
{
    uint8_t *a = NULL, *b, *c, *rest;

    heap_fresh();
    a = pvPortMalloc(100);
    b = pvPortMalloc(200);
    c = pvPortMalloc(300);
    rest = take_rest();
    vPortFree(a);
    QT_EQ(stats().xNumberOfFreeBlocks, 1);
    vPortFree(c);
    QT_EQ(stats().xNumberOfFreeBlocks, 2);
    vPortFree(b);
    QT_EQ(stats().xNumberOfFreeBlocks, 1);
    QT_EQ(stats().xSizeOfLargestFreeBlockInBytes, BLK(100) + BLK(200) + BLK(300));
    vPortFree(rest);
    QT_EQ(stats().xSizeOfLargestFreeBlockInBytes, heap_capacity());
}

/* The lowest free block that fits is used, even when a higher one fits better. */
static void test_pvPortMalloc_first_fit_in_address_order(void)
{
    uint8_t *big, *small, *guard1, *guard2, *p, *q;

    heap_fresh();
    big = pvPortMalloc(1024);
    guard1 = pvPortMalloc(16);
    small = pvPortMalloc(64);
    guard2 = pvPortMalloc(16);
    vPortFree(big);
    vPortFree(small);
    p = pvPortMalloc(48);
    QT_PTR_EQ(p, big);
    q = pvPortMalloc(48); /* the rest of the split block still comes first */
    QT_PTR_EQ(q, big + BLK(48));
    vPortFree(p);
    vPortFree(q);
    vPortFree(guard1);
    vPortFree(guard2);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

static void test_xPortGetMinimumEverFreeHeapSize_tracks_and_resets(void)
{
    size_t cap = heap_capacity();
    void *p, *q;

    heap_fresh();
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap);
    p = pvPortMalloc(1000);
    q = pvPortMalloc(3000);
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap - BLK(1000) - BLK(3000));
    vPortFree(p);
    vPortFree(q);
    QT_EQ(xPortGetFreeHeapSize(), cap);
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap - BLK(1000) - BLK(3000));
    xPortResetHeapMinimumEverFreeHeapSize();
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap);
    p = pvPortMalloc(100);
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap - BLK(100));
    vPortFree(p);
}

static void test_vPortGetHeapStats_fields(void)
{
    size_t cap = heap_capacity();
    HeapStats_t s;
    void *a, *b, *c;

    heap_fresh();
    s = stats();
    QT_EQ(s.xAvailableHeapSpaceInBytes, cap);
    QT_EQ(s.xSizeOfLargestFreeBlockInBytes, cap);
    QT_EQ(s.xSizeOfSmallestFreeBlockInBytes, cap);
    QT_EQ(s.xNumberOfFreeBlocks, 1);
    QT_EQ(s.xMinimumEverFreeBytesRemaining, cap);
    QT_EQ(s.xNumberOfSuccessfulAllocations, 0);
    QT_EQ(s.xNumberOfSuccessfulFrees, 0);

    a = pvPortMalloc(100);
    b = pvPortMalloc(200);
    c = pvPortMalloc(300);
    vPortFree(b);
    QT_PTR_EQ(pvPortMalloc(SIZE_MAX), NULL); /* failures are not counted */
    s = stats();
    QT_EQ(s.xAvailableHeapSpaceInBytes, cap - BLK(100) - BLK(300));
    QT_EQ(s.xSizeOfLargestFreeBlockInBytes, cap - BLK(100) - BLK(200) - BLK(300));
    QT_EQ(s.xSizeOfSmallestFreeBlockInBytes, BLK(200));
    QT_EQ(s.xNumberOfFreeBlocks, 2);
    QT_EQ(s.xMinimumEverFreeBytesRemaining, cap - BLK(100) - BLK(200) - BLK(300));
    QT_EQ(s.xNumberOfSuccessfulAllocations, 3);
    QT_EQ(s.xNumberOfSuccessfulFrees, 1);

    vPortFree(a);
    vPortFree(c);
    s = stats();
    QT_EQ(s.xAvailableHeapSpaceInBytes, cap);
    QT_EQ(s.xNumberOfFreeBlocks, 1);
    QT_EQ(s.xNumberOfSuccessfulFrees, 3);
}

static void test_pvPortCalloc_zeroes_and_rejects_overflow(void)
{
    heap_fresh();
    check_calloc();
}

static void test_pvPortMalloc_reuses_freed_block(void)
{
    heap_fresh();
    check_address_reuse();
}

static void test_vPortHeapResetState_restores_initial_state(void)
{
    void *first, *p;
    HeapStats_t s;

    heap_fresh();
    first = pvPortMalloc(64);
    (void)pvPortMalloc(5000);
    (void)pvPortMalloc(70000);
    vPortHeapResetState();
    vPortInitialiseBlocks(); /* kept for old applications; changes nothing */
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    s = stats();
    QT_EQ(s.xNumberOfFreeBlocks, 1);
    QT_EQ(s.xMinimumEverFreeBytesRemaining, heap_capacity());
    QT_EQ(s.xNumberOfSuccessfulAllocations, 0);
    QT_EQ(s.xNumberOfSuccessfulFrees, 0);
    p = pvPortMalloc(64);
    QT_PTR_EQ(p, first);
    vPortFree(p);
}

#ifdef HEAP_TEST_OPTIONS
static void test_traceMALLOC_traceFREE_report_blocks(void)
{
    heap_fresh();
    check_trace(true);
}

static void test_pvPortMalloc_lock_holds_back_switch_and_tick(void)
{
    check_lock_holds_back();
}
#define OPTION_CASES                                                                               \
    QTEST_CASE_NO_SCHEDULER(test_traceMALLOC_traceFREE_report_blocks),                             \
        QTEST_CASE(test_pvPortMalloc_lock_holds_back_switch_and_tick),
#else
#define OPTION_CASES
#endif /* HEAP_TEST_OPTIONS */

static void test_pvPortMalloc_concurrent_tasks(void)
{
    check_tasks(true);
}

/* Freeing a block that was merged into its free neighbour must still be caught. */
static void free_after_merge(void *arg)
{
    uint8_t *a = pvPortMalloc(64), *b = pvPortMalloc(64);

    (void)arg;
    vPortFree(a);
    vPortFree(b); /* b's block is now part of a's */
    vPortFree(b);
}

static void test_vPortFree_twice_asserts(void)
{
    QT_EXPECT_ASSERT(free_twice, NULL);
    QT_EXPECT_ASSERT(free_after_merge, NULL);
}

static void test_vPortFree_foreign_pointer_asserts(void)
{
    QT_EXPECT_ASSERT(free_static_object, NULL);
    QT_EXPECT_ASSERT(free_inside_block, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_xPortGetFreeHeapSize_fresh_heap_is_whole_array),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_aligned_for_all_sizes),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_free_size_exact),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_small_remainder_not_split),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_zero_returns_null),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_impossible_sizes_fail),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_exhaustion_calls_hook),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_merges_neighbours),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_merges_both_sides),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_first_fit_in_address_order),
           QTEST_CASE_NO_SCHEDULER(test_xPortGetMinimumEverFreeHeapSize_tracks_and_resets),
           QTEST_CASE_NO_SCHEDULER(test_vPortGetHeapStats_fields),
           QTEST_CASE_NO_SCHEDULER(test_pvPortCalloc_zeroes_and_rejects_overflow),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_reuses_freed_block),
           QTEST_CASE_NO_SCHEDULER(test_vPortHeapResetState_restores_initial_state),
           OPTION_CASES QTEST_CASE(test_pvPortMalloc_concurrent_tasks),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_twice_asserts),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_foreign_pointer_asserts))
