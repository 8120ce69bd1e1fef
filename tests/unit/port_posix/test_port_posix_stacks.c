/* SPDX-License-Identifier: MIT */
/*
 * POSIX port, task stacks: tasks run on the stacks the kernel gives them (so
 * high-water marks see real use), and stack memory a task abandons with
 * frames still on it (deleting itself, deleted while blocked, or left blocked
 * when the scheduler ends) can be reused by the application. Under
 * AddressSanitizer the reuse would report a stack-buffer-overflow if the port
 * left the dead frames' redzones poisoned, so these cases use static stacks
 * (the heaps unpoison what they hand out anyway) and overwrite them afterwards.
 */
#include "FreeRTOS.h"
#include "posix_port.h"
#include "qtest.h"
#include "task.h"

#include <string.h>

#define STATIC_WORDS (configMINIMAL_STACK_SIZE * 2)
#define DEEP 6
#define HEAVY_BYTES 16384

#define SLOTS 4

static StackType_t static_stacks[SLOTS][STATIC_WORDS];
static StaticTask_t static_tcbs[SLOTS];
static volatile uintptr_t probe_address;
static volatile int reached;

/* Writes through `buf` so that the caller's array lives in memory with redzones around it. */
static void __attribute__((noinline)) fill(volatile char *buf, size_t n, int v)
{
    for (size_t i = 0; i < n; i++) {
        buf[i] = (char)(v + (int)i);
    }
}

/* Recurse with a live local array in every frame, then run `at_bottom` there. */
static void __attribute__((noinline)) deep_call(int depth, void (*at_bottom)(void))
{
    volatile char buf[200];

    fill(buf, sizeof(buf), depth);
    if (depth > 0) {
        deep_call(depth - 1, at_bottom);
    } else {
        reached++;
        at_bottom();
    }
    fill(buf, sizeof(buf), 0);
}

/* Write every byte of the static stacks: ASan reports any redzone a dead frame left poisoned. */
static void touch_static_stacks(void)
{
    memset(static_stacks, 0x5a, sizeof(static_stacks));
}

static TaskHandle_t create_static(TaskFunction_t fn, int slot, UBaseType_t priority)
{
    return xTaskCreateStatic(fn, "static", STATIC_WORDS, NULL, priority, static_stacks[slot],
                             &static_tcbs[slot]);
}

static void probe_task(void *arg)
{
    (void)arg;
    /* The frame, not a local: ASan may move locals to its fake stack. */
    probe_address = (uintptr_t)__builtin_frame_address(0);
    vTaskDelete(NULL);
}

static void test_pxPortInitialiseStack_task_runs_on_its_own_stack(void)
{
    probe_address = 0;
    create_static(probe_task, 0, QTEST_PRIORITY + 1);
    QT_ASSERT(probe_address >= (uintptr_t)static_stacks[0]);
    QT_ASSERT(probe_address < (uintptr_t)(static_stacks[0] + STATIC_WORDS));
    vTaskDelay(2); /* let the idle task clean it up */
}

static void heavy_task(void *arg)
{
    volatile char big[HEAVY_BYTES];

    (void)arg;
    fill(big, sizeof(big), 1);
    vTaskSuspend(NULL);
}

static void light_task(void *arg)
{
    (void)arg;
    vTaskSuspend(NULL);
}

static void test_uxTaskGetStackHighWaterMark_sees_real_stack_use(void)
{
    TaskHandle_t heavy, light;
    UBaseType_t heavy_free, light_free;

    xTaskCreate(heavy_task, "heavy", STATIC_WORDS, NULL, QTEST_PRIORITY + 1, &heavy);
    xTaskCreate(light_task, "light", STATIC_WORDS, NULL, QTEST_PRIORITY + 1, &light);
    heavy_free = uxTaskGetStackHighWaterMark(heavy);
    light_free = uxTaskGetStackHighWaterMark(light);
    QT_ASSERT(light_free < STATIC_WORDS); /* the context and first frames used some */
    QT_ASSERT(light_free > STATIC_WORDS / 2);
    QT_ASSERT(light_free - heavy_free >= HEAVY_BYTES / sizeof(StackType_t));
    vTaskDelete(heavy);
    vTaskDelete(light);
}

static void delete_self(void)
{
    vTaskDelete(NULL);
}

static void self_deleting_task(void *arg)
{
    (void)arg;
    deep_call(DEEP, delete_self);
}

static void test_vTaskDelete_self_from_deep_frames_leaves_stack_reusable(void)
{
    reached = 0;
    for (int i = 0; i < SLOTS; i++) {
        create_static(self_deleting_task, i, QTEST_PRIORITY + 1);
    }
    QT_EQ(reached, SLOTS);
    vTaskDelay(2); /* the idle task frees them */
    touch_static_stacks();
}

static void block_forever(void)
{
    vTaskSuspend(NULL);
}

static void blocking_task(void *arg)
{
    (void)arg;
    deep_call(DEEP, block_forever);
}

static void test_vTaskDelete_blocked_task_leaves_stack_reusable(void)
{
    TaskHandle_t t;

    reached = 0;
    t = create_static(blocking_task, 0, QTEST_PRIORITY + 1);
    QT_EQ(reached, 1);
    vTaskDelete(t);
    touch_static_stacks();
}

static void ending_task(void *arg)
{
    (void)arg;
    for (int i = 1; i < SLOTS; i++) {
        create_static(blocking_task, i, 2);
    }
    vTaskDelay(3);
    deep_call(DEEP, vTaskEndScheduler);
}

static void test_vTaskEndScheduler_with_blocked_tasks_leaves_heap_reusable(void)
{
    size_t before = xPortGetFreeHeapSize();

    for (int run = 0; run < 3; run++) {
        reached = 0;
        create_static(ending_task, 0, 3);
        vTaskStartScheduler();
        QT_EQ(reached, SLOTS);
        QT_EQ(xPortGetFreeHeapSize(), before);
        touch_static_stacks();
    }
}

/* ---- Misuse (forked child): a task function must never return. ---- */

static void returning_task(void *arg)
{
    (void)arg;
}

static void start_returning_task(void *arg)
{
    (void)arg;
    xTaskCreate(returning_task, "returns", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1,
                NULL);
}

static void test_pxPortInitialiseStack_task_function_return_asserts(void)
{
    QT_EXPECT_ASSERT(start_returning_task, NULL);
}

QTEST_MAIN(QTEST_CASE(test_pxPortInitialiseStack_task_runs_on_its_own_stack),
           QTEST_CASE(test_uxTaskGetStackHighWaterMark_sees_real_stack_use),
           QTEST_CASE(test_vTaskDelete_self_from_deep_frames_leaves_stack_reusable),
           QTEST_CASE(test_vTaskDelete_blocked_task_leaves_stack_reusable),
           QTEST_CASE_NO_SCHEDULER(test_vTaskEndScheduler_with_blocked_tasks_leaves_heap_reusable),
           QTEST_CASE(test_pxPortInitialiseStack_task_function_return_asserts))
