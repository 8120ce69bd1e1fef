/* SPDX-License-Identifier: MIT */
/*
 * heap_checks.c: behaviour every heap scheme shares, checked the same way for
 * each (see heap_checks.h). Checks that need a scheme's optional functions
 * (xPortGetFreeHeapSize, pvPortCalloc) reach them through weak references, as
 * the harness does, so that this file links with heap_1 and heap_3 too.
 */
#include "heap_checks.h"

#include "qtest_port.h"
#include "task.h"

#include <string.h>

#pragma weak xPortGetFreeHeapSize
#pragma weak pvPortCalloc

size_t heap_free_now(void)
{
    return xPortGetFreeHeapSize ? xPortGetFreeHeapSize() : 0;
}

static bool aligned(const void *p)
{
    return ((uintptr_t)p & portBYTE_ALIGNMENT_MASK) == 0;
}

static void fill(uint8_t *p, size_t n, uint8_t tag)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)(tag + i * 7u);
    }
}

static bool intact(const uint8_t *p, size_t n, uint8_t tag)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != (uint8_t)(tag + i * 7u)) {
            return false;
        }
    }
    return true;
}

/* ---- Sizes and alignment ---- */

/* Sizes 1..SMALL_SIZES, then the large sizes up to QTEST_HEAP_LARGEST (all on a host). */
#define SMALL_SIZES QTEST_HEAP_SMALL_SIZES
static const size_t large_sizes[] = {511, 512, 513, 1000, 4095, 4096, 4097, 65537};
#define N_SIZES (SMALL_SIZES + sizeof(large_sizes) / sizeof(large_sizes[0]))

static size_t nth_size(size_t i)
{
    return i < SMALL_SIZES ? i + 1 : large_sizes[i - SMALL_SIZES];
}

/* How many of the sizes a heap of this board holds at once. */
static size_t sizes_in_use(void)
{
    size_t n = SMALL_SIZES;

    while (n < N_SIZES && nth_size(n) <= QTEST_HEAP_LARGEST) {
        n++;
    }
    return n;
}

/* Every size gets an aligned block of its own: all of them are live and written at once. */
void check_alignment(bool can_free)
{
    static uint8_t *p[N_SIZES];
    const size_t n_sizes = sizes_in_use();

    for (size_t i = 0; i < n_sizes; i++) {
        p[i] = pvPortMalloc(nth_size(i));
        QT_ASSERT(p[i] != NULL);
        QT_ASSERT(aligned(p[i]));
        QT_ASSERT(heap_owns(p[i], nth_size(i)));
        if (p[i] != NULL) {
            fill(p[i], nth_size(i), (uint8_t)i);
        }
    }
    for (size_t i = 0; i < n_sizes; i++) {
        QT_ASSERT(p[i] == NULL || intact(p[i], nth_size(i), (uint8_t)i));
        if (can_free) {
            vPortFree(p[i]);
        }
    }
    QT_EQ(qtest_malloc_failures, 0);
}

/* pvPortMalloc(0) returns NULL and is not an allocation failure; vPortFree(NULL) is harmless. */
void check_zero_size(void)
{
    size_t before = heap_free_now();

    QT_PTR_EQ(pvPortMalloc(0), NULL);
    QT_EQ(qtest_malloc_failures, 0);
    vPortFree(NULL);
    QT_EQ(heap_free_now(), before);
}

/* Sizes whose header and padding arithmetic would overflow fail cleanly, through the hook. */
void check_impossible_sizes(void)
{
    static const size_t sizes[] = {
        SIZE_MAX,         SIZE_MAX - 1, SIZE_MAX - HDR + 1, SIZE_MAX - portBYTE_ALIGNMENT,
        SIZE_MAX / 2 + 1, SIZE_MAX / 2, SIZE_MAX / 4 * 3};
    size_t before = heap_free_now();

    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        QT_PTR_EQ(pvPortMalloc(sizes[i]), NULL);
        QT_EQ(qtest_malloc_failures, i + 1);
    }
    QT_EQ(heap_free_now(), before);
}

/*
 * Allocating until the heap is full: NULL, one hook call per failure, and
 * everything back after freeing. `expected` is how many chunks the scheme
 * fits into its memory.
 */
