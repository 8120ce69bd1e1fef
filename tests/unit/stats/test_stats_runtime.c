/* SPDX-License-Identifier: MIT */
/*
 * Run-time statistics: portCONFIGURE_TIMER_FOR_RUN_TIME_STATS at scheduler
 * start, each task charged exactly the counter time it ran (switches at tick
 * boundaries, time slicing, the running task's current slice), counters that
 * sum to the total, the idle task's counter, and percentages.
 */
#include "stats_test_util.h"

#define HI (QTEST_PRIORITY + 1)

/* Must stay the first case: the scheduler has been started exactly once. */
static void test_portCONFIGURE_TIMER_FOR_RUN_TIME_STATS_called_at_start(void)
{
    QT_EQ(stats_test_timer_configured, 1);
}

static void test_counters_start_at_zero_with_the_scheduler(void)
{
    QT_EQ(stats_test_timer_configured, 2); /* once more for this case's scheduler */
    QT_EQ(ulTaskGetRunTimeCounter(NULL), 0);
    QT_EQ(ulTaskGetIdleRunTimeCounter(), 0);
    QT_EQ(ulTaskGetRunTimePercent(NULL), 0); /* no time yet: 0, not a division by zero */
    QT_EQ(ulTaskGetIdleRunTimePercent(), 0);
}

static void test_each_task_is_charged_the_time_it_ran(void)
{
    TaskHandle_t a = stats_scenario();
    TaskStatus_t st;

    QT_EQ(ulTaskGetRunTimeCounter(a), 30 * STATS_PER_TICK);
    QT_EQ(ulTaskGetRunTimeCounter(NULL), 10 * STATS_PER_TICK);
    QT_EQ(ulTaskGetRunTimeCounter(xTaskGetCurrentTaskHandle()), 10 * STATS_PER_TICK);
    QT_EQ(ulTaskGetIdleRunTimeCounter(), 15 * STATS_PER_TICK);
    vTaskGetInfo(a, &st, pdFALSE, eInvalid);
    QT_EQ(st.ulRunTimeCounter, 30 * STATS_PER_TICK);
    vTaskDelete(a);
}

static void test_running_task_counter_includes_its_current_slice(void)
{
    TaskHandle_t a = stats_scenario();

    qtest_busy_ticks(5); /* no switch: the time is still counted */
    QT_EQ(ulTaskGetRunTimeCounter(NULL), 15 * STATS_PER_TICK);
    QT_EQ(ulTaskGetIdleRunTimeCounter(), 15 * STATS_PER_TICK);
    vTaskDelete(a);
}

static void test_counters_sum_to_the_total(void)
{
    TaskHandle_t a = stats_scenario();
    TaskStatus_t st[4];
    configRUN_TIME_COUNTER_TYPE total = 0, sum = 0;
    UBaseType_t n = uxTaskGetSystemState(st, 4, &total);

    QT_EQ(n, 3);
    for (UBaseType_t i = 0; i < n; i++) {
        sum += st[i].ulRunTimeCounter;
    }
    QT_EQ(total, 55 * STATS_PER_TICK);
    QT_EQ(sum, total);
    vTaskDelete(a);
}

static void test_percentages_round_down(void)
{
    TaskHandle_t a = stats_scenario();

    /* 300, 100 and 150 of 550. */
    QT_EQ(ulTaskGetRunTimePercent(a), 54);
    QT_EQ(ulTaskGetRunTimePercent(NULL), 18);
    QT_EQ(ulTaskGetIdleRunTimePercent(), 27);
    vTaskDelete(a);
}

static void busy_20_then_park(void *arg)
{
    (void)arg;
    qtest_busy_ticks(20);
    tt_park();
}

static void test_equal_priority_tasks_are_charged_their_slices(void)
{
    TaskHandle_t b, c;

    vTaskSuspendAll();
    b = tt_spawn(busy_20_then_park, "B", HI, NULL);
    c = tt_spawn(busy_20_then_park, "C", HI, NULL);
    (void)xTaskResumeAll(); /* B and C now take turns, one tick each */
    QT_EQ(xTaskGetTickCount(), 40);
    QT_EQ(ulTaskGetRunTimeCounter(b), 20 * STATS_PER_TICK);
    QT_EQ(ulTaskGetRunTimeCounter(c), 20 * STATS_PER_TICK);
    QT_EQ(ulTaskGetRunTimePercent(b), 50);
    QT_EQ(ulTaskGetRunTimeCounter(NULL), 0);
    vTaskDelete(b);
    vTaskDelete(c);
}

QTEST_MAIN(QTEST_CASE(test_portCONFIGURE_TIMER_FOR_RUN_TIME_STATS_called_at_start),
           QTEST_CASE(test_counters_start_at_zero_with_the_scheduler),
           QTEST_CASE(test_each_task_is_charged_the_time_it_ran),
           QTEST_CASE(test_running_task_counter_includes_its_current_slice),
           QTEST_CASE(test_counters_sum_to_the_total), QTEST_CASE(test_percentages_round_down),
           QTEST_CASE(test_equal_priority_tasks_are_charged_their_slices))
