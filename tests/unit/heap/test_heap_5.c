/* SPDX-License-Identifier: MIT */
/*
 * heap_5: the heap_4 allocator over three separate static arrays given to
 * vPortDefineHeapRegions(): allocations stay inside regions, regions fill
 * independently and never merge, alignment trims region edges, statistics,
 * calloc, reset, concurrent use, and the configASSERTs on bad frees, on
 * allocating before regions exist and on regions out of order.
 *
 * Every case leaves the three standard regions defined: the harness creates
 * the scheduler case's task before the case runs.
 */
#include "heap_checks.h"

#include <string.h>

/*
 * Region sizes are multiples of QTEST_HEAP5_UNIT (1 KiB on a host, less on a small board);
 * BIG is larger than the smallest region. spare holds the hand-made regions of the alignment
 * and misuse cases (3 KiB; their offsets do not scale). It is region_c's memory: those cases
 * run without the scheduler, with no block live, and end by defining the standard regions.
 */
#define UNIT ((size_t)QTEST_HEAP5_UNIT)
#define BIG (96 * UNIT)
#define REGIONS 3
static uint8_t region_a[48 * UNIT] __attribute__((aligned(16)));
static uint8_t region_b[160 * UNIT] __attribute__((aligned(16)));
static uint8_t region_c[384 * UNIT] __attribute__((aligned(16)));
#define spare region_c
_Static_assert(sizeof(region_c) >= 3 * 1024, "QTEST_HEAP5_UNIT too small for the spare area");

/*
 * The standard regions, in increasing address order (the linker chooses it).
 * Each leaves the last TRIM bytes of its array out, so that regions never
 * touch even where arrays are placed back to back (touching regions lose an
 * alignment unit to a gap: see test_vPortDefineHeapRegions_aligns_and_separates).
 */
#define TRIM 64
static HeapRegion_t regions[REGIONS + 1];

static void sort_regions(void)
{
    regions[0] = (HeapRegion_t){region_a, sizeof(region_a) - TRIM};
    regions[1] = (HeapRegion_t){region_b, sizeof(region_b) - TRIM};
    regions[2] = (HeapRegion_t){region_c, sizeof(region_c) - TRIM};
    regions[REGIONS] = (HeapRegion_t){NULL, 0};
    for (int i = 1; i < REGIONS; i++) {
        for (int j = i; j > 0 && regions[j].pucStartAddress < regions[j - 1].pucStartAddress; j--) {
            HeapRegion_t t = regions[j];

            regions[j] = regions[j - 1];
            regions[j - 1] = t;
        }
    }
}

void heap_fresh(void)
{
    vPortHeapResetState();
    sort_regions();
    vPortDefineHeapRegions(regions);
}

size_t heap_capacity(void)
{
    return sizeof(region_a) + sizeof(region_b) + sizeof(region_c) - REGIONS * TRIM;
}

/* The region holding [p, p + n), or -1. */
static int region_of(const void *p, size_t n)
{
    for (int i = 0; i < REGIONS; i++) {
        const uint8_t *lo = regions[i].pucStartAddress;

        if ((const uint8_t *)p >= lo && (const uint8_t *)p + n <= lo + regions[i].xSizeInBytes) {
            return i;
        }
    }
    return -1;
}

bool heap_owns(const void *p, size_t n)
{
    return region_of(p, n) >= 0;
}

static HeapStats_t stats(void)
{
    HeapStats_t s;

    memset(&s, 0xff, sizeof(s));
    vPortGetHeapStats(&s);
    return s;
}

static void test_vPortDefineHeapRegions_every_region_free(void)
{
    HeapStats_t s;

    heap_fresh();
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), heap_capacity());
    s = stats();
    QT_EQ(s.xNumberOfFreeBlocks, 3);
    QT_EQ(s.xSizeOfLargestFreeBlockInBytes, sizeof(region_c) - TRIM);
    QT_EQ(s.xSizeOfSmallestFreeBlockInBytes, sizeof(region_a) - TRIM);
}

static void test_pvPortMalloc_aligned_for_all_sizes(void)
{
    heap_fresh();
    check_alignment(true);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

static void test_pvPortMalloc_free_size_exact(void)
{
    static const size_t sizes[] = {1, 15, 16, 17, 100, 4 * UNIT, 5 * UNIT, BIG};

    heap_fresh();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        size_t before = xPortGetFreeHeapSize();
        void *p = pvPortMalloc(sizes[i]);

        QT_EQ(before - xPortGetFreeHeapSize(), BLK(sizes[i]));
        vPortFree(p);
        QT_EQ(xPortGetFreeHeapSize(), before);
    }
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
    size_t expected = 0;

    heap_fresh();
    for (int i = 0; i < REGIONS; i++) {
        expected += regions[i].xSizeInBytes / (HEAP_CHUNK + HDR);
    }
    check_exhaustion(expected);
}

