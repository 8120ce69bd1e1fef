/* SPDX-License-Identifier: MIT */
/*
 * heap_2: best fit from one array, freed blocks never merged, exact byte
 * accounting, calloc, reset, concurrent use, and the configASSERTs on bad
 * frees. Built in the default configuration and in heap_options.
 */
#include "heap_checks.h"

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
    if (!configAPPLICATION_ALLOCATED_HEAP) {
        QT_EQ(heap_capacity(), configTOTAL_HEAP_SIZE);
    }
}

static void test_pvPortMalloc_aligned_for_all_sizes(void)
{
    heap_fresh();
    check_alignment(true);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

/* The sizes up to QTEST_HEAP_LARGEST (all of them on a host). */
static void test_pvPortMalloc_free_size_exact(void)
{
    static const size_t sizes[] = {1, 15, 16, 17, 100, 4096, 5000};

    heap_fresh();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]) && sizes[i] <= QTEST_HEAP_LARGEST;
         i++) {
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

/*
 * Two freed neighbours stay two blocks: a request for their combined size
 * fails although as many bytes are free, while each size alone still fits.
 */
static void test_vPortFree_does_not_merge_neighbours(void)
{
    uint8_t *a, *b, *rest;

    heap_fresh();
    a = pvPortMalloc(1024);
    b = pvPortMalloc(2048);
    rest = take_rest();
    vPortFree(a);
    vPortFree(b);
    QT_EQ(xPortGetFreeHeapSize(), BLK(1024) + BLK(2048));
    QT_PTR_EQ(pvPortMalloc(1024 + 2048), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    QT_PTR_EQ(pvPortMalloc(2048), b);
    QT_PTR_EQ(pvPortMalloc(1024), a);
    QT_EQ(xPortGetFreeHeapSize(), 0);
    vPortFree(a);
    vPortFree(b);
    vPortFree(rest);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

/* The smallest free block that fits is used, wherever it lies. */
static void test_pvPortMalloc_best_fit(void)
{
    uint8_t *big, *small, *guard1, *guard2, *p;

    heap_fresh();
    big = pvPortMalloc(1024);
    guard1 = pvPortMalloc(16);
    small = pvPortMalloc(64);
    guard2 = pvPortMalloc(16);
    vPortFree(big);
    vPortFree(small);
    /* Leaves one alignment unit over: less than a block, so the whole block is handed out. */
    p = pvPortMalloc(64 - portBYTE_ALIGNMENT);
    QT_PTR_EQ(p, small);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity() - 2 * BLK(16) - BLK(64));
    vPortFree(p);
    vPortFree(guard1);
    vPortFree(guard2);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
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

    heap_fresh();
    first = pvPortMalloc(64);
    (void)pvPortMalloc(5000);
    vPortFree(first);
    vPortHeapResetState();
    vPortInitialiseBlocks(); /* kept for old applications; changes nothing */
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    p = pvPortMalloc(heap_capacity() - HDR); /* one block again: nothing is fragmented */
    QT_PTR_EQ(p, first);
    vPortFree(p);
}

#ifdef HEAP_TEST_OPTIONS
static void test_traceMALLOC_traceFREE_report_blocks(void)
{
    heap_fresh();
    check_trace(true);
}
#define OPTION_CASES QTEST_CASE_NO_SCHEDULER(test_traceMALLOC_traceFREE_report_blocks),
#else
#define OPTION_CASES
#endif /* HEAP_TEST_OPTIONS */

static void test_pvPortMalloc_concurrent_tasks(void)
{
    check_tasks(true);
}

static void test_vPortFree_twice_asserts(void)
{
    QT_EXPECT_ASSERT(free_twice, NULL);
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
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_does_not_merge_neighbours),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_best_fit),
           QTEST_CASE_NO_SCHEDULER(test_pvPortCalloc_zeroes_and_rejects_overflow),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_reuses_freed_block),
           QTEST_CASE_NO_SCHEDULER(test_vPortHeapResetState_restores_initial_state),
           OPTION_CASES QTEST_CASE(test_pvPortMalloc_concurrent_tasks),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_twice_asserts),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_foreign_pointer_asserts))
