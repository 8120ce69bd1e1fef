/* SPDX-License-Identifier: MIT */
/*
 * task_info.c: read-only views of tasks (state, names, handles, stack use)
 * and the per-task application data (tags, thread-local storage pointers,
 * trace numbers). Nothing here changes scheduling.
 */
#include "kernel.h"

#include <string.h>

static inline tcb_t *task_or_self(TaskHandle_t task)
{
    return task != NULL ? task : sched_current;
}

eTaskState task_state_locked(const tcb_t *t)
{
    const List_t *const list = listLIST_ITEM_CONTAINER(&t->state_item);

    if (t == sched_current) {
        return eRunning;
    }
    if (list == sched.delayed_now || list == sched.delayed_overflow) {
        return eBlocked;
    }
    if (list == &sched.suspended) {
        return eSuspended;
    }
    if (list == NULL) {
        /* On no list: deleted by another task, or waiting without timeout. */
        return t->next_task == t ? eDeleted : eBlocked;
    }
    if (list == &sched.deleted) {
        return eDeleted;
    }
    return eReady;
}

eTaskState eTaskGetState(TaskHandle_t task)
{
    traceENTER_eTaskGetState(task);
    eTaskState state = eRunning;
    UBaseType_t mask;

    configASSERT(task != NULL);
    if (task == sched_current) {
        goto out;
    }
    /* The FromISR mask, not a critical section: xTaskResumeFromISR asks from an interrupt. */
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    state = task_state_locked(task);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
out:
    traceRETURN_eTaskGetState(state);
    return state;
}

KERNEL_NO_ASAN static configSTACK_DEPTH_TYPE stack_free_words(const tcb_t *t)
{
    const uint8_t *p;
    size_t n = 0;

#if portSTACK_GROWTH < 0
    p = (const uint8_t *)t->stack;
    while (*p == TASK_STACK_FILL_BYTE) {
        p++;
        n++;
    }
#else
    p = (const uint8_t *)t->stack_end;
    while (*p == TASK_STACK_FILL_BYTE) {
        p--;
        n++;
    }
#endif
    return (configSTACK_DEPTH_TYPE)(n / sizeof(StackType_t));
}

UBaseType_t uxTaskGetStackHighWaterMark(TaskHandle_t task)
{
    traceENTER_uxTaskGetStackHighWaterMark(task);
    UBaseType_t ret = (UBaseType_t)stack_free_words(task_or_self(task));
    traceRETURN_uxTaskGetStackHighWaterMark(ret);
    return ret;
}

#if INCLUDE_uxTaskGetStackHighWaterMark2
configSTACK_DEPTH_TYPE uxTaskGetStackHighWaterMark2(TaskHandle_t task)
{
    traceENTER_uxTaskGetStackHighWaterMark2(task);
    configSTACK_DEPTH_TYPE ret = stack_free_words(task_or_self(task));
    traceRETURN_uxTaskGetStackHighWaterMark2(ret);
    return ret;
}
#endif /* INCLUDE_uxTaskGetStackHighWaterMark2 */

void vTaskGetInfo(TaskHandle_t task, TaskStatus_t *status, BaseType_t get_free_stack_space,
                  eTaskState state)
{
    traceENTER_vTaskGetInfo(task, status, get_free_stack_space, state);
    tcb_t *t = task_or_self(task);

    configASSERT(status != NULL);
    status->xHandle = t;
    status->pcTaskName = t->name;
    status->uxCurrentPriority = t->priority;
    status->uxBasePriority = t->base_priority;
    status->pxStackBase = t->stack;
#if (portSTACK_GROWTH > 0) || configRECORD_STACK_HIGH_ADDRESS
    status->pxTopOfStack = (StackType_t *)t->top_of_stack;
    status->pxEndOfStack = t->stack_end;
#endif
#if configUSE_TRACE_FACILITY
    status->xTaskNumber = t->tcb_number;
#else
    status->xTaskNumber = 0;
#endif
    status->ulRunTimeCounter = stats_task_run_time(t);
    if (state == eInvalid) {
        state = eTaskGetState(t);
    } else if (state != eRunning && t == sched_current) {
        state = eRunning;
    }
    status->eCurrentState = state;
    status->usStackHighWaterMark = get_free_stack_space ? stack_free_words(t) : 0;
    traceRETURN_vTaskGetInfo();
}