/* Each region, filled by one allocation, holds it entirely; then nothing is left anywhere. */
static void test_pvPortMalloc_fills_each_region(void)
{
    static const uint8_t *const by_size[REGIONS] = {region_c, region_b, region_a};
    static const size_t sizes[REGIONS] = {sizeof(region_c) - TRIM, sizeof(region_b) - TRIM,
                                          sizeof(region_a) - TRIM};
    void *p[REGIONS];
    HeapStats_t s;

    heap_fresh();
    for (int i = 0; i < REGIONS; i++) { /* largest first: each fits only its own region */
        p[i] = pvPortMalloc(sizes[i] - HDR);
        QT_PTR_EQ(p[i], by_size[i] + HDR);
        if (p[i] != NULL) {
            memset(p[i], i, sizes[i] - HDR);
        }
    }
    QT_EQ(xPortGetFreeHeapSize(), 0);
    QT_PTR_EQ(pvPortMalloc(1), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    s = stats();
    QT_EQ(s.xNumberOfFreeBlocks, 0);
    QT_EQ(s.xSizeOfLargestFreeBlockInBytes, 0);
    QT_EQ(s.xMinimumEverFreeBytesRemaining, 0);
    for (int i = 0; i < REGIONS; i++) {
        vPortFree(p[i]);
    }
    s = stats();
    QT_EQ(s.xAvailableHeapSpaceInBytes, heap_capacity());
    QT_EQ(s.xNumberOfFreeBlocks, 3); /* regions never merge */
}

/* Free bytes spread over regions cannot satisfy a request larger than any one region. */
static void test_pvPortMalloc_larger_than_any_region_fails(void)
{
    heap_fresh();
    QT_PTR_EQ(pvPortMalloc(sizeof(region_c) - TRIM), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
}

/* First fit runs through the regions in address order. */
static void test_pvPortMalloc_first_fit_across_regions(void)
{
    void *small, *fill, *next;

    heap_fresh();
    small = pvPortMalloc(16);
    QT_PTR_EQ(small, regions[0].pucStartAddress + HDR);
    vPortFree(small);
    fill = pvPortMalloc(regions[0].xSizeInBytes - HDR);
    QT_PTR_EQ(fill, regions[0].pucStartAddress + HDR);
    next = pvPortMalloc(16); /* the lowest region is full: the next one up */
    QT_PTR_EQ(next, regions[1].pucStartAddress + HDR);
    vPortFree(fill);
    vPortFree(next);
}

/* Unaligned region edges are trimmed inwards; touching regions keep a gap and never merge. */
static void test_vPortDefineHeapRegions_aligns_and_separates(void)
{
    const HeapRegion_t unaligned[] = {{spare + 3, 1000}, {NULL, 0}};
    const HeapRegion_t touching[] = {{spare, 1024}, {spare + 1024, 1024}, {NULL, 0}};
    void *p;

    vPortHeapResetState();
    vPortDefineHeapRegions(unaligned);
    /* spare + 16 .. spare + 992 with the host's 16-byte alignment */
    QT_EQ(xPortGetFreeHeapSize(), (1003 & ~(size_t)portBYTE_ALIGNMENT_MASK) - ALIGN_UP(3));
    p = pvPortMalloc(1);
    QT_PTR_EQ(p, spare + ALIGN_UP(3) + HDR);
    vPortFree(p);

    vPortHeapResetState();
    vPortDefineHeapRegions(touching);
    QT_EQ(xPortGetFreeHeapSize(), 2048 - portBYTE_ALIGNMENT);
    QT_EQ(stats().xNumberOfFreeBlocks, 2);
    QT_EQ(stats().xSizeOfLargestFreeBlockInBytes, 1024);
    QT_PTR_EQ(pvPortMalloc(1024), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    heap_fresh();
}

/* Regions too small for a single block (after alignment and gaps) add nothing. */
static void test_vPortDefineHeapRegions_skips_tiny_regions(void)
{
    const HeapRegion_t tiny[] = {
        {spare, HDR},
        {spare + 64, 1024},
        {spare + 1088, HDR},
        {spare + 2048, HDR + portBYTE_ALIGNMENT - 1}, /* aligned inwards to HDR */
        {NULL, 0}};

    vPortHeapResetState();
    vPortDefineHeapRegions(tiny);
    QT_EQ(xPortGetFreeHeapSize(), 1024);
    QT_EQ(stats().xNumberOfFreeBlocks, 1);
    heap_fresh();
}

static void test_xPortGetMinimumEverFreeHeapSize_tracks_and_resets(void)
{
    size_t cap = heap_capacity();
    void *p, *q;

    heap_fresh();
    p = pvPortMalloc(UNIT);
    q = pvPortMalloc(BIG);
    vPortFree(p);
    vPortFree(q);
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap - BLK(UNIT) - BLK(BIG));
    xPortResetHeapMinimumEverFreeHeapSize();
    QT_EQ(xPortGetMinimumEverFreeHeapSize(), cap);
}

static void test_vPortGetHeapStats_fields(void)
{
    size_t cap = heap_capacity(), largest = 0;
    HeapStats_t s;
    void *a, *b;

    heap_fresh();
    a = pvPortMalloc(100); /* both from the lowest region */
    b = pvPortMalloc(200);
    vPortFree(a);
    for (int i = 0; i < REGIONS; i++) {
        size_t f = regions[i].xSizeInBytes - (i == 0 ? BLK(100) + BLK(200) : 0);

        largest = f > largest ? f : largest;
    }
    s = stats();
    QT_EQ(s.xAvailableHeapSpaceInBytes, cap - BLK(200));
    QT_EQ(s.xSizeOfLargestFreeBlockInBytes, largest);
    QT_EQ(s.xSizeOfSmallestFreeBlockInBytes, BLK(100));
    QT_EQ(s.xNumberOfFreeBlocks, 4); /* a's hole, the rest of the lowest region, two regions */
    QT_EQ(s.xMinimumEverFreeBytesRemaining, cap - BLK(100) - BLK(200));
    QT_EQ(s.xNumberOfSuccessfulAllocations, 2);
    QT_EQ(s.xNumberOfSuccessfulFrees, 1);
    vPortFree(b);
    QT_EQ(stats().xNumberOfFreeBlocks, 3);
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

/* After a reset the heap has no memory until regions are defined again. */
static void test_vPortHeapResetState_forgets_regions(void)
{
    heap_fresh();
    (void)pvPortMalloc(5 * UNIT);
    vPortHeapResetState();
    vPortInitialiseBlocks(); /* kept for old applications; changes nothing */
    QT_EQ(xPortGetFreeHeapSize(), 0);
    vPortDefineHeapRegions(regions);
    QT_EQ(xPortGetFreeHeapSize(), heap_capacity());
    QT_EQ(stats().xNumberOfSuccessfulAllocations, 0);
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

static void malloc_without_regions(void *arg)
{
    (void)arg;
    vPortHeapResetState();
    (void)pvPortMalloc(16);
}

static void define_descending(void *arg)
{
    const HeapRegion_t descending[] = {{spare + 2048, 1024}, {spare, 1024}, {NULL, 0}};

    (void)arg;
    vPortHeapResetState();
    vPortDefineHeapRegions(descending);
}

static void define_twice(void *arg)
{
    (void)arg;
    vPortDefineHeapRegions(regions); /* the standard regions are defined already */
}

static void test_vPortDefineHeapRegions_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(malloc_without_regions, NULL);
    QT_EXPECT_ASSERT(define_descending, NULL);
    QT_EXPECT_ASSERT(define_twice, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_vPortDefineHeapRegions_every_region_free),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_aligned_for_all_sizes),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_free_size_exact),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_zero_returns_null),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_impossible_sizes_fail),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_exhaustion_calls_hook),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_fills_each_region),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_larger_than_any_region_fails),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_first_fit_across_regions),
           QTEST_CASE_NO_SCHEDULER(test_vPortDefineHeapRegions_aligns_and_separates),
           QTEST_CASE_NO_SCHEDULER(test_vPortDefineHeapRegions_skips_tiny_regions),
           QTEST_CASE_NO_SCHEDULER(test_xPortGetMinimumEverFreeHeapSize_tracks_and_resets),
           QTEST_CASE_NO_SCHEDULER(test_vPortGetHeapStats_fields),
           QTEST_CASE_NO_SCHEDULER(test_pvPortCalloc_zeroes_and_rejects_overflow),
           QTEST_CASE_NO_SCHEDULER(test_pvPortMalloc_reuses_freed_block),
           QTEST_CASE_NO_SCHEDULER(test_vPortHeapResetState_forgets_regions),
           OPTION_CASES QTEST_CASE(test_pvPortMalloc_concurrent_tasks),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_twice_asserts),
           QTEST_CASE_NO_SCHEDULER(test_vPortFree_foreign_pointer_asserts),
           QTEST_CASE_NO_SCHEDULER(test_vPortDefineHeapRegions_misuse_asserts))
