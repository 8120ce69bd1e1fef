/* SPDX-License-Identifier: MIT */
/*
 * sched.c: the ready lists, choosing the next task, blocking and waking, and
 * scheduler suspension.
 *
 * Invariants (all under the kernel lock):
 * - A ready task's state_item is on ready[priority]; the running task is ready.
 * - With SCHED_READY_BITS, bit p of ready_bits is set exactly when ready[p]
 *   is non-empty; otherwise top_ready is >= the highest non-empty priority and
 *   is tightened lazily when a task is chosen.
 * - A blocked task's state_item is on a delayed list, or on no list for a
 *   wait without timeout (sched.all_tasks still finds it), and its event_item,
 *   if it waits on an object, is on that object's waiter list, ordered by
 *   priority then arrival. The suspended list holds suspended tasks only.
 * - While the scheduler is suspended, tasks may still be made ready (all list
 *   changes happen with interrupts masked), but the switch is held back:
 *   sched_switch_context() only records yield_pending.
 */
#include "kernel.h"
#include "list_impl.h"
#include "sched_hot.h"

#include <stddef.h>

struct sched_state sched;

void sched_init_once(void)
{
    /*
     * The ports' name for the running task (port_contract.h) is the address of sched.current.
     * Set here because a directive at file scope cannot take the offset as an operand; the
     * symbol belongs to sched's section, whatever happens to this function's.
     */
    __asm__(".globl sched_current\n\t.set sched_current, sched + %c0"
            :
            : "i"(offsetof(struct sched_state, current)));
    if (sched.lists_ready) {
        return;
    }
    for (UBaseType_t p = 0; p < configMAX_PRIORITIES; p++) {
        vListInitialise(&sched.ready[p]);
    }
    vListInitialise(&sched.delayed[0]);
    vListInitialise(&sched.delayed[1]);
    vListInitialise(&sched.suspended);
    vListInitialise(&sched.deleted);
    sched.delayed_now = &sched.delayed[0];
    sched.delayed_overflow = &sched.delayed[1];
    sched.next_unblock = portMAX_DELAY;
    /* Set here, not at the start, so that timers started before the start measure from it. */
    sched.tick_count = (TickType_t)configINITIAL_TICK_COUNT;
    sched.lists_ready = true;
}

#ifdef __OPTIMIZE_SIZE__
void sched_assert_may_block(TickType_t ticks)
{
    configASSERT(sched_may_block(ticks));
    (void)ticks;
}

void sched_ready_add_locked(tcb_t *t)
{
    sched_ready_add_inline(t);
}

void sched_ready_remove_locked(tcb_t *t)
{
    sched_ready_remove_inline(t);
}
#endif

UBaseType_t sched_top_ready_priority_locked(void)
{
#if SCHED_READY_BITS
    configASSERT(sched.ready_bits != 0);
    return (UBaseType_t)(31 - __builtin_clz(sched.ready_bits));
#else
    UBaseType_t top = sched.top_ready;

    while (sched_ready_empty(top)) {
        configASSERT(top > 0);
        top--;
    }
    sched.top_ready = top;
    return top;
#endif
}

static bool is_ready(const tcb_t *t)
{
    return listLIST_ITEM_CONTAINER(&t->state_item) == &sched.ready[t->priority];
}

/* What only a bug brings about: report it (configASSERT) and stop. */
static __attribute__((noreturn, cold)) void halt(void)
{
    configASSERT(0);
    portDISABLE_INTERRUPTS();
    for (;;) {
    }
}

/*
 * The top priority's ready list, as element READY_BIAS of the ready lists of the state
 * returned. With the bitmap the list is ready[31 - clz(ready_bits)]: returning sched moved clz
 * lists down and indexing its lists at 31 folds the 31 into each access's offset, where the
 * plain index costs a subtraction on every switch (the empty asm keeps GCC from turning it back
 * into that), and the one register serves sched's other fields too. -Os shares
 * sched_top_ready_priority_locked() instead: smaller.
 */
