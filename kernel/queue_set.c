/* SPDX-License-Identifier: MIT */
/*
 * queue_set.c: queue sets, which let one task wait on several queues and
 * semaphores at once.
 *
 * A set is an ordinary queue whose items are member handles. queue.c calls
 * queue_set_post_locked() whenever an item lands in a member's storage (a
 * send, a give, a waiting sender admitted), so the set holds one handle per
 * item in its members, oldest first, and selecting is receiving from the set.
 * Posting reuses the queue send path: a task blocked in xQueueSelectFromSet
 * is handed the handle directly.
 *
 * Invariants (under the kernel lock): a member's `set` changes only while the
 * member is empty; a set never overflows as long as its length covers its
 * members' lengths (configASSERT); mutexes are never members, since giving a
 * mutex does not go through the queue send path.
 */
#include "queue_internal.h"

#if configUSE_QUEUE_SETS

BaseType_t queue_set_post_locked(queue_t *q)
{
    queue_t *const set = q->set;

    /* A full set would lose this event: its length is less than its members' total. */
    configASSERT(queue_has_room(set));
    if (!queue_has_room(set)) {
        return pdFALSE;
    }
    traceQUEUE_SET_SEND(set);
    return queue_send_back_locked(set, &q);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
QueueSetHandle_t xQueueCreateSet(const UBaseType_t event_queue_length)
{
    traceENTER_xQueueCreateSet(event_queue_length);
    QueueSetHandle_t ret = xQueueGenericCreate(event_queue_length, sizeof(QueueSetMemberHandle_t),
                                               queueQUEUE_TYPE_SET);
    traceRETURN_xQueueCreateSet(ret);
    return ret;
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
QueueSetHandle_t xQueueCreateSetStatic(const UBaseType_t event_queue_length, uint8_t *storage,
                                       StaticQueue_t *set_buffer)
{
    traceENTER_xQueueCreateSetStatic(event_queue_length, storage, set_buffer);
    QueueSetHandle_t ret = xQueueGenericCreateStatic(
        event_queue_length, sizeof(QueueSetMemberHandle_t), storage, set_buffer, queueQUEUE_TYPE_SET);
    traceRETURN_xQueueCreateSetStatic(ret);
    return ret;
}
#endif

BaseType_t xQueueAddToSet(QueueSetMemberHandle_t member, QueueSetHandle_t set)
{
    traceENTER_xQueueAddToSet(member, set);
    BaseType_t result = pdFAIL;

    configASSERT(member != NULL && set != NULL);
    configASSERT(member != set);
    /* A mutex give bypasses the send path, so the set would never hear of it. */
    configASSERT(!queue_is_mutex(member));
    if (!queue_is_mutex(member) && member != set) {
        taskENTER_CRITICAL();
        if (member->set == NULL && queue_slots_used(member) == 0) {
            member->set = set;
            result = pdPASS;
        }
        taskEXIT_CRITICAL();
    }
    traceRETURN_xQueueAddToSet(result);
    return result;
}

BaseType_t xQueueRemoveFromSet(QueueSetMemberHandle_t member, QueueSetHandle_t set)
{
    traceENTER_xQueueRemoveFromSet(member, set);
    BaseType_t result = pdFAIL;

    configASSERT(member != NULL && set != NULL);
    taskENTER_CRITICAL();
    /* A member with items still has handles in the set: removing it would leave them stale. */
    if (member->set == set && queue_slots_used(member) == 0) {
        member->set = NULL;
        result = pdPASS;
    }
    taskEXIT_CRITICAL();
    traceRETURN_xQueueRemoveFromSet(result);
    return result;
}

QueueSetMemberHandle_t xQueueSelectFromSet(QueueSetHandle_t set, const TickType_t ticks)
{
    traceENTER_xQueueSelectFromSet(set, ticks);
    QueueSetMemberHandle_t member = NULL;

    if (xQueueReceive(set, &member, ticks) != pdPASS) {
        member = NULL;
    }
    traceRETURN_xQueueSelectFromSet(member);
    return member;
}

QueueSetMemberHandle_t xQueueSelectFromSetFromISR(QueueSetHandle_t set)
{
    traceENTER_xQueueSelectFromSetFromISR(set);
    QueueSetMemberHandle_t member = NULL;

    if (xQueueReceiveFromISR(set, &member, NULL) != pdPASS) {
        member = NULL;
    }
    traceRETURN_xQueueSelectFromSetFromISR(member);
    return member;
}

#endif /* configUSE_QUEUE_SETS */