void check_exhaustion(size_t expected)
{
    enum { MAX_CHUNKS = 2 * configTOTAL_HEAP_SIZE / HEAP_CHUNK };
    static void *chunk[MAX_CHUNKS];
    size_t n = 0;

    QT_PTR_EQ(pvPortMalloc(heap_capacity() + 1), NULL);
    QT_EQ(qtest_malloc_failures, 1);
    while (n < MAX_CHUNKS && (chunk[n] = pvPortMalloc(HEAP_CHUNK)) != NULL) {
        n++;
    }
    QT_EQ(n, expected);
    QT_EQ(qtest_malloc_failures, 2);
    QT_EQ(heap_free_now(), heap_capacity() - n * (HEAP_CHUNK + HDR));
    for (size_t i = 0; i < n; i++) {
        vPortFree(chunk[i]);
    }
    QT_EQ(heap_free_now(), heap_capacity());
    chunk[0] = pvPortMalloc(HEAP_CHUNK);
    QT_ASSERT(chunk[0] != NULL);
    vPortFree(chunk[0]);
    QT_EQ(qtest_malloc_failures, 2);
}

/* ---- pvPortCalloc (heap_2, heap_4, heap_5) ---- */

void check_calloc(void)
{
    uint8_t *p = pvPortMalloc(1000), *q;
    bool zero = true;

    QT_ASSERT(p != NULL);
    memset(p, 0xa5, 1000);
    vPortFree(p);
    q = pvPortCalloc(10, 100); /* the same block again (first or best fit), now zeroed */
    QT_PTR_EQ(q, p);
    for (size_t i = 0; q != NULL && i < 1000; i++) {
        zero = zero && q[i] == 0;
    }
    QT_ASSERT(zero);
    vPortFree(q);

    QT_PTR_EQ(pvPortCalloc(SIZE_MAX / 2, 3), NULL);
    QT_PTR_EQ(pvPortCalloc(2, SIZE_MAX / 2 + 1), NULL);
    /* Each factor fits, their product does not, on any width of size_t. */
    QT_PTR_EQ(pvPortCalloc(((size_t)1 << (sizeof(size_t) * 4)) + 1,
                           ((size_t)1 << (sizeof(size_t) * 4)) + 1),
              NULL);
    QT_EQ(qtest_malloc_failures, 0); /* nothing was asked of the heap */
    QT_PTR_EQ(pvPortCalloc(0, 16), NULL);
    QT_PTR_EQ(pvPortCalloc(16, 0), NULL);
    QT_EQ(heap_free_now(), heap_capacity());
}

/*
 * A freed block is handed out again for the same size. With
 * configHEAP_CLEAR_MEMORY_ON_FREE it comes back zeroed, otherwise its
 * contents are unspecified.
 */
void check_address_reuse(void)
{
    uint8_t *p = pvPortMalloc(256), *q;
    bool zero = true;

    QT_ASSERT(p != NULL);
    memset(p, 0x5a, 256);
    vPortFree(p);
    q = pvPortMalloc(256);
    QT_PTR_EQ(q, p);
    for (size_t i = 0; q != NULL && i < 256; i++) {
        zero = zero && q[i] == 0;
    }
    QT_EQ(zero, configHEAP_CLEAR_MEMORY_ON_FREE != 0);
    vPortFree(q);
}

/* ---- The tasks of check_tasks ---- */

/*
 * The workers print nothing (QTEST_QUIET_STACK). Their blocks are of up to
 * QTEST_HEAP_WORKER_BLOCK bytes, which a small board lowers so that all 24 slots can be live.
 */
#define WORKERS 4
#define ROUNDS 400
#define SLOTS 6
#define MAX_LEN QTEST_HEAP_WORKER_BLOCK
#define WORKER_STACK QTEST_QUIET_STACK

struct worker {
    TaskHandle_t task;
    uint32_t seed;
    volatile unsigned errors;
    volatile bool done;
#if !configSUPPORT_DYNAMIC_ALLOCATION
    StaticTask_t tcb;
    StackType_t stack[WORKER_STACK];
#endif
};

static struct worker workers[WORKERS];
static bool workers_free;

static bool current_is_worker(void)
{
    TaskHandle_t me = xTaskGetCurrentTaskHandle();

    for (unsigned i = 0; i < WORKERS; i++) {
        if (workers[i].task != NULL && workers[i].task == me) {
            return true;
        }
    }
    return false;
}

