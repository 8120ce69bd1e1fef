/* SPDX-License-Identifier: MIT */
/*
 * Software timers, one at a time: one-shot and auto-reload expiry ticks,
 * stop, reset, period changes, the timer's ID, name, period, expiry time and
 * reload mode, deletion, and where callbacks run. The daemon outranks the
 * test task (see timer_test_util.h), so a command takes effect when it is
 * sent; expiry ticks are exact in simulated time.
 */
#include "timer_test_util.h"

#include <string.h>

static void test_xTimerStart_one_shot_expires_once_after_its_period(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerIsTimerActive(t), pdTRUE);
    QT_EQ(xTimerGetExpiryTime(t), 10);
    vTaskDelay(30);
    TT_EXPECT_TRACE("A10");
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    tm_delete(t);
}

static void test_auto_reload_timer_repeats_every_period(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 7, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(30);
    TT_EXPECT_TRACE("A7 A14 A21 A28");
    QT_EQ(xTimerIsTimerActive(t), pdTRUE);
    QT_EQ(xTimerGetExpiryTime(t), 35);
    QT_EQ(xTimerStop(t, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A7 A14 A21 A28");
    tm_delete(t);
}

static void test_xTimerStop_before_expiry_prevents_the_callback(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(5);
    QT_EQ(xTimerStop(t, 0), pdPASS);
    vTaskDelay(20);
    TT_EXPECT_TRACE("");
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    tm_delete(t);
}

static void test_xTimerReset_extends_a_running_timer(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(6);
    QT_EQ(xTimerReset(t, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerGetExpiryTime(t), 16);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A16");
    tm_delete(t);
}

static void test_xTimerReset_starts_a_dormant_timer(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    vTaskDelay(3);
    QT_EQ(xTimerReset(t, 0), pdPASS);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A13");
    tm_delete(t);
}

static void test_xTimerStart_on_a_running_timer_restarts_it(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(4);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(21);
    TT_EXPECT_TRACE("A14 A24");
    tm_delete(t);
}

static void test_xTimerChangePeriod_of_a_running_timer_counts_from_the_change(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(4);
    QT_EQ(xTimerChangePeriod(t, 20, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerGetPeriod(t), 20);
    QT_EQ(xTimerGetExpiryTime(t), 24);
    vTaskDelay(46); /* to tick 50 */
    TT_EXPECT_TRACE("A24 A44");
    tm_delete(t);
}

static void test_xTimerChangePeriod_starts_a_dormant_timer(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    vTaskDelay(3);
    QT_EQ(xTimerChangePeriod(t, 5, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerIsTimerActive(t), pdTRUE);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A8");
    QT_EQ(xTimerGetPeriod(t), 5);
    tm_delete(t);
}

static void test_timers_due_on_the_same_tick_fire_in_start_order(void)
{
    TimerHandle_t a, b, c;

    tt_trace_reset();
    a = tm_timer("A", 5, pdFALSE, NULL, tm_trace_cb);
    b = tm_timer("B", 5, pdFALSE, NULL, tm_trace_cb);
    c = tm_timer("C", 2, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(b, 0), pdPASS);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerStart(c, 0), pdPASS);
    vTaskDelay(3);
    QT_EQ(xTimerChangePeriod(c, 2, 0), pdPASS); /* due at 5 too, started last */
    vTaskDelay(10);
    TT_EXPECT_TRACE("C2 B5 A5 C5");
    tm_delete(a);
    tm_delete(b);
    tm_delete(c);
}

static void test_timer_id_and_name(void)
{
    static const char name[] = "Named";
    uint32_t first = 0, second = 0;
    TimerHandle_t t;

    t = tm_timer(name, 4, pdTRUE, &first, tm_count_cb);
    QT_PTR_EQ(pcTimerGetName(t), name); /* kept by reference, as in FreeRTOS */
    QT_PTR_EQ(pvTimerGetTimerID(t), &first);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(9);
    vTimerSetTimerID(t, &second);
    QT_PTR_EQ(pvTimerGetTimerID(t), &second);
    vTaskDelay(8);
    QT_EQ(first, 2);  /* ticks 4, 8 */
    QT_EQ(second, 2); /* ticks 12, 16 */
    tm_delete(t);
}

static void test_reload_mode_can_be_switched(void)
{
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 5, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerGetReloadMode(t), pdFALSE);
    QT_EQ(uxTimerGetReloadMode(t), 0);
    vTimerSetReloadMode(t, pdTRUE);
    QT_EQ(xTimerGetReloadMode(t), pdTRUE);
    QT_EQ(uxTimerGetReloadMode(t), 1);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(16);
    TT_EXPECT_TRACE("A5 A10 A15");
    vTimerSetReloadMode(t, pdFALSE); /* the expiry already due at 20 is the last */
    vTaskDelay(14);
    TT_EXPECT_TRACE("A5 A10 A15 A20");
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    tm_delete(t);
}

static void slow_cb(TimerHandle_t t)
{
    tt_trace(pcTimerGetName(t)[0]);
    qtest_busy_ticks(3);
}

static void test_a_slow_callback_delays_later_expiries(void)
{
    TimerHandle_t a, b;

    tt_trace_reset();
    a = tm_timer("A", 5, pdTRUE, NULL, slow_cb);
    b = tm_timer("B", 6, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerStart(b, 0), pdPASS);
    vTaskDelay(12);
    /* A's callback holds the daemon from 5 to 8: B, due at 6, runs late; A keeps its phase. */
    TT_EXPECT_TRACE("A5 B8 A10");
    QT_EQ(xTaskGetTickCount(), 13);
    tm_delete(a);
    tm_delete(b);
}

static TaskHandle_t callback_task;
static UBaseType_t callback_priority;

static void record_task_cb(TimerHandle_t t)
{
    (void)t;
    callback_task = xTaskGetCurrentTaskHandle();
    callback_priority = uxTaskPriorityGet(NULL);
}

static void test_callbacks_run_in_the_daemon_task(void)
{
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();
    TimerHandle_t t;

    QT_ASSERT(daemon != NULL);
    QT_EQ(strcmp(pcTaskGetName(daemon), configTIMER_SERVICE_TASK_NAME), 0);
    QT_EQ(strcmp(pcTaskGetName(daemon), "Tmr Svc"), 0);
    QT_PTR_EQ(xTaskGetHandle("Tmr Svc"), daemon);
    QT_EQ(uxTaskPriorityGet(daemon), configTIMER_TASK_PRIORITY);
    t = tm_timer("A", 1, pdFALSE, NULL, record_task_cb);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(2);
    QT_PTR_EQ(callback_task, daemon);
    QT_EQ(callback_priority, configTIMER_TASK_PRIORITY);
    tm_delete(t);
}

static void test_daemon_startup_hook_runs_once_in_the_daemon(void)
{
    TimerHandle_t t = tm_timer("A", 1, pdTRUE, NULL, tm_trace_cb);

    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(5);
    QT_EQ(qtest_daemon_startups, 1);
    QT_PTR_EQ(qtest_daemon_startup_task, xTimerGetTimerDaemonTaskHandle());
    tm_delete(t);
}

static void test_xTimerDelete_stops_and_releases_the_timer(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    const size_t before = xPortGetFreeHeapSize();
#endif
    TimerHandle_t t;

    tt_trace_reset();
    t = tm_timer("A", 5, pdTRUE, NULL, tm_trace_cb);
#if configSUPPORT_DYNAMIC_ALLOCATION
    QT_ASSERT(xPortGetFreeHeapSize() < before);
#endif
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(7);
    QT_EQ(xTimerDelete(t, 0), pdPASS);
    tm_sync();
#if configSUPPORT_DYNAMIC_ALLOCATION
    QT_EQ(xPortGetFreeHeapSize(), before);
#else
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
#endif
    vTaskDelay(20);
    TT_EXPECT_TRACE("A5");
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_xTimerCreateStatic_uses_the_buffer(void)
{
    static StaticTimer_t buffer;
    StaticTimer_t *got = NULL;
    TimerHandle_t t;

    tt_trace_reset();
    t = xTimerCreateStatic("S", 3, pdFALSE, NULL, tm_trace_cb, &buffer);
    QT_PTR_EQ(t, &buffer);
    QT_EQ(xTimerGetStaticBuffer(t, &got), pdTRUE);
    QT_PTR_EQ(got, &buffer);
    QT_EQ(xTimerStart(t, 0), pdPASS);
    vTaskDelay(5);
    TT_EXPECT_TRACE("S3");
    tm_delete(t);
#if configSUPPORT_DYNAMIC_ALLOCATION
    t = xTimerCreate("D", 3, pdFALSE, NULL, tm_trace_cb);
    got = NULL;
    QT_EQ(xTimerGetStaticBuffer(t, &got), pdFALSE);
    QT_PTR_EQ(got, NULL);
    tm_delete(t);
#endif
}
#endif

#if configUSE_TRACE_FACILITY
static void test_timer_trace_number(void)
{
    TimerHandle_t t = tm_timer("A", 3, pdFALSE, NULL, tm_trace_cb);

    QT_EQ(uxTimerGetTimerNumber(t), 0);
    vTimerSetTimerNumber(t, 42);
    QT_EQ(uxTimerGetTimerNumber(t), 42);
    tm_delete(t);
}
#endif

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_xTimerCreate_returns_null_when_out_of_memory(void)
{
    void *blocks[64];
    unsigned n = 0;
    size_t size = xPortGetFreeHeapSize();

    while (n < 64 && size >= sizeof(void *)) {
        void *p = pvPortMalloc(size);

        if (p != NULL) {
            blocks[n++] = p;
        } else {
            size /= 2;
        }
    }
    QT_PTR_EQ(xTimerCreate("M", 5, pdFALSE, NULL, tm_trace_cb), NULL);
    QT_ASSERT(qtest_malloc_failures > 0);
    while (n > 0) {
        vPortFree(blocks[--n]);
    }
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
static void end_soon(void *arg)
{
    (void)arg;
    vTaskDelay(15);
    vTaskEndScheduler();
}

/* No case task: this case starts (and the task it creates ends) its own scheduler. */
static void test_timer_started_before_the_scheduler(void)
{
    static StaticTimer_t buffer;
    TimerHandle_t t;

    tt_trace_reset();
    t = xTimerCreateStatic("P", 10, pdFALSE, NULL, tm_trace_cb, &buffer);
    QT_EQ(xTimerStart(t, 100), pdPASS); /* the block time is ignored before the start */
    QT_EQ(xTimerIsTimerActive(t), pdFALSE);
    (void)tt_spawn(end_soon, "end", QTEST_PRIORITY, NULL);
    vTaskStartScheduler();
    TT_EXPECT_TRACE("P10");
    QT_EQ(qtest_daemon_startups, 1);
    vTimerResetState(); /* already done as the scheduler ended; harmless again */
}
#endif

/* ---- Misuse (configASSERT) ---- */

static void create_zero_period(void *arg)
{
    (void)arg;
    (void)tm_timer("Z", 0, pdFALSE, NULL, tm_trace_cb);
}

#if configSUPPORT_STATIC_ALLOCATION
static void create_static_without_buffer(void *arg)
{
    (void)arg;
    (void)xTimerCreateStatic("N", 5, pdFALSE, NULL, tm_trace_cb, NULL);
}
#endif

static void change_period_to_zero(void *arg)
{
    (void)xTimerChangePeriod((TimerHandle_t)arg, 0, 0);
}

static void start_null_timer(void *arg)
{
    (void)arg;
    (void)xTimerStart(NULL, 0);
}

static void test_timer_misuse_asserts(void)
{
    TimerHandle_t t = tm_timer("A", 5, pdFALSE, NULL, tm_trace_cb);

    QT_EXPECT_ASSERT(create_zero_period, NULL);
#if configSUPPORT_STATIC_ALLOCATION
    QT_EXPECT_ASSERT(create_static_without_buffer, NULL);
#endif
    QT_EXPECT_ASSERT(change_period_to_zero, t);
    QT_EXPECT_ASSERT(start_null_timer, NULL);
    tm_delete(t);
}

QTEST_MAIN(QTEST_CASE(test_xTimerStart_one_shot_expires_once_after_its_period),
           QTEST_CASE(test_auto_reload_timer_repeats_every_period),
           QTEST_CASE(test_xTimerStop_before_expiry_prevents_the_callback),
           QTEST_CASE(test_xTimerReset_extends_a_running_timer),
           QTEST_CASE(test_xTimerReset_starts_a_dormant_timer),
           QTEST_CASE(test_xTimerStart_on_a_running_timer_restarts_it),
           QTEST_CASE(test_xTimerChangePeriod_of_a_running_timer_counts_from_the_change),
           QTEST_CASE(test_xTimerChangePeriod_starts_a_dormant_timer),
           QTEST_CASE(test_timers_due_on_the_same_tick_fire_in_start_order),
           QTEST_CASE(test_timer_id_and_name), QTEST_CASE(test_reload_mode_can_be_switched),
           QTEST_CASE(test_callbacks_run_in_the_daemon_task),
           QTEST_CASE(test_daemon_startup_hook_runs_once_in_the_daemon),
           QTEST_CASE(test_a_slow_callback_delays_later_expiries),
           QTEST_CASE(test_xTimerDelete_stops_and_releases_the_timer),
#if configSUPPORT_STATIC_ALLOCATION
           QTEST_CASE(test_xTimerCreateStatic_uses_the_buffer),
#endif
#if configUSE_TRACE_FACILITY
           QTEST_CASE(test_timer_trace_number),
#endif
#if configSUPPORT_DYNAMIC_ALLOCATION
           QTEST_CASE(test_xTimerCreate_returns_null_when_out_of_memory),
#endif
#if configSUPPORT_STATIC_ALLOCATION
           QTEST_CASE_NO_SCHEDULER(test_timer_started_before_the_scheduler),
#endif
           QTEST_CASE(test_timer_misuse_asserts))
