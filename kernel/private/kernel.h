/* SPDX-License-Identifier: MIT */
/*
 * kernel.h: the kernel's private view of tasks and the scheduler, shared by
 * every kernel source file and never included by applications or ports.
 *
 * Locking: one kernel lock, the port's critical section (interrupt mask up to
 * the syscall ceiling). Functions named *_locked must be called with it held;
 * *_isr ones may be called from an interrupt (inside the FromISR mask).
 * Nothing here blocks.
 *
 * Blocking protocol: an API that must wait sets up its hand-off fields
 * (wait_buf, wait_flags), calls sched_block_locked() and leaves the critical
 * section; the port performs the switch as the lock is dropped. When the task
 * runs again, wait_result says why: WAIT_OK means the waker already completed
 * the operation for it (data copied, count or mutex handed over), so the
 * waiter never retries, and WAIT_HANDOFF that it did so with an item or count
 * that keeps its queue slot until the task runs and releases it; WAIT_TIMEOUT and WAIT_ABORTED mean it failed;
 * WAIT_RETRY means it was taken off the object (suspended and resumed) and
 * must try again with the time it has left.
 */
#ifndef QUARTZ_KERNEL_H
#define QUARTZ_KERNEL_H

#include "FreeRTOS.h"
#include "list.h"
#include "task.h"

#include <stdbool.h>

#include "list_impl.h"

struct QueueDefinition; /* queues, semaphores and mutexes (queue_internal.h) */
typedef struct tskTaskControlBlock tcb_t;

/* Why a blocked task was made ready again (tcb_t.wait_result). */
enum wait_result {
    WAIT_PENDING = 0, /* still waiting */
    WAIT_OK,          /* the waker completed the operation for this task */
    WAIT_TIMEOUT,     /* the block time ran out */
    WAIT_ABORTED,     /* xTaskAbortDelay() */
    WAIT_RETRY,       /* taken off the wait list; try again with the time left */
    WAIT_HANDOFF,     /* as WAIT_OK, and wait_queue keeps a slot for it until it runs (queue.c) */
    /* (the release clears wait_queue alone: task_holds_handoff) */
};

/* tcb_t.alloc: a task's stack and TCB are one heap block, or both the application's */
#define TCB_STATIC_TCB 0x02u /* TCB and stack memory belong to the application */
/* tcb_t.flags */
#define TCB_DELAY_ABORTED 0x04u /* xTaskAbortDelay hit it; xTaskCheckForTimeOut reports it once */

/* Every byte of a new task's stack, so stack checks and high-water marks can see use. */
#define TASK_STACK_FILL_BYTE 0xa5u

/* tcb_t.notify_state[] */
#define NOTIFY_NONE 0u
#define NOTIFY_WAITING 1u
#define NOTIFY_RECEIVED 2u

/*
 * The task control block. StaticTask_t in FreeRTOS.h mirrors it field for
 * field; task.c asserts the sizes are equal. top_of_stack stays first because
 * ports save and restore the stack pointer through it.
 */
