/* SPDX-License-Identifier: MIT */
/*
 * queue.h: the FreeRTOS queue API. Queues copy fixed-size items in and out;
 * semaphores and mutexes (semphr.h) are queues with no item storage, so the
 * generic functions declared here accept their handles too.
 *
 * Semantics follow FreeRTOS's API reference. Where Quartz does more than
 * FreeRTOS documents:
 * - A task blocked on a queue is never woken only to retry: a sender that finds
 *   a waiting receiver copies the item straight into its buffer, and a
 *   receiver that frees a slot moves the first waiting sender's item in.
 * - A task blocked in xQueuePeek receives a copy of the first item sent while
 *   it waits; the item then goes on to the next waiter or into the queue.
 * - xQueueReset completes the sends of as many waiting senders as now fit.
 * Waiters are served highest priority first, first come first served among
 * equal priorities. Never call a function without "FromISR" in its name from
 * an interrupt, nor block while the scheduler is suspended.
 */
#ifndef QUEUE_H
#define QUEUE_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before queue.h"
#endif

#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif

struct QueueDefinition;
typedef struct QueueDefinition *QueueHandle_t;
typedef struct QueueDefinition *QueueSetHandle_t;
typedef struct QueueDefinition *QueueSetMemberHandle_t;

#if configENABLE_BACKWARD_COMPATIBILITY
#define xQueueHandle QueueHandle_t
#define xQueueSetHandle QueueSetHandle_t
#define xQueueSetMemberHandle QueueSetMemberHandle_t
#endif

/* Where xQueueGenericSend puts an item. */
#define queueSEND_TO_BACK ((BaseType_t)0)
#define queueSEND_TO_FRONT ((BaseType_t)1)
#define queueOVERWRITE ((BaseType_t)2)

/* What a queue is used as (xQueueGenericCreate, ucQueueGetQueueType). */
#define queueQUEUE_TYPE_BASE ((uint8_t)0U)
#define queueQUEUE_TYPE_SET ((uint8_t)0U)
#define queueQUEUE_TYPE_MUTEX ((uint8_t)1U)
#define queueQUEUE_TYPE_COUNTING_SEMAPHORE ((uint8_t)2U)
#define queueQUEUE_TYPE_BINARY_SEMAPHORE ((uint8_t)3U)
#define queueQUEUE_TYPE_RECURSIVE_MUTEX ((uint8_t)4U)

/* ---- Creation and deletion ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
/* Item storage is allocated with the queue in one block. NULL when out of memory. */
QueueHandle_t xQueueGenericCreate(const UBaseType_t length, const UBaseType_t item_size,
                                  const uint8_t type);
#define xQueueCreate(length, item_size)                                                            \
    xQueueGenericCreate((length), (item_size), queueQUEUE_TYPE_BASE)
#endif
#if configSUPPORT_STATIC_ALLOCATION
/* storage holds length * item_size bytes (NULL when item_size is 0). */
QueueHandle_t xQueueGenericCreateStatic(const UBaseType_t length, const UBaseType_t item_size,
                                        uint8_t *storage, StaticQueue_t *queue_buffer,
                                        const uint8_t type);
#define xQueueCreateStatic(length, item_size, storage, buffer)                                     \
    xQueueGenericCreateStatic((length), (item_size), (storage), (buffer), queueQUEUE_TYPE_BASE)
/* pdTRUE and the buffers for a statically created queue; pdFALSE otherwise. */
BaseType_t xQueueGenericGetStaticBuffers(QueueHandle_t queue, uint8_t **storage,
                                         StaticQueue_t **queue_buffer);
#define xQueueGetStaticBuffers(queue, storage, buffer)                                             \
    xQueueGenericGetStaticBuffers((queue), (storage), (buffer))
#endif
/* No task may be blocked on the queue (configASSERT). */
void vQueueDelete(QueueHandle_t queue);

/* ---- Sending ---- */
BaseType_t xQueueGenericSend(QueueHandle_t queue, const void *const item, TickType_t ticks,
                             const BaseType_t position);
