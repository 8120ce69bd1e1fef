/* SPDX-License-Identifier: MIT */
/*
 * timers.c: the software timer API: creating timers, sending commands and
 * pended calls to the timer service (daemon) task, and the queries and
 * settings that act at once. The daemon itself is in timers_daemon.c;
 * timer_internal.h has the shared structures and invariants.
 *
 * Locking: commands go through the kernel's queue code. The API changes two
 * fields directly: flags under the kernel lock (the daemon changes it too),
 * id with one word store; the rest belongs to the daemon task once the timer
 * exists.
 */
#include "timer_internal.h"

#include <string.h>

#if configUSE_TIMERS

_Static_assert(sizeof(StaticTimer_t) == sizeof(struct tmrTimerControl),
               "StaticTimer_t must mirror struct tmrTimerControl");
_Static_assert(((UBaseType_t)(configTIMER_TASK_PRIORITY) & ~portPRIVILEGE_BIT) <
                   configMAX_PRIORITIES,
               "configTIMER_TASK_PRIORITY must be less than configMAX_PRIORITIES");
_Static_assert((configTIMER_QUEUE_LENGTH) >= 1, "configTIMER_QUEUE_LENGTH must be at least 1");
_Static_assert((configTIMER_TASK_STACK_DEPTH) >= 1,
               "configTIMER_TASK_STACK_DEPTH must be at least 1");

struct timer_service timer_svc;

/*
 * The handle of a query or setting, checked in one place: a NULL handle fails configASSERT
 * here (the caller is the next frame up). The fields the queries read are single words (or the
 * flags byte, changed under the kernel lock): no lock is needed to read one.
 */
static tmr_t *checked(TimerHandle_t timer)
{
    configASSERT(timer != NULL);
    return timer;
}

void timer_flags_update(tmr_t *t, uint8_t set, uint8_t clear)
{
    taskENTER_CRITICAL();
    t->flags = (uint8_t)((t->flags & ~clear) | set);
    taskEXIT_CRITICAL();
}

/* ---- The service ---- */

void timer_service_init(void)
{
    taskENTER_CRITICAL();
    if (!timer_svc.ready) {
        vListInitialise(&timer_svc.lists[0]);
        vListInitialise(&timer_svc.lists[1]);
        timer_svc.current = &timer_svc.lists[0];
        timer_svc.overflow = &timer_svc.lists[1];
        timer_svc.last_sample = sched.tick_count;
        queue_init(&timer_svc.queue, configTIMER_QUEUE_LENGTH, sizeof(struct timer_cmd),
                   timer_svc.storage, queueQUEUE_TYPE_BASE, QUEUE_STATIC);
        vQueueAddToRegistry(&timer_svc.queue, "TmrQ"); /* the name FreeRTOS gives it */
        timer_svc.ready = true;
    }
    taskEXIT_CRITICAL();
}

BaseType_t timer_daemon_create(void)
{
    const UBaseType_t priority = (UBaseType_t)(configTIMER_TASK_PRIORITY) | portPRIVILEGE_BIT;

    timer_service_init();
#if configSUPPORT_STATIC_ALLOCATION
    StaticTask_t *tcb = NULL;
    StackType_t *stack = NULL;
    configSTACK_DEPTH_TYPE depth = 0;

    vApplicationGetTimerTaskMemory(&tcb, &stack, &depth);
    timer_svc.task = xTaskCreateStatic(timer_daemon_task, configTIMER_SERVICE_TASK_NAME, depth,
                                       NULL, priority, stack, tcb);
    return timer_svc.task != NULL ? pdPASS : pdFAIL;
#else
    return xTaskCreate(timer_daemon_task, configTIMER_SERVICE_TASK_NAME,
                       configTIMER_TASK_STACK_DEPTH, NULL, priority, &timer_svc.task);
#endif
}

void timer_reset(void)
{
    if (timer_svc.ready) {
        vQueueUnregisterQueue(&timer_svc.queue);
    }
    /* Timers still running are forgotten with the lists; their memory is the application's. */
    timer_svc.ready = false;
    timer_svc.task = NULL;
}

void vTimerResetState(void)
{
    traceENTER_vTimerResetState();
    timer_reset();
    traceRETURN_vTimerResetState();
}