struct tskTaskControlBlock {
    volatile StackType_t *top_of_stack;
    ListItem_t state_item; /* ready, delayed, suspended or deleted list; none: waits forever */
    /* The waiter list of the object the task blocks on. Its value is always
     * sched_event_value(priority): set at creation and by every change of priority. */
    ListItem_t event_item;
    StackType_t *stack;    /* lowest address of the stack */
    struct tskTaskControlBlock *next_task; /* the next on sched.all_tasks; itself once deleted */
#if (portSTACK_GROWTH > 0) || configRECORD_STACK_HIGH_ADDRESS
    StackType_t *stack_end; /* highest address of the stack */
#endif
#if configUSE_MUTEXES
    struct QueueDefinition *held_mutexes; /* mutexes it owns, linked through the mutexes */
#endif
    /* With wait_result WAIT_HANDOFF: the queue or semaphore that handed it an item or count it
     * has not yet run to take, NULL once it has (queue.c). Otherwise: the mutex it waits for,
     * if any (mutex.c). */
    struct QueueDefinition *wait_queue;
    void *wait_buf; /* hand-off buffer while blocked on a queue */
#if configUSE_APPLICATION_TASK_TAG
    TaskHookFunction_t tag;
#endif
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0
    void *tls[configNUM_THREAD_LOCAL_STORAGE_POINTERS];
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t tcb_number;  /* unique, assigned at creation */
    UBaseType_t task_number; /* set by vTaskSetTaskNumber, for trace tools */
#endif
#if configGENERATE_RUN_TIME_STATS
    configRUN_TIME_COUNTER_TYPE run_time; /* time run, up to its last switch-out */
#endif
#if configUSE_TASK_NOTIFICATIONS
    volatile uint32_t notify_value[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    volatile uint8_t notify_state[configTASK_NOTIFICATION_ARRAY_ENTRIES];
#endif
    uint8_t priority;      /* effective priority, raised by inheritance */
    uint8_t base_priority; /* priority the application set */
    uint8_t wait_result;   /* enum wait_result */
    uint8_t wait_flags;    /* what the hand-off should do (queue.c) */
    uint8_t flags;         /* TCB_DELAY_ABORTED, alone: a block clears it with a store */
    uint8_t alloc;         /* TCB_STATIC_TCB */
    char name[configMAX_TASK_NAME_LEN];
};

/*
 * Ready priorities as a bitmap, the top one found by CLZ: when the application asks for it
 * (configUSE_PORT_OPTIMISED_TASK_SELECTION), or when the port's CLZ is one instruction
 * (portHAS_CLZ_INSTRUCTION, a Quartz port macro) and the priorities fit in a word.
 */
#if configUSE_PORT_OPTIMISED_TASK_SELECTION ||                                                     \
    (defined(portHAS_CLZ_INSTRUCTION) && configMAX_PRIORITIES <= 32)
#define SCHED_READY_BITS 1
#else
#define SCHED_READY_BITS 0
#endif

/* Scheduler state (sched.c). */
struct sched_state {
    /*
     * The running task (sched_current): here, it shares the base register of the other
     * scheduler fields and costs no address load of its own, and first, where Thumb reaches
     * it with a 16-bit load. The ports find it under the symbol sched_current, which sched.c
     * defines as its address.
     */
    tcb_t *volatile current;
    List_t ready[configMAX_PRIORITIES];
    List_t delayed[2];         /* sorted by wake time; one for each tick-count epoch */
    List_t *delayed_now;       /* wake times in the current epoch */
    List_t *delayed_overflow;  /* wake times after the tick count wraps */
    List_t suspended;          /* suspended */
    List_t deleted;            /* deleted themselves; the idle task frees them */
    tcb_t *all_tasks;          /* every task not deleted, newest first, through next_task */
    volatile TickType_t tick_count;
    volatile TickType_t next_unblock; /* earliest wake time in delayed_now */
    volatile TickType_t pended_ticks; /* ticks that arrived while suspended */
    volatile BaseType_t overflow_count;
    volatile UBaseType_t suspend_depth; /* vTaskSuspendAll nesting */
    volatile BaseType_t yield_pending;
    volatile BaseType_t running;
    volatile UBaseType_t top_ready; /* highest priority that may have a ready task */
#if SCHED_READY_BITS
    uint32_t ready_bits; /* bit p set: ready[p] is not empty (read and written locked only) */
#endif
    volatile UBaseType_t task_count;
    tcb_t *idle;
    bool lists_ready;
#if configUSE_TRACE_FACILITY
    UBaseType_t next_tcb_number;
#endif
};

extern struct sched_state sched;
#define sched_current (sched.current)

/*
 * The kernel lock for the kernel's own short operations: kernel_lock() masks interrupts up to the
 * syscall ceiling and returns the previous mask, kernel_unlock() restores it. A port whose mask
 * saves and restores in a few instructions offers portKERNEL_LOCK/portKERNEL_UNLOCK (a Quartz
 * extension, ports/arm_common/); others get the counted critical section. The two nest inside
 * each other either way. A switch requested inside (sched_pend_switch) is taken as the lock is
 * released to an unmasked state. Task context only: the APIs assert that themselves.
 */
#ifdef portKERNEL_LOCK
#define kernel_lock() portKERNEL_LOCK()
#define kernel_unlock(mask) portKERNEL_UNLOCK(mask)
#else
static inline UBaseType_t kernel_lock(void)
{
    portENTER_CRITICAL();
    return 0;
}

static inline void kernel_unlock(UBaseType_t mask)
{
    (void)mask;
    portEXIT_CRITICAL();
}
#endif
/*
 * kernel_lock() again after kernel_unlock(mask), nothing having changed the mask since: the mask
 * to restore is mask, so a port that can raises it without reading it back (portKERNEL_RELOCK,
 * a Quartz port extension). Unlock with kernel_unlock(mask).
 */
#ifdef portKERNEL_RELOCK
#define kernel_relock(mask) portKERNEL_RELOCK(mask)
#else
#define kernel_relock(mask) ((void)(mask), (void)kernel_lock())
#endif

/*
 * The lock (mask: kernel_lock's) found nothing masked, so that a switch requested under it is
 * taken as it is released, before the task runs on (portKERNEL_LOCK_WAS_OPEN, a Quartz port
 * extension). Ports that cannot tell cheaply say no.
 */
#ifdef portKERNEL_LOCK_WAS_OPEN
#define kernel_lock_was_open(mask) portKERNEL_LOCK_WAS_OPEN(mask)
#else
#define kernel_lock_was_open(mask) ((void)(mask), false)
#endif
#ifdef portYIELD_LOCKED
#define sched_pend_switch() portYIELD_LOCKED()
#else
#define sched_pend_switch() portYIELD_WITHIN_API()
#endif

/* xTaskGetSchedulerState() == taskSCHEDULER_SUSPENDED, without the call (asserted on blocking). */
static inline bool sched_is_suspended(void)
{
    return sched.running && sched.suspend_depth != 0;
}

/*
 * Where a wait may begin: FreeRTOS's rules for who may block. ticks is the requested block
 * time; only a task may call, and with a non-zero one only while the scheduler is not
 * suspended. In line in speed builds; at -Os one copy (sched.c) serves every caller.
 */
static inline bool sched_may_block(TickType_t ticks)
{
    return !portIS_INSIDE_INTERRUPT() && (ticks == 0 || !sched_is_suspended());
}

#ifdef __OPTIMIZE_SIZE__
void sched_assert_may_block(TickType_t ticks);
#else
static inline void sched_assert_may_block(TickType_t ticks)
{
    configASSERT(sched_may_block(ticks));
    (void)ticks;
}
#endif

/*
 * A wait of ticks never times out (portMAX_DELAY with INCLUDE_vTaskSuspend): it needs no
 * TimeOut_t, since xTaskCheckForTimeOut would never report one for it. Speed builds only: at
 * -Os the one way for every wait is smaller.
 */
static inline bool sched_waits_forever(TickType_t ticks)
{
#ifdef __OPTIMIZE_SIZE__
    (void)ticks;
    return false;
#else
    return INCLUDE_vTaskSuspend && ticks == portMAX_DELAY;
#endif
}

/* vTaskInternalSetTimeOutState, inline for the kernel's own waits in speed builds (locked). */
static inline void sched_timeout_start(TimeOut_t *timeout)
{
#ifdef __OPTIMIZE_SIZE__
    vTaskInternalSetTimeOutState(timeout);
#else
    timeout->xOverflowCount = sched.overflow_count;
    timeout->xTimeOnEntering = sched.tick_count;
#endif
}

/*
 * ---- Ready list ----
 * Speed builds keep no count on the ready lists (the bitmap or top_ready says which are empty,
 * and each add and removal saves its load, add and store): listCURRENT_LIST_LENGTH is not valid
 * on them; sched_ready_empty() and sched_ready_several() read their shape instead.
 */
static inline bool sched_ready_empty(UBaseType_t priority)
{
    const List_t *const list = &sched.ready[priority];

    return list->end.next == (const ListItem_t *)&list->end;
}

/* More than one task ready at priority (time slicing, the idle task's yield). */
static inline bool sched_ready_several(UBaseType_t priority)
{
    const List_t *const list = &sched.ready[priority];

    return list->end.next != list->end.prev; /* one item is both; none leaves both the end */
}

/* Make t ready at `priority`, its priority read once by the caller (a byte, which any store may
 * alias). */
static inline void sched_ready_add_at(tcb_t *t, UBaseType_t priority)
{
    /* sched moved up by priority lists: its ready[0] is the list, reached from one register
     * (GCC rebuilds the address per field otherwise, and a multiply and two adds at best). */
    uintptr_t moved = (uintptr_t)&sched + priority * sizeof(List_t);
    List_t *list;

    __asm__("" : "+r"(moved));
    list = &((struct sched_state *)moved)->ready[0];
    traceMOVED_TASK_TO_READY_STATE(t);
    /* The link first: its assertion is then the only call, before anything is computed. */
    list_insert_end_uncounted(list, &t->state_item);
#if SCHED_READY_BITS
    sched.ready_bits |= 1UL << priority;
#else
    if (priority > sched.top_ready) {
        sched.top_ready = priority;
    }
#endif
    tracePOST_MOVED_TASK_TO_READY_STATE(t);
}

static inline void sched_ready_add_inline(tcb_t *t)
{
    sched_ready_add_at(t, t->priority);
}

/* Take ready task t, of `priority`, off its ready list. */
static inline void sched_ready_remove_at(tcb_t *t, UBaseType_t priority)
{
    /* Ready: on ready[priority], which it need not check, nor compute. */
    /* Laid out inline (expected), where its branch costs nothing more when skipped. */
    if (__builtin_expect(
            list_unlink_uncounted(listLIST_ITEM_CONTAINER(&t->state_item), &t->state_item), 1)) {
#if SCHED_READY_BITS
        sched.ready_bits &= ~(1UL << priority);
#endif
    }
    (void)priority;
}

static inline void sched_ready_remove_inline(tcb_t *t)
{
    sched_ready_remove_at(t, t->priority);
}

/* Inline where speed counts (every block, wake, suspend and resume); -Os builds share sched.c's
 * one copy of each. */
#ifdef __OPTIMIZE_SIZE__
void sched_ready_add_locked(tcb_t *t);
void sched_ready_remove_locked(tcb_t *t);
#else
#define sched_ready_add_locked(t) sched_ready_add_inline(t)
#define sched_ready_remove_locked(t) sched_ready_remove_inline(t)
#endif

/*
 * Block the current task: off the ready list, onto `waiters` (ordered by
 * priority, may be NULL) and onto the delayed list for `ticks` (or no state
 * list for portMAX_DELAY when INCLUDE_vTaskSuspend is 1). Requests
 * the switch, which happens when the caller leaves the critical section.
 * `ticks` must be non-zero.
 *
 * Speed builds give a wait without a timeout its own copy, without the
 * delayed list's code; -Os builds, and builds where portMAX_DELAY is a finite
 * delay (INCLUDE_vTaskSuspend 0), share the general one.
 */
void sched_block_timed_locked(List_t *waiters, TickType_t ticks);
#if INCLUDE_vTaskSuspend && !defined(__OPTIMIZE_SIZE__)
#define SCHED_BLOCK_FOREVER_FN 1
void sched_block_forever_locked(List_t *waiters);
static inline void sched_block_locked(List_t *waiters, TickType_t ticks)
{
    if (ticks == portMAX_DELAY) {
        sched_block_forever_locked(waiters);
    } else {
        sched_block_timed_locked(waiters, ticks);
    }
}
#else
#define SCHED_BLOCK_FOREVER_FN 0
#define sched_block_locked(waiters, ticks) sched_block_timed_locked(waiters, ticks)
#endif

/* Delay the current task for `ticks` (always finite, even for portMAX_DELAY). */
void sched_delay_locked(TickType_t ticks);

/*
 * Make blocked task t ready with `result`, taking it off its waiter list and
 * the delayed list if it is on one. Returns pdTRUE when t should preempt the
 * running task; the caller then yields (task context) or reports it through
 * pxHigherPriorityTaskWoken (interrupt context). Safe from an interrupt.
 */
BaseType_t sched_wake_locked(tcb_t *t, enum wait_result result);

/* Wake the highest-priority task on a non-empty waiter list. */
static inline tcb_t *sched_first_waiter(const List_t *waiters)
{
    return (tcb_t *)listGET_OWNER_OF_HEAD_ENTRY(waiters);
}

/* Task context: yield now if `preempt`, or as soon as the scheduler resumes. */
static inline void sched_yield_if_inline(BaseType_t preempt)
{
    if (configUSE_PREEMPTION && sched.running && (preempt || sched.yield_pending)) {
        sched_pend_switch();
    }
}
/* Inline where speed counts; -Os builds (__OPTIMIZE_SIZE__) share sched.c's one copy. */
#ifdef __OPTIMIZE_SIZE__
void sched_yield_if_locked(BaseType_t preempt);
#else
#define sched_yield_if_locked(preempt) sched_yield_if_inline(preempt)
#endif

/* Change t's effective priority, keeping every list it is on in order. */
void sched_set_priority_locked(tcb_t *t, UBaseType_t priority);

/* The value an event_item holds so that higher priorities sort first. */
static inline TickType_t sched_event_value(UBaseType_t priority)
{
    return (TickType_t)configMAX_PRIORITIES - (TickType_t)priority;
}

/* The mutex t waits for, or NULL. */
static inline struct QueueDefinition *task_wait_mutex(const tcb_t *t)
{
    return t->wait_result == WAIT_HANDOFF ? NULL : t->wait_queue;
}

/* t holds a slot of t->wait_queue, handed an item it has not yet run to take (queue.c). The
 * release clears wait_queue and leaves the result, one store fewer on every release. */
static inline bool task_holds_handoff(const tcb_t *t)
{
    return t->wait_result == WAIT_HANDOFF && t->wait_queue != NULL;
}

/*
 * t is being deleted or freed while it holds a hand-off it never ran to take:
 * give the item or count back to its queue (queue.c). Returns pdTRUE if that
 * woke a task that should preempt.
 */
BaseType_t queue_handoff_undo_locked(tcb_t *t);

/* Free a deleted task's memory (task context, not locked). */
void task_free(tcb_t *t);

/* Free every task and return the scheduler to its initial state (vTaskEndScheduler). */
void task_free_all(void);

/* Create the idle task (idle.c). */
BaseType_t idle_task_create(void);

/* Tick processing (tick.c): advance one tick with the lock held; pdTRUE if a switch is due. */
BaseType_t tick_advance_locked(void);
/*
 * t's wait ends otherwise than by a notification (its timeout, an abort, a suspension; locked):
 * no entry of t waits any longer, so that a notifier finds no waiter to wake in a task that is
 * ready again (notify.c's invariant: NOTIFY_WAITING only while blocked on it).
 */
#if configUSE_TASK_NOTIFICATIONS
static inline void notify_wait_cancel_inline(tcb_t *t)
{
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        if (t->notify_state[i] == NOTIFY_WAITING) {
            t->notify_state[i] = NOTIFY_NONE;
        }
    }
}
/* Inline in speed builds; -Os builds share notify.c's one copy. */
#ifdef __OPTIMIZE_SIZE__
void notify_wait_cancel_locked(tcb_t *t);
#else
#define notify_wait_cancel_locked(t) notify_wait_cancel_inline(t)
#endif
#else
#define notify_wait_cancel_locked(t) ((void)(t))
#endif
/* Insert the current task, on no list, on the delayed list for wake time `wake`. */
void tick_delay_add_locked(tcb_t *t, TickType_t wake);

