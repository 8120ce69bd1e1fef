/* SPDX-License-Identifier: MIT */
/*
 * task.c: creating and deleting tasks, and freeing them.
 *
 * A task is made whole (TCB, stack, first frame) before it is linked onto a
 * ready list, under the kernel lock. A task that deletes itself cannot free
 * the stack it is running on: it goes onto the deleted list and the idle task
 * frees it. Any other task is freed at once by the deleter.
 */
#include "kernel.h"

#include <string.h>

_Static_assert(sizeof(StaticTask_t) == sizeof(tcb_t), "StaticTask_t must mirror the TCB");


static void copy_name(tcb_t *t, const char *name)
{
    size_t i = 0;

    if (name != NULL) {
        for (; i < configMAX_TASK_NAME_LEN - 1 && name[i] != '\0'; i++) {
            t->name[i] = name[i];
        }
    }
    t->name[i] = '\0';
}

/*
 * Fill a new stack with TASK_STACK_FILL_BYTE so that high-water marks and overflow method 2 can
 * see what was touched. Word stores, eight per pass, take less than half the instructions of a
 * library memset of the same bytes; the empty asm stops the compiler from turning the loop back
 * into a memset call.
 */
static void fill_stack(StackType_t *p, size_t words)
{
    const StackType_t w = STACK_GUARD_WORD;
    StackType_t *const end = p + words;

    while ((size_t)(end - p) >= 8) {
        p[0] = w;
        p[1] = w;
        p[2] = w;
        p[3] = w;
        p[4] = w;
        p[5] = w;
        p[6] = w;
        p[7] = w;
        p += 8;
        __asm__("" : "+r"(p));
    }
    while (p < end) {
        *p++ = w;
        __asm__("" : "+r"(p));
    }
}

/* Fill in a zeroed TCB for a task whose stack is `stack[0..depth)`. */
static void task_init(tcb_t *t, TaskFunction_t code, const char *name,
                      configSTACK_DEPTH_TYPE depth, void *params, UBaseType_t priority,
                      StackType_t *stack)
{
    StackType_t *top;

    priority &= ~portPRIVILEGE_BIT;
    configASSERT(priority < configMAX_PRIORITIES);
    if (priority >= configMAX_PRIORITIES) {
        priority = configMAX_PRIORITIES - 1;
    }
    t->stack = stack;
    fill_stack(stack, depth);
#if portSTACK_GROWTH < 0
    top = stack + (depth - 1);
    top = (StackType_t *)((portPOINTER_SIZE_TYPE)top & ~(portPOINTER_SIZE_TYPE)portBYTE_ALIGNMENT_MASK);
#else
    top = (StackType_t *)(((portPOINTER_SIZE_TYPE)stack + portBYTE_ALIGNMENT_MASK) &
                          ~(portPOINTER_SIZE_TYPE)portBYTE_ALIGNMENT_MASK);
#endif
#if (portSTACK_GROWTH > 0) || configRECORD_STACK_HIGH_ADDRESS
    t->stack_end = stack + (depth - 1);
#endif
    copy_name(t, name);
    t->priority = (uint8_t)priority;
    t->base_priority = (uint8_t)priority;
    vListInitialiseItem(&t->state_item);
    vListInitialiseItem(&t->event_item);
    listSET_LIST_ITEM_OWNER(&t->state_item, t);
    listSET_LIST_ITEM_OWNER(&t->event_item, t);
    listSET_LIST_ITEM_VALUE(&t->event_item, sched_event_value(priority));
    portSETUP_TCB(t);
#if portHAS_STACK_OVERFLOW_CHECKING
    t->top_of_stack = pxPortInitialiseStack(top, stack, code, params); /* stack: its limit */
#else
    t->top_of_stack = pxPortInitialiseStack(top, code, params);
#endif
}

/* Make a fully built task known to the scheduler. */
static void task_add(tcb_t *t)
{
    taskENTER_CRITICAL();
    sched_init_once();
    sched.task_count++;
#if configUSE_TRACE_FACILITY
    t->tcb_number = ++sched.next_tcb_number;
#endif
    if (!sched.running) {
        /* Before the start, the current task is the highest-priority one created. */
        if (sched_current == NULL || t->priority >= sched_current->priority) {
            sched_current = t;
        }
    }
    sched_ready_add_locked(t);
    traceTASK_CREATE(t);
    sched_yield_if_locked(sched.running && t->priority > sched_current->priority);
    taskEXIT_CRITICAL();
}

