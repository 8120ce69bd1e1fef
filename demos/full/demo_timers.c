/* SPDX-License-Identifier: MIT */
/*
 * demo_timers.c: the full demo's software timers, whose callbacks run in the
 * timer service task and need no task of their own.
 *   timer_auto      an auto-reload timer every AUTO_PERIOD ticks. Its
 *                   callback never runs before the expiry it is for, and
 *                   the timer keeps its phase: expiries are exactly one
 *                   period apart, and the next one is the first in phase
 *                   after the callback's tick (a service task that ran late
 *                   gets one callback per missed period, with the same next
 *                   expiry). Every third expiry it starts the one-shot.
 *   timer_one_shot  a one-shot timer of ONE_SHOT_PERIOD ticks: it fires
 *                   once per start, never sooner than that after it, and is
 *                   dormant in its own callback.
 * Lateness is not checked beyond TIMER_MAX_LATE: under QEMU without -icount
 * (make run) a loaded host can hold the guest in its interrupt handlers for
 * several ticks.
 */
#include "demo.h"

#include "timers.h"

#define AUTO_PERIOD ((TickType_t)7)
#define ONE_SHOT_PERIOD ((TickType_t)13)
#define TIMER_MAX_LATE ((TickType_t)1000)

static TimerHandle_t auto_timer;
static TimerHandle_t one_shot;
static TickType_t auto_due;     /* the auto-reload timer's next expiry time */
static TickType_t one_shot_due; /* valid while one_shot_armed */
static int one_shot_armed;
static uint32_t auto_expiries;

/* Not before `due`, nor absurdly late (tick-count wrap safe). */
static int on_time(TickType_t now, TickType_t due)
{
    return (TickType_t)(now - due) <= TIMER_MAX_LATE;
}

/* The next expiry is a whole number of periods after this one, and the first such after now. */
static int in_phase(TickType_t now, TickType_t due, TickType_t next)
{
    const TickType_t ahead = (TickType_t)(next - now);

    return (TickType_t)(next - due) % AUTO_PERIOD == 0 && ahead > 0 && ahead <= AUTO_PERIOD;
}

static void start_one_shot(void)
{
    const TickType_t now = xTaskGetTickCount();

    /* From the service task itself: the command waits in its queue, so no block time. */
    if (xTimerStart(one_shot, 0) != pdPASS) {
        demo_overrun(); /* the command queue is full: try again at a later expiry */
        return;
    }
    one_shot_due = (TickType_t)(now + ONE_SHOT_PERIOD);
    one_shot_armed = 1;
}

static void auto_callback(TimerHandle_t timer)
{
    const TickType_t now = xTaskGetTickCount();
    const TickType_t next = xTimerGetExpiryTime(timer);

    if (!on_time(now, auto_due) || !in_phase(now, auto_due, next)) {
        demo_error(W_TIMER_AUTO);
        auto_due = next; /* resynchronise: report once */
    } else {
        auto_due += AUTO_PERIOD;
        demo_progress(W_TIMER_AUTO);
    }
    if (++auto_expiries % 3u == 0u && !one_shot_armed) {
        start_one_shot();
    }
}

static void one_shot_callback(TimerHandle_t timer)
{
    const TickType_t now = xTaskGetTickCount();

    /* The command's tick may lag the one read before xTimerStart by one. */
    if (!one_shot_armed || !on_time(now, one_shot_due) || xTimerIsTimerActive(timer)) {
        demo_error(W_TIMER_ONE_SHOT);
    } else {
        demo_progress(W_TIMER_ONE_SHOT);
    }
    one_shot_armed = 0;
}

void demo_timers_start(void)
{
    auto_timer = xTimerCreate("timer_auto", AUTO_PERIOD, pdTRUE, NULL, auto_callback);
    one_shot = xTimerCreate("timer_one_shot", ONE_SHOT_PERIOD, pdFALSE, NULL, one_shot_callback);
    if (auto_timer == NULL || one_shot == NULL) {
        demo_fail("the software timers");
    }
    /* Before the scheduler starts the tick count is 0: the first expiry is one period later. */
    auto_due = (TickType_t)(xTaskGetTickCount() + AUTO_PERIOD);
    if (xTimerStart(auto_timer, 0) != pdPASS) {
        demo_fail("the timer command queue");
    }
}