/* Initialise the scheduler's lists before the first task is created. */
void sched_init_once(void);

/* Highest priority with a ready task (tightening the generic bound). */
UBaseType_t sched_top_ready_priority_locked(void);

/* eTaskGetState(t) for a caller that holds the lock (task_info.c). */
eTaskState task_state_locked(const tcb_t *t);

/*
 * Call fn for every task (locked) until it returns true (task_info.c): ready ones from the
 * highest priority down, then blocked, deleted and suspended ones (FreeRTOS's order for
 * uxTaskGetSystemState). state is the list's (eBlocked for a wait without timeout, found on
 * sched.all_tasks): fn resolves eRunning itself. Returns the task fn stopped at, or NULL.
 */
typedef bool (*task_visit_fn)(tcb_t *t, eTaskState state, void *ctx);
tcb_t *task_find_locked(task_visit_fn fn, void *ctx);

/* Take t off whatever lists it is on (ready/delayed/suspended, and its waiter list). */
void sched_unlink_locked(tcb_t *t);


/* ---- Software timers (timers.c) ---- */
#if configUSE_TIMERS
/* Create the timer service (daemon) task; vTaskStartScheduler calls it after the idle task. */
BaseType_t timer_daemon_create(void);
/* The scheduler has ended (its tasks are freed): forget the timer service (vTimerResetState). */
void timer_reset(void);
#endif


