/* SPDX-License-Identifier: MIT */
/*
 * Timers across the tick-count wrap, at every tick width: expiry times that
 * wrap go on the overflow list and fire on the right tick after it; auto-
 * reload timers keep their phase across it, also when the daemon catches up
 * across it; commands sent before the wrap and processed after it count from
 * the tick they were sent. A case first steps the tick count to just before
 * the wrap (vTaskStepTick, with the daemon idle and nothing delayed), then
 * records expiries as offsets from that point.
 */
#include "timer_test_util.h"

#define MAX_CALLS 16

static TickType_t base;
static TickType_t offsets[MAX_CALLS];
static unsigned calls;

/* Move the tick count to `when` without running anything. */
static void jump_to(TickType_t when)
{
    vTaskSuspendAll();
    vTaskStepTick((TickType_t)(when - xTaskGetTickCount()));
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), when);
    base = when;
    calls = 0;
}

static void record_cb(TimerHandle_t t)
{
    (void)t;
    if (calls < MAX_CALLS) {
        offsets[calls] = (TickType_t)(xTaskGetTickCount() - base);
    }
    calls++;
}

static void expect_offsets(const TickType_t *expected, unsigned n)
{
    QT_EQ(calls, n);
    for (unsigned i = 0; i < n && i < calls; i++) {
        QT_EQ(offsets[i], expected[i]);
    }
}

static void test_one_shot_expiry_after_the_wrap(void)
{
    static const TickType_t expected[] = {15};
    TimerHandle_t b;

    jump_to((TickType_t)(portMAX_DELAY - 9)); /* the wrap is 10 ticks away */
    b = tm_timer("B", 15, pdFALSE, NULL, record_cb);
    QT_EQ(xTimerStart(b, 0), pdPASS);
    tm_sync();
    QT_EQ(xTimerGetExpiryTime(b), 5);
    vTaskDelay(20);
    expect_offsets(expected, 1);
    QT_EQ(xTaskGetTickCount(), 10);
    tm_delete(b);
}

static void test_auto_reload_keeps_its_phase_across_the_wrap(void)
{
    static const TickType_t expected[] = {4, 8, 12, 16, 20};
    TimerHandle_t a;

    jump_to((TickType_t)(portMAX_DELAY - 9));
    a = tm_timer("A", 4, pdTRUE, NULL, record_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    vTaskDelay(22);
    expect_offsets(expected, 5);
    QT_EQ(xTimerGetExpiryTime(a), 14);
    tm_delete(a);
}

static void hog(void *arg)
{
    qtest_busy_ticks((TickType_t)(uintptr_t)arg);
    tt_park();
}

static void test_catch_up_across_the_wrap(void)
{
    static const TickType_t expected[] = {14, 14, 14, 16, 20};
    TimerHandle_t a;
    TaskHandle_t h;

    jump_to((TickType_t)(portMAX_DELAY - 9));
    tm_daemon_priority(QTEST_PRIORITY + 1);
    a = tm_timer("A", 4, pdTRUE, NULL, record_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    vTaskDelay(2);
    /* Offsets 2..14 belong to the hog: expiries at 4, 8 (before the wrap) and 12 are missed. */
    h = tt_spawn(hog, "hog", QTEST_PRIORITY + 2, (void *)(uintptr_t)12);
    vTaskDelay((TickType_t)(base + 21 - xTaskGetTickCount())); /* the hog may have run already */
    expect_offsets(expected, 5);
    vTaskDelete(h);
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
}

static void test_commands_sent_before_the_wrap_count_from_their_tick(void)
{
    static const TickType_t expected[] = {4, 12};
    TimerHandle_t a, b;

    jump_to((TickType_t)(portMAX_DELAY - 2)); /* the wrap is 3 ticks away */
    tm_daemon_priority(QTEST_PRIORITY - 1);
    a = tm_timer("A", 12, pdFALSE, NULL, record_cb);
    b = tm_timer("B", 3, pdFALSE, NULL, record_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerStart(b, 0), pdPASS);
    qtest_busy_ticks(4); /* the daemon sees the commands at tick 1, after the wrap */
    vTaskDelay(15);
    expect_offsets(expected, 2); /* B was due at offset 3: it fires when processed */
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
    tm_delete(b);
}

static void test_the_longest_period(void)
{
    static const TickType_t expected[] = {portMAX_DELAY};
    TimerHandle_t a;

    base = xTaskGetTickCount();
    calls = 0;
    a = tm_timer("L", portMAX_DELAY, pdFALSE, NULL, record_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    tm_sync();
    QT_ASSERT(xTimerGetExpiryTime(a) == (TickType_t)(base + portMAX_DELAY));
    if (sizeof(TickType_t) == 2) {
        vTaskDelay(portMAX_DELAY); /* 65535 ticks: only 16-bit ticks get there in time */
        expect_offsets(expected, 1);
    } else {
        vTaskDelay(100);
        QT_EQ(calls, 0);
    }
    tm_delete(a);
}

QTEST_MAIN(QTEST_CASE(test_one_shot_expiry_after_the_wrap),
           QTEST_CASE(test_auto_reload_keeps_its_phase_across_the_wrap),
           QTEST_CASE(test_catch_up_across_the_wrap),
           QTEST_CASE(test_commands_sent_before_the_wrap_count_from_their_tick),
           QTEST_CASE(test_the_longest_period))