/* ---- traceMALLOC / traceFREE (configs/heap_options) ---- */

static volatile unsigned trace_mallocs, trace_frees, trace_errors;
static void *volatile trace_addr;
static volatile size_t trace_size;
static volatile bool burn_in_heap; /* set by check_tasks */
static void *volatile heap_owner;

/*
 * While check_tasks runs, a worker that reaches a trace point (inside the
 * heap lock) uses a tick of CPU time; the tick must not let another task into
 * the heap before this one leaves it.
 */
static void burn_tick_in_heap(void)
{
    void *me;

    if (!burn_in_heap || !current_is_worker()) {
        return;
    }
    me = xTaskGetCurrentTaskHandle();
    if (heap_owner != NULL) {
        trace_errors++;
    }
    heap_owner = me;
    qtest_busy_ticks(1);
    if (heap_owner != me) {
        trace_errors++;
    }
    heap_owner = NULL;
}

/* Run once by the next traceMALLOC, inside the heap lock (check_lock_holds_back). */
static void (*volatile in_lock)(void);

void heap_test_trace_malloc(void *addr, size_t size)
{
    void (*const f)(void) = in_lock;

    trace_mallocs++;
    trace_addr = addr;
    trace_size = size;
    burn_tick_in_heap();
    if (f != NULL) {
        in_lock = NULL;
        f();
    }
}

void heap_test_trace_free(void *addr, size_t size)
{
    trace_frees++;
    trace_addr = addr;
    trace_size = size;
    burn_tick_in_heap();
}

/* Each allocation and free reports its block, failed allocations report NULL. */
void check_trace(bool can_free)
{
    unsigned mallocs = trace_mallocs, frees = trace_frees;
    void *p = pvPortMalloc(100);

    QT_ASSERT(p != NULL);
    QT_EQ(trace_mallocs, mallocs + 1);
    QT_PTR_EQ(trace_addr, p);
    QT_ASSERT(trace_size >= 100 && trace_size <= ALIGN_UP(100) + HDR);
    QT_PTR_EQ(pvPortMalloc(SIZE_MAX), NULL);
    QT_EQ(trace_mallocs, mallocs + 2);
    QT_PTR_EQ(trace_addr, NULL);
    if (can_free) {
        vPortFree(p);
        QT_EQ(trace_frees, frees + 1);
        QT_PTR_EQ(trace_addr, p);
        QT_ASSERT(trace_size >= 100 && trace_size <= ALIGN_UP(100) + HDR);
    }
}

/* ---- What the heap lock holds back ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION

static TaskHandle_t high;
static volatile bool high_ran, high_ran_in_lock;

static void high_task(void *arg)
{
    (void)arg;
    for (;;) {
        high_ran = true;
        vTaskSuspend(NULL);
    }
}

static void ready_high_and_burn_tick(void)
{
    vTaskResume(high);   /* it outranks the allocating task: the switch must wait */
    qtest_busy_ticks(1); /* a tick arrives while the scheduler is suspended */
    high_ran_in_lock = high_ran;
}

/*
 * The heap lock suspends the scheduler: a switch and a tick that come while it is held wait
 * for it, and both happen as the allocation leaves it, before pvPortMalloc returns.
 */
