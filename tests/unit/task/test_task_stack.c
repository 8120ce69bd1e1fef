/* SPDX-License-Identifier: MIT */
/*
 * test_task_stack.c: stack use. uxTaskGetStackHighWaterMark(2) report the
 * least free stack a task has had (the POSIX port runs each task on its
 * kernel-provided stack, so real calls move the mark), and
 * configCHECK_FOR_STACK_OVERFLOW 2 finds a task whose stack bottom was
 * written, at its next switch out, through vApplicationStackOverflowHook.
 *
 * Built in default and static_only.
 */
#include "task_test_util.h"

#include <string.h>

/*
 * One frame of deep(): 512 bytes, or less where TT_STACK is small (a 16 KiB board), so that
 * the deepest call below (16 frames) still fits in a TT_STACK task with room to spare.
 */
#define TT_STACK_BYTES (TT_STACK * sizeof(StackType_t))
#define FRAME_BYTES (TT_STACK_BYTES >= 16384 ? 512 : TT_STACK_BYTES / 64)
#define GUARD_BYTES 16

/* Use about depth * FRAME_BYTES of stack; the volatile buffer keeps the frames real. */
static __attribute__((noinline)) unsigned deep(unsigned depth)
{
    volatile unsigned char frame[FRAME_BYTES];

    memset((void *)frame, (int)depth, sizeof(frame));
    if (depth == 0) {
        return frame[0];
    }
    return deep(depth - 1) + frame[FRAME_BYTES - 1];
}

static volatile unsigned sink;
static volatile configSTACK_DEPTH_TYPE mark_before, mark_after;

static void deep_task(void *arg)
{
    mark_before = uxTaskGetStackHighWaterMark2(NULL);
    sink = deep((unsigned)(uintptr_t)arg);
    mark_after = uxTaskGetStackHighWaterMark2(NULL);
    tt_park();
}

static void park_task(void *arg)
{
    (void)arg;
    tt_park();
}

static void test_uxTaskGetStackHighWaterMark2_decreases_after_deep_calls(void)
{
    configSTACK_DEPTH_TYPE before = uxTaskGetStackHighWaterMark2(NULL);
    configSTACK_DEPTH_TYPE after;

    sink = deep(8); /* 8 frames and more */
    after = uxTaskGetStackHighWaterMark2(NULL);
    QT_ASSERT(after < before);
    QT_ASSERT((before - after) * sizeof(StackType_t) >= 8 * FRAME_BYTES);
    /* A mark is a minimum: returning from the calls does not raise it. */
    QT_EQ(uxTaskGetStackHighWaterMark2(NULL), after);
    QT_EQ(uxTaskGetStackHighWaterMark(NULL), after);
}

static void test_uxTaskGetStackHighWaterMark_other_task(void)
{
    TaskHandle_t t = tt_spawn(deep_task, "deep", QTEST_PRIORITY + 1, (void *)(uintptr_t)4);

    taskYIELD();
    QT_ASSERT(mark_after < mark_before);
    QT_EQ(uxTaskGetStackHighWaterMark2(t), mark_after);
    QT_EQ(uxTaskGetStackHighWaterMark(t), mark_after);
}

static void test_uxTaskGetStackHighWaterMark_new_task_nearly_all_free(void)
{
    TaskHandle_t t = tt_spawn(park_task, "new", 1, NULL);
    configSTACK_DEPTH_TYPE mark = uxTaskGetStackHighWaterMark2(t);

    QT_ASSERT(mark < TT_STACK);
    QT_ASSERT(mark > TT_STACK * 3 / 4); /* only the port's first frame is used */
}

static void test_uxTaskGetStackHighWaterMark_deeper_task_lower_mark(void)
{
    TaskHandle_t a = tt_spawn(deep_task, "a", QTEST_PRIORITY + 1, (void *)(uintptr_t)2);
    TaskHandle_t b;

    taskYIELD();
    b = tt_spawn(deep_task, "b", QTEST_PRIORITY + 1, (void *)(uintptr_t)10);
    taskYIELD();
    QT_ASSERT(uxTaskGetStackHighWaterMark2(b) < uxTaskGetStackHighWaterMark2(a));
}

/* ---- Overflow detection (method 2: the guard bytes at the stack's far end) ---- */

static TaskHandle_t volatile overflow_task;
static char overflow_name[configMAX_TASK_NAME_LEN];

static void record_overflow(TaskHandle_t task, char *name)
{
    overflow_task = task;
    strncpy(overflow_name, name, sizeof(overflow_name) - 1);
}

/* Write the lowest bytes of its own stack, yield (a switch out), then repair them. */
static void scribble_task(void *arg)
{
    TaskStatus_t info;
    unsigned char saved[GUARD_BYTES];

    (void)arg;
    vTaskGetInfo(NULL, &info, pdFALSE, eInvalid);
    memcpy(saved, info.pxStackBase, GUARD_BYTES);
    memset(info.pxStackBase, 0, GUARD_BYTES);
    taskYIELD();
    memcpy(info.pxStackBase, saved, GUARD_BYTES);
    tt_park();
}

static void test_stack_overflow_hook_reports_scribbled_task(void)
{
    TaskHandle_t t;

    overflow_task = NULL;
    memset(overflow_name, 0, sizeof(overflow_name));
    qtest_stack_overflow_hook = record_overflow;
    t = tt_spawn(scribble_task, "scribbler", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(qtest_stack_overflows, 1);
    QT_PTR_EQ(overflow_task, t);
    QT_ASSERT(strcmp(overflow_name, "scribbler") == 0);
}

static void test_stack_overflow_hook_silent_for_healthy_tasks(void)
{
    qtest_stack_overflow_hook = record_overflow;
    (void)tt_spawn(deep_task, "deep", QTEST_PRIORITY + 1, (void *)(uintptr_t)16);
    taskYIELD();
    vTaskDelay(3);
    QT_EQ(qtest_stack_overflows, 0);
}

static void test_stack_overflow_any_guard_byte_is_enough(void)
{
    TaskStatus_t info;
    TaskHandle_t t;

    qtest_stack_overflow_hook = record_overflow;
    /* The task runs and parks (switching out cleanly); damage one guard byte, resume it, and
     * repair the byte once it has switched out again. Every byte counts, in every guard word. */
    t = tt_spawn(park_task, "victim", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(qtest_stack_overflows, 0);
    vTaskGetInfo(t, &info, pdFALSE, eInvalid);
    for (unsigned i = 0; i < GUARD_BYTES; i++) {
        unsigned char *byte = (unsigned char *)info.pxStackBase + i;
        const unsigned char saved = *byte;
        const unsigned before = qtest_stack_overflows;

        overflow_task = NULL;
        *byte = (unsigned char)~saved;
        vTaskResume(t);
        taskYIELD();
        QT_ASSERT(qtest_stack_overflows > before);
        QT_PTR_EQ(overflow_task, t);
        *byte = saved;
    }
}

QTEST_MAIN(QTEST_CASE(test_uxTaskGetStackHighWaterMark2_decreases_after_deep_calls),
           QTEST_CASE(test_uxTaskGetStackHighWaterMark_other_task),
           QTEST_CASE(test_uxTaskGetStackHighWaterMark_new_task_nearly_all_free),
           QTEST_CASE(test_uxTaskGetStackHighWaterMark_deeper_task_lower_mark),
           QTEST_CASE(test_stack_overflow_hook_reports_scribbled_task),
           QTEST_CASE(test_stack_overflow_hook_silent_for_healthy_tasks),
           QTEST_CASE(test_stack_overflow_any_guard_byte_is_enough))
