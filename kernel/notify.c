/* SPDX-License-Identifier: MIT */
/*
 * notify.c: direct-to-task notifications, an array of
 * configTASK_NOTIFICATION_ARRAY_ENTRIES 32-bit values and states per task.
 *
 * A waiting task is on the delayed list (on none when it waits without timeout) and on no waiter
 * list, with notify_state[i] == NOTIFY_WAITING; a notifier that finds that state wakes it. The
 * state says so only while the task is blocked: every other end of the wait (timeout, abort,
 * suspension) clears it (notify_wait_cancel_locked), so that no notifier wakes a task that is
 * ready, or was running and was preempted before it cleared the state itself. The
 * waiter reads its own value after it runs again, so no hand-off buffer is needed.
 *
 * Fast paths (speed builds only; -Os builds have the general paths alone): a give by
 * increment (xTaskNotifyGive) and ulTaskNotifyTake skip the general code's action switch and
 * argument checks once branches have shown that nothing needs them; misuse goes to the general
 * path, which asserts. A give always takes the kernel lock: its state store cannot share an
 * exclusive section with the value, because a failed store would come too late to undo a state
 * overwritten after a switch let the receiver start waiting. A take reads and clears its own
 * count without the lock where the port has an exclusive store (TAKE_EXCLUSIVE), the state
 * stored inside that section: only its own task sets NOTIFY_WAITING, and every way another
 * context could run clears the monitor, so a store that fails sends the take to the locked
 * path, which stores the state again.
 */
#include "kernel.h"
#include "sched_hot.h"

#if configUSE_TASK_NOTIFICATIONS

#ifdef __OPTIMIZE_SIZE__
#define NOTIFY_FAST_PATHS 0
#else
#define NOTIFY_FAST_PATHS 1
#endif
#if NOTIFY_FAST_PATHS && defined(portSTORE_EXCLUSIVE)
#define TAKE_EXCLUSIVE 1
#else
#define TAKE_EXCLUSIVE 0
#endif

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

#ifdef __OPTIMIZE_SIZE__
void notify_wait_cancel_locked(tcb_t *t)
{
    notify_wait_cancel_inline(t);
}
#endif

/* xTaskGenericNotify's general path: every action, every check. */
KERNEL_OUT_OF_LINE static BaseType_t notify_checked(tcb_t *t, UBaseType_t index, uint32_t value,
                                                    eNotifyAction action, uint32_t *previous)
{
    BaseType_t result;
    uint8_t old_state;
    UBaseType_t mask;

    configASSERT((t != NULL) && (index < configTASK_NOTIFICATION_ARRAY_ENTRIES) &&
                 (!portIS_INSIDE_INTERRUPT()));
    mask = kernel_lock();
    result = apply_locked(t, index, value, action, previous, &old_state);
    traceTASK_NOTIFY(index);
    if (result == pdPASS && old_state == NOTIFY_WAITING) {
        sched_yield_if_locked(sched_wake_locked(t, WAIT_OK));
    }
    kernel_unlock(mask);
    return result;
}

BaseType_t xTaskGenericNotify(TaskHandle_t task, UBaseType_t index, uint32_t value,
                              eNotifyAction action, uint32_t *previous_value)
{
    traceENTER_xTaskGenericNotify(task, index, value, action, previous_value);
    BaseType_t result = notify_checked(task, index, value, action, previous_value);
    traceRETURN_xTaskGenericNotify(result);
    return result;
}

/* xTaskNotifyGive's general path: the fast path's tail call passes one argument. */
KERNEL_OUT_OF_LINE static BaseType_t notify_give_checked(tcb_t *t)
{
    return notify_checked(t, tskDEFAULT_INDEX_TO_NOTIFY, 0, eIncrement, NULL);
}

