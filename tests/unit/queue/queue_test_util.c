/* SPDX-License-Identifier: MIT */
/*
 * queue_test_util.c: the object constructors and scheduling helpers of
 * queue_test_util.h.
 */
#include "queue_test_util.h"

#if !configSUPPORT_DYNAMIC_ALLOCATION
static StaticQueue_t pool_queue[QTEST_POOL_QUEUES];
static uint8_t pool_storage[QTEST_POOL_QUEUES][QU_POOL_BYTES];
static struct qtest_pool pool = QTEST_POOL_INIT("queue (QTEST_POOL_QUEUES)", pool_queue);

static unsigned pool_take(void)
{
    return qtest_pool_take(&pool);
}
#endif

QueueHandle_t qu_queue(UBaseType_t length, UBaseType_t item_size)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    QueueHandle_t q = xQueueCreate(length, item_size);
#else
    unsigned i = pool_take();
    QueueHandle_t q;

    QT_ASSERT(length * item_size <= QU_POOL_BYTES);
    q = xQueueCreateStatic(length, item_size, item_size != 0 ? pool_storage[i] : NULL,
                           &pool_queue[i]);
#endif
    QT_ASSERT(q != NULL);
    return q;
}

SemaphoreHandle_t qu_binary(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    SemaphoreHandle_t s = xSemaphoreCreateBinary();
#else
    SemaphoreHandle_t s = xSemaphoreCreateBinaryStatic(&pool_queue[pool_take()]);
#endif
    QT_ASSERT(s != NULL);
    return s;
}

#if configUSE_COUNTING_SEMAPHORES
SemaphoreHandle_t qu_counting(UBaseType_t max_count, UBaseType_t initial_count)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    SemaphoreHandle_t s = xSemaphoreCreateCounting(max_count, initial_count);
#else
    SemaphoreHandle_t s =
        xSemaphoreCreateCountingStatic(max_count, initial_count, &pool_queue[pool_take()]);
#endif
    QT_ASSERT(s != NULL);
    return s;
}
#endif

#if configUSE_MUTEXES
SemaphoreHandle_t qu_mutex(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    SemaphoreHandle_t s = xSemaphoreCreateMutex();
#else
    SemaphoreHandle_t s = xSemaphoreCreateMutexStatic(&pool_queue[pool_take()]);
#endif
    QT_ASSERT(s != NULL);
    return s;
}
#endif

#if configUSE_RECURSIVE_MUTEXES
SemaphoreHandle_t qu_recursive_mutex(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    SemaphoreHandle_t s = xSemaphoreCreateRecursiveMutex();
#else
    SemaphoreHandle_t s = xSemaphoreCreateRecursiveMutexStatic(&pool_queue[pool_take()]);
#endif
    QT_ASSERT(s != NULL);
    return s;
}
#endif

void qu_yield_if_coop(void)
{
    if (!configUSE_PREEMPTION) {
        taskYIELD();
    }
}

void qu_settle(void)
{
    vTaskDelay(1);
}
