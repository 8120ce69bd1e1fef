/* SPDX-License-Identifier: MIT */
/*
 * croutine.c: the co-routine scheduler and the co-routine queue functions.
 *
 * Co-routines have their own ready lists (one per priority below
 * configMAX_CO_ROUTINE_PRIORITIES) and two delayed lists (this tick epoch and
 * the next, as for tasks). vCoRoutineSchedule() first wakes every co-routine
 * whose delay has run out by the current tick count, then runs the
 * highest-priority ready one once. Every co-routine is on exactly one ready or
 * delayed list; one blocked on a queue also has its event item on the queue's
 * receivers or senders list, by priority.
 *
 * Co-routines never receive hand-offs: a blocked one is only made ready, and
 * its blocking macro retries the operation without waiting, so an item can be
 * taken by someone else first (the retry then fails, as in FreeRTOS). That is
 * also why the queue storage helpers here do not use queue.c's, which complete
 * waiting tasks' operations.
 *
 * Locking: interrupts use crQUEUE_*_FROM_ISR, which wake co-routines, so every
 * list change happens under the kernel lock (a critical section, or the
 * FromISR mask). Co-routine code itself runs unlocked on the calling task's
 * stack.
 */
#include "queue_internal.h"

#include "croutine.h"

#include <string.h>

#if configUSE_CO_ROUTINES

static List_t ready[configMAX_CO_ROUTINE_PRIORITIES];
static List_t delayed[2];
static List_t *delayed_now;      /* wake times in the current tick epoch */
static List_t *delayed_overflow; /* wake times after the tick count wraps */
static CRCB_t *current;          /* the co-routine running, or NULL */
static TickType_t last_tick;     /* the tick count delays have been processed up to */
static bool started;             /* last_tick is valid */
static bool lists_ready;

static void init_lists_once(void)
{
    if (lists_ready) {
        return;
    }
    for (UBaseType_t p = 0; p < configMAX_CO_ROUTINE_PRIORITIES; p++) {
        vListInitialise(&ready[p]);
    }
    vListInitialise(&delayed[0]);
    vListInitialise(&delayed[1]);
    delayed_now = &delayed[0];
    delayed_overflow = &delayed[1];
    lists_ready = true;
}

static void ready_add_locked(CRCB_t *c)
{
    vListInsertEnd(&ready[c->uxPriority], &c->xGenericListItem);
}

BaseType_t xCoRoutineCreate(crCOROUTINE_CODE code, UBaseType_t priority, UBaseType_t index)
{
    traceENTER_xCoRoutineCreate(code, priority, index);
    CRCB_t *c;
    BaseType_t ret = errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;

    configASSERT(code != NULL);
    configASSERT(priority < configMAX_CO_ROUTINE_PRIORITIES);
    if (priority >= configMAX_CO_ROUTINE_PRIORITIES) {
        priority = configMAX_CO_ROUTINE_PRIORITIES - 1;
    }
    c = pvPortMalloc(sizeof(*c));
    if (c == NULL) {
        goto out;
    }
    c->pxCoRoutineFunction = code;
    c->uxPriority = priority;
    c->uxIndex = index;
    c->uxState = 0;
    vListInitialiseItem(&c->xGenericListItem);
    vListInitialiseItem(&c->xEventListItem);
    listSET_LIST_ITEM_OWNER(&c->xGenericListItem, c);
    listSET_LIST_ITEM_OWNER(&c->xEventListItem, c);
    /* Waiter lists sort ascending: higher priorities get lower values. */
    listSET_LIST_ITEM_VALUE(&c->xEventListItem,
                            (TickType_t)configMAX_CO_ROUTINE_PRIORITIES - (TickType_t)priority);
    taskENTER_CRITICAL();
    init_lists_once();
    ready_add_locked(c);
    taskEXIT_CRITICAL();
    ret = pdPASS;
out:
    traceRETURN_xCoRoutineCreate(ret);
    return ret;
}

/* ---- Delays and waking ---- */

void vCoRoutineAddToDelayedList(TickType_t ticks, List_t *event_list)
{
    traceENTER_vCoRoutineAddToDelayedList(ticks, event_list);
    const TickType_t wake = (TickType_t)(last_tick + ticks);

    configASSERT(current != NULL);
    taskENTER_CRITICAL();
    (void)uxListRemove(&current->xGenericListItem);
    listSET_LIST_ITEM_VALUE(&current->xGenericListItem, wake);
    /* A wake time below the processed tick count lies beyond the next wrap. */
    vListInsert(wake < last_tick ? delayed_overflow : delayed_now, &current->xGenericListItem);
    if (event_list != NULL) {
        vListInsert(event_list, &current->xEventListItem);
    }
    taskEXIT_CRITICAL();
    traceRETURN_vCoRoutineAddToDelayedList();
}

