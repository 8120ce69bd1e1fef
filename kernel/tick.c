/* SPDX-License-Identifier: MIT */
/*
 * tick.c: time. The tick interrupt, the two delayed lists, block timeouts,
 * and the calls tickless idle and catch-up use to move time in steps.
 *
 * Wake times are absolute tick counts. delayed_now holds those in the current
 * epoch, delayed_overflow those that fall after the tick count wraps to zero;
 * the lists swap when it does. next_unblock caches the head of delayed_now so
 * that a tick on which nothing wakes costs one comparison.
 */
#include "kernel.h"
#include "list_impl.h"

static void update_next_unblock_locked(void)
{
    if (listLIST_IS_EMPTY(sched.delayed_now)) {
        sched.next_unblock = portMAX_DELAY;
    } else {
        sched.next_unblock = listGET_ITEM_VALUE_OF_HEAD_ENTRY(sched.delayed_now);
    }
}

void tick_delay_add_locked(tcb_t *t, TickType_t wake)
{
    /* t is the task blocking, just taken off its ready list: on no list, no check. */
    listSET_LIST_ITEM_VALUE(&t->state_item, wake);
    if (wake < sched.tick_count) {
        list_link_sorted(sched.delayed_overflow, &t->state_item);
    } else {
        list_link_sorted(sched.delayed_now, &t->state_item);
        if (wake < sched.next_unblock) {
            sched.next_unblock = wake;
        }
    }
}

static void swap_delayed_lists_locked(void)
{
    List_t *tmp = sched.delayed_now;

    /* Every wake time of the old epoch has passed by the time the count wraps. */
    configASSERT(listLIST_IS_EMPTY(tmp));
    sched.delayed_now = sched.delayed_overflow;
    sched.delayed_overflow = tmp;
    sched.overflow_count++;
    update_next_unblock_locked();
}

BaseType_t tick_advance_locked(void)
{
    const TickType_t now = (TickType_t)(sched.tick_count + 1);
    BaseType_t switch_needed = pdFALSE;

    sched.tick_count = now;
    if (now == 0) {
        swap_delayed_lists_locked();
    }
    if (now >= sched.next_unblock) {
        while (!listLIST_IS_EMPTY(sched.delayed_now)) {
            tcb_t *t = (tcb_t *)listGET_OWNER_OF_HEAD_ENTRY(sched.delayed_now);

            if (listGET_LIST_ITEM_VALUE(&t->state_item) > now) {
                break;
            }
            notify_wait_cancel_locked(t);
            if (sched_wake_locked(t, WAIT_TIMEOUT)) {
                switch_needed = pdTRUE;
            }
        }
        update_next_unblock_locked();
    }
    if (configUSE_PREEMPTION) {
        if (configUSE_TIME_SLICING &&
            sched_ready_several(sched_current->priority)) {
            switch_needed = pdTRUE;
        }
        if (sched.yield_pending) {
            switch_needed = pdTRUE;
        }
    } else {
        switch_needed = pdFALSE;
    }
    return switch_needed;
}

BaseType_t sched_tick_isr(void)
{
    BaseType_t switch_needed = pdFALSE;

    traceTASK_INCREMENT_TICK(sched.tick_count);
    if (sched.suspend_depth == 0) {
        switch_needed = tick_advance_locked();
    } else {
        sched.pended_ticks++;
    }
    if (configUSE_TICK_HOOK) {
        vApplicationTickHook();
    }
    /* A FromISR call in the hook that could not report a wake still gets its switch now. */
    if (configUSE_PREEMPTION && sched.suspend_depth == 0 && sched.yield_pending) {
        switch_needed = pdTRUE;
    }
    return switch_needed;
}

TickType_t xTaskGetTickCount(void)
{
    traceENTER_xTaskGetTickCount();
    TickType_t now;

    if (portTICK_TYPE_IS_ATOMIC) {
        now = sched.tick_count;
    } else {
        taskENTER_CRITICAL();
        now = sched.tick_count;
        taskEXIT_CRITICAL();
    }
    traceRETURN_xTaskGetTickCount(now);
    return now;
}

TickType_t xTaskGetTickCountFromISR(void)
{
    traceENTER_xTaskGetTickCountFromISR();
    TickType_t now;
    UBaseType_t mask;

    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    now = sched.tick_count;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xTaskGetTickCountFromISR(now);
    return now;
}