char *pcTaskGetName(TaskHandle_t task)
{
    traceENTER_pcTaskGetName(task);
    char *ret = task_or_self(task)->name;
    traceRETURN_pcTaskGetName(ret);
    return ret;
}

/* Visit the tasks that wait without timeout: on no state list, so found on sched.all_tasks. */
static tcb_t *find_waiting_forever_locked(task_visit_fn fn, void *ctx)
{
    for (tcb_t *t = sched.all_tasks; t != NULL; t = t->next_task) {
        if (listLIST_ITEM_CONTAINER(&t->state_item) == NULL && fn(t, eBlocked, ctx)) {
            return t;
        }
    }
    return NULL;
}

tcb_t *task_find_locked(task_visit_fn fn, void *ctx)
{
    List_t *const others[] = {sched.delayed_now, sched.delayed_overflow, &sched.deleted,
                              &sched.suspended};
    static const uint8_t other_states[] = {eBlocked, eBlocked, eDeleted, eSuspended};

    for (UBaseType_t i = 0; i < configMAX_PRIORITIES + 4u; i++) {
        if (i == configMAX_PRIORITIES + 2u) {
            /* The other blocked tasks, before the deleted and suspended ones. */
            tcb_t *const found = find_waiting_forever_locked(fn, ctx);

            if (found != NULL) {
                return found;
            }
        }
        const bool ready = i < configMAX_PRIORITIES;
        List_t *const list =
            ready ? &sched.ready[configMAX_PRIORITIES - 1u - i] : others[i - configMAX_PRIORITIES];
        const eTaskState state =
            ready ? eReady : (eTaskState)other_states[i - configMAX_PRIORITIES];
        const ListItem_t *const end = listGET_END_MARKER(list);

        for (ListItem_t *it = listGET_HEAD_ENTRY(list); it != end; it = listGET_NEXT(it)) {
            tcb_t *const t = listGET_LIST_ITEM_OWNER(it);

            if (fn(t, state, ctx)) {
                return t;
            }
        }
    }
    return NULL;
}

#if INCLUDE_xTaskGetHandle
static bool has_name(tcb_t *t, eTaskState state, void *name)
{
    (void)state;
    return strncmp(t->name, name, configMAX_TASK_NAME_LEN) == 0;
}

/* A deleted task not yet freed by the idle task is found too, as in FreeRTOS. */
TaskHandle_t xTaskGetHandle(const char *name)
{
    traceENTER_xTaskGetHandle(name);
    tcb_t *found = NULL;

    configASSERT(name != NULL && strlen(name) < configMAX_TASK_NAME_LEN);
    if (sched.lists_ready) {
        vTaskSuspendAll();
        taskENTER_CRITICAL();
        found = task_find_locked(has_name, (void *)(uintptr_t)name);
        taskEXIT_CRITICAL();
        (void)xTaskResumeAll();
    }
    traceRETURN_xTaskGetHandle(found);
    return found;
}
#endif /* INCLUDE_xTaskGetHandle */

TaskHandle_t xTaskGetCurrentTaskHandle(void)
{
    traceENTER_xTaskGetCurrentTaskHandle();
    TaskHandle_t ret = sched_current;
    traceRETURN_xTaskGetCurrentTaskHandle(ret);
    return ret;
}

#if INCLUDE_xTaskGetIdleTaskHandle
TaskHandle_t xTaskGetIdleTaskHandle(void)
{
    traceENTER_xTaskGetIdleTaskHandle();
    configASSERT(sched.idle != NULL); /* only valid once the scheduler has started */
    TaskHandle_t ret = sched.idle;
    traceRETURN_xTaskGetIdleTaskHandle(ret);
    return ret;
}
#endif /* INCLUDE_xTaskGetIdleTaskHandle */

