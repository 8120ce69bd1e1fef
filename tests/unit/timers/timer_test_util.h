/* SPDX-License-Identifier: MIT */
/*
 * timer_test_util.h: helpers shared by the software timer tests, on top of
 * tests/unit/task/task_test_util.h (trace, tt_spawn, tt_interrupt).
 *
 * tm_timer creates a timer dynamically, or from a static pool when the
 * configuration has no dynamic allocation (a slot is free again once its
 * timer is deleted: qtest_pool_take). tm_trace_cb is a callback
 * that appends the timer name's first letter and the tick to the trace.
 *
 * In the "timers" configurations the daemon outranks the test task, so with
 * preemption a command is processed before the call that sent it returns.
 * Without preemption it waits until the sender blocks or yields: cases call
 * tm_sync() where they need the daemon to have caught up.
 */
#ifndef TIMER_TEST_UTIL_H
#define TIMER_TEST_UTIL_H

#include "FreeRTOS.h"
#include "task.h"
#include "timers.h"

#include "../task/task_test_util.h"

TimerHandle_t tm_timer(const char *name, TickType_t period, BaseType_t auto_reload, void *id,
                       TimerCallbackFunction_t callback);

/* Delete t and let the daemon carry the deletion out. */
void tm_delete(TimerHandle_t t);

/* Let the daemon process every command queued so far (a yield to it). */
void tm_sync(void);

/* Callback: tt_trace(first letter of the timer's name). */
void tm_trace_cb(TimerHandle_t t);

/* Callback: count calls in the uint32_t the timer's ID points at. */
void tm_count_cb(TimerHandle_t t);

/* Set the daemon's priority (the case runs at QTEST_PRIORITY). */
void tm_daemon_priority(UBaseType_t priority);

#endif /* TIMER_TEST_UTIL_H */
