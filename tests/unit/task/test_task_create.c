/* SPDX-License-Identifier: MIT */
/*
 * test_task_create.c: xTaskCreate, xTaskCreateStatic, xTaskGetStaticBuffers
 * and uxTaskGetNumberOfTasks: what a new task looks like, when it first runs
 * relative to its creator, names, memory exhaustion, and the task count
 * (which includes idle, and self-deleted tasks until idle frees them).
 *
 * Built in default, dynamic_only, static_only and coop; cases that need an
 * allocation kind the configuration lacks are left out.
 */
#include "task_test_util.h"

#include <string.h>

#define PREEMPT (configUSE_PREEMPTION != 0)

static volatile int ran;
static void *volatile got_param;

static void mark_and_park(void *arg)
{
    got_param = arg;
    ran++;
    tt_park();
}

static void delete_self(void *arg)
{
    (void)arg;
    ran++;
    vTaskDelete(NULL);
}

/*
 * A new task starts from nothing, whatever its memory held before: no notification value or
 * pending notification, no tag, no thread-local pointers, its own priority, and a stack that
 * is still nearly all fill (only the port's first frame used).
 */
static void check_fresh_task(TaskHandle_t t, UBaseType_t priority, configSTACK_DEPTH_TYPE depth)
{
#if configUSE_TASK_NOTIFICATIONS
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        QT_EQ(ulTaskNotifyValueClearIndexed(t, i, 0), 0);
        QT_EQ(xTaskNotifyStateClearIndexed(t, i), pdFALSE);
    }
#endif
#if configUSE_APPLICATION_TASK_TAG
    QT_PTR_EQ(xTaskGetApplicationTaskTag(t), NULL);
#endif
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0
    for (BaseType_t i = 0; i < configNUM_THREAD_LOCAL_STORAGE_POINTERS; i++) {
        QT_PTR_EQ(pvTaskGetThreadLocalStoragePointer(t, i), NULL);
    }
#endif
    QT_EQ(uxTaskPriorityGet(t), priority);
    QT_EQ(eTaskGetState(t), eReady);
    QT_ASSERT(uxTaskGetStackHighWaterMark2(t) > depth / 2);
}

/* ---- Both allocation kinds (through tt_spawn) ---- */

static void test_xTaskCreate_higher_priority_runs_before_return(void)
{
    ran = 0;
    (void)tt_spawn(mark_and_park, "high", QTEST_PRIORITY + 1, NULL);
    QT_EQ(ran, PREEMPT ? 1 : 0);
    taskYIELD();
    QT_EQ(ran, 1);
}

static void test_xTaskCreate_equal_priority_waits_for_yield(void)
{
    ran = 0;
    (void)tt_spawn(mark_and_park, "equal", QTEST_PRIORITY, NULL);
    QT_EQ(ran, 0);
    taskYIELD();
    QT_EQ(ran, 1);
}

static void test_xTaskCreate_lower_priority_waits_for_block(void)
{
    ran = 0;
    (void)tt_spawn(mark_and_park, "low", QTEST_PRIORITY - 1, NULL);
    taskYIELD();
    QT_EQ(ran, 0);
    vTaskDelay(1);
    QT_EQ(ran, 1);
}

static void test_xTaskCreate_new_task_is_ready(void)
{
    TaskHandle_t t = tt_spawn(mark_and_park, "fresh", QTEST_PRIORITY - 1, NULL);

    QT_ASSERT(t != NULL);
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(uxTaskPriorityGet(t), QTEST_PRIORITY - 1);
    QT_EQ(uxTaskBasePriorityGet(t), QTEST_PRIORITY - 1);
    QT_ASSERT(strcmp(pcTaskGetName(t), "fresh") == 0);
    QT_ASSERT(t != xTaskGetCurrentTaskHandle());
}

static void test_xTaskCreate_passes_parameter(void)
{
    static int cookie;

    got_param = NULL;
    (void)tt_spawn(mark_and_park, "param", QTEST_PRIORITY + 1, &cookie);
    taskYIELD();
    QT_PTR_EQ(got_param, &cookie);
}

