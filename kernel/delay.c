/* SPDX-License-Identifier: MIT */
/*
 * delay.c: vTaskDelay, xTaskDelayUntil and xTaskAbortDelay (INCLUDE_xTaskAbortDelay).
 * A delayed task sits only on a delayed list (no waiter list), so any wake
 * result ends the delay.
 */
#include "kernel.h"

void vTaskDelay(const TickType_t ticks)
{
    traceENTER_vTaskDelay(ticks);
    /* Only the calling task changes its suspension depth: no lock is needed to read it. */
    sched_assert_may_block(ticks);
    if (ticks == 0) {
        /* A zero delay is a yield to tasks of equal priority. */
        taskYIELD();
    } else {
        taskENTER_CRITICAL();
        traceTASK_DELAY();
        sched_delay_locked(ticks);
        taskEXIT_CRITICAL();
    }
    traceRETURN_vTaskDelay();
}

BaseType_t xTaskDelayUntil(TickType_t *const previous_wake, const TickType_t increment)
{
    traceENTER_xTaskDelayUntil(previous_wake, increment);
    BaseType_t delayed = pdFALSE;

    configASSERT(previous_wake != NULL && increment > 0 && !portIS_INSIDE_INTERRUPT() &&
                 sched.suspend_depth == 0);
    taskENTER_CRITICAL();
    {
        const TickType_t now = sched.tick_count;
        const TickType_t wake = (TickType_t)(*previous_wake + increment);
        /* Elapsed time since the previous wake, and the time to the next, both modulo
         * the tick period: the wake time is still ahead when it is closer than `now`. */
        const TickType_t since = (TickType_t)(now - *previous_wake);

        *previous_wake = wake;
        if (since < increment) {
            traceTASK_DELAY_UNTIL(wake);
            sched_delay_locked((TickType_t)(wake - now));
            delayed = pdTRUE;
        }
    }
    taskEXIT_CRITICAL();
    if (!delayed) {
        taskYIELD(); /* the wake time has passed: no delay, but let equals run */
    }
    traceRETURN_xTaskDelayUntil(delayed);
    return delayed;
}

#if INCLUDE_xTaskAbortDelay
BaseType_t xTaskAbortDelay(TaskHandle_t task)
{
    traceENTER_xTaskAbortDelay(task);
    tcb_t *t = task;
    BaseType_t aborted = pdFALSE;

    configASSERT(t != NULL);
    taskENTER_CRITICAL();
    if (task_state_locked(t) == eBlocked) {
        BaseType_t preempt;

        t->flags |= TCB_DELAY_ABORTED;
        notify_wait_cancel_locked(t);
        preempt = sched_wake_locked(t, WAIT_ABORTED);
        sched_yield_if_locked(preempt);
        aborted = pdTRUE;
    }
    taskEXIT_CRITICAL();
    traceRETURN_xTaskAbortDelay(aborted);
    return aborted;
}
#endif /* INCLUDE_xTaskAbortDelay */