#if SCHED_READY_BITS && !defined(__OPTIMIZE_SIZE__)
#define READY_BIAS 31
#define SCHED_HAS_READY_TASK() (sched.ready_bits != 0) /* the idle task: a bug otherwise */
#else
#define READY_BIAS 0
#define SCHED_HAS_READY_TASK() true /* sched_top_ready_priority_locked() asserts it */
#endif
/* One definition for both forms: coverage tools merge a function's counts by its line. */
static inline struct sched_state *top_ready_biased_locked(void)
{
#if READY_BIAS
    uint32_t bits = sched.ready_bits;
    uintptr_t base;

    if (__builtin_expect(bits == 0, 0)) {
        halt(); /* the idle task is always ready: a bug */
    }
    base = (uintptr_t)&sched - (uintptr_t)__builtin_clz(bits) * sizeof(List_t);
#else
    uintptr_t base = (uintptr_t)&sched + sched_top_ready_priority_locked() * sizeof(List_t);
#endif
    __asm__("" : "+r"(base)); /* one register for the list: GCC rebuilds it per field otherwise */
    return (struct sched_state *)base;
}

/* Run the task after the round-robin cursor at the top ready priority (locked). */
static KERNEL_HOT_INLINE tcb_t *switch_in_locked(void)
{
    /* Indexed through a pointer, not the array: beyond its bounds on purpose (the bias). */
    List_t *const top = &(&top_ready_biased_locked()->ready[0])[READY_BIAS];
    ListItem_t *next = top->index->next;
    tcb_t *in;

    /* Round robin within the top priority: the task after the cursor, skipping the end marker. */
    if (next == (ListItem_t *)&top->end) {
        next = next->next;
    }
    top->index = next;
    __asm__("" ::: "memory"); /* stored first: its register is free for the task, none saved */
    in = (tcb_t *)((char *)next - offsetof(tcb_t, state_item)); /* its owner, without a load */
    sched_current = in;
    traceTASK_SWITCHED_IN();
    return in;
}

/* The outgoing task t (NULL at the start) overflowed its stack. */
static KERNEL_HOT_INLINE bool switch_out_overflowed(const tcb_t *t)
{
    return configCHECK_FOR_STACK_OVERFLOW > 0 && t != NULL && stack_overflowed(t);
}

/* Report it. The option is tested here too: without it, even an unoptimised build names no
 * hook. */
static KERNEL_HOT_INLINE void switch_out_check(tcb_t *t)
{
    if (configCHECK_FOR_STACK_OVERFLOW > 0 && switch_out_overflowed(t)) {
        vApplicationStackOverflowHook(t, t->name);
    }
}

#ifndef __OPTIMIZE_SIZE__
/*
 * A switch's rare cases, out of its way: the outgoing task (still sched_current) overflowed its
 * stack, or no task is ready (a bug). It reads the task itself, so that the switch keeps
 * nothing live for it, and the switch reaches it by a tail call: the switch calls nothing and
 * saves no registers.
 */
static __attribute__((noinline, cold)) StackType_t *switch_rare_locked(void)
{
    switch_out_check(sched_current);
    return (StackType_t *)switch_in_locked()->top_of_stack;
}
#endif

/*
 * The switch itself (locked): check the outgoing task's stack, then run the next task. Returns
 * the stack pointer to resume: the new task's saved one, or sp while the scheduler is
 * suspended (the switch is only recorded). Inline in both entry points below, except at -Os,
 * which keeps one copy.
 */
static KERNEL_HOT_ONE_COPY StackType_t *switch_locked(tcb_t *out, StackType_t *sp)
{
    if (sched.suspend_depth != 0) {
        sched.yield_pending = pdTRUE;
        return sp;
    }
    sched.yield_pending = pdFALSE;
    traceTASK_SWITCHED_OUT();
#if configGENERATE_RUN_TIME_STATS
    stats_switch_out_locked(out);
#endif
#ifdef __OPTIMIZE_SIZE__
    switch_out_check(out);
#else
    if (__builtin_expect(switch_out_overflowed(out) || !SCHED_HAS_READY_TASK(), 0)) {
        return switch_rare_locked();
    }
#endif
    return (StackType_t *)switch_in_locked()->top_of_stack;
}

