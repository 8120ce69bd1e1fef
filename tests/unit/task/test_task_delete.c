/* SPDX-License-Identifier: MIT */
/*
 * test_task_delete.c: vTaskDelete of another task (ready, blocked on a delay
 * or without timeout, suspended: its memory goes back to the heap at once and
 * it never runs again) and of the caller itself (vTaskDelete(NULL): it stops at once and the
 * idle task frees it later).
 *
 * Built in default, static_only and coop; heap checks apply only where tasks
 * come from the heap.
 */
#include "task_test_util.h"

#define DYNAMIC (configSUPPORT_DYNAMIC_ALLOCATION != 0)

static volatile int before_delete, after_delete;

static size_t heap_free(void)
{
    return DYNAMIC ? xPortGetFreeHeapSize() : 0;
}

static void count_and_park(void *arg)
{
    (void)arg;
    before_delete++;
    tt_park();
}

static void delete_self(void *arg)
{
    (void)arg;
    before_delete++;
    vTaskDelete(NULL);
    after_delete++;
}

static void delete_self_by_handle(void *arg)
{
    (void)arg;
    before_delete++;
    vTaskDelete(xTaskGetCurrentTaskHandle());
    after_delete++;
}

static void delay_then_count(void *arg)
{
    before_delete++;
    vTaskDelay((TickType_t)(uintptr_t)arg);
    after_delete++;
    tt_park();
}

static void reset(void)
{
    before_delete = 0;
    after_delete = 0;
}

static void test_vTaskDelete_other_task_frees_memory_at_once(void)
{
    const size_t before = heap_free();
    const UBaseType_t tasks = uxTaskGetNumberOfTasks();
    TaskHandle_t t = tt_spawn(count_and_park, "victim", QTEST_PRIORITY - 1, NULL);

    QT_EQ(uxTaskGetNumberOfTasks(), tasks + 1);
    vTaskDelete(t);
    QT_EQ(uxTaskGetNumberOfTasks(), tasks);
    QT_EQ(heap_free(), before);
    QT_PTR_EQ(xTaskGetHandle("victim"), NULL);
}

static void test_vTaskDelete_ready_task_never_runs(void)
{
    TaskHandle_t t;

    reset();
    t = tt_spawn(count_and_park, "victim", QTEST_PRIORITY, NULL);
    vTaskDelete(t);
    taskYIELD();
    vTaskDelay(3);
    QT_EQ(before_delete, 0);
}

static void test_vTaskDelete_delayed_task(void)
{
    const size_t before = heap_free();
    TaskHandle_t t;

    reset();
    t = tt_spawn(delay_then_count, "sleeper", QTEST_PRIORITY + 1, (void *)(uintptr_t)10);
    taskYIELD();
    QT_EQ(before_delete, 1);
    QT_EQ(eTaskGetState(t), eBlocked);
    vTaskDelete(t);
    QT_EQ(heap_free(), before);
    vTaskDelay(20); /* well past its wake time */
    QT_EQ(after_delete, 0);
    QT_EQ(xTaskGetTickCount(), 20);
}

static void test_vTaskDelete_delayed_task_leaves_others_on_time(void)
{
    TaskHandle_t a;

    reset();
    a = tt_spawn(delay_then_count, "a", QTEST_PRIORITY + 1, (void *)(uintptr_t)5);
    (void)tt_spawn(delay_then_count, "b", QTEST_PRIORITY + 1, (void *)(uintptr_t)8);
    taskYIELD();
    vTaskDelete(a);
    vTaskDelay(7);
    QT_EQ(after_delete, 0);
    vTaskDelay(1); /* tick 8: b wakes */
    QT_EQ(after_delete, 1);
}

static void test_vTaskDelete_suspended_task(void)
{
    const size_t before = heap_free();
    TaskHandle_t t;

    reset();
    t = tt_spawn(count_and_park, "parked", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eSuspended);
    vTaskDelete(t);
    QT_EQ(heap_free(), before);
    QT_EQ(before_delete, 1);
}

static void wait_notified_then_count(void *arg)
{
    (void)arg;
    before_delete++;
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    after_delete++;
    tt_park();
}

/*
 * Tasks waiting without timeout are on no scheduler list (only the kernel's list of all tasks
 * finds them): deleting them, first, last or in between, takes each off that list, and the
 * others keep their states.
 */
