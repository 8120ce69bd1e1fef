/* SPDX-License-Identifier: MIT */
/*
 * queue_create.c: creating and deleting queues and counting semaphores
 * (mutexes are created in mutex.c), with static or dynamic memory.
 *
 * A dynamic queue is one pvPortMalloc block: the queue structure followed by
 * its item storage. A static one lives in the application's StaticQueue_t and
 * storage and is flagged QUEUE_STATIC so that deletion never frees it.
 * Deleting an object a task is blocked on would strand that task: it trips
 * configASSERT.
 */
#include "queue_internal.h"

#include <stdint.h>

_Static_assert(sizeof(StaticQueue_t) == sizeof(struct QueueDefinition),
               "StaticQueue_t must mirror struct QueueDefinition");

void queue_init(queue_t *q, UBaseType_t length, UBaseType_t item_size, uint8_t *storage,
                uint8_t type, uint8_t flags)
{
    q->count = 0;
    q->length = length;
    q->item_size = item_size;
    q->u.q.storage = storage;
    q->u.q.end = (item_size != 0) ? storage + (size_t)length * item_size : NULL;
    q->u.q.read = storage;
    q->u.q.write = storage;
    vListInitialise(&q->receivers);
    vListInitialise(&q->senders);
#if configUSE_QUEUE_SETS
    q->set = NULL;
#endif
#if configUSE_TRACE_FACILITY
    q->number = 0;
#endif
    q->type = type;
    q->flags = flags;
    q->reserved = 0;
    if (QUEUE_FAST_PATHS) {
        queue_fast_class_update(q);
    }
}

/* Bytes of storage for length items of item_size, or SIZE_MAX if that overflows. */
static size_t storage_bytes(UBaseType_t length, UBaseType_t item_size)
{
    if (item_size != 0 && (size_t)length > (SIZE_MAX - sizeof(queue_t)) / item_size) {
        return SIZE_MAX;
    }
    return (size_t)length * item_size;
}

/*
 * Both creations: q and storage are the application's (QUEUE_STATIC in flags), or NULL for one
 * heap block holding both. NULL if the queue cannot be made.
 */
static queue_t *create(UBaseType_t length, UBaseType_t item_size, uint8_t *storage, queue_t *q,
                       uint8_t type, uint8_t flags)
{
    const size_t bytes = storage_bytes(length, item_size);

    configASSERT(length > 0 && bytes != SIZE_MAX);
    if (length == 0 || bytes == SIZE_MAX) {
        q = NULL;
    } else if ((flags & QUEUE_STATIC) == 0) {
#if configSUPPORT_DYNAMIC_ALLOCATION
        q = pvPortMalloc(sizeof(queue_t) + bytes);
        storage = q != NULL && item_size != 0 ? (uint8_t *)(q + 1) : NULL;
#endif
    }
    if (q == NULL) {
        traceQUEUE_CREATE_FAILED(type);
        return NULL;
    }
    queue_init(q, length, item_size, storage, type, flags);
    traceQUEUE_CREATE(q);
    return q;
}

