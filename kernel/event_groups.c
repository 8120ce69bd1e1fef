/* SPDX-License-Identifier: MIT */
/*
 * event_groups.c: event groups. A group is a word of event bits and a list of
 * the tasks waiting for some of them.
 *
 * Waiting uses the scheduler's blocking protocol (kernel.h): a waiting task
 * has its event_item on the group's waiter list (in priority order), its
 * wait_buf pointing at a struct eg_wait on its own stack holding the bits it
 * wants, and wait_flags saying any/all and whether to clear them on exit.
 * Setting bits completes the waits whose condition now holds: the setter
 * stores each waiter's result (the bits at that moment), wakes it with
 * WAIT_OK, and after considering every waiter clears the union of the bits
 * the woken waiters asked to clear. A woken task never looks at the group
 * again, so a group can be deleted while woken tasks have not yet run.
 *
 * Locking: everything runs under the kernel lock, including the walk over
 * the waiters when bits are set. The FromISR forms that change bits defer the
 * change to the timer service task (timer_internal.h), so an interrupt never
 * walks a waiter list.
 */
#include "FreeRTOS.h" /* event_groups.h needs it first */
#include "event_groups.h"
#include "kernel.h"
#include "timer_internal.h"

#include <stdbool.h>

#if configUSE_EVENT_GROUPS

/* The top byte is the kernel's: FreeRTOS keeps control bits there, applications may not use it. */
#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS
#define EG_RESERVED_BITS ((EventBits_t)0xff00U)
#elif configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_32_BITS
#define EG_RESERVED_BITS ((EventBits_t)0xff000000UL)
#else
#define EG_RESERVED_BITS ((EventBits_t)0xff00000000000000ULL)
#endif

/* EventGroupDef_t.flags */
#define EG_STATIC 0x01u /* the application owns the memory: never freed */

/* tcb_t.wait_flags of a task waiting on a group. */
#define EGW_ALL 0x01u   /* every wanted bit must be set, not just one */
#define EGW_CLEAR 0x02u /* clear the wanted bits when the wait is satisfied */
#define EGW_SYNC 0x04u  /* xEventGroupSync (for the trace hooks only) */

struct EventGroupDef_t {
    EventBits_t bits;
    List_t waiters; /* by priority, then arrival */
#if configUSE_TRACE_FACILITY
    UBaseType_t number;
#endif
    uint8_t flags; /* EG_* */
};
typedef struct EventGroupDef_t eg_t;

_Static_assert(sizeof(StaticEventGroup_t) == sizeof(eg_t),
               "StaticEventGroup_t must mirror struct EventGroupDef_t");

/* A waiting task's side of the hand-off, on its own stack. */
struct eg_wait {
    EventBits_t want;   /* the bits it waits for */
    EventBits_t result; /* set by the waker: the bits when the condition held */
};

static inline bool condition_met(EventBits_t bits, EventBits_t want, bool all)
{
    return all ? (bits & want) == want : (bits & want) != 0;
}

/*
 * The group handle and the bits an operation names, checked in one place: a NULL handle, or
 * bits in the kernel's reserved top byte, fail configASSERT here (the caller is the next frame
 * up).
 */
static eg_t *checked(EventGroupHandle_t group, EventBits_t bits)
{
    configASSERT(group != NULL && (bits & EG_RESERVED_BITS) == 0);
    (void)bits;
    return group;
}

/* A wait names some bits, from a task, and may block only while the scheduler runs. */
static void assert_wait_ok(EventBits_t want, TickType_t ticks)
{
    configASSERT(want != 0);
    (void)want;
    sched_assert_may_block(ticks);
}

/* ---- Creation and deletion ---- */

static eg_t *group_init(eg_t *g, uint8_t flags)
{
    g->bits = 0;
    vListInitialise(&g->waiters);
#if configUSE_TRACE_FACILITY
    g->number = 0;
#endif
    g->flags = flags;
    traceEVENT_GROUP_CREATE(g);
    return g;
}

