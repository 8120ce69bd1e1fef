/* SPDX-License-Identifier: MIT */
/*
 * test_task_info.c: what can be read about a task: eTaskGetState in every
 * state, vTaskGetInfo, pcTaskGetName, xTaskGetHandle, the current and idle
 * task handles, application task tags, thread-local storage pointers and
 * trace task numbers.
 *
 * Built in default and static_only.
 */
#include "task_test_util.h"

#include <string.h>

static void park_task(void *arg)
{
    (void)arg;
    tt_park();
}

static void delay_task(void *arg)
{
    vTaskDelay(*(const TickType_t *)arg);
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

static TaskHandle_t volatile seen_self;

static void record_self_task(void *arg)
{
    (void)arg;
    seen_self = xTaskGetCurrentTaskHandle();
    tt_park();
}

/* ---- eTaskGetState ---- */

static void test_eTaskGetState_running(void)
{
    QT_EQ(eTaskGetState(xTaskGetCurrentTaskHandle()), eRunning);
}

static void test_eTaskGetState_ready(void)
{
    TaskHandle_t t = tt_spawn(park_task, "R", QTEST_PRIORITY - 1, NULL);

    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(eTaskGetState(xTaskGetIdleTaskHandle()), eReady);
}

static void test_eTaskGetState_blocked_on_delay(void)
{
    static const TickType_t ticks = 10;
    TaskHandle_t t = tt_spawn(delay_task, "D", QTEST_PRIORITY + 1, (void *)&ticks);

    taskYIELD();
    QT_EQ(eTaskGetState(t), eBlocked);
}

static void test_eTaskGetState_blocked_on_endless_wait(void)
{
    TaskHandle_t t = tt_spawn(wait_forever_task, "W", QTEST_PRIORITY + 1, NULL);

    taskYIELD();
    QT_EQ(eTaskGetState(t), eBlocked); /* not eSuspended, though it waits without timeout */
    (void)xTaskNotifyGive(t);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eSuspended); /* it parked itself */
}

static void test_eTaskGetState_suspended(void)
{
    TaskHandle_t t = tt_spawn(park_task, "S", QTEST_PRIORITY + 1, NULL);

    taskYIELD();
    QT_EQ(eTaskGetState(t), eSuspended);
}

static void test_eTaskGetState_deleted(void)
{
    TaskHandle_t t = tt_spawn(delete_self_task, "X", QTEST_PRIORITY + 1, NULL);

    taskYIELD();
    /* Deleted itself; the idle task has not freed it yet, so the handle is still readable. */
    QT_EQ(eTaskGetState(t), eDeleted);
}

/* ---- vTaskGetInfo ---- */

static void test_vTaskGetInfo_fields(void)
{
    TaskStatus_t a, b;
    TaskHandle_t t = tt_spawn(park_task, "info", 2, NULL);
    TaskHandle_t u = tt_spawn(park_task, "info2", 3, NULL);

    memset(&a, 0, sizeof(a));
    vTaskGetInfo(t, &a, pdTRUE, eInvalid);
    QT_PTR_EQ(a.xHandle, t);
    QT_ASSERT(strcmp(a.pcTaskName, "info") == 0);
    QT_EQ(a.uxCurrentPriority, 2);
    QT_EQ(a.uxBasePriority, 2);
    QT_EQ(a.eCurrentState, eReady);
    QT_ASSERT(a.pxStackBase != NULL);
    QT_ASSERT(a.pxEndOfStack > a.pxStackBase);
    QT_ASSERT(a.pxEndOfStack <= a.pxStackBase + TT_STACK - 1);
    /* Never run: most of the stack is untouched. */
    QT_ASSERT(a.usStackHighWaterMark > TT_STACK / 2);
    QT_ASSERT(a.usStackHighWaterMark < TT_STACK);
    vTaskGetInfo(u, &b, pdTRUE, eInvalid);
    QT_ASSERT(b.xTaskNumber != a.xTaskNumber);
}