#if configSUPPORT_DYNAMIC_ALLOCATION
QueueHandle_t xQueueGenericCreate(const UBaseType_t length, const UBaseType_t item_size,
                                  const uint8_t type)
{
    traceENTER_xQueueGenericCreate(length, item_size, type);
    QueueHandle_t ret = create(length, item_size, NULL, NULL, type, 0);
    traceRETURN_xQueueGenericCreate(ret);
    return ret;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
QueueHandle_t xQueueGenericCreateStatic(const UBaseType_t length, const UBaseType_t item_size,
                                        uint8_t *storage, StaticQueue_t *queue_buffer,
                                        const uint8_t type)
{
    traceENTER_xQueueGenericCreateStatic(length, item_size, storage, queue_buffer, type);
    /* Items need somewhere to live; semaphores take no storage. */
    const bool ok = queue_buffer != NULL && (storage != NULL) == (item_size != 0);

    configASSERT(ok);
    QueueHandle_t ret =
        create(length, item_size, storage, ok ? (queue_t *)queue_buffer : NULL, type, QUEUE_STATIC);
    traceRETURN_xQueueGenericCreateStatic(ret);
    return ret;
}

BaseType_t xQueueGenericGetStaticBuffers(QueueHandle_t queue, uint8_t **storage,
                                         StaticQueue_t **queue_buffer)
{
    traceENTER_xQueueGenericGetStaticBuffers(queue, storage, queue_buffer);
    BaseType_t ret = pdFALSE;

    configASSERT(queue != NULL && queue_buffer != NULL);
    if ((queue->flags & QUEUE_STATIC) != 0) {
        if (storage != NULL) {
            *storage = queue_is_mutex(queue) ? NULL : queue->u.q.storage;
        }
        *queue_buffer = (StaticQueue_t *)queue;
        ret = pdTRUE;
    }
    traceRETURN_xQueueGenericGetStaticBuffers(ret);
    return ret;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

void vQueueDelete(QueueHandle_t queue)
{
    traceENTER_vQueueDelete(queue);
    queue_t *const q = queue;

    taskENTER_CRITICAL();
    /* A task blocked here would wait on freed memory forever; one handed an item it has not
     * yet run to take would come back to free its slot (FreeRTOS's would re-read the queue). */
    configASSERT(q != NULL && listLIST_IS_EMPTY(&q->receivers) && listLIST_IS_EMPTY(&q->senders) &&
                 q->reserved == 0);
    traceQUEUE_DELETE(q);
#if configUSE_MUTEXES
    if (queue_is_mutex(q)) {
        mutex_detach_locked(q);
    }
#endif
    taskEXIT_CRITICAL();
    vQueueUnregisterQueue(q);
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((q->flags & QUEUE_STATIC) == 0) {
        vPortFree(q);
    }
#endif
    traceRETURN_vQueueDelete();
}

/* ---- Counting semaphores ---- */

#if configUSE_COUNTING_SEMAPHORES
/* A maximum of 0 fails create()'s assertion on the length. */
static bool counting_args_ok(UBaseType_t max_count, UBaseType_t initial_count)
{
    configASSERT(initial_count <= max_count);
    return initial_count <= max_count;
}

static QueueHandle_t counting_created(queue_t *q, UBaseType_t initial_count)
{
    if (q == NULL) {
        traceCREATE_COUNTING_SEMAPHORE_FAILED();
        return NULL;
    }
    q->count = initial_count;
    traceCREATE_COUNTING_SEMAPHORE();
    return q;
}

#if configSUPPORT_DYNAMIC_ALLOCATION
QueueHandle_t xQueueCreateCountingSemaphore(const UBaseType_t max_count,
                                            const UBaseType_t initial_count)
{
    traceENTER_xQueueCreateCountingSemaphore(max_count, initial_count);
    queue_t *q = NULL;

    if (counting_args_ok(max_count, initial_count)) {
        q = xQueueGenericCreate(max_count, 0, queueQUEUE_TYPE_COUNTING_SEMAPHORE);
    }
    QueueHandle_t ret = counting_created(q, initial_count);
    traceRETURN_xQueueCreateCountingSemaphore(ret);
    return ret;
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
QueueHandle_t xQueueCreateCountingSemaphoreStatic(const UBaseType_t max_count,
                                                  const UBaseType_t initial_count,
                                                  StaticQueue_t *buffer)
{
    traceENTER_xQueueCreateCountingSemaphoreStatic(max_count, initial_count, buffer);
    queue_t *q = NULL;

    /* A NULL buffer fails xQueueGenericCreateStatic's configASSERT. */
    if (counting_args_ok(max_count, initial_count)) {
        q = xQueueGenericCreateStatic(max_count, 0, NULL, buffer,
                                      queueQUEUE_TYPE_COUNTING_SEMAPHORE);
    }
    QueueHandle_t ret = counting_created(q, initial_count);
    traceRETURN_xQueueCreateCountingSemaphoreStatic(ret);
    return ret;
}
#endif
#endif /* configUSE_COUNTING_SEMAPHORES */
