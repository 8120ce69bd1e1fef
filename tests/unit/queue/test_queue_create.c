/* SPDX-License-Identifier: MIT */
/*
 * Creating and deleting queues: static buffers and xQueueGetStaticBuffers,
 * one allocation per dynamic queue, allocation failure, deletion, the queue
 * registry and the trace-facility queries.
 */
#include "queue_test_util.h"

#include <string.h>

static QueueHandle_t q;

#if configSUPPORT_STATIC_ALLOCATION
static void test_xQueueCreateStatic_uses_the_given_buffers(void)
{
    static StaticQueue_t buffer;
    static uint8_t storage[4 * sizeof(uint32_t)];
    const uint32_t a = 0x11223344u;
    uint8_t *got_storage = NULL;
    StaticQueue_t *got_buffer = NULL;
    uint32_t v;

    memset(storage, 0, sizeof(storage));
    q = xQueueCreateStatic(4, sizeof(uint32_t), storage, &buffer);
    QT_PTR_EQ(q, &buffer);
    QT_EQ(xQueueSend(q, &a, 0), pdPASS);
    QT_EQ(memcmp(storage, &a, sizeof(a)), 0); /* the item lives in the application's array */
    QT_EQ(xQueueGetStaticBuffers(q, &got_storage, &got_buffer), pdTRUE);
    QT_PTR_EQ(got_storage, storage);
    QT_PTR_EQ(got_buffer, &buffer);
    QT_EQ(xQueueReceive(q, &v, 0), pdPASS);
    QT_EQ(v, a);
    vQueueDelete(q); /* must not free application memory (ASan would object) */
}

static void test_xSemaphoreGetStaticBuffer_for_static_semaphore(void)
{
    static StaticSemaphore_t buffer;
    StaticSemaphore_t *got = NULL;
    uint8_t *storage = (uint8_t *)&got; /* overwritten with NULL */
    SemaphoreHandle_t s = xSemaphoreCreateBinaryStatic(&buffer);

    QT_PTR_EQ(s, &buffer);
    QT_EQ(xSemaphoreGetStaticBuffer(s, &got), pdTRUE);
    QT_PTR_EQ(got, &buffer);
    QT_EQ(xQueueGetStaticBuffers(s, &storage, &got), pdTRUE);
    QT_PTR_EQ(storage, NULL);
    vSemaphoreDelete(s);
}
#endif

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_xQueueCreate_is_one_allocation(void)
{
    HeapStats_t before, after;

    vPortGetHeapStats(&before);
    q = xQueueCreate(10, 24);
    vPortGetHeapStats(&after);
    QT_ASSERT(q != NULL);
    QT_EQ(after.xNumberOfSuccessfulAllocations - before.xNumberOfSuccessfulAllocations, 1);
    QT_ASSERT(before.xAvailableHeapSpaceInBytes - after.xAvailableHeapSpaceInBytes >= 240);
    vQueueDelete(q);
    vPortGetHeapStats(&after);
    QT_EQ(after.xAvailableHeapSpaceInBytes, before.xAvailableHeapSpaceInBytes);
}

static void test_xQueueCreate_without_memory_returns_NULL(void)
{
    q = xQueueCreate(2, configTOTAL_HEAP_SIZE);
    QT_PTR_EQ(q, NULL);
    QT_EQ(qtest_malloc_failures, 1);
}

/* Allocates (almost) the whole heap; returns the block to free afterwards. */
static void *hog_heap(void)
{
    HeapStats_t stats;
    size_t size;
    void *hog;

    vPortGetHeapStats(&stats);
    size = stats.xSizeOfLargestFreeBlockInBytes;
    while ((hog = pvPortMalloc(size)) == NULL && size > 64) {
        size -= 8;
    }
    return hog;
}