#define xQueueSend(q, item, ticks) xQueueGenericSend((q), (item), (ticks), queueSEND_TO_BACK)
#define xQueueSendToBack(q, item, ticks) xQueueGenericSend((q), (item), (ticks), queueSEND_TO_BACK)
#define xQueueSendToFront(q, item, ticks)                                                          \
    xQueueGenericSend((q), (item), (ticks), queueSEND_TO_FRONT)
/* Only for queues of length 1: replaces the item if there is one. Never blocks. */
#define xQueueOverwrite(q, item) xQueueGenericSend((q), (item), 0, queueOVERWRITE)

BaseType_t xQueueGenericSendFromISR(QueueHandle_t queue, const void *const item,
                                    BaseType_t *const woken, const BaseType_t position);
#define xQueueSendFromISR(q, item, woken)                                                          \
    xQueueGenericSendFromISR((q), (item), (woken), queueSEND_TO_BACK)
#define xQueueSendToBackFromISR(q, item, woken)                                                    \
    xQueueGenericSendFromISR((q), (item), (woken), queueSEND_TO_BACK)
#define xQueueSendToFrontFromISR(q, item, woken)                                                   \
    xQueueGenericSendFromISR((q), (item), (woken), queueSEND_TO_FRONT)
#define xQueueOverwriteFromISR(q, item, woken)                                                     \
    xQueueGenericSendFromISR((q), (item), (woken), queueOVERWRITE)
/* Quartz's entry behind xSemaphoreGive (semphr.h), not a FreeRTOS function: call the macro. */
BaseType_t quartz_semaphore_give(QueueHandle_t queue);
/* Give a semaphore (not a mutex) from an interrupt. */
BaseType_t xQueueGiveFromISR(QueueHandle_t queue, BaseType_t *const woken);

/* ---- Receiving ---- */
BaseType_t xQueueReceive(QueueHandle_t queue, void *const buffer, TickType_t ticks);
BaseType_t xQueuePeek(QueueHandle_t queue, void *const buffer, TickType_t ticks);
BaseType_t xQueueReceiveFromISR(QueueHandle_t queue, void *const buffer, BaseType_t *const woken);
BaseType_t xQueuePeekFromISR(QueueHandle_t queue, void *const buffer);
/* Take a semaphore or mutex (the function behind xSemaphoreTake). */
BaseType_t xQueueSemaphoreTake(QueueHandle_t queue, TickType_t ticks);

/* ---- State ---- */
UBaseType_t uxQueueMessagesWaiting(const QueueHandle_t queue);
UBaseType_t uxQueueMessagesWaitingFromISR(const QueueHandle_t queue);
UBaseType_t uxQueueSpacesAvailable(const QueueHandle_t queue);
BaseType_t xQueueIsQueueEmptyFromISR(const QueueHandle_t queue);
BaseType_t xQueueIsQueueFullFromISR(const QueueHandle_t queue);
UBaseType_t uxQueueGetQueueItemSize(QueueHandle_t queue);
UBaseType_t uxQueueGetQueueLength(QueueHandle_t queue);
/* Empty the queue; always returns pdPASS. new_queue is for the kernel's own use. */
BaseType_t xQueueGenericReset(QueueHandle_t queue, BaseType_t new_queue);
#define xQueueReset(q) xQueueGenericReset((q), pdFALSE)

/* ---- Registry (for kernel-aware debuggers) ---- */
#if configQUEUE_REGISTRY_SIZE > 0
void vQueueAddToRegistry(QueueHandle_t queue, const char *name);
void vQueueUnregisterQueue(QueueHandle_t queue);
const char *pcQueueGetName(QueueHandle_t queue);
#else
/* As in FreeRTOS, the registry calls vanish when it has no entries. */
#define vQueueAddToRegistry(queue, name)
#define vQueueUnregisterQueue(queue)
#define pcQueueGetName(queue)
#endif

/* ---- Trace support ---- */
#if configUSE_TRACE_FACILITY
UBaseType_t uxQueueGetQueueNumber(QueueHandle_t queue);
void vQueueSetQueueNumber(QueueHandle_t queue, UBaseType_t number);
uint8_t ucQueueGetQueueType(QueueHandle_t queue);
#endif

