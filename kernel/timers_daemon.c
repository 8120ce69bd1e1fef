/* SPDX-License-Identifier: MIT */
/*
 * timers_daemon.c: the timer service (daemon) task. It expires due timers,
 * runs their callbacks, and processes the commands and pended calls the
 * timer API queues, in the order they were sent.
 *
 * Time: expiry times are absolute ticks on two sorted lists, the current
 * epoch's and the one after the tick count wraps (timer_internal.h). The
 * daemon samples the tick count before every decision; a sample lower than
 * the previous one means the count wrapped, and everything still on the
 * current list expired in the old epoch. A timer whose expiry has passed by
 * several periods (the daemon was starved) has its callback called once for
 * each, and its next expiry keeps the original phase.
 *
 * Waiting: the daemon blocks on the command queue until the next expiry. It
 * blocks itself with the scheduler's protocol (as a queue receiver, which the
 * queue's senders hand commands to directly), so that the remaining time is
 * computed under the same lock that queues it and no tick can slip between.
 */
#include "timer_internal.h"

#if configUSE_TIMERS

/* Put t on the active list for `expiry`, which lies after `now` (within one tick-count period). */
static void insert(tmr_t *t, TickType_t expiry, TickType_t now)
{
    listSET_LIST_ITEM_VALUE(&t->item, expiry);
    vListInsert(expiry < now ? timer_svc.overflow : timer_svc.current, &t->item);
}

/*
 * t (on no list) expired at tick `at`, no later than `now`. Call its callback
 * once for that expiry and once for every further period that has passed by
 * `now`; an auto-reload timer goes back on a list first, in phase.
 */
static void expire(tmr_t *t, TickType_t at, TickType_t now)
{
    TickType_t runs = 1;

    if (t->flags & TMR_AUTO_RELOAD) {
        runs += (TickType_t)(now - at) / t->period;
        insert(t, (TickType_t)(at + runs * t->period), now);
    } else {
        timer_flags_update(t, 0, TMR_ACTIVE);
    }
    for (; runs > 0; runs--) {
        traceTIMER_EXPIRED(t);
        t->callback(t);
    }
}

/* Expire the timer at the head of `list`. */
static void expire_head(List_t *list, TickType_t now)
{
    tmr_t *const t = listGET_OWNER_OF_HEAD_ENTRY(list);

    (void)uxListRemove(&t->item);
    expire(t, listGET_LIST_ITEM_VALUE(&t->item), now);
}

/*
 * The tick count wrapped. Everything left on the current list expired before
 * the wrap: expire it as of the epoch's last tick (auto-reload timers land
 * on the overflow list), then the overflow list becomes the current one.
 */
static void switch_lists(void)
{
    List_t *const old = timer_svc.current;

    while (!listLIST_IS_EMPTY(old)) {
        expire_head(old, portMAX_DELAY);
    }
    timer_svc.current = timer_svc.overflow;
    timer_svc.overflow = old;
}

/* The tick count now, having caught up with a wrap since the last sample. */
static TickType_t sample_now(void)
{
    const TickType_t now = xTaskGetTickCount();

    if (now < timer_svc.last_sample) {
        switch_lists();
    }
    timer_svc.last_sample = now;
    return now;
}

/*
 * Expire every timer due by `now`. Returns false when no timer is active,
 * else true with *wait the ticks until the next expiry (or the wrap, when
 * only the overflow list has timers).
 */
static bool expire_due(TickType_t now, TickType_t *wait)
{
    while (!listLIST_IS_EMPTY(timer_svc.current)) {
        const TickType_t next = listGET_ITEM_VALUE_OF_HEAD_ENTRY(timer_svc.current);

        if (next > now) {
            *wait = (TickType_t)(next - now);
            return true;
        }
        expire_head(timer_svc.current, now);
    }
    if (listLIST_IS_EMPTY(timer_svc.overflow)) {
        return false;
    }
    /* Overflow entries were inserted at a sample later than tick 0 of this epoch. */
    configASSERT(now != 0);
    *wait = (TickType_t)(0 - now);
    return true;
}

/*
 * Receive the next command, waiting at most `wait` ticks counted from tick
 * `since` (for ever when !timed). False when the wait ended without one.
 */