#if NOTIFY_FAST_PATHS
/* xTaskNotifyGive (task.h) in speed builds: apply_locked's one case, on the default index. */
BaseType_t quartz_notify_give(TaskHandle_t task)
{
    traceENTER_xTaskGenericNotify(task, tskDEFAULT_INDEX_TO_NOTIFY, 0, eIncrement, NULL);
    tcb_t *const t = task;
    const UBaseType_t i = tskDEFAULT_INDEX_TO_NOTIFY;
    BaseType_t result = pdPASS;

    if (t != NULL && !portIS_INSIDE_INTERRUPT()) {
        const UBaseType_t mask = kernel_lock();
        const UBaseType_t old_state = t->notify_state[i];

        t->notify_value[i]++;
        t->notify_state[i] = NOTIFY_RECEIVED;
        traceTASK_NOTIFY(i);
        /* A switch only for a woken task that outranks this one, as in FreeRTOS; a task to
         * wake means a scheduler that runs, so only the option is left to test. */
        if (old_state == NOTIFY_WAITING && sched_wake_unlisted_hot(t, WAIT_OK) &&
            configUSE_PREEMPTION) {
            sched_pend_switch();
        }
        kernel_unlock(mask);
    } else {
        result = notify_give_checked(t);
    }
    traceRETURN_xTaskGenericNotify(result);
    return result;
}
#else
/* xTaskNotifyGive (task.h) at -Os: the general path. */
BaseType_t quartz_notify_give(TaskHandle_t task)
{
    traceENTER_xTaskGenericNotify(task, tskDEFAULT_INDEX_TO_NOTIFY, 0, eIncrement, NULL);
    const BaseType_t result = notify_give_checked(task);
    traceRETURN_xTaskGenericNotify(result);
    return result;
}
#endif /* NOTIFY_FAST_PATHS */

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
 * Block the current task on its entry `index` for `ticks` (locked with mask); returns unlocked,
 * once it runs again. Inline in speed builds: on the round trip of a notification it runs once
 * per wait.
 */
