/* SPDX-License-Identifier: MIT */
/*
 * heap_3: the C library's malloc and free behind the FreeRTOS API: alignment,
 * failures reported through the hook, concurrent use, and the configASSERTs
 * on foreign pointers and double frees. heap_3 keeps no byte count (no
 * xPortGetFreeHeapSize), so accounting is not tested here.
 */
#include "heap_checks.h"

#if defined(__SANITIZE_ADDRESS__)
/* Impossible sizes must come back as NULL, as glibc's malloc returns them, not abort. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}
#endif /* __SANITIZE_ADDRESS__ */

void heap_fresh(void)
{
    vPortHeapResetState(); /* nothing to reset, but it must exist */
}

size_t heap_capacity(void)
{
    return 0;
}

bool heap_owns(const void *p, size_t n)
{
    (void)p;
    (void)n;
    return true;
}

static void test_pvPortMalloc_aligned_for_all_sizes(void)
{
    check_alignment(true);
}

static void test_pvPortMalloc_zero_returns_null(void)
{
    check_zero_size();
}

/* Overflowing sizes and sizes beyond the address space fail through the hook. */
static void test_pvPortMalloc_impossible_sizes_fail(void)
{
    check_impossible_sizes();
}

static void test_vPortHeapResetState_exists(void)
{
    void *p = pvPortMalloc(32);

    heap_fresh();
    vPortInitialiseBlocks();
    QT_ASSERT(p != NULL);
    vPortFree(p); /* memory from before a reset is still the C library's to free */
}

#ifdef HEAP_TEST_OPTIONS
static void test_traceMALLOC_traceFREE_report_blocks(void)
{
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

static void test_vPortFree_foreign_pointer_asserts(void)
{
    QT_EXPECT_ASSERT(free_static_object, NULL);
    QT_EXPECT_ASSERT(free_inside_block, NULL);
}

#if !defined(__SANITIZE_ADDRESS__)
/*
 * The check word is gone once the C library owns the block again. Under
 * AddressSanitizer the second free is ASan's to report instead (it aborts
 * with its own diagnostic), so the case is built without it.
 */
static void test_vPortFree_twice_asserts(void)
{
    QT_EXPECT_ASSERT(free_twice, NULL);
}
#define DOUBLE_FREE_CASES QTEST_CASE_NO_SCHEDULER(test_vPortFree_twice_asserts),
#else
#define DOUBLE_FREE_CASES
#endif /* !__SANITIZE_ADDRESS__ */

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_aligned_for_all_sizes),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_zero_returns_null),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_impossible_sizes_fail),
           QTEST_CASE_NO_SCHEDULER(test_vPortHeapResetState_exists),
           OPTION_CASES QTEST_CASE(test_pvPortMalloc_concurrent_tasks),
           DOUBLE_FREE_CASES QTEST_CASE_NO_SCHEDULER(test_vPortFree_foreign_pointer_asserts))
