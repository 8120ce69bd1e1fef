/* SPDX-License-Identifier: MIT */
/*
 * test_task_tickwrap.c: time across the tick-count wrap and at every tick
 * width. Delays, periodic delays and timeouts that straddle the wrap must end
 * on exactly the right tick, and tasks must wake in wake-time order across it.
 *
 * Built in tick16 (where the wrap is reached by real delays in big steps),
 * default (32 bits) and tick64. To get near the wrap quickly a case steps the
 * tick count with the scheduler suspended, as tickless idle does
 * (vTaskStepTick); only with nothing delayed, so no wake time is skipped.
 */
#include "task_test_util.h"

#define WIDTH_BITS (sizeof(TickType_t) * 8u)

/* Move the tick count to `when` (ahead of now) without running anything. */
static void jump_to(TickType_t when)
{
    vTaskSuspendAll();
    vTaskStepTick((TickType_t)(when - xTaskGetTickCount()));
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), when);
}

static void delay_worker(void *arg)
{
    vTaskDelay(*(const TickType_t *)arg);
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void test_tick_type_width_matches_config(void)
{
    if (configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS) {
        QT_EQ(WIDTH_BITS, 16);
    } else if (configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_32_BITS) {
        QT_EQ(WIDTH_BITS, 32);
    } else {
        QT_EQ(WIDTH_BITS, 64);
    }
    QT_ASSERT(portMAX_DELAY == (TickType_t) ~(TickType_t)0);
    QT_ASSERT((TickType_t)(portMAX_DELAY + 1) == 0);
}

static void test_vTaskDelay_across_wrap(void)
{
    jump_to((TickType_t)(portMAX_DELAY - 9)); /* 10 ticks before the wrap */
    vTaskDelay(25);
    QT_EQ(xTaskGetTickCount(), 15);
}

static void test_vTaskDelay_wakes_exactly_on_zero(void)
{
    jump_to((TickType_t)(portMAX_DELAY - 4));
    vTaskDelay(5);
    QT_EQ(xTaskGetTickCount(), 0);
    vTaskDelay(1);
    QT_EQ(xTaskGetTickCount(), 1);
}

static void test_vTaskDelay_wake_order_across_wrap(void)
{
    static const TickType_t a = 12, b = 3, c = 6, d = 20;

    tt_trace_reset();
    jump_to((TickType_t)(portMAX_DELAY - 5)); /* the wrap is 6 ticks away */
    (void)tt_spawn(delay_worker, "A", QTEST_PRIORITY + 1, (void *)&a);
    (void)tt_spawn(delay_worker, "B", QTEST_PRIORITY + 1, (void *)&b);
    (void)tt_spawn(delay_worker, "C", QTEST_PRIORITY + 1, (void *)&c);
    (void)tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&d);
    taskYIELD();
    vTaskDelay(30);
    if (WIDTH_BITS == 16) {
        TT_EXPECT_TRACE("B65533 C0 A6 D14");
    } else if (WIDTH_BITS == 32) {
        TT_EXPECT_TRACE("B4294967293 C0 A6 D14");
    } else {
        TT_EXPECT_TRACE("B18446744073709551613 C0 A6 D14");
    }
    QT_EQ(xTaskGetTickCount(), 24);
}

static void test_vTaskStepTick_onto_last_tick_before_wrap(void)
{
    jump_to(portMAX_DELAY); /* nothing delayed: the step may reach the last tick exactly */
    vTaskDelay(1);
    QT_EQ(xTaskGetTickCount(), 0);
}

static void test_xTaskDelayUntil_across_wrap(void)
{
    TickType_t last;

    jump_to((TickType_t)(portMAX_DELAY - 2));
    last = xTaskGetTickCount();
    for (TickType_t i = 1; i <= 3; i++) {
        QT_EQ(xTaskDelayUntil(&last, 2), pdTRUE);
        QT_EQ(last, (TickType_t)(portMAX_DELAY - 2 + 2 * i));
        QT_EQ(xTaskGetTickCount(), last);
    }
    QT_EQ(last, 3);
}

static void test_xTaskDelayUntil_missed_across_wrap_returns_false(void)
{
    TickType_t last;

    jump_to((TickType_t)(portMAX_DELAY - 2));
    last = xTaskGetTickCount();
    qtest_busy_ticks(8); /* now 5, past the wake time 2 */
    QT_EQ(xTaskDelayUntil(&last, 5), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 5);
    QT_EQ(last, 2);
}