static void test_xTaskCreate_truncates_long_name(void)
{
    TaskHandle_t t = tt_spawn(mark_and_park, "abcdefghijklmnopqrstuvwxyz", 1, NULL);

    QT_EQ(strlen(pcTaskGetName(t)), configMAX_TASK_NAME_LEN - 1);
    QT_ASSERT(
        strncmp(pcTaskGetName(t), "abcdefghijklmnopqrstuvwxyz", configMAX_TASK_NAME_LEN - 1) == 0);
}

static void test_xTaskCreate_keeps_name_of_maximum_length(void)
{
    char name[configMAX_TASK_NAME_LEN];
    TaskHandle_t t;

    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    t = tt_spawn(mark_and_park, name, 1, NULL);
    QT_ASSERT(strcmp(pcTaskGetName(t), name) == 0);
}

static void test_xTaskCreate_empty_and_null_names(void)
{
    TaskHandle_t e = tt_spawn(mark_and_park, "", 1, NULL);
    TaskHandle_t n = tt_spawn(mark_and_park, NULL, 1, NULL);

    QT_ASSERT(strcmp(pcTaskGetName(e), "") == 0);
    QT_ASSERT(strcmp(pcTaskGetName(n), "") == 0);
}

static void test_xTaskCreate_idle_priority_task(void)
{
    ran = 0;
    (void)tt_spawn(mark_and_park, "idleprio", tskIDLE_PRIORITY, NULL);
    vTaskDelay(2);
    QT_EQ(ran, 1);
}

static void test_uxTaskGetNumberOfTasks_counts_idle_and_created(void)
{
    TaskHandle_t a, b;

    QT_EQ(uxTaskGetNumberOfTasks(), 2); /* qtest and idle */
    a = tt_spawn(mark_and_park, "a", 1, NULL);
    QT_EQ(uxTaskGetNumberOfTasks(), 3);
    b = tt_spawn(mark_and_park, "b", QTEST_PRIORITY + 1, NULL);
    QT_EQ(uxTaskGetNumberOfTasks(), 4);
    taskYIELD(); /* b runs and suspends itself: still counted */
    QT_EQ(uxTaskGetNumberOfTasks(), 4);
    vTaskDelete(a);
    QT_EQ(uxTaskGetNumberOfTasks(), 3);
    vTaskDelete(b);
    QT_EQ(uxTaskGetNumberOfTasks(), 2);
}