static bool next_command(struct timer_cmd *cmd, TickType_t since, bool timed, TickType_t wait)
{
    tcb_t *const self = sched_current;
    TickType_t ticks = portMAX_DELAY;

    taskENTER_CRITICAL();
    if (timer_svc.queue.count == 0) {
        if (timed) {
            const TickType_t elapsed = (TickType_t)(sched.tick_count - since);

            if (elapsed >= wait) {
                taskEXIT_CRITICAL();
                return false;
            }
            ticks = (TickType_t)(wait - elapsed);
            if (ticks == portMAX_DELAY) {
                ticks--; /* a finite wait, even when it is this long */
            }
        }
        traceBLOCKING_ON_QUEUE_RECEIVE(&timer_svc.queue);
        self->wait_buf = cmd;
        self->wait_flags = 0;
        sched_block_locked(&timer_svc.queue.receivers, ticks);
        taskEXIT_CRITICAL(); /* the switch happens here */
        if (self->wait_result == WAIT_HANDOFF) {
            queue_handoff_release(&timer_svc.queue); /* a sender copied its command into *cmd */
            return true;
        }
        return self->wait_result == WAIT_OK;
    }
    taskEXIT_CRITICAL();
    return xQueueReceive(&timer_svc.queue, cmd, 0) == pdPASS;
}

/* Start (or restart) t as of tick `sent`, the tick the command was sent. */
static void start(tmr_t *t, TickType_t sent, TickType_t now)
{
    timer_flags_update(t, TMR_ACTIVE, 0);
    if ((TickType_t)(now - sent) >= t->period) {
        /* It expired before the daemon could start it. */
        expire(t, (TickType_t)(sent + t->period), now);
    } else {
        insert(t, (TickType_t)(sent + t->period), now);
    }
}

static void process_timer_command(const struct timer_cmd *cmd)
{
    tmr_t *const t = cmd->u.t.timer;
    const BaseType_t id = cmd->id;
    TickType_t value = cmd->u.t.value;
    const TickType_t now = sample_now();

    traceTIMER_COMMAND_RECEIVED(t, id, value);
    if (listLIST_ITEM_CONTAINER(&t->item) != NULL) {
        (void)uxListRemove(&t->item);
    }
    if (id == tmrCOMMAND_CHANGE_PERIOD || id == tmrCOMMAND_CHANGE_PERIOD_FROM_ISR) {
        /* The new period counts from now, and a dormant timer starts. */
        t->period = value;
        value = now;
    } else if (id == tmrCOMMAND_STOP || id == tmrCOMMAND_STOP_FROM_ISR || id == tmrCOMMAND_DELETE) {
        timer_flags_update(t, 0, TMR_ACTIVE);
#if configSUPPORT_DYNAMIC_ALLOCATION
        if (id == tmrCOMMAND_DELETE && (t->flags & TMR_STATIC) == 0) {
            vPortFree(t);
        }
#endif
        return;
    }
    start(t, value, now); /* start, reset, or a period change as of now */
}

static void process(const struct timer_cmd *cmd)
{
    switch (cmd->id) {
#if INCLUDE_xTimerPendFunctionCall
    case tmrCOMMAND_EXECUTE_CALLBACK:
    case tmrCOMMAND_EXECUTE_CALLBACK_FROM_ISR:
        cmd->u.call.fn(cmd->u.call.arg1, cmd->u.call.arg2);
        break;
    case TMR_CMD_EXECUTE_WIDE:
        cmd->u.wide.fn(cmd->u.wide.arg, cmd->u.wide.value);
        break;
#endif
    default:
        process_timer_command(cmd);
        break;
    }
}

void timer_daemon_task(void *arg)
{
    struct timer_cmd cmd;

    (void)arg;
#if configUSE_DAEMON_TASK_STARTUP_HOOK
    vApplicationDaemonTaskStartupHook();
#endif
    for (;;) {
        const TickType_t now = sample_now();
        TickType_t wait = 0;
        const bool timed = expire_due(now, &wait);

        if (next_command(&cmd, now, timed, wait)) {
            do {
                process(&cmd);
            } while (xQueueReceive(&timer_svc.queue, &cmd, 0) == pdPASS);
        }
    }
}

#endif /* configUSE_TIMERS */