/* ---- Run-time statistics (task_stats.c) ---- */
#if configGENERATE_RUN_TIME_STATS
/* Scheduler start (locked): configure the run-time counter; the running task's time starts now. */
void stats_start_locked(void);
/* A switch (locked): charge the outgoing task t (may be NULL) for the time since it came in. */
void stats_switch_out_locked(tcb_t *t);
/* t's run time, including the current slice if it is running (any context). */
configRUN_TIME_COUNTER_TYPE stats_task_run_time(const tcb_t *t);
#else
static inline configRUN_TIME_COUNTER_TYPE stats_task_run_time(const tcb_t *t)
{
    (void)t;
    return 0;
}
#endif

/* ---- Called by the port (see port_contract.h) ---- */
void sched_switch_context(void);
StackType_t *sched_switch_stack(StackType_t *sp);
BaseType_t sched_tick_isr(void);
void sched_task_exit_error(void);

/* ---- Mutex hooks for the scheduler (mutex.c) ---- */
#if configUSE_MUTEXES
/* Recompute the priority m's owner needs after m's waiter list changed. */
void mutex_waiters_changed_locked(struct QueueDefinition *m);
/* Priority t needs: its base, or the highest waiter on a mutex it holds. */
UBaseType_t mutex_needed_priority_locked(const tcb_t *t);
/* Release every mutex t holds (t is being deleted). */
void mutex_release_all_locked(tcb_t *t);
#endif

