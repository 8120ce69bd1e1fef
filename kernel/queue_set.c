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

/*
 * Move an empty member from set `from` to set `to` (either NULL: no set). A member with items
 * has handles in its set already: adding it would miss them, removing it leave them stale.
 */
static BaseType_t move_member(queue_t *member, queue_t *from, queue_t *to)
{
    BaseType_t result = pdFAIL;

    taskENTER_CRITICAL();
    if (member->set == from && queue_slots_used(member) == 0) {
        member->set = to;
        if (QUEUE_FAST_PATHS) {
            queue_fast_class_update(member); /* members take the general paths */
        }
        result = pdPASS;
    }
    taskEXIT_CRITICAL();
    return result;
}

BaseType_t xQueueAddToSet(QueueSetMemberHandle_t member, QueueSetHandle_t set)
{
    traceENTER_xQueueAddToSet(member, set);
    BaseType_t result = pdFAIL;
    /* A mutex give bypasses the send path, so the set would never hear of it. */
    const bool ok = member != NULL && set != NULL && member != set && !queue_is_mutex(member);

    configASSERT(ok);
    if (ok) {
        result = move_member(member, NULL, set);
    }
    traceRETURN_xQueueAddToSet(result);
    return result;
}

BaseType_t xQueueRemoveFromSet(QueueSetMemberHandle_t member, QueueSetHandle_t set)
{
    traceENTER_xQueueRemoveFromSet(member, set);
    configASSERT(member != NULL && set != NULL);
    BaseType_t result = move_member(member, set, NULL);
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