static void test_vTaskGetInfo_self_is_running(void)
{
    TaskStatus_t s;

    vTaskGetInfo(NULL, &s, pdFALSE, eInvalid);
    QT_PTR_EQ(s.xHandle, xTaskGetCurrentTaskHandle());
    QT_ASSERT(strcmp(s.pcTaskName, "qtest") == 0);
    QT_EQ(s.eCurrentState, eRunning);
    QT_EQ(s.uxCurrentPriority, QTEST_PRIORITY);
    QT_EQ(s.usStackHighWaterMark, 0); /* not asked for */
    vTaskGetInfo(NULL, &s, pdFALSE, eReady);
    QT_EQ(s.eCurrentState, eRunning); /* the running task is reported running regardless */
}

static void test_vTaskGetInfo_takes_given_state(void)
{
    TaskStatus_t s;
    TaskHandle_t t = tt_spawn(park_task, "R", 1, NULL);

    vTaskGetInfo(t, &s, pdFALSE, eReady);
    QT_EQ(s.eCurrentState, eReady);
}

static void test_vTaskGetInfo_blocked_task(void)
{
    static const TickType_t ticks = 10;
    TaskStatus_t s;
    TaskHandle_t t = tt_spawn(delay_task, "D", QTEST_PRIORITY + 1, (void *)&ticks);

    taskYIELD();
    vTaskGetInfo(t, &s, pdTRUE, eInvalid);
    QT_EQ(s.eCurrentState, eBlocked);
    QT_EQ(s.uxCurrentPriority, QTEST_PRIORITY + 1);
}

/* ---- Names and handles ---- */

static void test_pcTaskGetName_self_and_other(void)
{
    TaskHandle_t t = tt_spawn(park_task, "other", 1, NULL);

    QT_ASSERT(strcmp(pcTaskGetName(NULL), "qtest") == 0);
    QT_ASSERT(strcmp(pcTaskGetName(t), "other") == 0);
    QT_ASSERT(strcmp(pcTaskGetName(xTaskGetIdleTaskHandle()), configIDLE_TASK_NAME) == 0);
}

static void test_xTaskGetHandle_finds_tasks_in_every_state(void)
{
    static const TickType_t ticks = 10;
    TaskHandle_t ready = tt_spawn(park_task, "ready", 1, NULL);
    TaskHandle_t delayed = tt_spawn(delay_task, "delayed", QTEST_PRIORITY + 1, (void *)&ticks);
    TaskHandle_t parked = tt_spawn(park_task, "parked", QTEST_PRIORITY + 1, NULL);
    TaskHandle_t gone = tt_spawn(delete_self_task, "gone", QTEST_PRIORITY + 1, NULL);

    taskYIELD();
    QT_PTR_EQ(xTaskGetHandle("qtest"), xTaskGetCurrentTaskHandle());
    QT_PTR_EQ(xTaskGetHandle(configIDLE_TASK_NAME), xTaskGetIdleTaskHandle());
    QT_PTR_EQ(xTaskGetHandle("ready"), ready);
    QT_PTR_EQ(xTaskGetHandle("delayed"), delayed);
    QT_PTR_EQ(xTaskGetHandle("parked"), parked);
    QT_PTR_EQ(xTaskGetHandle("gone"), gone); /* until the idle task frees it */
    vTaskDelay(1);
    QT_PTR_EQ(xTaskGetHandle("gone"), NULL);
}

static void test_xTaskGetHandle_not_found(void)
{
    (void)tt_spawn(park_task, "present", 1, NULL);
    QT_PTR_EQ(xTaskGetHandle("absent"), NULL);
    QT_PTR_EQ(xTaskGetHandle("presen"), NULL);
    QT_PTR_EQ(xTaskGetHandle(""), NULL);
}