/* An assertion's condition, expected to hold: the failure's call is laid out of the way. */
#define KERNEL_LIKELY(x) __builtin_expect(!!(x), 1)

/*
 * A blocking slow path kept out of its caller in speed builds, so that the caller's fast path
 * (no wait) does not save and restore the registers the wait loop needs. -Os builds inline it
 * into its one caller, which is smaller.
 */
#ifdef __OPTIMIZE_SIZE__
#define KERNEL_SLOW_PATH
#else
#define KERNEL_SLOW_PATH __attribute__((noinline, cold))
#endif

/* A general path kept out of its API's fast path in speed builds (that path then saves no
 * registers); -Os builds, which have no fast paths, inline it into its one caller. */
#ifdef __OPTIMIZE_SIZE__
#define KERNEL_OUT_OF_LINE
#else
#define KERNEL_OUT_OF_LINE __attribute__((noinline))
#endif

/*
 * A hot helper with several callers: inline in speed builds, one shared copy at -Os
 * (KERNEL_HOT_ONE_COPY: kept out of line at -Os even where GCC would rather copy it).
 */
#ifdef __OPTIMIZE_SIZE__
#define KERNEL_HOT_INLINE
#define KERNEL_HOT_ONE_COPY __attribute__((noinline))
#else
#define KERNEL_HOT_INLINE inline __attribute__((always_inline))
#define KERNEL_HOT_ONE_COPY inline __attribute__((always_inline))
#endif