static void test_xTaskCheckForTimeOut_across_wrap(void)
{
    TimeOut_t timeout;
    TickType_t left = 20;

    jump_to((TickType_t)(portMAX_DELAY - 4));
    vTaskSetTimeOutState(&timeout);
    qtest_busy_ticks(10);
    QT_EQ(xTaskGetTickCount(), 5);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdFALSE);
    QT_EQ(left, 10);
    qtest_busy_ticks(10);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdTRUE);
    QT_EQ(left, 0);
}

#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS

/* 16 bits: reach and cross the wrap with real delays, as an application would. */
static void test_vTaskDelay_big_steps_across_wrap(void)
{
    vTaskDelay(30000);
    QT_EQ(xTaskGetTickCount(), 30000);
    vTaskDelay(30000);
    QT_EQ(xTaskGetTickCount(), 60000);
    vTaskDelay(10000);
    QT_EQ(xTaskGetTickCount(), 70000 - 65536);
}

static void test_vTaskDelay_longest_finite_delay(void)
{
    qtest_busy_ticks(100);
    vTaskDelay(portMAX_DELAY - 1);
    QT_EQ(xTaskGetTickCount(), (TickType_t)(100 + portMAX_DELAY - 1));
}

static void test_xTaskCheckForTimeOut_whole_period_elapsed(void)
{
    TimeOut_t timeout;
    TickType_t left = portMAX_DELAY - 1;

    qtest_busy_ticks(100);
    vTaskSetTimeOutState(&timeout);
    vTaskDelay(30000);
    vTaskDelay(30000);
    vTaskDelay(5536); /* the count is back at 100, one wrap later */
    QT_EQ(xTaskGetTickCount(), 100);
    QT_EQ(xTaskCheckForTimeOut(&timeout, &left), pdTRUE);
    QT_EQ(left, 0);
}

#endif /* TICK_TYPE_WIDTH_16_BITS */

#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_64_BITS

/* 64 bits: tick counts beyond 32 bits behave like small ones. */
static void test_vTaskDelay_beyond_32_bits(void)
{
    const TickType_t base = (TickType_t)0xfffffff0u;

    jump_to(base);
    vTaskDelay(0x20);
    QT_ASSERT(xTaskGetTickCount() == base + 0x20);
    QT_ASSERT(xTaskGetTickCount() > (TickType_t)UINT32_MAX);
}

static void test_xTaskDelayUntil_beyond_32_bits(void)
{
    TickType_t last;

    jump_to((TickType_t)0x1fffffff0ull);
    last = xTaskGetTickCount();
    QT_EQ(xTaskDelayUntil(&last, 0x30), pdTRUE);
    QT_ASSERT(last == (TickType_t)0x200000020ull);
    QT_ASSERT(xTaskGetTickCount() == last);
}

#endif /* TICK_TYPE_WIDTH_64_BITS */

/* ---- Bad input ---- */

static void step_across_wrap(void *arg)
{
    (void)arg;
    jump_to((TickType_t)(portMAX_DELAY - 5));
    vTaskSuspendAll();
    vTaskStepTick(7); /* nothing is delayed, but a step may not skip the wrap */
}

static void test_vTaskStepTick_across_wrap_asserts(void)
{
    QT_EXPECT_ASSERT(step_across_wrap, NULL);
}

static const struct qtest_case cases[] = {
    QTEST_CASE(test_tick_type_width_matches_config),
    QTEST_CASE(test_vTaskDelay_across_wrap),
    QTEST_CASE(test_vTaskDelay_wakes_exactly_on_zero),
    QTEST_CASE(test_vTaskDelay_wake_order_across_wrap),
    QTEST_CASE(test_vTaskStepTick_onto_last_tick_before_wrap),
    QTEST_CASE(test_xTaskDelayUntil_across_wrap),
    QTEST_CASE(test_xTaskDelayUntil_missed_across_wrap_returns_false),
    QTEST_CASE(test_xTaskCheckForTimeOut_across_wrap),
#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS
    QTEST_CASE(test_vTaskDelay_big_steps_across_wrap),
    QTEST_CASE(test_vTaskDelay_longest_finite_delay),
    QTEST_CASE(test_xTaskCheckForTimeOut_whole_period_elapsed),
#endif
#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_64_BITS
    QTEST_CASE(test_vTaskDelay_beyond_32_bits),
    QTEST_CASE(test_xTaskDelayUntil_beyond_32_bits),
#endif
    QTEST_CASE(test_vTaskStepTick_across_wrap_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