/* Make c ready, off the delayed list and any waiter list (locked). */
static void wake_locked(CRCB_t *c)
{
    if (listLIST_ITEM_CONTAINER(&c->xEventListItem) != NULL) {
        (void)uxListRemove(&c->xEventListItem);
    }
    (void)uxListRemove(&c->xGenericListItem);
    ready_add_locked(c);
}

/* Wake the highest-priority co-routine waiting on a non-empty list (locked). */
static CRCB_t *wake_first_locked(const List_t *event_list)
{
    CRCB_t *const c = listGET_OWNER_OF_HEAD_ENTRY(event_list);

    wake_locked(c);
    return c;
}

BaseType_t xCoRoutineRemoveFromEventList(const List_t *event_list)
{
    traceENTER_xCoRoutineRemoveFromEventList(event_list);
    const CRCB_t *const c = wake_first_locked(event_list);

    BaseType_t ret = (current == NULL || c->uxPriority >= current->uxPriority) ? pdTRUE : pdFALSE;
    traceRETURN_xCoRoutineRemoveFromEventList(ret);
    return ret;
}

/* Wake the co-routines on list whose wake time is at or before until (locked). */
static void wake_expired_locked(List_t *list, TickType_t until)
{
    while (!listLIST_IS_EMPTY(list) && listGET_ITEM_VALUE_OF_HEAD_ENTRY(list) <= until) {
        wake_locked(listGET_OWNER_OF_HEAD_ENTRY(list));
    }
}

/* Catch the delayed lists up with the tick count (locked). */
static void process_delays_locked(TickType_t now)
{
    if (!started) {
        last_tick = now;
        started = true;
    }
    if (now < last_tick) {
        /* The tick count wrapped since the last pass: this epoch is over. */
        wake_expired_locked(delayed_now, portMAX_DELAY);
        List_t *const tmp = delayed_now;
        delayed_now = delayed_overflow;
        delayed_overflow = tmp;
    }
    wake_expired_locked(delayed_now, now);
    last_tick = now;
}

/* The next co-routine to run, round robin within the highest ready priority (locked). */
static CRCB_t *choose_locked(void)
{
    CRCB_t *c = NULL;

    for (UBaseType_t p = configMAX_CO_ROUTINE_PRIORITIES; p > 0; p--) {
        if (!listLIST_IS_EMPTY(&ready[p - 1])) {
            listGET_OWNER_OF_NEXT_ENTRY(c, &ready[p - 1]);
            break;
        }
    }
    return c;
}

void vCoRoutineSchedule(void)
{
    traceENTER_vCoRoutineSchedule();
    CRCB_t *c;

    taskENTER_CRITICAL();
    init_lists_once();
    process_delays_locked(xTaskGetTickCount());
    c = choose_locked();
    current = c;
    taskEXIT_CRITICAL();
    if (c != NULL) {
        c->pxCoRoutineFunction(c, c->uxIndex);
        current = NULL;
    }
    traceRETURN_vCoRoutineSchedule();
}

/* Free every co-routine on list (locked). */
static void free_all_on(List_t *list)
{
    while (!listLIST_IS_EMPTY(list)) {
        CRCB_t *const c = listGET_OWNER_OF_HEAD_ENTRY(list);

        if (listLIST_ITEM_CONTAINER(&c->xEventListItem) != NULL) {
            (void)uxListRemove(&c->xEventListItem);
        }
        (void)uxListRemove(&c->xGenericListItem);
        vPortFree(c);
    }
}

void vCoRoutineResetState(void)
{
    traceENTER_vCoRoutineResetState();
    taskENTER_CRITICAL();
    init_lists_once();
    for (UBaseType_t p = 0; p < configMAX_CO_ROUTINE_PRIORITIES; p++) {
        free_all_on(&ready[p]);
    }
    free_all_on(&delayed[0]);
    free_all_on(&delayed[1]);
    delayed_now = &delayed[0];
    delayed_overflow = &delayed[1];
    current = NULL;
    started = false;
    taskEXIT_CRITICAL();
    traceRETURN_vCoRoutineResetState();
}

/* ---- Queues ---- */