#if configSUPPORT_DYNAMIC_ALLOCATION
EventGroupHandle_t xEventGroupCreate(void)
{
    traceENTER_xEventGroupCreate();
    eg_t *g = pvPortMalloc(sizeof(*g));
    EventGroupHandle_t ret = NULL;

    if (g == NULL) {
        traceEVENT_GROUP_CREATE_FAILED();
    } else {
        ret = group_init(g, 0);
    }
    traceRETURN_xEventGroupCreate(ret);
    return ret;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
EventGroupHandle_t xEventGroupCreateStatic(StaticEventGroup_t *buffer)
{
    traceENTER_xEventGroupCreateStatic(buffer);
    EventGroupHandle_t ret = NULL;

    configASSERT(buffer != NULL);
    if (buffer == NULL) {
        traceEVENT_GROUP_CREATE_FAILED();
        goto out;
    }
    ret = group_init((eg_t *)buffer, EG_STATIC);
out:
    traceRETURN_xEventGroupCreateStatic(ret);
    return ret;
}

BaseType_t xEventGroupGetStaticBuffer(EventGroupHandle_t group, StaticEventGroup_t **buffer)
{
    traceENTER_xEventGroupGetStaticBuffer(group, buffer);
    BaseType_t ret = pdFALSE;

    configASSERT(group != NULL && buffer != NULL);
    if ((group->flags & EG_STATIC) != 0) {
        *buffer = (StaticEventGroup_t *)group;
        ret = pdTRUE;
    }
    traceRETURN_xEventGroupGetStaticBuffer(ret);
    return ret;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

void vEventGroupDelete(EventGroupHandle_t group)
{
    traceENTER_vEventGroupDelete(group);
    eg_t *const g = checked(group, 0);
    BaseType_t preempt = pdFALSE;

    taskENTER_CRITICAL();
    traceEVENT_GROUP_DELETE(g);
    /* As FreeRTOS documents, the waiters are released and see a group value of 0. */
    while (!listLIST_IS_EMPTY(&g->waiters)) {
        tcb_t *const t = sched_first_waiter(&g->waiters);

        ((struct eg_wait *)t->wait_buf)->result = 0;
        if (sched_wake_locked(t, WAIT_OK)) {
            preempt = pdTRUE;
        }
    }
    sched_yield_if_locked(preempt);
    taskEXIT_CRITICAL();
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((g->flags & EG_STATIC) == 0) {
        vPortFree(g);
    }
#endif
    traceRETURN_vEventGroupDelete();
}

/* ---- Setting and clearing ---- */

/* Set bits and complete every wait that now holds; pdTRUE if a woken task should preempt. */
static BaseType_t set_locked(eg_t *g, EventBits_t set)
{
    const ListItem_t *const end = listGET_END_MARKER(&g->waiters);
    ListItem_t *item = listGET_HEAD_ENTRY(&g->waiters);
    EventBits_t clear = 0;
    BaseType_t preempt = pdFALSE;

    g->bits |= set;
    while (item != end) {
        ListItem_t *const next = listGET_NEXT(item);
        tcb_t *const t = listGET_LIST_ITEM_OWNER(item);
        struct eg_wait *const w = t->wait_buf;

        if (condition_met(g->bits, w->want, (t->wait_flags & EGW_ALL) != 0)) {
            w->result = g->bits;
            if (t->wait_flags & EGW_CLEAR) {
                clear |= w->want;
            }
            if (sched_wake_locked(t, WAIT_OK)) {
                preempt = pdTRUE;
            }
        }
        item = next;
    }
    /* Cleared only now, so every waiter was judged on the same value. */
    g->bits &= (EventBits_t)~clear;
    return preempt;
}

EventBits_t xEventGroupSetBits(EventGroupHandle_t group, const EventBits_t set)
{
    traceENTER_xEventGroupSetBits(group, set);
    eg_t *const g = checked(group, set);
    EventBits_t bits;

    taskENTER_CRITICAL();
    traceEVENT_GROUP_SET_BITS(g, set);
    sched_yield_if_locked(set_locked(g, set));
    bits = g->bits;
    taskEXIT_CRITICAL(); /* a woken task of higher priority runs here */
    traceRETURN_xEventGroupSetBits(bits);
    return bits;
}

EventBits_t xEventGroupClearBits(EventGroupHandle_t group, const EventBits_t clear)
{
    traceENTER_xEventGroupClearBits(group, clear);
    eg_t *const g = checked(group, clear);
    EventBits_t bits;

    taskENTER_CRITICAL();
    traceEVENT_GROUP_CLEAR_BITS(g, clear);
    bits = g->bits;
    g->bits &= (EventBits_t)~clear;
    taskEXIT_CRITICAL();
    traceRETURN_xEventGroupClearBits(bits);
    return bits;
}

EventBits_t xEventGroupGetBitsFromISR(EventGroupHandle_t group)
{
    traceENTER_xEventGroupGetBitsFromISR(group);
    const eg_t *const g = checked(group, 0);
    EventBits_t bits;
    UBaseType_t mask;

    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    bits = g->bits;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xEventGroupGetBitsFromISR(bits);
    return bits;
}

void vEventGroupSetBitsCallback(void *group, uint32_t set)
{
    traceENTER_vEventGroupSetBitsCallback(group, set);
    (void)xEventGroupSetBits(group, (EventBits_t)set);
    traceRETURN_vEventGroupSetBitsCallback();
}

void vEventGroupClearBitsCallback(void *group, uint32_t clear)
{
    traceENTER_vEventGroupClearBitsCallback(group, clear);
    (void)xEventGroupClearBits(group, (EventBits_t)clear);
    traceRETURN_vEventGroupClearBitsCallback();
}

#if configUSE_TIMERS && INCLUDE_xTimerPendFunctionCall
/* What the daemon runs for the FromISR forms: full-width bits, unlike the uint32_t callbacks. */
static void deferred_set(void *group, TickType_t set)
{
    (void)xEventGroupSetBits(group, set);
}

static void deferred_clear(void *group, TickType_t clear)
{
    (void)xEventGroupClearBits(group, clear);
}

BaseType_t xEventGroupSetBitsFromISR(EventGroupHandle_t group, const EventBits_t set,
                                     BaseType_t *woken)
{
    traceENTER_xEventGroupSetBitsFromISR(group, set, woken);
    (void)checked(group, set);
    traceEVENT_GROUP_SET_BITS_FROM_ISR(group, set);
    BaseType_t ret = timer_pend_wide_isr(deferred_set, group, set, woken);
    traceRETURN_xEventGroupSetBitsFromISR(ret);
    return ret;
}

BaseType_t xEventGroupClearBitsFromISR(EventGroupHandle_t group, const EventBits_t clear)
{
    traceENTER_xEventGroupClearBitsFromISR(group, clear);
    (void)checked(group, clear);
    traceEVENT_GROUP_CLEAR_BITS_FROM_ISR(group, clear);
    BaseType_t ret = timer_pend_wide_isr(deferred_clear, group, clear, NULL);
    traceRETURN_xEventGroupClearBitsFromISR(ret);
    return ret;
}
#endif /* configUSE_TIMERS && INCLUDE_xTimerPendFunctionCall */

/* ---- Waiting ---- */

static inline void trace_block(eg_t *g, EventBits_t set, EventBits_t want, uint8_t flags)
{
    if (flags & EGW_SYNC) {
        traceEVENT_GROUP_SYNC_BLOCK(g, set, want);
    } else {
        traceEVENT_GROUP_WAIT_BITS_BLOCK(g, want);
    }
    (void)g;
    (void)set;
    (void)want;
}

/*
 * Called locked; returns unlocked. Return the bits now if the condition holds
 * (clearing the wanted bits if asked), else wait up to `ticks` for a setter
 * to complete the wait. *timed_out tells the trace hooks how it ended; `set`
 * is what xEventGroupSync set, for them too.
 */
static EventBits_t wait_unlock(eg_t *g, EventBits_t set, EventBits_t want, uint8_t flags,
                               TickType_t ticks, BaseType_t *timed_out)
{
    tcb_t *const self = sched_current;
    struct eg_wait w;
    TimeOut_t timeout;
    EventBits_t bits;

    vTaskInternalSetTimeOutState(&timeout);
    for (;;) {
        bits = g->bits;
        if (condition_met(bits, want, (flags & EGW_ALL) != 0)) {
            if (flags & EGW_CLEAR) {
                g->bits &= (EventBits_t)~want;
            }
            *timed_out = pdFALSE;
            break;
        }
        if (ticks == 0) {
            *timed_out = pdTRUE;
            break;
        }
        trace_block(g, set, want, flags);
        w.want = want;
        self->wait_buf = &w;
        self->wait_flags = flags;
        sched_block_locked(&g->waiters, ticks);
        taskEXIT_CRITICAL(); /* the switch happens here */
        if (self->wait_result == WAIT_OK) {
            *timed_out = pdFALSE;
            return w.result; /* the setter cleared what we asked it to */
        }
        taskENTER_CRITICAL();
        if (self->wait_result == WAIT_RETRY) {
            /* Suspended while waiting, now resumed: wait again for the time left. */
            if (xTaskCheckForTimeOut(&timeout, &ticks)) {
                ticks = 0;
            }
        } else {
            /* Timed out or aborted: the bits may still have arrived before we ran. */
            self->flags &= (uint8_t)~TCB_DELAY_ABORTED;
            ticks = 0;
        }
    }
    taskEXIT_CRITICAL();
    return bits;
}

EventBits_t xEventGroupWaitBits(EventGroupHandle_t group, const EventBits_t want,
                                const BaseType_t clear_on_exit, const BaseType_t wait_for_all,
                                TickType_t ticks)
{
    traceENTER_xEventGroupWaitBits(group, want, clear_on_exit, wait_for_all, ticks);
    eg_t *const g = checked(group, want);
    const uint8_t flags = (uint8_t)((clear_on_exit != pdFALSE ? EGW_CLEAR : 0u) |
                                    (wait_for_all != pdFALSE ? EGW_ALL : 0u));
    BaseType_t timed_out;
    EventBits_t bits;

    assert_wait_ok(want, ticks);
    taskENTER_CRITICAL();
    bits = wait_unlock(g, 0, want, flags, ticks, &timed_out);
    traceEVENT_GROUP_WAIT_BITS_END(g, want, timed_out);
    (void)timed_out;
    traceRETURN_xEventGroupWaitBits(bits);
    return bits;
}

EventBits_t xEventGroupSync(EventGroupHandle_t group, const EventBits_t set, const EventBits_t want,
                            TickType_t ticks)
{
    traceENTER_xEventGroupSync(group, set, want, ticks);
    eg_t *const g = checked(group, set | want);
    BaseType_t timed_out = pdFALSE;
    EventBits_t before, bits;

    assert_wait_ok(want, ticks);
    taskENTER_CRITICAL();
    traceEVENT_GROUP_SET_BITS(g, set);
    before = g->bits;
    sched_yield_if_locked(set_locked(g, set));
    if (((before | set) & want) == want) {
        /* This task completed the rendezvous; waiters it released may have cleared bits. */
        bits = (EventBits_t)(before | set);
        g->bits &= (EventBits_t)~want;
        taskEXIT_CRITICAL();
    } else {
        bits = wait_unlock(g, set, want, EGW_ALL | EGW_CLEAR | EGW_SYNC, ticks, &timed_out);
    }
    traceEVENT_GROUP_SYNC_END(g, set, want, timed_out);
    (void)timed_out;
    traceRETURN_xEventGroupSync(bits);
    return bits;
}

/* ---- Trace support ---- */

#if configUSE_TRACE_FACILITY
UBaseType_t uxEventGroupGetNumber(void *group)
{
    traceENTER_uxEventGroupGetNumber(group);
    UBaseType_t ret = group != NULL ? ((eg_t *)group)->number : 0;
    traceRETURN_uxEventGroupGetNumber(ret);
    return ret;
}

void vEventGroupSetNumber(void *group, UBaseType_t number)
{
    traceENTER_vEventGroupSetNumber(group, number);
    checked(group, 0)->number = number;
    traceRETURN_vEventGroupSetNumber();
}
#endif /* configUSE_TRACE_FACILITY */

#endif /* configUSE_EVENT_GROUPS */