static void test_xTaskGetHandle_truncated_name(void)
{
    char name[configMAX_TASK_NAME_LEN];
    TaskHandle_t t = tt_spawn(park_task, "abcdefghijklmnopqrstuvwxyz", 1, NULL);

    memcpy(name, "abcdefghijklmnopqrstuvwxyz", sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    QT_PTR_EQ(xTaskGetHandle(name), t);
}

static void test_xTaskGetCurrentTaskHandle_in_each_task(void)
{
    TaskHandle_t t;

    seen_self = NULL;
    t = tt_spawn(record_self_task, "self", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_PTR_EQ(seen_self, t);
    QT_ASSERT(xTaskGetCurrentTaskHandle() != t);
    QT_ASSERT(strcmp(pcTaskGetName(xTaskGetCurrentTaskHandle()), "qtest") == 0);
}

static void test_xTaskGetIdleTaskHandle_is_idle(void)
{
    TaskHandle_t idle = xTaskGetIdleTaskHandle();

    QT_ASSERT(idle != NULL);
    QT_ASSERT(idle != xTaskGetCurrentTaskHandle());
    QT_EQ(uxTaskPriorityGet(idle), tskIDLE_PRIORITY);
    QT_EQ(eTaskGetState(idle), eReady);
}

/* ---- Application task tags ---- */

static void *volatile hook_param;
static volatile int hook_calls;

static BaseType_t tag_a(void *param)
{
    hook_param = param;
    hook_calls++;
    return 11;
}

static BaseType_t tag_b(void *param)
{
    (void)param;
    return 22;
}

static void test_vTaskSetApplicationTaskTag_self(void)
{
    static int cookie;

    QT_PTR_EQ(xTaskGetApplicationTaskTag(NULL), NULL);
    vTaskSetApplicationTaskTag(NULL, tag_a);
    QT_PTR_EQ(xTaskGetApplicationTaskTag(NULL), tag_a);
    QT_PTR_EQ(xTaskGetApplicationTaskTag(xTaskGetCurrentTaskHandle()), tag_a);
    hook_calls = 0;
    QT_EQ(xTaskCallApplicationTaskHook(NULL, &cookie), 11);
    QT_EQ(hook_calls, 1);
    QT_PTR_EQ(hook_param, &cookie);
    vTaskSetApplicationTaskTag(NULL, NULL);
}

static void test_vTaskSetApplicationTaskTag_other_task(void)
{
    TaskHandle_t t = tt_spawn(park_task, "tagged", 1, NULL);

    vTaskSetApplicationTaskTag(t, tag_b);
    QT_PTR_EQ(xTaskGetApplicationTaskTag(t), tag_b);
    QT_PTR_EQ(xTaskGetApplicationTaskTag(NULL), NULL); /* qtest's own tag is untouched */
    QT_EQ(xTaskCallApplicationTaskHook(t, NULL), 22);
}

static void test_xTaskCallApplicationTaskHook_without_tag_fails(void)
{
    TaskHandle_t t = tt_spawn(park_task, "untagged", 1, NULL);

    QT_EQ(xTaskCallApplicationTaskHook(t, NULL), pdFAIL);
    QT_EQ(xTaskCallApplicationTaskHook(NULL, NULL), pdFAIL);
}

static TaskHandle_t isr_task;
static TaskHookFunction_t volatile isr_tag;

static void tag_isr(void)
{
    isr_tag = xTaskGetApplicationTaskTagFromISR(isr_task);
}

static void test_xTaskGetApplicationTaskTagFromISR(void)
{
    isr_task = tt_spawn(park_task, "tagged", 1, NULL);
    vTaskSetApplicationTaskTag(isr_task, tag_a);
    tt_interrupt(tag_isr);
    QT_PTR_EQ(isr_tag, tag_a);
}

/* ---- Thread-local storage pointers ---- */

static void test_vTaskSetThreadLocalStoragePointer_per_task(void)
{
    static int x, y, z;
    TaskHandle_t t = tt_spawn(park_task, "tls", 1, NULL);

    for (BaseType_t i = 0; i < configNUM_THREAD_LOCAL_STORAGE_POINTERS; i++) {
        QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(NULL, i), NULL);
        QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(t, i), NULL);
    }
    vTaskSetThreadLocalStoragePointer(NULL, 0, &x);
    vTaskSetThreadLocalStoragePointer(NULL, 1, &y);
    vTaskSetThreadLocalStoragePointer(t, 0, &z);
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(NULL, 0), &x);
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(xTaskGetCurrentTaskHandle(), 1), &y);
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(t, 0), &z);
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(t, 1), NULL);
    vTaskSetThreadLocalStoragePointer(NULL, 0, NULL);
    vTaskSetThreadLocalStoragePointer(NULL, 1, NULL);
}

static void test_pvTaskGetThreadLocalStoragePointer_out_of_range_returns_null(void)
{
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(NULL, configNUM_THREAD_LOCAL_STORAGE_POINTERS),
              NULL);
    QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(NULL, -1), NULL);
}

/* ---- Trace task numbers ---- */

