/* SPDX-License-Identifier: MIT */
/*
 * notify.c: direct-to-task notifications, an array of
 * configTASK_NOTIFICATION_ARRAY_ENTRIES 32-bit values and states per task.
 *
 * A waiting task is on a delayed (or the suspended) list only, with
 * notify_state[i] == NOTIFY_WAITING; a notifier that finds that state wakes
 * it. The waiter reads its own value after it runs again, so no hand-off
 * buffer is needed.
 */
#include "kernel.h"

#if configUSE_TASK_NOTIFICATIONS

/* Apply `action` to t's entry `index`; pdFAIL only for a refused eSetValueWithoutOverwrite. */
static BaseType_t apply_locked(tcb_t *t, UBaseType_t index, uint32_t value,
                               eNotifyAction action, uint32_t *previous, uint8_t *old_state)
{
    if (previous != NULL) {
        *previous = t->notify_value[index];
    }
    *old_state = t->notify_state[index];
    switch (action) {
    case eSetBits:
        t->notify_value[index] |= value;
        break;
    case eIncrement:
        t->notify_value[index]++;
        break;
    case eSetValueWithOverwrite:
        t->notify_value[index] = value;
        break;
    case eSetValueWithoutOverwrite:
        if (*old_state == NOTIFY_RECEIVED) {
            return pdFAIL;
        }
        t->notify_value[index] = value;
        break;
    case eNoAction:
        break;
    default:
        configASSERT(0); /* not an eNotifyAction */
        return pdFAIL;
    }
    t->notify_state[index] = NOTIFY_RECEIVED;
    return pdPASS;
}

BaseType_t xTaskGenericNotify(TaskHandle_t task, UBaseType_t index, uint32_t value,
                              eNotifyAction action, uint32_t *previous_value)
{
    traceENTER_xTaskGenericNotify(task, index, value, action, previous_value);
    tcb_t *t = task;
    BaseType_t result;
    uint8_t old_state;

    UBaseType_t mask;

    configASSERT((t != NULL) && (index < configTASK_NOTIFICATION_ARRAY_ENTRIES) &&
                 (!portIS_INSIDE_INTERRUPT()));
    mask = kernel_lock();
    result = apply_locked(t, index, value, action, previous_value, &old_state);
    traceTASK_NOTIFY(index);
    if (result == pdPASS && old_state == NOTIFY_WAITING) {
        sched_yield_if_locked(sched_wake_locked(t, WAIT_OK));
    }
    kernel_unlock(mask);
    traceRETURN_xTaskGenericNotify(result);
    return result;
}

