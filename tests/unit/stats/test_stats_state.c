/* SPDX-License-Identifier: MIT */
/*
 * uxTaskGetSystemState: one TaskStatus_t per task, in every state, with the
 * same contents vTaskGetInfo gives, in list order (ready tasks from the
 * highest priority down, then blocked ones, those with a timeout first, then
 * deleted and suspended ones); nothing
 * when the array is too small. Built with run-time statistics (the total and
 * the counters are the time run) and without (both 0).
 */
#include "stats_test_util.h"

#include <string.h>

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)
#define MAX_TASKS 10

static void delay_task(void *arg)
{
    (void)arg;
    vTaskDelay(100);
    tt_park();
}

static void wait_forever_task(void *arg)
{
    (void)arg;
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    tt_park();
}

static void delete_self_task(void *arg)
{
    (void)arg;
    vTaskDelete(NULL);
}

static const TaskStatus_t *find(const TaskStatus_t *st, UBaseType_t n, TaskHandle_t h)
{
    for (UBaseType_t i = 0; i < n; i++) {
        if (st[i].xHandle == h) {
            return &st[i];
        }
    }
    return NULL;
}

static void check_like_get_info(const TaskStatus_t *got, TaskHandle_t h, eTaskState state)
{
    TaskStatus_t want;

    QT_ASSERT(got != NULL);
    if (got == NULL) {
        return;
    }
    vTaskGetInfo(h, &want, pdTRUE, eInvalid);
    QT_EQ(got->eCurrentState, state);
    QT_EQ(strcmp(got->pcTaskName, want.pcTaskName), 0);
    QT_EQ(got->xTaskNumber, want.xTaskNumber);
    QT_EQ(got->uxCurrentPriority, want.uxCurrentPriority);
    QT_EQ(got->uxBasePriority, want.uxBasePriority);
    QT_PTR_EQ(got->pxStackBase, want.pxStackBase);
    QT_ASSERT(got->usStackHighWaterMark > 0);
    if (state != eRunning) {
        QT_EQ(got->ulRunTimeCounter, want.ulRunTimeCounter);
        QT_EQ(got->usStackHighWaterMark, want.usStackHighWaterMark);
    } else {
        /* The caller runs on between the two calls: a tick may fall in between. */
        QT_ASSERT(want.ulRunTimeCounter >= got->ulRunTimeCounter);
    }
}

static void test_uxTaskGetSystemState_reports_every_task_in_list_order(void)
{
    TaskStatus_t st[MAX_TASKS];
    configRUN_TIME_COUNTER_TYPE total = 12345, sum = 0;
    TaskHandle_t self = xTaskGetCurrentTaskHandle(), idle = xTaskGetIdleTaskHandle();
    TaskHandle_t r, d, s, w, x;
    UBaseType_t n;

    vTaskDelay(3); /* some time for the idle task */
    r = tt_spawn(tt_park_task, "ready", LO, NULL);
    d = tt_spawn(delay_task, "delayed", HI, NULL);
    s = tt_spawn(tt_park_task, "suspended", HI, NULL);
    w = tt_spawn(wait_forever_task, "waiting", HI, NULL);
    x = tt_spawn(delete_self_task, "deleted", HI, NULL); /* the idle task has not freed it */
    n = uxTaskGetSystemState(st, MAX_TASKS, &total);
    QT_EQ(n, 7);
    QT_EQ(n, uxTaskGetNumberOfTasks());
    const TaskHandle_t order[] = {self, r, idle, d, w, x, s};
    for (UBaseType_t i = 0; i < n && i < 7; i++) {
        QT_PTR_EQ(st[i].xHandle, order[i]);
        sum += st[i].ulRunTimeCounter;
    }
    check_like_get_info(find(st, n, self), self, eRunning);
    check_like_get_info(find(st, n, r), r, eReady);
    check_like_get_info(find(st, n, idle), idle, eReady);
    check_like_get_info(find(st, n, d), d, eBlocked);
    check_like_get_info(find(st, n, s), s, eSuspended);
    check_like_get_info(find(st, n, w), w, eBlocked); /* endless wait: blocked, not suspended */
    QT_EQ(find(st, n, x)->eCurrentState, eDeleted);
    if (configGENERATE_RUN_TIME_STATS) {
        QT_EQ(total, 3 * STATS_PER_TICK);
        QT_EQ(find(st, n, idle)->ulRunTimeCounter, 3 * STATS_PER_TICK);
        QT_EQ(sum, total);
    } else {
        QT_EQ(total, 0);
        QT_EQ(sum, 0);
    }
    vTaskDelete(r);
    vTaskDelete(d);
    vTaskDelete(s);
    vTaskDelete(w);
}

static void test_uxTaskGetSystemState_array_too_small_fills_nothing(void)
{
    TaskStatus_t st[2];
    configRUN_TIME_COUNTER_TYPE total = 12345;
    TaskHandle_t r = tt_spawn(tt_park_task, "ready", LO, NULL);

    memset(st, 0, sizeof(st));
    QT_EQ(uxTaskGetNumberOfTasks(), 3);
    QT_EQ(uxTaskGetSystemState(st, 2, &total), 0);
    QT_EQ(total, 12345);
    QT_PTR_EQ(st[0].xHandle, NULL);
    QT_EQ(uxTaskGetSystemState(NULL, 0, NULL), 0);
    vTaskDelete(r);
    QT_EQ(uxTaskGetSystemState(st, 2, NULL), 2); /* the total is optional */
    QT_PTR_EQ(st[0].xHandle, xTaskGetCurrentTaskHandle());
}

/* ---- Misuse (configASSERT) ---- */

static void state_into_null(void *arg)
{
    (void)arg;
    (void)uxTaskGetSystemState(NULL, MAX_TASKS, NULL);
}

static void test_uxTaskGetSystemState_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(state_into_null, NULL);
}

QTEST_MAIN(QTEST_CASE(test_uxTaskGetSystemState_reports_every_task_in_list_order),
           QTEST_CASE(test_uxTaskGetSystemState_array_too_small_fills_nothing),
           QTEST_CASE(test_uxTaskGetSystemState_misuse_asserts))