static void test_uxTaskGetNumberOfTasks_counts_self_deleted_until_idle_runs(void)
{
    ran = 0;
    (void)tt_spawn(delete_self, "gone", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(ran, 1);
    QT_EQ(uxTaskGetNumberOfTasks(), 3); /* deleted, but idle has not freed it yet */
    vTaskDelay(1);
    QT_EQ(uxTaskGetNumberOfTasks(), 2);
}

/* ---- Dynamic allocation ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION

static void test_xTaskCreate_returns_pass_and_handle(void)
{
    TaskHandle_t t = NULL;

    QT_EQ(xTaskCreate(mark_and_park, "dyn", TT_STACK, NULL, 1, &t), pdPASS);
    QT_ASSERT(t != NULL);
    QT_PTR_EQ(xTaskGetHandle("dyn"), t);
}

static void test_xTaskCreate_without_handle_pointer(void)
{
    ran = 0;
    QT_EQ(xTaskCreate(mark_and_park, "nohandle", TT_STACK, NULL, QTEST_PRIORITY + 1, NULL), pdPASS);
    taskYIELD();
    QT_EQ(ran, 1);
    QT_ASSERT(xTaskGetHandle("nohandle") != NULL);
}

static void test_xTaskCreate_takes_memory_from_heap(void)
{
    size_t before = xPortGetFreeHeapSize();
    TaskHandle_t t = tt_spawn(mark_and_park, "heap", 1, NULL);

    QT_ASSERT(before - xPortGetFreeHeapSize() >= TT_STACK * sizeof(StackType_t));
    vTaskDelete(t);
    QT_EQ(xPortGetFreeHeapSize(), before);
}

static void test_xTaskCreate_out_of_memory_fails(void)
{
    const size_t before = xPortGetFreeHeapSize();
    const UBaseType_t tasks = uxTaskGetNumberOfTasks();
    TaskHandle_t t = NULL;
    BaseType_t r;

    r = xTaskCreate(mark_and_park, "huge", configTOTAL_HEAP_SIZE / sizeof(StackType_t), NULL, 1,
                    &t);
    QT_EQ(r, errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY);
    QT_PTR_EQ(t, NULL);
    QT_EQ(qtest_malloc_failures, 1);
    QT_EQ(xPortGetFreeHeapSize(), before);
    QT_EQ(uxTaskGetNumberOfTasks(), tasks);
    QT_PTR_EQ(xTaskGetHandle("huge"), NULL);
}

/*
 * Leave room for the stack but not for the TCB: creation must fail and give the stack back
 * (Quartz takes both as one block, which must then fail as a whole). The exact bookkeeping
 * overhead is the heap's business, so walk the room left over a range that spans "nothing
 * fits" to "both fit" and check every step.
 */
static void test_xTaskCreate_tcb_allocation_failure_frees_stack(void)
{
    const size_t stack_bytes = TT_STACK * sizeof(StackType_t);
    HeapStats_t stats;
    int failed = 0, passed = 0;

    vPortGetHeapStats(&stats);
    QT_ASSERT(stats.xAvailableHeapSpaceInBytes - stats.xSizeOfLargestFreeBlockInBytes <
              stack_bytes); /* nothing but the largest block can hold a stack */
    for (size_t room = stack_bytes - 64; room < stack_bytes + 1024; room += 16) {
        void *pad = pvPortMalloc(stats.xSizeOfLargestFreeBlockInBytes - room);
        size_t before = xPortGetFreeHeapSize();
        TaskHandle_t t = NULL;

        QT_ASSERT(pad != NULL);
        if (xTaskCreate(mark_and_park, "tight", TT_STACK, NULL, 1, &t) == pdPASS) {
            passed++;
            vTaskDelete(t);
        } else {
            QT_ASSERT(passed == 0); /* more room never makes it fail again */
            failed++;
        }
        QT_EQ(xPortGetFreeHeapSize(), before);
        vPortFree(pad);
    }
    QT_ASSERT(failed > 0);
    QT_ASSERT(passed > 0);
}

/*
 * Scribble over (nearly) every free byte of the heap, then create a task: it must not inherit
 * anything from what its memory held.
 */
static void test_xTaskCreate_in_scribbled_memory_starts_clean(void)
{
    void *blocks[32];
    unsigned n = 0;
    HeapStats_t stats;
    TaskHandle_t t;

    for (vPortGetHeapStats(&stats); n < 32 && stats.xSizeOfLargestFreeBlockInBytes > 128;
         vPortGetHeapStats(&stats)) {
        size_t size = stats.xSizeOfLargestFreeBlockInBytes - 64;

        blocks[n] = pvPortMalloc(size);
        QT_ASSERT(blocks[n] != NULL);
        memset(blocks[n++], 0x5a, size);
    }
    while (n > 0) {
        vPortFree(blocks[--n]);
    }
    t = tt_spawn(mark_and_park, "clean", QTEST_PRIORITY - 1, NULL);
    check_fresh_task(t, QTEST_PRIORITY - 1, TT_STACK);
    vTaskDelete(t);
}

#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

/* ---- Static allocation ---- */
#if configSUPPORT_STATIC_ALLOCATION

/* The static task only marks and parks, so a board may give it a small stack (qtest.h). */
#define STATIC_STACK QTEST_QUIET_STACK

static StaticTask_t static_tcb;
static StackType_t static_stack[STATIC_STACK];

static void test_xTaskCreateStatic_uses_given_buffers(void)
{
    TaskHandle_t t;
    TaskStatus_t info;

    t = xTaskCreateStatic(mark_and_park, "static", STATIC_STACK, NULL, 1, static_stack,
                          &static_tcb);
    QT_PTR_EQ(t, &static_tcb);
    vTaskGetInfo(t, &info, pdFALSE, eInvalid);
    QT_PTR_EQ(info.pxStackBase, static_stack);
    QT_EQ(eTaskGetState(t), eReady);
    QT_ASSERT(strcmp(pcTaskGetName(t), "static") == 0);
}

static void test_xTaskCreateStatic_takes_no_heap(void)
{
    size_t before = configSUPPORT_DYNAMIC_ALLOCATION ? xPortGetFreeHeapSize() : 0;

    (void)xTaskCreateStatic(mark_and_park, "static", STATIC_STACK, NULL, 1, static_stack,
                            &static_tcb);
    if (configSUPPORT_DYNAMIC_ALLOCATION) {
        QT_EQ(xPortGetFreeHeapSize(), before);
    }
}

static void test_xTaskCreateStatic_higher_priority_runs_before_return(void)
{
    static int cookie;

    ran = 0;
    got_param = NULL;
    (void)xTaskCreateStatic(mark_and_park, "static", STATIC_STACK, &cookie, QTEST_PRIORITY + 1,
                            static_stack, &static_tcb);
    QT_EQ(ran, PREEMPT ? 1 : 0);
    taskYIELD();
    QT_EQ(ran, 1);
    QT_PTR_EQ(got_param, &cookie);
}

static void test_xTaskCreateStatic_buffers_reusable_after_delete(void)
{
    TaskHandle_t t;

    for (int i = 0; i < 3; i++) {
        ran = 0;
        t = xTaskCreateStatic(mark_and_park, "again", STATIC_STACK, NULL, QTEST_PRIORITY + 1,
                              static_stack, &static_tcb);
        taskYIELD();
        QT_EQ(ran, 1);
        vTaskDelete(t);
        QT_EQ(eTaskGetState(t), eDeleted);
    }
}

static void test_xTaskCreateStatic_in_scribbled_buffers_starts_clean(void)
{
    TaskHandle_t t;

    memset(&static_tcb, 0x5a, sizeof(static_tcb));
    memset(static_stack, 0x5a, sizeof(static_stack));
    t = xTaskCreateStatic(mark_and_park, "clean", STATIC_STACK, NULL, QTEST_PRIORITY - 1,
                          static_stack, &static_tcb);
    check_fresh_task(t, QTEST_PRIORITY - 1, STATIC_STACK);
    vTaskDelete(t);
}

static void test_xTaskGetStaticBuffers_static_task(void)
{
    StackType_t *stack = NULL;
    StaticTask_t *tcb = NULL;
    TaskHandle_t t;

    t = xTaskCreateStatic(mark_and_park, "static", STATIC_STACK, NULL, 1, static_stack,
                          &static_tcb);
    QT_EQ(xTaskGetStaticBuffers(t, &stack, &tcb), pdTRUE);
    QT_PTR_EQ(stack, static_stack);
    QT_PTR_EQ(tcb, &static_tcb);
}

static void test_xTaskGetStaticBuffers_idle_task_is_static(void)
{
    StackType_t *stack = NULL;
    StaticTask_t *tcb = NULL;

    QT_EQ(xTaskGetStaticBuffers(xTaskGetIdleTaskHandle(), &stack, &tcb), pdTRUE);
    QT_PTR_EQ(tcb, xTaskGetIdleTaskHandle());
    QT_ASSERT(stack != NULL);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_xTaskGetStaticBuffers_dynamic_task_returns_false(void)
{
    StackType_t *stack = NULL;
    StaticTask_t *tcb = NULL;
    TaskHandle_t t = tt_spawn(mark_and_park, "dyn", 1, NULL);

    QT_EQ(xTaskGetStaticBuffers(t, &stack, &tcb), pdFALSE);
    QT_EQ(xTaskGetStaticBuffers(NULL, &stack, &tcb), pdFALSE); /* qtest is dynamic */
}
#endif

#endif /* configSUPPORT_STATIC_ALLOCATION */

/* ---- Bad input ---- */

#if configSUPPORT_DYNAMIC_ALLOCATION
static void create_priority_too_high(void *arg)
{
    (void)arg;
    (void)xTaskCreate(mark_and_park, "bad", TT_STACK, NULL, configMAX_PRIORITIES, NULL);
}

static void create_without_code(void *arg)
{
    (void)arg;
    (void)xTaskCreate(NULL, "bad", TT_STACK, NULL, 1, NULL);
}

static void create_empty_stack(void *arg)
{
    (void)arg;
    (void)xTaskCreate(mark_and_park, "bad", 0, NULL, 1, NULL);
}

static void test_xTaskCreate_priority_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(create_priority_too_high, NULL);
}

static void test_xTaskCreate_null_function_asserts(void)
{
    QT_EXPECT_ASSERT(create_without_code, NULL);
}

static void test_xTaskCreate_zero_stack_asserts(void)
{
    QT_EXPECT_ASSERT(create_empty_stack, NULL);
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
static void create_static_priority_too_high(void *arg)
{
    (void)arg;
    (void)xTaskCreateStatic(mark_and_park, "bad", STATIC_STACK, NULL, configMAX_PRIORITIES,
                            static_stack, &static_tcb);
}

static void create_static_without_stack(void *arg)
{
    (void)arg;
    (void)xTaskCreateStatic(mark_and_park, "bad", STATIC_STACK, NULL, 1, NULL, &static_tcb);
}

static void create_static_without_tcb(void *arg)
{
    (void)arg;
    (void)xTaskCreateStatic(mark_and_park, "bad", STATIC_STACK, NULL, 1, static_stack, NULL);
}

static void test_xTaskCreateStatic_priority_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(create_static_priority_too_high, NULL);
}

static void test_xTaskCreateStatic_null_stack_asserts(void)
{
    QT_EXPECT_ASSERT(create_static_without_stack, NULL);
}

static void test_xTaskCreateStatic_null_tcb_asserts(void)
{
    QT_EXPECT_ASSERT(create_static_without_tcb, NULL);
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

/* Spelled out rather than QTEST_MAIN: the list holds #if lines, which macro arguments may not. */
static const struct qtest_case cases[] = {
    QTEST_CASE(test_xTaskCreate_higher_priority_runs_before_return),
    QTEST_CASE(test_xTaskCreate_equal_priority_waits_for_yield),
    QTEST_CASE(test_xTaskCreate_lower_priority_waits_for_block),
    QTEST_CASE(test_xTaskCreate_new_task_is_ready),
    QTEST_CASE(test_xTaskCreate_passes_parameter),
    QTEST_CASE(test_xTaskCreate_truncates_long_name),
    QTEST_CASE(test_xTaskCreate_keeps_name_of_maximum_length),
    QTEST_CASE(test_xTaskCreate_empty_and_null_names),
    QTEST_CASE(test_xTaskCreate_idle_priority_task),
    QTEST_CASE(test_uxTaskGetNumberOfTasks_counts_idle_and_created),
    QTEST_CASE(test_uxTaskGetNumberOfTasks_counts_self_deleted_until_idle_runs),
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_xTaskCreate_returns_pass_and_handle),
    QTEST_CASE(test_xTaskCreate_without_handle_pointer),
    QTEST_CASE(test_xTaskCreate_takes_memory_from_heap),
    QTEST_CASE(test_xTaskCreate_out_of_memory_fails),
    QTEST_CASE(test_xTaskCreate_tcb_allocation_failure_frees_stack),
    QTEST_CASE(test_xTaskCreate_in_scribbled_memory_starts_clean),
#endif
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xTaskCreateStatic_uses_given_buffers),
    QTEST_CASE(test_xTaskCreateStatic_takes_no_heap),
    QTEST_CASE(test_xTaskCreateStatic_higher_priority_runs_before_return),
    QTEST_CASE(test_xTaskCreateStatic_buffers_reusable_after_delete),
    QTEST_CASE(test_xTaskCreateStatic_in_scribbled_buffers_starts_clean),
    QTEST_CASE(test_xTaskGetStaticBuffers_static_task),
    QTEST_CASE(test_xTaskGetStaticBuffers_idle_task_is_static),
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_xTaskGetStaticBuffers_dynamic_task_returns_false),
#endif
#endif
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_xTaskCreate_priority_out_of_range_asserts),
    QTEST_CASE(test_xTaskCreate_null_function_asserts),
    QTEST_CASE(test_xTaskCreate_zero_stack_asserts),
#endif
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xTaskCreateStatic_priority_out_of_range_asserts),
    QTEST_CASE(test_xTaskCreateStatic_null_stack_asserts),
    QTEST_CASE(test_xTaskCreateStatic_null_tcb_asserts),
#endif
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