/* Append item to q's storage (count < length). */
static void store_locked(queue_t *q, const void *item)
{
    if (q->item_size != 0) {
        memcpy(q->u.q.write, item, q->item_size);
        q->u.q.write += q->item_size;
        if (q->u.q.write == q->u.q.end) {
            q->u.q.write = q->u.q.storage;
        }
    }
    q->count++;
}

/* Remove the oldest item into buf (count > 0). */
static void take_locked(queue_t *q, void *buf)
{
    if (q->item_size != 0) {
        memcpy(buf, q->u.q.read, q->item_size);
        q->u.q.read += q->item_size;
        if (q->u.q.read == q->u.q.end) {
            q->u.q.read = q->u.q.storage;
        }
    }
    q->count--;
}

static void check_queue(const queue_t *q)
{
    configASSERT(q != NULL);
    configASSERT(!queue_is_mutex(q));
#if configUSE_QUEUE_SETS
    configASSERT(q->set == NULL); /* co-routine queues cannot be set members */
#endif
    (void)q;
}

BaseType_t xQueueCRSend(QueueHandle_t queue, const void *item, TickType_t ticks)
{
    traceENTER_xQueueCRSend(queue, item, ticks);
    queue_t *const q = queue;
    BaseType_t result = pdPASS;

    check_queue(q);
    configASSERT(item != NULL || q->item_size == 0);
    taskENTER_CRITICAL();
    if (q->count >= q->length) {
        if (ticks > 0) {
            vCoRoutineAddToDelayedList(ticks, &q->senders);
            result = errQUEUE_BLOCKED;
        } else {
            result = errQUEUE_FULL;
        }
    } else {
        store_locked(q, item);
        if (!listLIST_IS_EMPTY(&q->receivers) && xCoRoutineRemoveFromEventList(&q->receivers)) {
            result = errQUEUE_YIELD;
        }
    }
    taskEXIT_CRITICAL();
    traceRETURN_xQueueCRSend(result);
    return result;
}

BaseType_t xQueueCRReceive(QueueHandle_t queue, void *buffer, TickType_t ticks)
{
    traceENTER_xQueueCRReceive(queue, buffer, ticks);
    queue_t *const q = queue;
    BaseType_t result = pdPASS;

    check_queue(q);
    configASSERT(buffer != NULL || q->item_size == 0);
    taskENTER_CRITICAL();
    if (q->count == 0) {
        if (ticks > 0) {
            vCoRoutineAddToDelayedList(ticks, &q->receivers);
            result = errQUEUE_BLOCKED;
        } else {
            result = errQUEUE_EMPTY;
        }
    } else {
        take_locked(q, buffer);
        if (!listLIST_IS_EMPTY(&q->senders) && xCoRoutineRemoveFromEventList(&q->senders)) {
            result = errQUEUE_YIELD;
        }
    }
    taskEXIT_CRITICAL();
    traceRETURN_xQueueCRReceive(result);
    return result;
}

BaseType_t xQueueCRSendFromISR(QueueHandle_t queue, const void *item,
                               BaseType_t co_routine_previously_woken)
{
    traceENTER_xQueueCRSendFromISR(queue, item, co_routine_previously_woken);
    queue_t *const q = queue;
    UBaseType_t mask;

    check_queue(q);
    configASSERT(item != NULL || q->item_size == 0);
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count < q->length) {
        store_locked(q, item);
        /* One wake per interrupt: later posts find the woken co-routine's retry coming. */
        if (!co_routine_previously_woken && !listLIST_IS_EMPTY(&q->receivers)) {
            (void)wake_first_locked(&q->receivers);
            co_routine_previously_woken = pdTRUE;
        }
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xQueueCRSendFromISR(co_routine_previously_woken);
    return co_routine_previously_woken;
}

BaseType_t xQueueCRReceiveFromISR(QueueHandle_t queue, void *buffer, BaseType_t *co_routine_woken)
{
    traceENTER_xQueueCRReceiveFromISR(queue, buffer, co_routine_woken);
    queue_t *const q = queue;
    BaseType_t result = pdFAIL;
    UBaseType_t mask;

    check_queue(q);
    configASSERT(buffer != NULL || q->item_size == 0);
    configASSERT(co_routine_woken != NULL);
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count != 0) {
        take_locked(q, buffer);
        if (!*co_routine_woken && !listLIST_IS_EMPTY(&q->senders)) {
            (void)wake_first_locked(&q->senders);
            *co_routine_woken = pdTRUE;
        }
        result = pdPASS;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xQueueCRReceiveFromISR(result);
    return result;
}

#endif /* configUSE_CO_ROUTINES */