void sched_switch_context(void)
{
    (void)switch_locked(sched_current, NULL);
}

StackType_t *sched_switch_stack(StackType_t *sp)
{
    tcb_t *const out = sched_current;

    out->top_of_stack = sp;
    return switch_locked(out, sp);
}

void sched_block_timed_locked(List_t *waiters, TickType_t ticks)
{
    sched_block_inline(sched_current, waiters, ticks, true);
}

#if SCHED_BLOCK_FOREVER_FN
void sched_block_forever_locked(List_t *waiters)
{
    sched_block_inline(sched_current, waiters, portMAX_DELAY, true);
}
#endif

void sched_delay_locked(TickType_t ticks)
{
    /* As in FreeRTOS, a delay is always finite, even of portMAX_DELAY ticks. */
    sched_block_inline(sched_current, NULL, ticks, false);
}

void sched_unlink_locked(tcb_t *t)
{
    if (is_ready(t)) {
        sched_ready_remove_locked(t);
    } else if (listLIST_ITEM_CONTAINER(&t->state_item) != NULL) {
        (void)list_remove(&t->state_item);
    }
    sched_unlink_event_inline(t, task_wait_mutex(t), SCHED_ON_SOME_LIST, NULL);
}

#ifdef __OPTIMIZE_SIZE__
void sched_yield_if_locked(BaseType_t preempt)
{
    sched_yield_if_inline(preempt);
}
#endif

#ifndef __OPTIMIZE_SIZE__
/* A waiter for a mutex: its own copy, so that the common wake calls nothing. */
__attribute__((noinline)) BaseType_t sched_wake_mutex_waiter_locked(tcb_t *t,
                                                                   enum wait_result result)
{
    return sched_wake_inline(t, result, t->wait_queue, SCHED_ON_SOME_LIST, NULL);
}
#endif

BaseType_t sched_wake_locked(tcb_t *t, enum wait_result result)
{
#ifdef __OPTIMIZE_SIZE__
    return sched_wake_inline(t, result, t->wait_queue, SCHED_ON_SOME_LIST, NULL);
#else
    return sched_wake_hot(t, result);
#endif
}

void sched_set_priority_locked(tcb_t *t, UBaseType_t priority)
{
    List_t *waiters = listLIST_ITEM_CONTAINER(&t->event_item);
    const bool ready = is_ready(t);

    if (t->priority == priority) {
        return;
    }
    if (priority > t->priority) {
        traceTASK_PRIORITY_INHERIT(t, priority);
    } else {
        traceTASK_PRIORITY_DISINHERIT(t, priority);
    }
    if (ready) {
        sched_ready_remove_locked(t);
    }
    if (t == sched_current && priority < t->priority) {
        sched.yield_pending = pdTRUE; /* someone else may now outrank it */
    }
    t->priority = (uint8_t)priority;
    if (ready) {
        sched_ready_add_locked(t);
        if (sched_current != NULL && priority > sched_current->priority) {
            sched.yield_pending = pdTRUE;
        }
    }
    listSET_LIST_ITEM_VALUE(&t->event_item, sched_event_value(priority));
    if (waiters != NULL) {
        (void)list_unlink_uncursored(waiters, &t->event_item);
        list_link_sorted(waiters, &t->event_item);
    }
#if configUSE_MUTEXES
    if (task_wait_mutex(t) != NULL) {
        mutex_waiters_changed_locked(task_wait_mutex(t)); /* the chain continues upward */
    }
#endif
}

void vTaskSuspendAll(void)
{
    traceENTER_vTaskSuspendAll();
    /* Interrupts never change suspend_depth, so a plain increment is safe. */
    sched.suspend_depth++;
    portMEMORY_BARRIER();
    traceRETURN_vTaskSuspendAll();
}

