/* SPDX-License-Identifier: MIT */
/*
 * semphr.h: the FreeRTOS semaphore and mutex API, as macros over the queue
 * functions in queue.h exactly as FreeRTOS maps them, so queue functions work
 * on semaphore handles (uxQueueMessagesWaiting gives a semaphore's count).
 *
 * Binary and counting semaphores may be given and taken from interrupts;
 * mutexes may not (configASSERT). Mutexes have priority inheritance: a holder
 * runs at the highest priority of any task waiting for any mutex it holds,
 * transitively along chains of holders blocked on other mutexes, and drops
 * back as soon as it gives a mutex whose waiters needed the boost, even while
 * it still holds others. Only the holder may give a mutex. A task deleted
 * while holding mutexes hands each to its highest-priority waiter (or leaves
 * it free) so that no waiter is stranded.
 */
#ifndef SEMAPHORE_H
#define SEMAPHORE_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before semphr.h"
#endif

#include "queue.h"

typedef QueueHandle_t SemaphoreHandle_t;

#if configENABLE_BACKWARD_COMPATIBILITY
#define xSemaphoreHandle SemaphoreHandle_t
#endif

#define semBINARY_SEMAPHORE_QUEUE_LENGTH ((uint8_t)1U)
#define semSEMAPHORE_QUEUE_ITEM_LENGTH ((uint8_t)0U)
#define semGIVE_BLOCK_TIME ((TickType_t)0U)

/* ---- Creation ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
/* Legacy: creates a binary semaphore that starts given. */
#define vSemaphoreCreateBinary(sem)                                                                \
    do {                                                                                           \
        (sem) = xQueueGenericCreate((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH,                \
                                    queueQUEUE_TYPE_BINARY_SEMAPHORE);                             \
        if ((sem) != NULL) {                                                                       \
            (void)xSemaphoreGive((sem));                                                           \
        }                                                                                          \
    } while (0)
/* Starts empty: the first xSemaphoreTake blocks until a give. */
#define xSemaphoreCreateBinary()                                                                   \
    xQueueGenericCreate((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH,                            \
                        queueQUEUE_TYPE_BINARY_SEMAPHORE)
#endif
#if configSUPPORT_STATIC_ALLOCATION
#define xSemaphoreCreateBinaryStatic(buffer)                                                       \
    xQueueGenericCreateStatic((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH, NULL, (buffer),      \
                              queueQUEUE_TYPE_BINARY_SEMAPHORE)
#endif

#if configUSE_COUNTING_SEMAPHORES
#if configSUPPORT_DYNAMIC_ALLOCATION
#define xSemaphoreCreateCounting(max_count, initial_count)                                         \
    xQueueCreateCountingSemaphore((max_count), (initial_count))
#endif
#if configSUPPORT_STATIC_ALLOCATION
#define xSemaphoreCreateCountingStatic(max_count, initial_count, buffer)                           \
    xQueueCreateCountingSemaphoreStatic((max_count), (initial_count), (buffer))
#endif
#endif

#if configUSE_MUTEXES
#if configSUPPORT_DYNAMIC_ALLOCATION
#define xSemaphoreCreateMutex() xQueueCreateMutex(queueQUEUE_TYPE_MUTEX)
#endif
#if configSUPPORT_STATIC_ALLOCATION
#define xSemaphoreCreateMutexStatic(buffer) xQueueCreateMutexStatic(queueQUEUE_TYPE_MUTEX, (buffer))
#endif
#endif

#if configUSE_RECURSIVE_MUTEXES
#if configSUPPORT_DYNAMIC_ALLOCATION
#define xSemaphoreCreateRecursiveMutex() xQueueCreateMutex(queueQUEUE_TYPE_RECURSIVE_MUTEX)
#endif
#if configSUPPORT_STATIC_ALLOCATION
#define xSemaphoreCreateRecursiveMutexStatic(buffer)                                               \
    xQueueCreateMutexStatic(queueQUEUE_TYPE_RECURSIVE_MUTEX, (buffer))
#endif
#endif

#define vSemaphoreDelete(sem) vQueueDelete((QueueHandle_t)(sem))

/* ---- Take and give ---- */
#define xSemaphoreTake(sem, ticks) xQueueSemaphoreTake((sem), (ticks))
/* xQueueGenericSend(sem, NULL, semGIVE_BLOCK_TIME, queueSEND_TO_BACK), by an entry of its own
 * (kernel/queue.c) that traces as that call. */
#define xSemaphoreGive(sem) quartz_semaphore_give((QueueHandle_t)(sem))
#define xSemaphoreTakeFromISR(sem, woken) xQueueReceiveFromISR((QueueHandle_t)(sem), NULL, (woken))
#define xSemaphoreGiveFromISR(sem, woken) xQueueGiveFromISR((QueueHandle_t)(sem), (woken))

#if configUSE_RECURSIVE_MUTEXES
#define xSemaphoreTakeRecursive(mutex, ticks) xQueueTakeMutexRecursive((mutex), (ticks))
#define xSemaphoreGiveRecursive(mutex) xQueueGiveMutexRecursive((mutex))
#endif

/* ---- State ---- */
#if configUSE_MUTEXES
#define xSemaphoreGetMutexHolder(sem) xQueueGetMutexHolder((sem))
#define xSemaphoreGetMutexHolderFromISR(sem) xQueueGetMutexHolderFromISR((sem))
#endif
#define uxSemaphoreGetCount(sem) uxQueueMessagesWaiting((QueueHandle_t)(sem))
#define uxSemaphoreGetCountFromISR(sem) uxQueueMessagesWaitingFromISR((QueueHandle_t)(sem))
#if configSUPPORT_STATIC_ALLOCATION
#define xSemaphoreGetStaticBuffer(sem, buffer)                                                     \
    xQueueGenericGetStaticBuffers((QueueHandle_t)(sem), NULL, (buffer))
#endif

#endif /* SEMAPHORE_H */