/* ---- Queue sets (queue_set.c) ----
 * A set is a queue of member handles: every item sent to a member (and every
 * give of a member semaphore) appends the member's handle, so
 * xQueueSelectFromSet names members in the order their data arrived. Make
 * the set's length the sum of its members' lengths (1 per binary semaphore,
 * the maximum count of a counting semaphore). Members must be empty when
 * added or removed; mutexes cannot be members. Read a member only after
 * xQueueSelectFromSet returned it. An item sent while a task is blocked
 * receiving from the member itself goes straight to that task and is not
 * posted to the set (the member stays empty). */
#if configUSE_QUEUE_SETS
#if configSUPPORT_DYNAMIC_ALLOCATION
QueueSetHandle_t xQueueCreateSet(const UBaseType_t event_queue_length);
#endif
#if configSUPPORT_STATIC_ALLOCATION
/* storage holds event_queue_length * sizeof(QueueSetMemberHandle_t) bytes. */
QueueSetHandle_t xQueueCreateSetStatic(const UBaseType_t event_queue_length, uint8_t *storage,
                                       StaticQueue_t *set_buffer);
#endif
/* pdFAIL if member is already in a set or not empty. */
BaseType_t xQueueAddToSet(QueueSetMemberHandle_t member, QueueSetHandle_t set);
/* pdFAIL if member is not in set or not empty. */
BaseType_t xQueueRemoveFromSet(QueueSetMemberHandle_t member, QueueSetHandle_t set);
/* The member that received data first, waiting up to ticks; NULL on timeout. */
QueueSetMemberHandle_t xQueueSelectFromSet(QueueSetHandle_t set, const TickType_t ticks);
QueueSetMemberHandle_t xQueueSelectFromSetFromISR(QueueSetHandle_t set);
#endif /* configUSE_QUEUE_SETS */

/* ---- Co-routine queue functions (croutine.c; use the crQUEUE_* macros of croutine.h) ---- */
#if configUSE_CO_ROUTINES
BaseType_t xQueueCRSend(QueueHandle_t queue, const void *item, TickType_t ticks);
BaseType_t xQueueCRReceive(QueueHandle_t queue, void *buffer, TickType_t ticks);
BaseType_t xQueueCRSendFromISR(QueueHandle_t queue, const void *item,
                               BaseType_t co_routine_previously_woken);
BaseType_t xQueueCRReceiveFromISR(QueueHandle_t queue, void *buffer,
                                  BaseType_t *co_routine_woken);
#endif /* configUSE_CO_ROUTINES */

/* ---- Semaphores and mutexes (use the semphr.h macros) ---- */
#if configUSE_MUTEXES
#if configSUPPORT_DYNAMIC_ALLOCATION
QueueHandle_t xQueueCreateMutex(const uint8_t type);
#endif
#if configSUPPORT_STATIC_ALLOCATION
QueueHandle_t xQueueCreateMutexStatic(const uint8_t type, StaticQueue_t *buffer);
#endif
TaskHandle_t xQueueGetMutexHolder(QueueHandle_t mutex);
TaskHandle_t xQueueGetMutexHolderFromISR(QueueHandle_t mutex);
#endif
#if configUSE_RECURSIVE_MUTEXES
BaseType_t xQueueTakeMutexRecursive(QueueHandle_t mutex, TickType_t ticks);
BaseType_t xQueueGiveMutexRecursive(QueueHandle_t mutex);
#endif
#if configUSE_COUNTING_SEMAPHORES
#if configSUPPORT_DYNAMIC_ALLOCATION
QueueHandle_t xQueueCreateCountingSemaphore(const UBaseType_t max_count,
                                            const UBaseType_t initial_count);
#endif
#if configSUPPORT_STATIC_ALLOCATION
QueueHandle_t xQueueCreateCountingSemaphoreStatic(const UBaseType_t max_count,
                                                  const UBaseType_t initial_count,
                                                  StaticQueue_t *buffer);
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* QUEUE_H */
