/* SPDX-License-Identifier: MIT */
/*
 * queue_info.c: what applications and debuggers can ask about a queue: its
 * fill level, size, registry name and trace number.
 *
 * A query that reads one word reads it without the lock (an aligned word
 * read is atomic), from tasks and interrupts alike; one that combines two
 * counts takes the kernel lock. The registry is a fixed table of
 * configQUEUE_REGISTRY_SIZE (name, handle) pairs, changed under the lock; it
 * keeps FreeRTOS's symbol and layout (xQueueRegistry) because kernel-aware
 * debuggers read it by name.
 */
#include "queue_internal.h"

/*
 * The handle of a query, checked in one place: a NULL handle fails configASSERT here (the
 * caller is the next frame up).
 */
static queue_t *checked(QueueHandle_t queue)
{
    configASSERT(queue != NULL);
    return queue;
}

UBaseType_t uxQueueMessagesWaiting(const QueueHandle_t queue)
{
    traceENTER_uxQueueMessagesWaiting(queue);
    UBaseType_t n = checked(queue)->count; /* one word: no lock needed */
    traceRETURN_uxQueueMessagesWaiting(n);
    return n;
}

UBaseType_t uxQueueMessagesWaitingFromISR(const QueueHandle_t queue)
{
    traceENTER_uxQueueMessagesWaitingFromISR(queue);
    UBaseType_t ret = checked(queue)->count;
    traceRETURN_uxQueueMessagesWaitingFromISR(ret);
    return ret;
}

UBaseType_t uxQueueSpacesAvailable(const QueueHandle_t queue)
{
    traceENTER_uxQueueSpacesAvailable(queue);
    const queue_t *const q = checked(queue);
    UBaseType_t used;
    UBaseType_t n;

    taskENTER_CRITICAL();
    used = queue_slots_used(q);
    taskEXIT_CRITICAL();
    /* Slots kept for handed items count as used (an overwrite may even exceed the length). */
    n = used >= q->length ? 0 : q->length - used;
    traceRETURN_uxQueueSpacesAvailable(n);
    return n;
}

BaseType_t xQueueIsQueueEmptyFromISR(const QueueHandle_t queue)
{
    traceENTER_xQueueIsQueueEmptyFromISR(queue);
    BaseType_t ret = checked(queue)->count == 0 ? pdTRUE : pdFALSE;
    traceRETURN_xQueueIsQueueEmptyFromISR(ret);
    return ret;
}

BaseType_t xQueueIsQueueFullFromISR(const QueueHandle_t queue)
{
    traceENTER_xQueueIsQueueFullFromISR(queue);
    const queue_t *const q = checked(queue);
    BaseType_t ret = queue_slots_used(q) >= q->length ? pdTRUE : pdFALSE;
    traceRETURN_xQueueIsQueueFullFromISR(ret);
    return ret;
}

UBaseType_t uxQueueGetQueueItemSize(QueueHandle_t queue)
{
    traceENTER_uxQueueGetQueueItemSize(queue);
    UBaseType_t ret = checked(queue)->item_size;
    traceRETURN_uxQueueGetQueueItemSize(ret);
    return ret;
}

UBaseType_t uxQueueGetQueueLength(QueueHandle_t queue)
{
    traceENTER_uxQueueGetQueueLength(queue);
    UBaseType_t ret = checked(queue)->length;
    traceRETURN_uxQueueGetQueueLength(ret);
    return ret;
}

#if configUSE_TRACE_FACILITY
UBaseType_t uxQueueGetQueueNumber(QueueHandle_t queue)
{
    traceENTER_uxQueueGetQueueNumber(queue);
    UBaseType_t ret = checked(queue)->number;
    traceRETURN_uxQueueGetQueueNumber(ret);
    return ret;
}

void vQueueSetQueueNumber(QueueHandle_t queue, UBaseType_t number)
{
    traceENTER_vQueueSetQueueNumber(queue, number);
    checked(queue)->number = number;
    traceRETURN_vQueueSetQueueNumber();
}

uint8_t ucQueueGetQueueType(QueueHandle_t queue)
{
    traceENTER_ucQueueGetQueueType(queue);
    uint8_t ret = checked(queue)->type;
    traceRETURN_ucQueueGetQueueType(ret);
    return ret;
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
    traceENTER_vQueueAddToRegistry(queue, name);
    QueueRegistryItem_t *entry;

    configASSERT(queue != NULL);
    if (name == NULL) {
        goto out; /* FreeRTOS registers only named queues */
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
out:
    traceRETURN_vQueueAddToRegistry();
}

void vQueueUnregisterQueue(QueueHandle_t queue)
{
    traceENTER_vQueueUnregisterQueue(queue);
    QueueRegistryItem_t *entry;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    entry = registry_find_locked(queue);
    if (entry != NULL) {
        entry->pcQueueName = NULL;
        entry->xHandle = NULL;
    }
    taskEXIT_CRITICAL();
    traceRETURN_vQueueUnregisterQueue();
}

const char *pcQueueGetName(QueueHandle_t queue)
{
    traceENTER_pcQueueGetName(queue);
    QueueRegistryItem_t *entry;
    const char *name = NULL;

    configASSERT(queue != NULL);
    taskENTER_CRITICAL();
    entry = registry_find_locked(queue);
    if (entry != NULL) {
        name = entry->pcQueueName;
    }
    taskEXIT_CRITICAL();
    traceRETURN_pcQueueGetName(name);
    return name;
}
#endif /* configQUEUE_REGISTRY_SIZE > 0 */