static void test_vTaskSetTaskNumber_round_trips(void)
{
    TaskHandle_t t = tt_spawn(park_task, "num", 1, NULL);

    QT_EQ(uxTaskGetTaskNumber(t), 0);
    vTaskSetTaskNumber(t, 77);
    QT_EQ(uxTaskGetTaskNumber(t), 77);
    QT_EQ(uxTaskGetTaskNumber(xTaskGetCurrentTaskHandle()), 0);
    QT_EQ(uxTaskGetTaskNumber(NULL), 0); /* NULL is no task here, not the caller */
    vTaskSetTaskNumber(NULL, 5);         /* ignored */
    QT_EQ(uxTaskGetTaskNumber(xTaskGetCurrentTaskHandle()), 0);
}

/* ---- Bad input ---- */

static void tls_set_out_of_range(void *arg)
{
    (void)arg;
    vTaskSetThreadLocalStoragePointer(NULL, configNUM_THREAD_LOCAL_STORAGE_POINTERS, NULL);
}

static void tls_set_negative(void *arg)
{
    (void)arg;
    vTaskSetThreadLocalStoragePointer(NULL, -1, NULL);
}

static void state_of_null(void *arg)
{
    (void)arg;
    (void)eTaskGetState(NULL);
}

static void handle_of_long_name(void *arg)
{
    (void)arg;
    (void)xTaskGetHandle("abcdefghijklmnopqrstuvwxyz");
}

static void info_without_status(void *arg)
{
    (void)arg;
    vTaskGetInfo(NULL, NULL, pdFALSE, eInvalid);
}

static void test_vTaskSetThreadLocalStoragePointer_index_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(tls_set_out_of_range, NULL);
    QT_EXPECT_ASSERT(tls_set_negative, NULL);
}

static void test_eTaskGetState_null_asserts(void)
{
    QT_EXPECT_ASSERT(state_of_null, NULL);
}

static void test_xTaskGetHandle_name_too_long_asserts(void)
{
    QT_EXPECT_ASSERT(handle_of_long_name, NULL);
}

static void test_vTaskGetInfo_null_status_asserts(void)
{
    QT_EXPECT_ASSERT(info_without_status, NULL);
}

QTEST_MAIN(QTEST_CASE(test_eTaskGetState_running), QTEST_CASE(test_eTaskGetState_ready),
           QTEST_CASE(test_eTaskGetState_blocked_on_delay),
           QTEST_CASE(test_eTaskGetState_blocked_on_endless_wait),
           QTEST_CASE(test_eTaskGetState_suspended), QTEST_CASE(test_eTaskGetState_deleted),
           QTEST_CASE(test_vTaskGetInfo_fields), QTEST_CASE(test_vTaskGetInfo_self_is_running),
           QTEST_CASE(test_vTaskGetInfo_takes_given_state),
           QTEST_CASE(test_vTaskGetInfo_blocked_task),
           QTEST_CASE(test_pcTaskGetName_self_and_other),
           QTEST_CASE(test_xTaskGetHandle_finds_tasks_in_every_state),
           QTEST_CASE(test_xTaskGetHandle_not_found),
           QTEST_CASE(test_xTaskGetHandle_truncated_name),
           QTEST_CASE(test_xTaskGetCurrentTaskHandle_in_each_task),
           QTEST_CASE(test_xTaskGetIdleTaskHandle_is_idle),
           QTEST_CASE(test_vTaskSetApplicationTaskTag_self),
           QTEST_CASE(test_vTaskSetApplicationTaskTag_other_task),
           QTEST_CASE(test_xTaskCallApplicationTaskHook_without_tag_fails),
           QTEST_CASE(test_xTaskGetApplicationTaskTagFromISR),
           QTEST_CASE(test_vTaskSetThreadLocalStoragePointer_per_task),
           QTEST_CASE(test_pvTaskGetThreadLocalStoragePointer_out_of_range_returns_null),
           QTEST_CASE(test_vTaskSetTaskNumber_round_trips),
           QTEST_CASE(test_vTaskSetThreadLocalStoragePointer_index_out_of_range_asserts),
           QTEST_CASE(test_eTaskGetState_null_asserts),
           QTEST_CASE(test_xTaskGetHandle_name_too_long_asserts),
           QTEST_CASE(test_vTaskGetInfo_null_status_asserts))