BaseType_t xTaskGenericNotifyFromISR(TaskHandle_t task, UBaseType_t index, uint32_t value,
                                     eNotifyAction action, uint32_t *previous_value,
                                     BaseType_t *woken)
{
    traceENTER_xTaskGenericNotifyFromISR(task, index, value, action, previous_value, woken);
    tcb_t *t = task;
    BaseType_t result;
    uint8_t old_state;
    UBaseType_t mask;

    configASSERT((t != NULL) && (index < configTASK_NOTIFICATION_ARRAY_ENTRIES));
    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    result = apply_locked(t, index, value, action, previous_value, &old_state);
    traceTASK_NOTIFY_FROM_ISR(index);
    if (result == pdPASS && old_state == NOTIFY_WAITING) {
        if (sched_wake_locked(t, WAIT_OK) && woken != NULL) {
            *woken = pdTRUE;
        }
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xTaskGenericNotifyFromISR(result);
    return result;
}

void vTaskGenericNotifyGiveFromISR(TaskHandle_t task, UBaseType_t index, BaseType_t *woken)
{
    traceENTER_vTaskGenericNotifyGiveFromISR(task, index, woken);
    traceTASK_NOTIFY_GIVE_FROM_ISR(index);
    (void)xTaskGenericNotifyFromISR(task, index, 0, eIncrement, NULL, woken);
    traceRETURN_vTaskGenericNotifyGiveFromISR();
}

/*
 * Block the current task on its entry `index` for `ticks` (locked with mask); returns with the
 * lock held again, and its mask. Inline in speed builds: on the round trip of a notification it
 * runs once per wait.
 */
static KERNEL_HOT_INLINE UBaseType_t wait_locked(UBaseType_t index, TickType_t ticks,
                                                 UBaseType_t mask)
{
    sched_current->notify_state[index] = NOTIFY_WAITING;
    sched_block_locked(NULL, ticks);
    kernel_unlock(mask); /* the switch happens here */
    return kernel_lock();
}

BaseType_t xTaskGenericNotifyWait(UBaseType_t index, uint32_t clear_on_entry,
                                  uint32_t clear_on_exit, uint32_t *value, TickType_t ticks)
{
    traceENTER_xTaskGenericNotifyWait(index, clear_on_entry, clear_on_exit, value, ticks);
    tcb_t *self = sched_current;
    BaseType_t received;

    UBaseType_t mask;

    configASSERT((index < configTASK_NOTIFICATION_ARRAY_ENTRIES) && (!portIS_INSIDE_INTERRUPT()));
    mask = kernel_lock();
    if (self->notify_state[index] != NOTIFY_RECEIVED) {
        self->notify_value[index] &= ~clear_on_entry;
        if (ticks > 0) {
            traceTASK_NOTIFY_WAIT_BLOCK(index);
            mask = wait_locked(index, ticks, mask);
        }
    }
    traceTASK_NOTIFY_WAIT(index);
    if (value != NULL) {
        *value = self->notify_value[index];
    }
    received = self->notify_state[index] == NOTIFY_RECEIVED;
    if (received) {
        self->notify_value[index] &= ~clear_on_exit;
    }
    self->notify_state[index] = NOTIFY_NONE;
    kernel_unlock(mask);
    traceRETURN_xTaskGenericNotifyWait(received);
    return received;
}

uint32_t ulTaskGenericNotifyTake(UBaseType_t index, BaseType_t clear_on_exit, TickType_t ticks)
{
    traceENTER_ulTaskGenericNotifyTake(index, clear_on_exit, ticks);
    tcb_t *self = sched_current;
    uint32_t count;

    UBaseType_t mask;

    configASSERT((index < configTASK_NOTIFICATION_ARRAY_ENTRIES) && (!portIS_INSIDE_INTERRUPT()));
    mask = kernel_lock();
    if (self->notify_value[index] == 0 && ticks > 0) {
        traceTASK_NOTIFY_TAKE_BLOCK(index);
        mask = wait_locked(index, ticks, mask);
    }
    traceTASK_NOTIFY_TAKE(index);
    count = self->notify_value[index];
    if (count != 0) {
        self->notify_value[index] = clear_on_exit ? 0 : count - 1;
    }
    self->notify_state[index] = NOTIFY_NONE;
    kernel_unlock(mask);
    traceRETURN_ulTaskGenericNotifyTake(count);
    return count;
}

BaseType_t xTaskGenericNotifyStateClear(TaskHandle_t task, UBaseType_t index)
{
    traceENTER_xTaskGenericNotifyStateClear(task, index);
    tcb_t *t = task != NULL ? task : sched_current;
    BaseType_t was_pending;

    configASSERT(index < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    taskENTER_CRITICAL();
    was_pending = t->notify_state[index] == NOTIFY_RECEIVED;
    if (was_pending) {
        t->notify_state[index] = NOTIFY_NONE;
    }
    taskEXIT_CRITICAL();
    traceRETURN_xTaskGenericNotifyStateClear(was_pending);
    return was_pending;
}

uint32_t ulTaskGenericNotifyValueClear(TaskHandle_t task, UBaseType_t index, uint32_t clear)
{
    traceENTER_ulTaskGenericNotifyValueClear(task, index, clear);
    tcb_t *t = task != NULL ? task : sched_current;
    uint32_t old;

    configASSERT(index < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    taskENTER_CRITICAL();
    old = t->notify_value[index];
    t->notify_value[index] &= ~clear;
    taskEXIT_CRITICAL();
    traceRETURN_ulTaskGenericNotifyValueClear(old);
    return old;
}

#endif /* configUSE_TASK_NOTIFICATIONS */
