/* SPDX-License-Identifier: MIT */
/*
 * queue_info.c: what applications and debuggers can ask about a queue: its
 * fill level, size, registry name and trace number.
 *
 * Task-context queries read under the kernel lock; the FromISR ones read a
 * single word, as FreeRTOS does. The registry is a fixed table of
 * configQUEUE_REGISTRY_SIZE (name, handle) pairs, changed under the lock; it
 * keeps FreeRTOS's symbol and layout (xQueueRegistry) because kernel-aware
 * debuggers read it by name.
 */
#include "queue_internal.h"

UBaseType_t uxQueueMessagesWaiting(const QueueHandle_t queue)
{
    UBaseType_t n;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    n = queue->count;
    taskEXIT_CRITICAL();
    return n;
}

UBaseType_t uxQueueMessagesWaitingFromISR(const QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->count;
}

UBaseType_t uxQueueSpacesAvailable(const QueueHandle_t queue)
{
    UBaseType_t n;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    n = queue->length - queue->count;
    taskEXIT_CRITICAL();
    return n;
}

BaseType_t xQueueIsQueueEmptyFromISR(const QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->count == 0 ? pdTRUE : pdFALSE;
}

BaseType_t xQueueIsQueueFullFromISR(const QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->count == queue->length ? pdTRUE : pdFALSE;
}

UBaseType_t uxQueueGetQueueItemSize(QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->item_size;
}

UBaseType_t uxQueueGetQueueLength(QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->length;
}

#if configUSE_TRACE_FACILITY
UBaseType_t uxQueueGetQueueNumber(QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->number;
}

void vQueueSetQueueNumber(QueueHandle_t queue, UBaseType_t number)
{
    configASSERT(queue != NULL);
    queue->number = number;
}

uint8_t ucQueueGetQueueType(QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue->type;
}
#endif /* configUSE_TRACE_FACILITY */

#if configQUEUE_REGISTRY_SIZE > 0
typedef struct QUEUE_REGISTRY_ITEM {
    const char *pcQueueName;
    QueueHandle_t xHandle;
} QueueRegistryItem_t;

/* Not static: debuggers find the table by this name. */
QueueRegistryItem_t xQueueRegistry[configQUEUE_REGISTRY_SIZE];

/* The entry holding queue, or NULL. */
static QueueRegistryItem_t *registry_find_locked(QueueHandle_t queue)
{
    for (UBaseType_t i = 0; i < configQUEUE_REGISTRY_SIZE; i++) {
        if (xQueueRegistry[i].xHandle == queue) {
            return &xQueueRegistry[i];
        }
    }
    return NULL;
}

void vQueueAddToRegistry(QueueHandle_t queue, const char *name)
{
    QueueRegistryItem_t *entry;

    configASSERT(queue != NULL);
    if (name == NULL) {
        return; /* FreeRTOS registers only named queues */
    }
    taskENTER_CRITICAL();
    /* A queue registered again is renamed; otherwise it takes the first free entry. */
    entry = registry_find_locked(queue);
    if (entry == NULL) {
        entry = registry_find_locked(NULL);
    }
    if (entry != NULL) {
        entry->pcQueueName = name;
        entry->xHandle = queue;
        traceQUEUE_REGISTRY_ADD(queue, name);
    }
    taskEXIT_CRITICAL();
}

void vQueueUnregisterQueue(QueueHandle_t queue)
{
    QueueRegistryItem_t *entry;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    entry = registry_find_locked(queue);
    if (entry != NULL) {
        entry->pcQueueName = NULL;
        entry->xHandle = NULL;
    }
    taskEXIT_CRITICAL();
}

const char *pcQueueGetName(QueueHandle_t queue)
{
    QueueRegistryItem_t *entry;
    const char *name = NULL;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    entry = registry_find_locked(queue);
    if (entry != NULL) {
        name = entry->pcQueueName;
    }
    taskEXIT_CRITICAL();
    return name;
}
#endif /* configQUEUE_REGISTRY_SIZE > 0 */
