/* SPDX-License-Identifier: MIT */
/*
 * task_control.c: priorities (with mutex inheritance folded in) and
 * suspension of tasks.
 *
 * A task's effective priority is max(base priority, highest waiter on any
 * mutex it holds); vTaskPrioritySet changes the base and recomputes it.
 * A suspended task is on the suspended list with no waiter list; a task
 * suspended while it waited on an object is taken off that object and, once
 * resumed, retries its operation with the time it had left (WAIT_RETRY).
 */
#include "kernel.h"

static inline tcb_t *task_or_self(TaskHandle_t task)
{
    return task != NULL ? task : sched_current;
}

UBaseType_t uxTaskPriorityGet(const TaskHandle_t task)
{
    traceENTER_uxTaskPriorityGet(task);
    UBaseType_t p;

    taskENTER_CRITICAL();
    p = task_or_self(task)->priority;
    taskEXIT_CRITICAL();
    traceRETURN_uxTaskPriorityGet(p);
    return p;
}

UBaseType_t uxTaskPriorityGetFromISR(const TaskHandle_t task)
{
    traceENTER_uxTaskPriorityGetFromISR(task);
    UBaseType_t mask, p;

    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    p = task_or_self(task)->priority;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_uxTaskPriorityGetFromISR(p);
    return p;
}

UBaseType_t uxTaskBasePriorityGet(const TaskHandle_t task)
{
    traceENTER_uxTaskBasePriorityGet(task);
    UBaseType_t p;

    taskENTER_CRITICAL();
    p = task_or_self(task)->base_priority;
    taskEXIT_CRITICAL();
    traceRETURN_uxTaskBasePriorityGet(p);
    return p;
}

UBaseType_t uxTaskBasePriorityGetFromISR(const TaskHandle_t task)
{
    traceENTER_uxTaskBasePriorityGetFromISR(task);
    UBaseType_t mask, p;

    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    p = task_or_self(task)->base_priority;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_uxTaskBasePriorityGetFromISR(p);
    return p;
}

void vTaskPrioritySet(TaskHandle_t task, UBaseType_t new_priority)
{
    traceENTER_vTaskPrioritySet(task, new_priority);
    tcb_t *t;
    UBaseType_t effective;

    configASSERT(new_priority < configMAX_PRIORITIES);
    if (new_priority >= configMAX_PRIORITIES) {
        new_priority = configMAX_PRIORITIES - 1;
    }
    taskENTER_CRITICAL();
    t = task_or_self(task);
    traceTASK_PRIORITY_SET(t, new_priority);
    t->base_priority = (uint8_t)new_priority;
#if configUSE_MUTEXES
    effective = mutex_needed_priority_locked(t);
#else
    effective = new_priority;
#endif
    sched_set_priority_locked(t, effective);
    sched_yield_if_locked(pdFALSE);
    taskEXIT_CRITICAL();
    traceRETURN_vTaskPrioritySet();
}

/*
 * Suspended: on the suspended list, and not running (cur: sched_current, which the callers
 * read once, as nothing changes it while they hold the lock).
 */
static inline bool is_suspended_locked(const tcb_t *t, const tcb_t *cur)
{
    return listLIST_ITEM_CONTAINER(&t->state_item) == &sched.suspended && t != cur;
}

void vTaskSuspend(TaskHandle_t task)
{
    traceENTER_vTaskSuspend(task);
    tcb_t *t, *cur;
    bool self;
    UBaseType_t mask;

    configASSERT(!portIS_INSIDE_INTERRUPT()); /* handlers cannot suspend tasks */
    mask = kernel_lock();
    cur = sched_current; /* read once: nothing changes it inside the critical section */
    t = task != NULL ? task : cur;
    self = t == cur;
    traceTASK_SUSPEND(t);
    if (self) {
        sched_ready_remove_locked(t); /* running: ready, and on no waiter list */
    } else {
        if (listLIST_ITEM_CONTAINER(&t->event_item) != NULL || task_state_locked(t) == eBlocked) {
            t->wait_result = WAIT_RETRY;
        }
        sched_unlink_locked(t);
    }
    notify_wait_cancel_locked(t);
    list_insert_end(&sched.suspended, &t->state_item);
    if (self) {
        if (sched.running) {
            configASSERT(sched.suspend_depth == 0);
            sched_pend_switch();
        } else if (listCURRENT_LIST_LENGTH(&sched.suspended) == sched.task_count) {
            sched_current = NULL; /* every task is suspended: none to start with */
        } else {
            sched_switch_context();
        }
    }
    kernel_unlock(mask);
    traceRETURN_vTaskSuspend();
}

void vTaskResume(TaskHandle_t task)
{
    traceENTER_vTaskResume(task);
    tcb_t *t = task, *cur;
    UBaseType_t mask;

    configASSERT(t != NULL && !portIS_INSIDE_INTERRUPT()); /* handlers use xTaskResumeFromISR */
    mask = kernel_lock();
    cur = sched_current;
    if (is_suspended_locked(t, cur)) {
        traceTASK_RESUME(t);
        (void)list_unlink_uncursored(&sched.suspended, &t->state_item);
        sched_ready_add_locked(t);
        /* Before the start there may be no current task, and nothing switches anyway. */
        sched_yield_if_locked(cur != NULL && t->priority > cur->priority);
    }
    kernel_unlock(mask);
    traceRETURN_vTaskResume();
}

BaseType_t xTaskResumeFromISR(TaskHandle_t task)
{
    traceENTER_xTaskResumeFromISR(task);
    tcb_t *t = task, *cur;
    BaseType_t preempt = pdFALSE;
    UBaseType_t mask;

    configASSERT(t != NULL);
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    cur = sched_current;
    if (is_suspended_locked(t, cur)) {
        traceTASK_RESUME_FROM_ISR(t);
        (void)list_unlink_uncursored(&sched.suspended, &t->state_item);
        sched_ready_add_locked(t);
        if (t->priority > cur->priority) {
            /* As in FreeRTOS: with the scheduler suspended, the switch waits for the resume. */
            preempt = sched.suspend_depth == 0 ? pdTRUE : pdFALSE;
            sched.yield_pending = pdTRUE;
        }
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xTaskResumeFromISR(preempt);
    return preempt;
}
