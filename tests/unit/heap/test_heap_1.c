/* SPDX-License-Identifier: MIT */
/*
 * heap_1: allocations carved one after another from one array, never freed
 * (vPortFree asserts), exact byte accounting, reset. Built in the default
 * configuration, in heap_options, and in static_only, where the kernel
 * allocates nothing so the concurrency case can run (with dynamic tasks the
 * kernel would free their memory, which heap_1 forbids).
 *
 * Every case leaves the heap fresh, so that the harness's free-bytes check
 * around the scheduler case compares like with like.
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
    check_alignment(false);
    heap_fresh();
}

/*
 * Each allocation takes exactly its size rounded up to the alignment, right after the last
 * (as many of the sizes as the heap holds: all of them on a host).
 */
static void test_pvPortMalloc_free_size_exact(void)
{
    static const size_t sizes[] = {1, 15, 16, 17, 100, 4096, 5000};
    uint8_t *prev = NULL;
    size_t prev_size = 0;

    heap_fresh();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        size_t before = xPortGetFreeHeapSize();
        uint8_t *p;

        if (ALIGN_UP(sizes[i]) > before) {
            QT_ASSERT(i >= 5); /* the small sizes always fit */
            break;
        }
        p = pvPortMalloc(sizes[i]);
        QT_EQ(before - xPortGetFreeHeapSize(), ALIGN_UP(sizes[i]));
        if (prev != NULL) {
            QT_PTR_EQ(p, prev + ALIGN_UP(prev_size));
        }
        prev = p;
        prev_size = sizes[i];
    }
    heap_fresh();
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

/* The whole array can be handed out, and not a byte more. */
static void test_pvPortMalloc_exhaustion_calls_hook(void)
{
    heap_fresh();
    QT_PTR_EQ(pvPortMalloc(heap_capacity() + 1), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    QT_ASSERT(pvPortMalloc(heap_capacity() - 64) != NULL);
    QT_PTR_EQ(pvPortMalloc(65), NULL);
    QT_EQ(qtest_malloc_failures, 2);
    QT_ASSERT(pvPortMalloc(64) != NULL);
    QT_EQ(xPortGetFreeHeapSize(), 0);
    QT_PTR_EQ(pvPortMalloc(1), NULL);
    QT_EQ(qtest_malloc_failures, 3);
    heap_fresh();
}

static void test_vPortHeapResetState_restores_initial_state(void)
{
    void *first;

    heap_fresh();
    first = pvPortMalloc(64);
    (void)pvPortMalloc(5000);
    vPortHeapResetState();
    vPortInitialiseBlocks(); /* kept for old applications; changes nothing */
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    QT_PTR_EQ(pvPortMalloc(64), first);
    heap_fresh();
}

#ifdef HEAP_TEST_OPTIONS
static void test_traceMALLOC_reports_blocks(void)
{
    heap_fresh();
    check_trace(false);
    heap_fresh();
}
#define OPTION_CASES QTEST_CASE_NO_SCHEDULER(test_traceMALLOC_reports_blocks),
#else
#define OPTION_CASES
#endif /* HEAP_TEST_OPTIONS */

#if !configSUPPORT_DYNAMIC_ALLOCATION
/* Tasks allocating at once never get overlapping memory; the case then empties the heap. */
static void test_pvPortMalloc_concurrent_tasks(void)
{
    check_tasks(false);
    heap_fresh();
}
#define TASK_CASES QTEST_CASE(test_pvPortMalloc_concurrent_tasks),
#else
#define TASK_CASES
#endif /* !configSUPPORT_DYNAMIC_ALLOCATION */

static void free_allocated(void *arg)
{
    (void)arg;
    vPortFree(pvPortMalloc(16));
}

static void test_vPortFree_not_supported_asserts(void)
{
    QT_EXPECT_ASSERT(free_allocated, NULL);
    QT_EXPECT_ASSERT(free_static_object, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_xPortGetFreeHeapSize_fresh_heap_is_whole_array),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_aligned_for_all_sizes),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_free_size_exact),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_zero_returns_null),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_impossible_sizes_fail),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_exhaustion_calls_hook),
           QTEST_CASE_NO_SCHEDULER(test_vPortHeapResetState_restores_initial_state),
           OPTION_CASES TASK_CASES QTEST_CASE_NO_SCHEDULER(test_vPortFree_not_supported_asserts))
