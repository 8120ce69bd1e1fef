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

#include <stdint.h>
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

_Static_assert(sizeof(StackType_t) % sizeof(uint32_t) == 0 && sizeof(tcb_t) % sizeof(uint32_t) == 0,
               "stacks and TCBs are filled a 32-bit word at a time");

/* Stores that may alias anything, as memset's do: the TCB is zeroed through them. */
typedef uint32_t __attribute__((may_alias)) fill_word_t;

/*
 * Store `v` into `words` 32-bit words at p: a new stack's TASK_STACK_FILL_BYTE pattern (so that
 * high-water marks and overflow method 2 can see what was touched) and a new TCB's zeros. On
 * ARM, store-multiples of four registers, 16 bytes an instruction (in every instruction set:
 * low registers, and not r7, Thumb's frame pointer); elsewhere word stores, eight a pass. A
 * library memset of a 512-byte stack takes about four times the instructions. The empty asm
 * stops the compiler from turning the word loops back into a memset call.
 */
#ifndef __OPTIMIZE_SIZE__
__attribute__((always_inline)) /* the TCB's fill, of a known size, unrolls */
#endif
static inline void fill_words(void *dst, size_t words, uint32_t v)
{
    fill_word_t *p = dst;

#if defined(__arm__)
    register uint32_t a __asm__("r2") = v;
    register uint32_t b __asm__("r3") = v;
    register uint32_t c __asm__("r4") = v;
    register uint32_t d __asm__("r5") = v;

    for (size_t n = words / 16; n > 0; n--) {
        __asm__ volatile("stmia %0!, {%1, %2, %3, %4}\n\t"
                         "stmia %0!, {%1, %2, %3, %4}\n\t"
                         "stmia %0!, {%1, %2, %3, %4}\n\t"
                         "stmia %0!, {%1, %2, %3, %4}"
                         : "+l"(p)
                         : "l"(a), "l"(b), "l"(c), "l"(d)
                         : "memory");
    }
    for (size_t n = words / 4 % 4; n > 0; n--) {
        __asm__ volatile("stmia %0!, {%1, %2, %3, %4}"
                         : "+l"(p)
                         : "l"(a), "l"(b), "l"(c), "l"(d)
                         : "memory");
    }
    words %= 4;
#else
    for (size_t n = words / 8; n > 0; n--) {
        p[0] = v;
        p[1] = v;
        p[2] = v;
        p[3] = v;
        p[4] = v;
        p[5] = v;
        p[6] = v;
        p[7] = v;
        p += 8;
        __asm__("" : "+r"(p));
    }
    words %= 8;
#endif /* __arm__ */
    for (; words > 0; words--) {
        *p++ = v;
        __asm__("" : "+r"(p));
    }
}

/* Build the task in t (any contents) whose stack is `stack[0..depth)`. */
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
    /* Zeroed: every list item unlinked, no mutex, tag, notification or statistics yet. */
    fill_words(t, sizeof(*t) / sizeof(uint32_t), 0);
    t->stack = stack;
    fill_words(stack, (size_t)depth * sizeof(StackType_t) / sizeof(uint32_t),
               TASK_STACK_FILL_BYTE * 0x01010101u);
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
    if (!sched.lists_ready) {
        sched_init_once(); /* the first task */
    }
    sched.task_count++;
    t->next_task = sched.all_tasks;
    sched.all_tasks = t;
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
/*
 * A dynamic task is one heap block: the stack, rounded up to the alignment, then the TCB where
 * the stack grows down (an overflow runs into the block below, not into its own TCB), the TCB
 * then the stack where it grows up. One allocation and one free instead of two, and one
 * block header less per task.
 */
#define TASK_TCB_BYTES ((sizeof(tcb_t) + portBYTE_ALIGNMENT_MASK) & ~(size_t)portBYTE_ALIGNMENT_MASK)
/* The deepest stack whose block size still fits a size_t. */
#define TASK_MAX_DEPTH ((SIZE_MAX - TASK_TCB_BYTES - portBYTE_ALIGNMENT) / sizeof(StackType_t))

