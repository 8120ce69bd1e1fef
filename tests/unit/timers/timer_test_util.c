/* SPDX-License-Identifier: MIT */
/*
 * timer_test_util.c: the timer constructors and callbacks of timer_test_util.h.
 */
#include "timer_test_util.h"

#if !configSUPPORT_DYNAMIC_ALLOCATION
static StaticTimer_t pool_timer[QTEST_POOL_TIMERS];
static struct qtest_pool pool = QTEST_POOL_INIT("timer (QTEST_POOL_TIMERS)", pool_timer);
#endif

TimerHandle_t tm_timer(const char *name, TickType_t period, BaseType_t auto_reload, void *id,
                       TimerCallbackFunction_t callback)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    TimerHandle_t t = xTimerCreate(name, period, auto_reload, id, callback);
#else
    TimerHandle_t t = xTimerCreateStatic(name, period, auto_reload, id, callback,
                                         &pool_timer[qtest_pool_take(&pool)]);
#endif
    QT_ASSERT(t != NULL);
    return t;
}

void tm_delete(TimerHandle_t t)
{
    QT_EQ(xTimerDelete(t, portMAX_DELAY), pdPASS);
    tm_sync();
}

void tm_sync(void)
{
    taskYIELD();
}

void tm_trace_cb(TimerHandle_t t)
{
    tt_trace(pcTimerGetName(t)[0]);
}

void tm_count_cb(TimerHandle_t t)
{
    (*(uint32_t *)pvTimerGetTimerID(t))++;
}

void tm_daemon_priority(UBaseType_t priority)
{
    vTaskPrioritySet(xTimerGetTimerDaemonTaskHandle(), priority);
}