/* The scheduler runs unsuspended again (locked): the ticks it missed, then any held-back switch. */
static BaseType_t resume_catch_up_locked(void)
{
    while (sched.pended_ticks > 0) {
        if (tick_advance_locked()) {
            sched.yield_pending = pdTRUE;
        }
        sched.pended_ticks--;
    }
    if (sched.yield_pending && configUSE_PREEMPTION) {
        portYIELD_WITHIN_API();
        return pdTRUE;
    }
    return pdFALSE;
}

BaseType_t xTaskResumeAll(void)
{
    traceENTER_xTaskResumeAll();
    BaseType_t yielded = pdFALSE;
    const UBaseType_t depth = sched.suspend_depth; /* only this task changes it */

    configASSERT(depth > 0);
    if (depth == 1 && sched.running) {
        /*
         * The outermost resume needs no lock to end the suspension: interrupts never change
         * suspend_depth, and whatever they held back while it was non-zero (a tick, a switch)
         * is in pended_ticks or yield_pending by the time they see it 0. Checking those after
         * the store misses nothing, so the lock is taken only when there is catching up to do.
         */
        sched.suspend_depth = 0;
        portMEMORY_BARRIER();
        if (sched.pended_ticks != 0 || sched.yield_pending) {
            taskENTER_CRITICAL();
            yielded = resume_catch_up_locked();
            taskEXIT_CRITICAL();
        }
    } else if (depth > 0) {
        /* Nested (the outermost resume catches up), or not started (nothing to catch up). */
        sched.suspend_depth = depth - 1;
    }
    traceRETURN_xTaskResumeAll(yielded);
    return yielded;
}

BaseType_t xTaskGetSchedulerState(void)
{
    traceENTER_xTaskGetSchedulerState();
    BaseType_t state = taskSCHEDULER_NOT_STARTED;

    if (sched.running) {
        state = sched.suspend_depth == 0 ? taskSCHEDULER_RUNNING : taskSCHEDULER_SUSPENDED;
    }
    traceRETURN_xTaskGetSchedulerState(state);
    return state;
}

void vTaskMissedYield(void)
{
    traceENTER_vTaskMissedYield();
    sched.yield_pending = pdTRUE;
    traceRETURN_vTaskMissedYield();
}

void vTaskStartScheduler(void)
{
    traceENTER_vTaskStartScheduler();
    sched_init_once();
    if (idle_task_create() != pdPASS) {
        configASSERT(0); /* no memory for the idle task: the scheduler cannot start */
        goto out;
    }
#if configUSE_TIMERS
    /* Software timers: the daemon task comes after the idle task, as in FreeRTOS. */
    if (timer_daemon_create() != pdPASS) {
        configASSERT(0); /* no memory for the timer task: the scheduler cannot start */
        goto out;
    }
#endif
    portDISABLE_INTERRUPTS();
    sched.running = pdTRUE;
#if configGENERATE_RUN_TIME_STATS
    stats_start_locked(); /* portCONFIGURE_TIMER_FOR_RUN_TIME_STATS(), as FreeRTOS calls it here */
#endif
    /* Like FreeRTOS, start the last-created task of the highest priority (task_add's choice). */
    if (sched_current == NULL || !is_ready(sched_current) ||
        sched_current->priority != sched_top_ready_priority_locked()) {
        sched_current = NULL;
        sched_switch_context();
    }
    /* The round-robin cursor starts at the running task, so its first yield moves on. */
    sched.ready[sched_current->priority].index = &sched_current->state_item;
    traceSTART();
    (void)xPortStartScheduler();
    /* Only ports that support vTaskEndScheduler() come back here. */
    traceEND();
    task_free_all();
#if configUSE_TIMERS
    timer_reset(); /* the daemon task is gone: a restarted scheduler creates a fresh service */
#endif
out:
    traceRETURN_vTaskStartScheduler();
}

void vTaskEndScheduler(void)
{
    traceENTER_vTaskEndScheduler();
    portDISABLE_INTERRUPTS();
    sched.running = pdFALSE;
    vPortEndScheduler();
    traceRETURN_vTaskEndScheduler();
}

void sched_task_exit_error(void)
{
    /* A task function returned; FreeRTOS tasks must delete themselves instead. */
    halt();
}