void check_lock_holds_back(void)
{
    TickType_t before;
    bool ran_at_unlock;
    void *p;

    high_ran = false;
    QT_EQ(xTaskCreate(high_task, "high", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1,
                      &high),
          pdPASS);
    QT_ASSERT(high_ran); /* it ran and suspended itself */
    high_ran = false;
    high_ran_in_lock = true;
    before = xTaskGetTickCount();
    in_lock = ready_high_and_burn_tick;
    p = pvPortMalloc(32);
    ran_at_unlock = high_ran;
    QT_ASSERT(p != NULL);
    QT_ASSERT(!high_ran_in_lock);
    QT_ASSERT(ran_at_unlock);
    QT_ASSERT(xTaskGetTickCount() != before); /* the pended tick was counted */
    vPortFree(p);
    vTaskDelete(high);
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

/* ---- Several tasks using the heap at once ---- */

static uint32_t rnd(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

/* One step: check and drop a live block, or allocate and fill an empty slot. */
static void worker_step(struct worker *w, uint8_t **slot, size_t *len, uint8_t *tag)
{
    if (*slot != NULL) {
        if (!intact(*slot, *len, *tag)) {
            w->errors++;
        }
        if (workers_free) {
            vPortFree(*slot);
        }
        *slot = NULL;
        return;
    }
    *len = 1 + rnd(&w->seed) % MAX_LEN;
    *tag = (uint8_t)rnd(&w->seed);
    *slot = pvPortMalloc(*len);
    if (*slot == NULL || !aligned(*slot)) {
        w->errors++;
        *slot = NULL;
        return;
    }
    fill(*slot, *len, *tag);
}

/* ROUNDS, or fewer where a heap that never frees (heap_1) could not hold a block every round. */
static unsigned worker_rounds = ROUNDS;

static void worker_task(void *arg)
{
    struct worker *w = arg;
    uint8_t *slot[SLOTS] = {NULL};
    size_t len[SLOTS] = {0};
    uint8_t tag[SLOTS] = {0};

    for (unsigned r = 0; r < worker_rounds; r++) {
        unsigned i = rnd(&w->seed) % SLOTS;

        worker_step(w, &slot[i], &len[i], &tag[i]);
        if (r % 3 == 0) {
            qtest_busy_ticks(1); /* the tick time-slices the workers between steps */
        }
    }
    for (unsigned i = 0; i < SLOTS; i++) {
        if (slot[i] != NULL) {
            worker_step(w, &slot[i], &len[i], &tag[i]);
        }
    }
    w->done = true;
    vTaskSuspend(NULL);
}

static void start_worker(struct worker *w, unsigned id)
{
    *w = (struct worker){.seed = 0x9e3779b9u * (id + 1)};
#if configSUPPORT_DYNAMIC_ALLOCATION
    QT_EQ(xTaskCreate(worker_task, "worker", WORKER_STACK, w, QTEST_PRIORITY, &w->task), pdPASS);
#else
    w->task = xTaskCreateStatic(worker_task, "worker", WORKER_STACK, w, QTEST_PRIORITY, w->stack,
                                &w->tcb);
#endif
}

static bool all_done(void)
{
    for (unsigned i = 0; i < WORKERS; i++) {
        if (workers[i].task != NULL && !workers[i].done) {
            return false;
        }
    }
    return true;
}

/*
 * Workers at the case's priority allocate, fill, check and free blocks of
 * random sizes while the tick time-slices them (and, under heap_options,
 * while they hold the heap lock). No block may be handed out twice or
 * overwritten, and the heap must end as it began.
 */
void check_tasks(bool can_free)
{
    size_t before = heap_free_now();
    size_t most = before / (WORKERS * ALIGN_UP(MAX_LEN));

    workers_free = can_free;
    worker_rounds = can_free || most >= ROUNDS ? ROUNDS : (unsigned)most;
    QT_ASSERT(worker_rounds >= 6); /* each worker still time-sliced twice */
    for (unsigned i = 0; i < WORKERS; i++) {
        start_worker(&workers[i], i);
    }
    burn_in_heap = true;
    for (unsigned t = 0; t < 100000 && !all_done(); t++) {
        vTaskDelay(1);
    }
    burn_in_heap = false;
    QT_ASSERT(all_done());
    for (unsigned i = 0; i < WORKERS; i++) {
        QT_EQ(workers[i].errors, 0);
        if (workers[i].task != NULL) {
            vTaskDelete(workers[i].task);
        }
    }
    vTaskDelay(2); /* let the idle task reclaim anything deletion left to it */
    QT_EQ(trace_errors, 0);
    if (can_free) {
        QT_EQ(heap_free_now(), before);
    }
}

/* ---- configASSERT expectations ---- */

void free_twice(void *arg)
{
    void *p = pvPortMalloc(48);

    (void)arg;
    vPortFree(p);
    vPortFree(p);
}

void free_static_object(void *arg)
{
    static uint64_t not_heap[8] __attribute__((aligned(16)));

    (void)arg;
    vPortFree(&not_heap[4]);
}

/* A pointer into the middle of a live block is not a block. */
void free_inside_block(void *arg)
{
    uint8_t *p = pvPortMalloc(64);

    (void)arg;
    if (p != NULL) {
        memset(p, 0, 64);
        vPortFree(p + 16);
    }
}