static size_t stack_bytes_of(configSTACK_DEPTH_TYPE depth)
{
    return ((size_t)depth * sizeof(StackType_t) + portBYTE_ALIGNMENT_MASK) &
           ~(size_t)portBYTE_ALIGNMENT_MASK;
}

BaseType_t xTaskCreate(TaskFunction_t code, const char *const name,
                       const configSTACK_DEPTH_TYPE stack_depth, void *const params,
                       UBaseType_t priority, TaskHandle_t *const created)
{
    traceENTER_xTaskCreate(code, name, stack_depth, params, priority, created);
    uint8_t *block = NULL;
    StackType_t *stack;
    tcb_t *t;
    BaseType_t ret = errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;

    configASSERT((code != NULL) && (stack_depth > 0));
    if ((size_t)stack_depth <= TASK_MAX_DEPTH) {
        block = pvPortMalloc(stack_bytes_of(stack_depth) + TASK_TCB_BYTES);
    }
    if (block == NULL) {
        traceTASK_CREATE_FAILED();
        goto out;
    }
#if portSTACK_GROWTH < 0
    stack = (StackType_t *)block;
    t = (tcb_t *)(block + stack_bytes_of(stack_depth));
#else
    t = (tcb_t *)block;
    stack = (StackType_t *)(block + TASK_TCB_BYTES);
#endif
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

/* The heap block of a dynamic task. */
static void *task_block(tcb_t *t)
{
    return portSTACK_GROWTH < 0 ? (void *)t->stack : (void *)t;
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
    const bool buffers = stack_buffer != NULL && task_buffer != NULL;

    configASSERT(buffers && code != NULL && stack_depth > 0);
    if (!buffers) {
        t = NULL;
    } else {
        task_init(t, code, name, stack_depth, params, priority, stack_buffer);
        t->alloc = TCB_STATIC_TCB;
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
    if ((t->alloc & TCB_STATIC_TCB) != 0) {
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
    if ((t->alloc & TCB_STATIC_TCB) == 0) {
        vPortFree(task_block(t));
    }
#endif
}

/* Take t, being deleted, off sched.all_tasks (locked); its next_task then points to itself, which
 * is how eTaskGetState tells a deleted task from one waiting without timeout. */
static void forget_locked(tcb_t *t)
{
    tcb_t **link = &sched.all_tasks;

    while (*link != t) {
        configASSERT(*link != NULL); /* every task not yet deleted is on it */
        link = &(*link)->next_task;
    }
    *link = t->next_task;
    t->next_task = t;
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
    if (task_holds_handoff(t)) {
        sched_yield_if_locked(queue_handoff_undo_locked(t));
    }
    sched_unlink_locked(t);
    forget_locked(t);
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

/*
 * Free t, wherever it is; stops the walk (task_find_locked), whose next step would read the
 * freed task. Used when the scheduler has ended.
 */
static bool free_one(tcb_t *t, eTaskState state, void *ctx)
{
    (void)ctx;
#if configUSE_MUTEXES
    mutex_release_all_locked(t);
#endif
    if (task_holds_handoff(t)) {
        (void)queue_handoff_undo_locked(t);
    }
    sched_unlink_locked(t);
    if (state != eDeleted) {
        forget_locked(t); /* the deleted list's tasks already left sched.all_tasks */
    }
    task_free(t);
    return true;
}

void task_free_all(void)
{
    /* One task a walk: releasing a mutex may ready a waiter on a list already walked. */
    while (sched.lists_ready && task_find_locked(free_one, NULL) != NULL) {
    }
    memset(&sched, 0, sizeof(sched));
    sched_current = NULL;
    portENABLE_INTERRUPTS();
}