/* Functions that read stack memory the sanitizer may consider out of bounds. */
#if defined(__SANITIZE_ADDRESS__)
#define KERNEL_NO_ASAN __attribute__((no_sanitize_address))
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KERNEL_NO_ASAN __attribute__((no_sanitize_address))
#endif
#endif
/* Application hooks. */
void vApplicationIdleHook(void);
void vApplicationTickHook(void);
void vApplicationMallocFailedHook(void);
void vApplicationStackOverflowHook(TaskHandle_t task, char *name);

#ifndef KERNEL_NO_ASAN
#define KERNEL_NO_ASAN
#endif

/*
 * Stack-overflow check at every switch-out (configCHECK_FOR_STACK_OVERFLOW):
 * method 1 compares the saved stack pointer with the stack's limit, method 2
 * also requires the 16 bytes at the limit to hold the creation fill. Inline
 * and branch-light because it runs on every switch; only the report is a call.
 * A port may test the guard words itself (portSTACK_GUARD_INTACT, e.g. one
 * load-multiple and a compare chain); each test is marked unlikely so that the
 * switch runs straight through both.
 */
#define STACK_GUARD_WORDS (16u / sizeof(StackType_t))
/* TASK_STACK_FILL_BYTE in every byte of a stack word: the fill of a new stack. */
#define STACK_GUARD_WORD ((StackType_t)(~(StackType_t)0 / 0xffu * TASK_STACK_FILL_BYTE))