TaskHandle_t xTimerGetTimerDaemonTaskHandle(void)
{
    traceENTER_xTimerGetTimerDaemonTaskHandle();
    /* The daemon exists only once the scheduler has started. */
    configASSERT(timer_svc.task != NULL);
    TaskHandle_t ret = timer_svc.task;
    traceRETURN_xTimerGetTimerDaemonTaskHandle(ret);
    return ret;
}

/* ---- Creation ---- */

/*
 * Both creations: a static one (TMR_STATIC in flags) passes the application's buffer in t (NULL
 * fails), a dynamic one gets a heap block. NULL if the timer cannot be made. Out of line: one
 * copy for both (the compiler would inline it into each).
 */
__attribute__((noinline)) static tmr_t *create(const char *name, TickType_t period,
                                               BaseType_t auto_reload, void *id,
                                               TimerCallbackFunction_t callback, tmr_t *t,
                                               uint8_t flags)
{
    configASSERT(period > 0 && (t != NULL || (flags & TMR_STATIC) == 0));
    if (period == 0) {
        return NULL;
    }
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((flags & TMR_STATIC) == 0) {
        t = pvPortMalloc(sizeof(*t));
        if (t == NULL) {
            traceTIMER_CREATE_FAILED();
        }
    }
#endif
    if (t != NULL) {
        timer_service_init();
        memset(t, 0, sizeof(*t)); /* the list item too: on no list */
        t->name = name;
        t->period = period;
        t->id = id;
        t->callback = callback;
        t->flags = (uint8_t)(flags | (auto_reload != pdFALSE ? TMR_AUTO_RELOAD : 0u));
        listSET_LIST_ITEM_OWNER(&t->item, t);
        traceTIMER_CREATE(t);
    }
    return t;
}