static KERNEL_HOT_INLINE void wait_unlock(tcb_t *self, UBaseType_t index, TickType_t ticks,
                                          UBaseType_t mask)
{
    self->notify_state[index] = NOTIFY_WAITING;
    sched_block_hot(self, NULL, ticks);
    kernel_unlock(mask); /* the switch happens here */
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
            wait_unlock(self, index, ticks, mask);
            mask = kernel_lock();
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

/* ulTaskNotifyTake's exit (locked): its count, then cleared or decremented; the wait is over. */
static KERNEL_HOT_INLINE uint32_t notify_take_locked(tcb_t *self, UBaseType_t index,
                                                     BaseType_t clear)
{
    const uint32_t count = self->notify_value[index];

    if (count != 0) {
        self->notify_value[index] = clear ? 0 : count - 1;
    }
    self->notify_state[index] = NOTIFY_NONE;
    return count;
}

/* ulTaskGenericNotifyTake's general path (the index last: the fast path passes on its two). */
KERNEL_OUT_OF_LINE static uint32_t notify_take_checked(BaseType_t clear, TickType_t ticks,
                                                       UBaseType_t index)
{
    tcb_t *self = sched_current;
    uint32_t count;
    UBaseType_t mask;

    configASSERT((index < configTASK_NOTIFICATION_ARRAY_ENTRIES) && (!portIS_INSIDE_INTERRUPT()));
    mask = kernel_lock();
    if (self->notify_value[index] == 0 && ticks > 0) {
        traceTASK_NOTIFY_TAKE_BLOCK(index);
        wait_unlock(self, index, ticks, mask);
        mask = kernel_lock();
    }
    traceTASK_NOTIFY_TAKE(index);
    count = notify_take_locked(self, index, clear);
    kernel_unlock(mask);
    return count;
}

uint32_t ulTaskGenericNotifyTake(UBaseType_t index, BaseType_t clear_on_exit, TickType_t ticks)
{
    traceENTER_ulTaskGenericNotifyTake(index, clear_on_exit, ticks);
    uint32_t count = notify_take_checked(clear_on_exit, ticks, index);
    traceRETURN_ulTaskGenericNotifyTake(count);
    return count;
}

#if TAKE_EXCLUSIVE
/*
 * The end of notify_take_locked's work without the lock, in one exclusive section on the value
 * begun by the caller's take_begin (count, what it loaded): false if anything ran meanwhile, and
 * then nothing was stored but the state, which the locked path stores again.
 */
static inline bool take_commit(tcb_t *self, UBaseType_t index, BaseType_t clear, uint32_t count)
{
    self->notify_state[index] = NOTIFY_NONE;
    /* Stored even when it stays 0: the store's success is what proves the state store good. */
    return portSTORE_EXCLUSIVE((volatile UBaseType_t *)&self->notify_value[index],
                               (count == 0 || clear) ? 0 : count - 1) == 0;
}

static inline uint32_t take_begin(tcb_t *self, UBaseType_t index)
{
    _Static_assert(sizeof(UBaseType_t) == sizeof(uint32_t), "the value is one exclusive word");
    return portLOAD_EXCLUSIVE((volatile UBaseType_t *)&self->notify_value[index]);
}

/* A take's exclusive section failed after its wait: take the count under the lock. */
KERNEL_SLOW_PATH static uint32_t notify_take_relocked(BaseType_t clear, tcb_t *self)
{
    const UBaseType_t mask = kernel_lock();
    uint32_t count;

    traceTASK_NOTIFY_TAKE(tskDEFAULT_INDEX_TO_NOTIFY);
    count = notify_take_locked(self, tskDEFAULT_INDEX_TO_NOTIFY, clear);
    kernel_unlock(mask);
    return count;
}

/* The fast take found a count to take, or none and no wait: lock-free. */
KERNEL_OUT_OF_LINE static uint32_t notify_take_now(BaseType_t clear, TickType_t ticks, tcb_t *self)
{
    const UBaseType_t i = tskDEFAULT_INDEX_TO_NOTIFY;
    const uint32_t count = take_begin(self, i);

    /* The count an interrupt overwrote with 0 since the caller looked is one to wait for. */
    if ((count != 0 || ticks == 0) && take_commit(self, i, clear, count)) {
        traceTASK_NOTIFY_TAKE(i);
        return count;
    }
    return notify_take_checked(clear, ticks, i); /* something ran: all over again, locked */
}

/*
 * A fast take that may wait: under the lock, the count if there is one, else a wait; after the
 * wait the count is taken lock-free.
 */
KERNEL_OUT_OF_LINE static uint32_t notify_take_wait(BaseType_t clear, TickType_t ticks, tcb_t *self)
{
    const UBaseType_t i = tskDEFAULT_INDEX_TO_NOTIFY;
    UBaseType_t mask;
    uint32_t count;

    mask = kernel_lock();
    if (self->notify_value[i] != 0) {
        traceTASK_NOTIFY_TAKE(i);
        count = notify_take_locked(self, i, clear);
        kernel_unlock(mask);
        return count;
    }
    traceTASK_NOTIFY_TAKE_BLOCK(i);
    wait_unlock(self, i, ticks, mask);
    count = take_begin(self, i);
    if (take_commit(self, i, clear, count)) {
        traceTASK_NOTIFY_TAKE(i);
        return count;
    }
    return notify_take_relocked(clear, self);
}

/* ulTaskNotifyTake (task.h) in speed builds: a count taken, or none and no wait, lock-free. */
uint32_t quartz_notify_take(BaseType_t clear, TickType_t ticks)
{
    traceENTER_ulTaskGenericNotifyTake(tskDEFAULT_INDEX_TO_NOTIFY, clear, ticks);
    const UBaseType_t i = tskDEFAULT_INDEX_TO_NOTIFY;
    uint32_t count;

    if (!portIS_INSIDE_INTERRUPT()) {
        tcb_t *const self = sched_current;

        if (ticks != 0) {
            count = notify_take_wait(clear, ticks, self);
        } else {
            count = notify_take_now(clear, ticks, self);
        }
    } else {
        count = notify_take_checked(clear, ticks, i);
    }
    traceRETURN_ulTaskGenericNotifyTake(count);
    return count;
}
#else
/* ulTaskNotifyTake (task.h) without an exclusive store, or at -Os: the locked path. */
uint32_t quartz_notify_take(BaseType_t clear, TickType_t ticks)
{
    traceENTER_ulTaskGenericNotifyTake(tskDEFAULT_INDEX_TO_NOTIFY, clear, ticks);
    uint32_t count = notify_take_checked(clear, ticks, tskDEFAULT_INDEX_TO_NOTIFY);
    traceRETURN_ulTaskGenericNotifyTake(count);
    return count;
}
#endif /* TAKE_EXCLUSIVE */

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