UBaseType_t uxTaskGetNumberOfTasks(void)
{
    traceENTER_uxTaskGetNumberOfTasks();
    /* Self-deleted tasks count until the idle task has freed them, as in FreeRTOS. */
    UBaseType_t ret = sched.task_count + listCURRENT_LIST_LENGTH(&sched.deleted);
    traceRETURN_uxTaskGetNumberOfTasks(ret);
    return ret;
}

#if configUSE_APPLICATION_TASK_TAG
void vTaskSetApplicationTaskTag(TaskHandle_t task, TaskHookFunction_t tag)
{
    traceENTER_vTaskSetApplicationTaskTag(task, tag);
    taskENTER_CRITICAL();
    task_or_self(task)->tag = tag;
    taskEXIT_CRITICAL();
    traceRETURN_vTaskSetApplicationTaskTag();
}

TaskHookFunction_t xTaskGetApplicationTaskTag(TaskHandle_t task)
{
    traceENTER_xTaskGetApplicationTaskTag(task);
    TaskHookFunction_t tag;

    taskENTER_CRITICAL();
    tag = task_or_self(task)->tag;
    taskEXIT_CRITICAL();
    traceRETURN_xTaskGetApplicationTaskTag(tag);
    return tag;
}

TaskHookFunction_t xTaskGetApplicationTaskTagFromISR(TaskHandle_t task)
{
    traceENTER_xTaskGetApplicationTaskTagFromISR(task);
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    TaskHookFunction_t tag = task_or_self(task)->tag;

    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xTaskGetApplicationTaskTagFromISR(tag);
    return tag;
}

BaseType_t xTaskCallApplicationTaskHook(TaskHandle_t task, void *param)
{
    traceENTER_xTaskCallApplicationTaskHook(task, param);
    TaskHookFunction_t tag = task_or_self(task)->tag;

    BaseType_t ret = tag != NULL ? tag(param) : pdFAIL;
    traceRETURN_xTaskCallApplicationTaskHook(ret);
    return ret;
}
#endif /* configUSE_APPLICATION_TASK_TAG */

#if configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0
void vTaskSetThreadLocalStoragePointer(TaskHandle_t task, BaseType_t index, void *value)
{
    traceENTER_vTaskSetThreadLocalStoragePointer(task, index, value);
    configASSERT(index >= 0 && index < configNUM_THREAD_LOCAL_STORAGE_POINTERS);
    if (index >= 0 && index < configNUM_THREAD_LOCAL_STORAGE_POINTERS) {
        task_or_self(task)->tls[index] = value;
    }
    traceRETURN_vTaskSetThreadLocalStoragePointer();
}

void *pvTaskGetThreadLocalStoragePointer(TaskHandle_t task, BaseType_t index)
{
    traceENTER_pvTaskGetThreadLocalStoragePointer(task, index);
    void *value = NULL;

    if (index >= 0 && index < configNUM_THREAD_LOCAL_STORAGE_POINTERS) {
        value = task_or_self(task)->tls[index];
    }
    traceRETURN_pvTaskGetThreadLocalStoragePointer(value);
    return value;
}
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */

#if configUSE_TRACE_FACILITY
UBaseType_t uxTaskGetTaskNumber(TaskHandle_t task)
{
    traceENTER_uxTaskGetTaskNumber(task);
    UBaseType_t ret = task != NULL ? ((tcb_t *)task)->task_number : 0U;
    traceRETURN_uxTaskGetTaskNumber(ret);
    return ret;
}

void vTaskSetTaskNumber(TaskHandle_t task, const UBaseType_t number)
{
    traceENTER_vTaskSetTaskNumber(task, number);
    if (task != NULL) {
        ((tcb_t *)task)->task_number = number;
    }
    traceRETURN_vTaskSetTaskNumber();
}
#endif /* configUSE_TRACE_FACILITY */