static void test_vTaskDelete_tasks_waiting_forever(void)
{
    const size_t before = heap_free();
    const UBaseType_t tasks = uxTaskGetNumberOfTasks();
    TaskHandle_t w[3];

    reset();
    for (int i = 0; i < 3; i++) {
        w[i] = tt_spawn(wait_notified_then_count, "waiter", QTEST_PRIORITY + 1, NULL);
    }
    taskYIELD();
    QT_EQ(before_delete, 3);
    QT_EQ(uxTaskGetNumberOfTasks(), tasks + 3);
    vTaskDelete(w[1]); /* created in between */
    QT_EQ(eTaskGetState(w[0]), eBlocked);
    QT_EQ(eTaskGetState(w[2]), eBlocked);
    if (!DYNAMIC) {
        QT_EQ(eTaskGetState(w[1]), eDeleted); /* its memory is the application's: still readable */
    }
    vTaskDelete(w[2]); /* the newest */
    QT_EQ(eTaskGetState(w[0]), eBlocked);
    QT_EQ(uxTaskGetNumberOfTasks(), tasks + 1);
    (void)xTaskNotifyGive(w[0]); /* the one left still waits, and wakes */
    taskYIELD();                  /* without preemption too */
    QT_EQ(after_delete, 1);
    QT_EQ(eTaskGetState(w[0]), eSuspended); /* parked */
    vTaskDelete(w[0]);
    QT_EQ(uxTaskGetNumberOfTasks(), tasks);
    QT_EQ(heap_free(), before);
}

static void test_vTaskDelete_NULL_stops_caller(void)
{
    const size_t before = heap_free();
    TaskHandle_t t;

    reset();
    t = tt_spawn(delete_self, "self", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(before_delete, 1);
    QT_EQ(after_delete, 0);
    QT_EQ(eTaskGetState(t), eDeleted);
    QT_EQ(uxTaskGetNumberOfTasks(), 3);
    if (DYNAMIC) {
        QT_ASSERT(heap_free() < before); /* it cannot free the stack it ran on */
    }
    vTaskDelay(1); /* the idle task runs and frees it */
    QT_EQ(uxTaskGetNumberOfTasks(), 2);
    QT_EQ(heap_free(), before);
    QT_EQ(after_delete, 0);
}

static void test_vTaskDelete_own_handle_stops_caller(void)
{
    const size_t before = heap_free();

    reset();
    (void)tt_spawn(delete_self_by_handle, "self", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    vTaskDelay(1);
    QT_EQ(before_delete, 1);
    QT_EQ(after_delete, 0);
    QT_EQ(uxTaskGetNumberOfTasks(), 2);
    QT_EQ(heap_free(), before);
}

static void test_vTaskDelete_self_lower_priority_freed_by_idle(void)
{
    const size_t before = heap_free();

    reset();
    for (int i = 0; i < 3; i++) {
        (void)tt_spawn(delete_self, "self", QTEST_PRIORITY - 1, NULL);
    }
    vTaskDelay(2);
    QT_EQ(before_delete, 3);
    QT_EQ(after_delete, 0);
    QT_EQ(uxTaskGetNumberOfTasks(), 2);
    QT_EQ(heap_free(), before);
}

static void test_vTaskDelete_self_lets_next_task_run(void)
{
    tt_trace_reset();
    reset();
    (void)tt_spawn(delete_self, "self", QTEST_PRIORITY + 1, NULL);
    tt_mark('q');
    taskYIELD();
    tt_mark('q');
    QT_EQ(before_delete, 1);
    TT_EXPECT_TRACE("q q");
}

/* ---- Bad input ---- */

static void delete_self_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    vTaskDelete(NULL);
}

static void test_vTaskDelete_self_with_scheduler_suspended_asserts(void)
{
    QT_EXPECT_ASSERT(delete_self_while_suspended, NULL);
}

QTEST_MAIN(QTEST_CASE(test_vTaskDelete_other_task_frees_memory_at_once),
           QTEST_CASE(test_vTaskDelete_ready_task_never_runs),
           QTEST_CASE(test_vTaskDelete_delayed_task),
           QTEST_CASE(test_vTaskDelete_delayed_task_leaves_others_on_time),
           QTEST_CASE(test_vTaskDelete_suspended_task),
           QTEST_CASE(test_vTaskDelete_tasks_waiting_forever),
           QTEST_CASE(test_vTaskDelete_NULL_stops_caller),
           QTEST_CASE(test_vTaskDelete_own_handle_stops_caller),
           QTEST_CASE(test_vTaskDelete_self_lower_priority_freed_by_idle),
           QTEST_CASE(test_vTaskDelete_self_lets_next_task_run),
           QTEST_CASE(test_vTaskDelete_self_with_scheduler_suspended_asserts))