static void test_semaphore_and_mutex_creation_without_memory_return_NULL(void)
{
    void *hog = hog_heap();

    QT_ASSERT(hog != NULL);
    QT_ASSERT(xPortGetFreeHeapSize() < sizeof(StaticQueue_t));
    QT_PTR_EQ(xSemaphoreCreateBinary(), NULL);
#if configUSE_COUNTING_SEMAPHORES
    QT_PTR_EQ(xSemaphoreCreateCounting(4, 1), NULL);
#endif
#if configUSE_MUTEXES
    QT_PTR_EQ(xSemaphoreCreateMutex(), NULL);
#endif
    vPortFree(hog);
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_xQueueGetStaticBuffers_of_dynamic_queue_is_false(void)
{
    StaticQueue_t *buffer = NULL;

    q = xQueueCreate(1, 1);
    QT_EQ(xQueueGetStaticBuffers(q, NULL, &buffer), pdFALSE);
    QT_PTR_EQ(buffer, NULL);
    vQueueDelete(q);
}
#endif
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configQUEUE_REGISTRY_SIZE > 0
static void test_queue_registry_names_queues(void)
{
    QueueHandle_t a = qu_queue(1, 1), b = qu_queue(1, 1);

    QT_PTR_EQ(pcQueueGetName(a), NULL);
    vQueueAddToRegistry(a, "alpha");
    vQueueAddToRegistry(b, "beta");
    QT_ASSERT(strcmp(pcQueueGetName(a), "alpha") == 0);
    QT_ASSERT(strcmp(pcQueueGetName(b), "beta") == 0);
    vQueueAddToRegistry(a, "alpha2"); /* re-registering renames */
    QT_ASSERT(strcmp(pcQueueGetName(a), "alpha2") == 0);
    vQueueUnregisterQueue(a);
    QT_PTR_EQ(pcQueueGetName(a), NULL);
    vQueueAddToRegistry(a, NULL); /* FreeRTOS registers only named queues */
    QT_PTR_EQ(pcQueueGetName(a), NULL);
    vQueueDelete(b); /* deletion unregisters */
    b = qu_queue(1, 1);
    QT_PTR_EQ(pcQueueGetName(b), NULL);
    vQueueDelete(a);
    vQueueDelete(b);
}

static void test_queue_registry_ignores_queues_beyond_its_size(void)
{
    QueueHandle_t qs[configQUEUE_REGISTRY_SIZE + 1];

    for (int i = 0; i <= configQUEUE_REGISTRY_SIZE; i++) {
        qs[i] = qu_queue(1, 1);
        vQueueAddToRegistry(qs[i], "q");
    }
    QT_PTR_EQ(pcQueueGetName(qs[configQUEUE_REGISTRY_SIZE]), NULL);
    QT_ASSERT(pcQueueGetName(qs[0]) != NULL);
    vQueueDelete(qs[0]); /* frees an entry */
    vQueueAddToRegistry(qs[configQUEUE_REGISTRY_SIZE], "last");
    QT_ASSERT(strcmp(pcQueueGetName(qs[configQUEUE_REGISTRY_SIZE]), "last") == 0);
    for (int i = 1; i <= configQUEUE_REGISTRY_SIZE; i++) {
        vQueueDelete(qs[i]);
    }
}
#endif

#if configUSE_TRACE_FACILITY
static void test_queue_type_and_number(void)
{
    QueueHandle_t a = qu_queue(1, 4);
    SemaphoreHandle_t b = qu_binary();

    QT_EQ(ucQueueGetQueueType(a), queueQUEUE_TYPE_BASE);
    QT_EQ(ucQueueGetQueueType(b), queueQUEUE_TYPE_BINARY_SEMAPHORE);
    QT_EQ(uxQueueGetQueueNumber(a), 0);
    vQueueSetQueueNumber(a, 77);
    QT_EQ(uxQueueGetQueueNumber(a), 77);
#if configUSE_COUNTING_SEMAPHORES
    SemaphoreHandle_t c = qu_counting(3, 0);
    QT_EQ(ucQueueGetQueueType(c), queueQUEUE_TYPE_COUNTING_SEMAPHORE);
    vSemaphoreDelete(c);
#endif
#if configUSE_MUTEXES
    SemaphoreHandle_t m = qu_mutex();
    QT_EQ(ucQueueGetQueueType(m), queueQUEUE_TYPE_MUTEX);
    vSemaphoreDelete(m);
#endif
#if configUSE_RECURSIVE_MUTEXES
    SemaphoreHandle_t r = qu_recursive_mutex();
    QT_EQ(ucQueueGetQueueType(r), queueQUEUE_TYPE_RECURSIVE_MUTEX);
    vSemaphoreDelete(r);
#endif
    vQueueDelete(a);
    vSemaphoreDelete(b);
}
#endif

/* ---- Misuse (configASSERT) ---- */

#if configSUPPORT_DYNAMIC_ALLOCATION
static void create_zero_length(void *arg)
{
    (void)arg;
    (void)xQueueCreate(0, 4);
}

static void create_overflowing_size(void *arg)
{
    (void)arg;
    (void)xQueueCreate((UBaseType_t)-1 / 2, 4);
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
static void create_static_without_buffer(void *arg)
{
    static uint8_t storage[8];

    (void)arg;
    (void)xQueueCreateStatic(2, 4, storage, NULL);
}

static void create_static_without_storage(void *arg)
{
    static StaticQueue_t buffer;

    (void)arg;
    (void)xQueueCreateStatic(2, 4, NULL, &buffer);
}

static void create_static_semaphore_with_storage(void *arg)
{
    static StaticQueue_t buffer;
    static uint8_t storage[8];

    (void)arg;
    (void)xQueueCreateStatic(2, 0, storage, &buffer);
}
#endif

static void receive_forever(void *arg)
{
    uint32_t v;

    (void)arg;
    (void)xQueueReceive(q, &v, portMAX_DELAY);
    tt_park();
}

static void delete_with_waiter(void *arg)
{
    (void)arg;
    vQueueDelete(q);
}

static void delete_null(void *arg)
{
    (void)arg;
    vQueueDelete(NULL);
}

static void test_queue_create_misuse_asserts(void)
{
    TaskHandle_t rx;

#if configSUPPORT_DYNAMIC_ALLOCATION
    QT_EXPECT_ASSERT(create_zero_length, NULL);
    QT_EXPECT_ASSERT(create_overflowing_size, NULL);
#endif
#if configSUPPORT_STATIC_ALLOCATION
    QT_EXPECT_ASSERT(create_static_without_buffer, NULL);
    QT_EXPECT_ASSERT(create_static_without_storage, NULL);
    QT_EXPECT_ASSERT(create_static_semaphore_with_storage, NULL);
#endif
    QT_EXPECT_ASSERT(delete_null, NULL);
    q = qu_queue(1, 4);
    rx = tt_spawn(receive_forever, "rx", QTEST_PRIORITY - 1, NULL);
    qu_settle();
    QT_EXPECT_ASSERT(delete_with_waiter, NULL);
    vTaskDelete(rx);
    vQueueDelete(q);
}

static const struct qtest_case cases[] = {
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xQueueCreateStatic_uses_the_given_buffers),
    QTEST_CASE(test_xSemaphoreGetStaticBuffer_for_static_semaphore),
#endif
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_xQueueCreate_is_one_allocation),
    QTEST_CASE(test_xQueueCreate_without_memory_returns_NULL),
    QTEST_CASE(test_semaphore_and_mutex_creation_without_memory_return_NULL),
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xQueueGetStaticBuffers_of_dynamic_queue_is_false),
#endif
#endif
#if configQUEUE_REGISTRY_SIZE > 0
    QTEST_CASE(test_queue_registry_names_queues),
    QTEST_CASE(test_queue_registry_ignores_queues_beyond_its_size),
#endif
#if configUSE_TRACE_FACILITY
    QTEST_CASE(test_queue_type_and_number),
#endif
    QTEST_CASE(test_queue_create_misuse_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