KERNEL_NO_ASAN static inline bool stack_guard_broken(const StackType_t *g)
{
#ifdef portSTACK_GUARD_INTACT
    return !portSTACK_GUARD_INTACT(g, STACK_GUARD_WORD);
#else
    StackType_t diff = 0;

#pragma GCC unroll 16
    for (unsigned i = 0; i < STACK_GUARD_WORDS; i++) {
        diff |= g[i] ^ STACK_GUARD_WORD;
    }
    return diff != 0;
#endif
}

/* Whether t's stack has overflowed; the caller reports it (vApplicationStackOverflowHook). */
KERNEL_NO_ASAN static inline bool stack_overflowed(const tcb_t *t)
{
#if portSTACK_GROWTH < 0
    const StackType_t *g = t->stack;
    bool overflow = __builtin_expect(t->top_of_stack <= t->stack, 0);
#else
    const StackType_t *g = t->stack_end + 1 - STACK_GUARD_WORDS;
    bool overflow = __builtin_expect(t->top_of_stack >= t->stack_end, 0);
#endif
    if (configCHECK_FOR_STACK_OVERFLOW > 1) {
        overflow = overflow || __builtin_expect(stack_guard_broken(g), 0);
    }
    return __builtin_expect(overflow, 0);
}

/* ---- Interrupt-context detection for configASSERT ---- */
#ifndef portIS_INSIDE_INTERRUPT
#define portIS_INSIDE_INTERRUPT() 0
#endif

#endif /* QUARTZ_KERNEL_H */