void vTaskInternalSetTimeOutState(TimeOut_t *const timeout)
{
    traceENTER_vTaskInternalSetTimeOutState(timeout);
    timeout->xOverflowCount = sched.overflow_count;
    timeout->xTimeOnEntering = sched.tick_count;
    traceRETURN_vTaskInternalSetTimeOutState();
}

void vTaskSetTimeOutState(TimeOut_t *const timeout)
{
    traceENTER_vTaskSetTimeOutState(timeout);
    configASSERT(timeout != NULL);
    taskENTER_CRITICAL();
    vTaskInternalSetTimeOutState(timeout);
    taskEXIT_CRITICAL();
    traceRETURN_vTaskSetTimeOutState();
}

BaseType_t xTaskCheckForTimeOut(TimeOut_t *const timeout, TickType_t *const ticks_to_wait)
{
    traceENTER_xTaskCheckForTimeOut(timeout, ticks_to_wait);
    BaseType_t timed_out;

    configASSERT(timeout != NULL && ticks_to_wait != NULL);
    taskENTER_CRITICAL();
    {
        const TickType_t now = sched.tick_count;
        const TickType_t elapsed = (TickType_t)(now - timeout->xTimeOnEntering);

        if (sched_current->flags & TCB_DELAY_ABORTED) {
            sched_current->flags &= (uint8_t)~TCB_DELAY_ABORTED;
            timed_out = pdTRUE;
        } else if (*ticks_to_wait == portMAX_DELAY && INCLUDE_vTaskSuspend) {
            timed_out = pdFALSE;
        } else if (sched.overflow_count != timeout->xOverflowCount &&
                   now >= timeout->xTimeOnEntering) {
            /* A whole tick-count period has passed. */
            *ticks_to_wait = 0;
            timed_out = pdTRUE;
        } else if (elapsed < *ticks_to_wait) {
            *ticks_to_wait -= elapsed;
            vTaskInternalSetTimeOutState(timeout);
            timed_out = pdFALSE;
        } else {
            *ticks_to_wait = 0;
            timed_out = pdTRUE;
        }
    }
    taskEXIT_CRITICAL();
    traceRETURN_xTaskCheckForTimeOut(timed_out);
    return timed_out;
}

BaseType_t xTaskCatchUpTicks(TickType_t ticks)
{
    traceENTER_xTaskCatchUpTicks(ticks);
    configASSERT(sched.suspend_depth == 0);
    vTaskSuspendAll();
    taskENTER_CRITICAL();
    sched.pended_ticks += ticks;
    taskEXIT_CRITICAL();
    BaseType_t ret = xTaskResumeAll();
    traceRETURN_xTaskCatchUpTicks(ret);
    return ret;
}

#if configUSE_TICKLESS_IDLE /* as in FreeRTOS: only tickless idle steps the tick count */
void vTaskStepTick(TickType_t ticks)
{
    traceENTER_vTaskStepTick(ticks);
    /* Tickless idle may only sleep up to the next wake time, never past it (nor the wrap). */
    configASSERT(ticks <= (TickType_t)(sched.next_unblock - sched.tick_count));
    if (ticks != 0 && (TickType_t)(sched.tick_count + ticks) == sched.next_unblock) {
        /*
         * Landing on the wake time would skip the tick processing that wakes the task due
         * then. Stop one short and pend the last tick: the scheduler, suspended around the
         * step, processes it when it resumes.
         */
        configASSERT(sched.suspend_depth > 0);
        taskENTER_CRITICAL();
        sched.pended_ticks++;
        taskEXIT_CRITICAL();
        ticks--;
    }
    sched.tick_count += ticks;
    traceINCREASE_TICK_COUNT(ticks);
    traceRETURN_vTaskStepTick();
}
#endif /* configUSE_TICKLESS_IDLE */

eSleepModeStatus eTaskConfirmSleepModeStatus(void)
{
    traceENTER_eTaskConfirmSleepModeStatus();
    eSleepModeStatus status = eAbortSleep;

    if (sched.yield_pending || sched.pended_ticks != 0) {
        goto out;
    }
    if (sched_ready_several(tskIDLE_PRIORITY)) {
        goto out;
    }
    /*
     * Every other task suspended or waiting without timeout (any other ready task would have
     * set yield_pending): no task waits for a time.
     */
    if (INCLUDE_vTaskSuspend && listLIST_IS_EMPTY(sched.delayed_now) &&
        listLIST_IS_EMPTY(sched.delayed_overflow)) {
        status = eNoTasksWaitingTimeout;
    } else {
        status = eStandardSleep;
    }
out:
    traceRETURN_eTaskConfirmSleepModeStatus(status);
    return status;
}