#if configSUPPORT_DYNAMIC_ALLOCATION
BaseType_t xTaskCreate(TaskFunction_t code, const char *const name,
                       const configSTACK_DEPTH_TYPE stack_depth, void *const params,
                       UBaseType_t priority, TaskHandle_t *const created)
{
    traceENTER_xTaskCreate(code, name, stack_depth, params, priority, created);
    StackType_t *stack;
    tcb_t *t;
    BaseType_t ret = errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;

    configASSERT(code != NULL);
    configASSERT(stack_depth > 0);
    stack = pvPortMallocStack((size_t)stack_depth * sizeof(StackType_t));
    if (stack == NULL) {
        traceTASK_CREATE_FAILED();
        goto out;
    }
    t = pvPortMalloc(sizeof(*t));
    if (t == NULL) {
        vPortFreeStack(stack);
        traceTASK_CREATE_FAILED();
        goto out;
    }
    memset(t, 0, sizeof(*t));
    task_init(t, code, name, stack_depth, params, priority, stack);
    if (created != NULL) {
        *created = t;
    }
    task_add(t);
    ret = pdPASS;
out:
    traceRETURN_xTaskCreate(ret);
    return ret;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
TaskHandle_t xTaskCreateStatic(TaskFunction_t code, const char *const name,
                               const configSTACK_DEPTH_TYPE stack_depth, void *const params,
                               UBaseType_t priority, StackType_t *const stack_buffer,
                               StaticTask_t *const task_buffer)
{
    traceENTER_xTaskCreateStatic(code, name, stack_depth, params, priority, stack_buffer,
                                 task_buffer);
    tcb_t *t = (tcb_t *)task_buffer;

    configASSERT(code != NULL);
    configASSERT(stack_buffer != NULL);
    configASSERT(task_buffer != NULL);
    configASSERT(stack_depth > 0);
    if (stack_buffer == NULL || task_buffer == NULL) {
        t = NULL;
    } else {
        memset(t, 0, sizeof(*t));
        t->flags = TCB_STATIC_STACK | TCB_STATIC_TCB;
        task_init(t, code, name, stack_depth, params, priority, stack_buffer);
        task_add(t);
    }
    traceRETURN_xTaskCreateStatic(t);
    return t;
}

BaseType_t xTaskGetStaticBuffers(TaskHandle_t task, StackType_t **stack_buffer,
                                 StaticTask_t **task_buffer)
{
    traceENTER_xTaskGetStaticBuffers(task, stack_buffer, task_buffer);
    tcb_t *t = task != NULL ? task : sched_current;
    BaseType_t ret = pdFALSE;

    configASSERT(stack_buffer != NULL && task_buffer != NULL);
    if ((t->flags & TCB_STATIC_TCB) != 0) {
        *stack_buffer = t->stack;
        *task_buffer = (StaticTask_t *)t;
        ret = pdTRUE;
    }
    traceRETURN_xTaskGetStaticBuffers(ret);
    return ret;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

/* Without dynamic allocation every task is static: no heap is referenced, so none is linked. */
void task_free(tcb_t *t)
{
    portCLEAN_UP_TCB(t);
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((t->flags & TCB_STATIC_STACK) == 0) {
        vPortFreeStack(t->stack);
    }
    if ((t->flags & TCB_STATIC_TCB) == 0) {
        vPortFree(t);
    }
#endif
}

void vTaskDelete(TaskHandle_t task)
{
    traceENTER_vTaskDelete(task);
    tcb_t *t;
    bool self;

    taskENTER_CRITICAL();
    t = task != NULL ? task : sched_current;
    configASSERT(t != NULL);
    self = (t == sched_current) && sched.running;
    configASSERT(!self || sched.suspend_depth == 0);
#if configUSE_MUTEXES
    mutex_release_all_locked(t);
#endif
    if ((t->flags & TCB_HANDOFF) != 0) {
        sched_yield_if_locked(queue_handoff_undo_locked(t));
    }
    sched_unlink_locked(t);
    sched.task_count--;
    traceTASK_DELETE(t);
    if (self) {
        /* It runs on the stack it would free: the idle task frees it later. */
        vListInsertEnd(&sched.deleted, &t->state_item);
        portPRE_TASK_DELETE_HOOK(t, &sched.yield_pending);
        portYIELD_WITHIN_API();
    } else if (t == sched_current) {
        /* Deleted before the scheduler started: pick a new first task, if one is ready. */
        sched_current = NULL;
        if (listCURRENT_LIST_LENGTH(&sched.suspended) < sched.task_count) {
            sched_switch_context();
        }
    }
    taskEXIT_CRITICAL();
    if (!self) {
        task_free(t);
    }
    traceRETURN_vTaskDelete();
}

/* Free every task on `list`; returns how many. Used when the scheduler has ended. */
static unsigned free_list(List_t *list)
{
    unsigned n = 0;

    while (!listLIST_IS_EMPTY(list)) {
        tcb_t *t = (tcb_t *)listGET_OWNER_OF_HEAD_ENTRY(list);

#if configUSE_MUTEXES
        mutex_release_all_locked(t);
#endif
        if ((t->flags & TCB_HANDOFF) != 0) {
            (void)queue_handoff_undo_locked(t);
        }
        sched_unlink_locked(t);
        task_free(t);
        n++;
    }
    return n;
}

void task_free_all(void)
{
    unsigned freed;

    /* Releasing a mutex may ready a waiter on a list already swept: sweep until empty. */
    do {
        freed = 0;
        for (UBaseType_t p = 0; p < configMAX_PRIORITIES; p++) {
            freed += free_list(&sched.ready[p]);
        }
        freed += free_list(&sched.delayed[0]);
        freed += free_list(&sched.delayed[1]);
        freed += free_list(&sched.suspended);
        freed += free_list(&sched.deleted);
    } while (freed != 0);
    memset(&sched, 0, sizeof(sched));
    sched_current = NULL;
    portENABLE_INTERRUPTS();
}