#if configSUPPORT_DYNAMIC_ALLOCATION
TimerHandle_t xTimerCreate(const char *const name, const TickType_t period,
                           const BaseType_t auto_reload, void *const id,
                           TimerCallbackFunction_t callback)
{
    traceENTER_xTimerCreate(name, period, auto_reload, id, callback);
    tmr_t *t = create(name, period, auto_reload, id, callback, NULL, 0);
    traceRETURN_xTimerCreate(t);
    return t;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
TimerHandle_t xTimerCreateStatic(const char *const name, const TickType_t period,
                                 const BaseType_t auto_reload, void *const id,
                                 TimerCallbackFunction_t callback, StaticTimer_t *buffer)
{
    traceENTER_xTimerCreateStatic(name, period, auto_reload, id, callback, buffer);
    tmr_t *t = create(name, period, auto_reload, id, callback, (tmr_t *)buffer, TMR_STATIC);

    traceRETURN_xTimerCreateStatic(t);
    return t;
}

BaseType_t xTimerGetStaticBuffer(TimerHandle_t timer, StaticTimer_t **buffer)
{
    traceENTER_xTimerGetStaticBuffer(timer, buffer);
    BaseType_t ret = pdFALSE;

    configASSERT(timer != NULL && buffer != NULL);
    if ((timer->flags & TMR_STATIC) == 0) {
        goto out;
    }
    *buffer = (StaticTimer_t *)timer;
    ret = pdTRUE;
out:
    traceRETURN_xTimerGetStaticBuffer(ret);
    return ret;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

/* ---- Commands ---- */

/* Whether a command may be sent from here: from an interrupt, only once the service exists. */
static inline bool send_ok_from(bool isr)
{
    return !isr || timer_svc.ready;
}

/*
 * Queue cmd for the daemon: from a task waiting up to `ticks` for room, from an interrupt
 * (isr) not at all, with *woken as for xQueueSendFromISR. From an interrupt the service must
 * already exist (a timer was created or the scheduler started): it cannot be initialised
 * there, and the callers assert it (send_ok_from).
 */
static BaseType_t send(const struct timer_cmd *cmd, bool isr, BaseType_t *woken, TickType_t ticks)
{
    if (isr) {
        return xQueueSendToBackFromISR(&timer_svc.queue, cmd, woken);
    }
    timer_service_init();
    /* Nothing may block before the scheduler runs or while it is suspended. */
    if (xTaskGetSchedulerState() != taskSCHEDULER_RUNNING) {
        ticks = 0;
    }
    return xQueueSendToBack(&timer_svc.queue, cmd, ticks);
}

/* A timer command, from a task or (isr) from an interrupt: each has its own command numbers. */
static BaseType_t command(tmr_t *timer, BaseType_t id, TickType_t value, bool isr,
                          BaseType_t *woken, TickType_t ticks)
{
    const BaseType_t first = isr ? tmrFIRST_FROM_ISR_COMMAND : tmrCOMMAND_START_DONT_TRACE;
    const BaseType_t last = isr ? tmrCOMMAND_CHANGE_PERIOD_FROM_ISR : tmrCOMMAND_DELETE;
    const BaseType_t change = isr ? tmrCOMMAND_CHANGE_PERIOD_FROM_ISR : tmrCOMMAND_CHANGE_PERIOD;
    struct timer_cmd cmd;
    BaseType_t result;

    configASSERT(timer != NULL && id >= first && id <= last && (id != change || value > 0) &&
                 send_ok_from(isr));
    cmd.id = id;
    cmd.u.t.timer = timer;
    cmd.u.t.value = value;
    result = send(&cmd, isr, woken, ticks);
    traceTIMER_COMMAND_SEND(timer, id, value, result);
    return result;
}

BaseType_t xTimerGenericCommandFromTask(TimerHandle_t timer, const BaseType_t command_id,
                                        const TickType_t value, BaseType_t *const woken,
                                        const TickType_t ticks)
{
    traceENTER_xTimerGenericCommandFromTask(timer, command_id, value, woken, ticks);
    BaseType_t result = command(timer, command_id, value, false, NULL, ticks);
    (void)woken;
    traceRETURN_xTimerGenericCommandFromTask(result);
    return result;
}

BaseType_t xTimerGenericCommandFromISR(TimerHandle_t timer, const BaseType_t command_id,
                                       const TickType_t value, BaseType_t *const woken,
                                       const TickType_t ticks)
{
    traceENTER_xTimerGenericCommandFromISR(timer, command_id, value, woken, ticks);
    BaseType_t result = command(timer, command_id, value, true, woken, 0);
    (void)ticks;
    traceRETURN_xTimerGenericCommandFromISR(result);
    return result;
}

#if INCLUDE_xTimerPendFunctionCall
/* A pended call of fn(arg1, arg2), from a task or (isr) from an interrupt. */
static BaseType_t pend(PendedFunction_t fn, void *arg1, uint32_t arg2, bool isr, BaseType_t *woken,
                       TickType_t ticks)
{
    struct timer_cmd cmd;
    BaseType_t result;

    configASSERT(fn != NULL && send_ok_from(isr));
    cmd.id = isr ? tmrCOMMAND_EXECUTE_CALLBACK_FROM_ISR : tmrCOMMAND_EXECUTE_CALLBACK;
    cmd.u.call.fn = fn;
    cmd.u.call.arg1 = arg1;
    cmd.u.call.arg2 = arg2;
    result = send(&cmd, isr, woken, ticks);
    if (isr) {
        tracePEND_FUNC_CALL_FROM_ISR(fn, arg1, arg2, result);
    } else {
        tracePEND_FUNC_CALL(fn, arg1, arg2, result);
    }
    return result;
}

BaseType_t xTimerPendFunctionCall(PendedFunction_t fn, void *arg1, uint32_t arg2, TickType_t ticks)
{
    traceENTER_xTimerPendFunctionCall(fn, arg1, arg2, ticks);
    BaseType_t result = pend(fn, arg1, arg2, false, NULL, ticks);
    traceRETURN_xTimerPendFunctionCall(result);
    return result;
}

BaseType_t xTimerPendFunctionCallFromISR(PendedFunction_t fn, void *arg1, uint32_t arg2,
                                         BaseType_t *woken)
{
    traceENTER_xTimerPendFunctionCallFromISR(fn, arg1, arg2, woken);
    BaseType_t result = pend(fn, arg1, arg2, true, woken, 0);
    traceRETURN_xTimerPendFunctionCallFromISR(result);
    return result;
}

BaseType_t timer_pend_wide_isr(timer_wide_fn_t fn, void *arg, TickType_t value, BaseType_t *woken)
{
    struct timer_cmd cmd;
    BaseType_t result;

    configASSERT(send_ok_from(true));
    cmd.id = TMR_CMD_EXECUTE_WIDE;
    cmd.u.wide.fn = fn;
    cmd.u.wide.arg = arg;
    cmd.u.wide.value = value;
    result = send(&cmd, true, woken, 0);
    tracePEND_FUNC_CALL_FROM_ISR(fn, arg, (uint32_t)value, result);
    return result;
}
#endif /* INCLUDE_xTimerPendFunctionCall */

/* ---- Queries and settings ---- */

BaseType_t xTimerIsTimerActive(TimerHandle_t timer)
{
    traceENTER_xTimerIsTimerActive(timer);
    BaseType_t active = (checked(timer)->flags & TMR_ACTIVE) != 0 ? pdTRUE : pdFALSE;
    traceRETURN_xTimerIsTimerActive(active);
    return active;
}

void *pvTimerGetTimerID(const TimerHandle_t timer)
{
    traceENTER_pvTimerGetTimerID(timer);
    void *id = checked(timer)->id;
    traceRETURN_pvTimerGetTimerID(id);
    return id;
}

void vTimerSetTimerID(TimerHandle_t timer, void *id)
{
    traceENTER_vTimerSetTimerID(timer, id);
    checked(timer)->id = id;
    traceRETURN_vTimerSetTimerID();
}

const char *pcTimerGetName(TimerHandle_t timer)
{
    traceENTER_pcTimerGetName(timer);
    const char *ret = checked(timer)->name;
    traceRETURN_pcTimerGetName(ret);
    return ret;
}

TickType_t xTimerGetPeriod(TimerHandle_t timer)
{
    traceENTER_xTimerGetPeriod(timer);
    TickType_t ret = checked(timer)->period;
    traceRETURN_xTimerGetPeriod(ret);
    return ret;
}

TickType_t xTimerGetExpiryTime(TimerHandle_t timer)
{
    traceENTER_xTimerGetExpiryTime(timer);
    /* The daemon writes it without the lock: a tick count wider than a word could be torn
     * whatever the reader locked, as in FreeRTOS; it is meant to be read while stopped. */
    TickType_t expiry = listGET_LIST_ITEM_VALUE(&checked(timer)->item);
    traceRETURN_xTimerGetExpiryTime(expiry);
    return expiry;
}

void vTimerSetReloadMode(TimerHandle_t timer, const BaseType_t auto_reload)
{
    traceENTER_vTimerSetReloadMode(timer, auto_reload);
    const uint8_t mode = auto_reload != pdFALSE ? TMR_AUTO_RELOAD : 0u;

    timer_flags_update(checked(timer), mode, (uint8_t)(TMR_AUTO_RELOAD & ~mode));
    traceRETURN_vTimerSetReloadMode();
}

BaseType_t xTimerGetReloadMode(TimerHandle_t timer)
{
    traceENTER_xTimerGetReloadMode(timer);
    BaseType_t auto_reload = (checked(timer)->flags & TMR_AUTO_RELOAD) != 0 ? pdTRUE : pdFALSE;
    traceRETURN_xTimerGetReloadMode(auto_reload);
    return auto_reload;
}

UBaseType_t uxTimerGetReloadMode(TimerHandle_t timer)
{
    traceENTER_uxTimerGetReloadMode(timer);
    UBaseType_t ret = (UBaseType_t)xTimerGetReloadMode(timer);
    traceRETURN_uxTimerGetReloadMode(ret);
    return ret;
}

#if configUSE_TRACE_FACILITY
void vTimerSetTimerNumber(TimerHandle_t timer, UBaseType_t number)
{
    traceENTER_vTimerSetTimerNumber(timer, number);
    checked(timer)->number = number;
    traceRETURN_vTimerSetTimerNumber();
}

UBaseType_t uxTimerGetTimerNumber(TimerHandle_t timer)
{
    traceENTER_uxTimerGetTimerNumber(timer);
    UBaseType_t ret = checked(timer)->number;
    traceRETURN_uxTimerGetTimerNumber(ret);
    return ret;
}
#endif /* configUSE_TRACE_FACILITY */

#endif /* configUSE_TIMERS */
