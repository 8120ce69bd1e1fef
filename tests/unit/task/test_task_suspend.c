/* SPDX-License-Identifier: MIT */
/*
 * test_task_suspend.c: vTaskSuspend / vTaskResume of ready, delayed and
 * self-suspended tasks, xTaskResumeFromISR from a simulated interrupt, and
 * scheduler suspension: vTaskSuspendAll / xTaskResumeAll nesting, ticks pended
 * while suspended, held-back preemption, and xTaskGetSchedulerState.
 *
 * Built in default, coop and optimised.
 */
#include "task_test_util.h"

#define PREEMPT (configUSE_PREEMPTION != 0)
#define SLICING (configUSE_PREEMPTION != 0 && configUSE_TIME_SLICING != 0)

static volatile int ran;

static void mark_and_park(void *arg)
{
    (void)arg;
    ran++;
    tt_park();
}

/* Trace, suspend itself, trace again when resumed, park. */
static void suspend_self(void *arg)
{
    (void)arg;
    tt_trace('T');
    vTaskSuspend(NULL);
    tt_trace('T');
    tt_park();
}

/* Delay the ticks in *arg, trace the return from the delay, park. */
static void delay_worker(void *arg)
{
    vTaskDelay(*(const TickType_t *)arg);
    tt_trace(pcTaskGetName(NULL)[0]);
    tt_park();
}

static void test_vTaskSuspend_ready_task_does_not_run(void)
{
    TaskHandle_t t;

    ran = 0;
    t = tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskSuspend(t);
    QT_EQ(eTaskGetState(t), eSuspended);
    vTaskDelay(3);
    QT_EQ(ran, 0);
    vTaskResume(t);
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(ran, 0);
    vTaskDelay(1);
    QT_EQ(ran, 1);
}

static void test_vTaskSuspend_self_until_resumed(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(suspend_self, "T", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    QT_EQ(eTaskGetState(t), eSuspended);
    qtest_busy_ticks(2);
    vTaskResume(t);
    tt_trace('q');
    taskYIELD();
    if (PREEMPT) {
        TT_EXPECT_TRACE("T0 T2 q2");
    } else {
        TT_EXPECT_TRACE("T0 q2 T2");
    }
}

static void test_vTaskResume_lower_priority_does_not_preempt(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(suspend_self, "T", QTEST_PRIORITY - 1, NULL);
    vTaskDelay(1);
    vTaskResume(t);
    tt_trace('q');
    taskYIELD();
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("T0 q1 q1 T1");
}

static void test_vTaskSuspend_delayed_task_misses_its_wake(void)
{
    static const TickType_t ticks = 5;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    vTaskSuspend(t);
    QT_EQ(eTaskGetState(t), eSuspended);
    vTaskDelay(10);
    TT_EXPECT_TRACE("");
    QT_EQ(eTaskGetState(t), eSuspended);
    vTaskResume(t);
    taskYIELD();
    TT_EXPECT_TRACE("D10");
}

static void test_vTaskResume_delayed_task_returns_early(void)
{
    static const TickType_t ticks = 100;
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    qtest_busy_ticks(2);
    vTaskSuspend(t);
    qtest_busy_ticks(3);
    vTaskResume(t);
    taskYIELD();
    TT_EXPECT_TRACE("D5"); /* its vTaskDelay(100) returned at the resume */
}

static void test_vTaskResume_not_suspended_is_noop(void)
{
    static const TickType_t ticks = 10;
    TaskHandle_t ready, delayed;

    tt_trace_reset();
    ran = 0;
    ready = tt_spawn(mark_and_park, "R", QTEST_PRIORITY - 1, NULL);
    delayed = tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    vTaskResume(ready);
    QT_EQ(eTaskGetState(ready), eReady);
    QT_EQ(ran, 0);
    vTaskResume(delayed);
    QT_EQ(eTaskGetState(delayed), eBlocked);
    vTaskResume(xTaskGetCurrentTaskHandle());
    vTaskDelay(20);
    TT_EXPECT_TRACE("D10"); /* the delay ran its full length */
}

static void test_vTaskSuspend_twice_needs_one_resume(void)
{
    TaskHandle_t t;

    ran = 0;
    t = tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    vTaskSuspend(t);
    vTaskSuspend(t);
    vTaskResume(t);
    QT_EQ(eTaskGetState(t), eReady);
    vTaskDelay(1);
    QT_EQ(ran, 1);
}

/* ---- xTaskResumeFromISR ---- */

static TaskHandle_t isr_target;
static volatile BaseType_t isr_result;

static void resume_isr(void)
{
    isr_result = xTaskResumeFromISR(isr_target);
    portYIELD_FROM_ISR(isr_result);
}

static void test_xTaskResumeFromISR_higher_priority_returns_true(void)
{
    tt_trace_reset();
    isr_target = tt_spawn(suspend_self, "T", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    qtest_busy_ticks(1);
    tt_interrupt(resume_isr);
    tt_trace('q');
    QT_EQ(isr_result, pdTRUE);
    /* The handler asked for the switch: T runs as the interrupt returns. */
    TT_EXPECT_TRACE("T0 T1 q1");
}

static void test_xTaskResumeFromISR_lower_priority_returns_false(void)
{
    tt_trace_reset();
    isr_target = tt_spawn(suspend_self, "T", QTEST_PRIORITY - 1, NULL);
    vTaskDelay(1);
    tt_interrupt(resume_isr);
    QT_EQ(isr_result, pdFALSE);
    QT_EQ(eTaskGetState(isr_target), eReady);
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("T0 q1 T1");
}

static void test_xTaskResumeFromISR_not_suspended_returns_false(void)
{
    isr_target = tt_spawn(mark_and_park, "R", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    vTaskResume(isr_target); /* now ready, above qtest: runs and parks again */
    ran = 0;
    isr_target = tt_spawn(mark_and_park, "L", QTEST_PRIORITY - 1, NULL);
    tt_interrupt(resume_isr);
    QT_EQ(isr_result, pdFALSE);
    QT_EQ(eTaskGetState(isr_target), eReady);
}

/* ---- Scheduler suspension ---- */

static void test_xTaskGetSchedulerState_running(void)
{
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_RUNNING);
}

static void test_xTaskGetSchedulerState_not_started(void)
{
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_NOT_STARTED);
}

static void test_vTaskSuspendAll_nests(void)
{
    vTaskSuspendAll();
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_SUSPENDED);
    vTaskSuspendAll();
    QT_EQ(xTaskResumeAll(), pdFALSE);
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_SUSPENDED);
    QT_EQ(xTaskResumeAll(), pdFALSE);
    QT_EQ(xTaskGetSchedulerState(), taskSCHEDULER_RUNNING);
}

static void test_vTaskSuspendAll_holds_back_preemption(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    t = tt_spawn(suspend_self, "T", QTEST_PRIORITY + 1, NULL);
    taskYIELD();
    vTaskSuspendAll();
    vTaskResume(t);
    tt_trace('q'); /* T is ready and outranks qtest, but may not run yet */
    QT_EQ(eTaskGetState(t), eReady);
    QT_EQ(xTaskResumeAll(), PREEMPT ? pdTRUE : pdFALSE);
    tt_trace('q');
    taskYIELD();
    if (PREEMPT) {
        TT_EXPECT_TRACE("T0 q0 T0 q0");
    } else {
        TT_EXPECT_TRACE("T0 q0 q0 T0");
    }
}

static void test_vTaskSuspendAll_holds_back_time_slicing(void)
{
    tt_trace_reset();
    ran = 0;
    (void)tt_spawn(mark_and_park, "E", QTEST_PRIORITY, NULL);
    vTaskSuspendAll();
    qtest_busy_ticks(3);
    QT_EQ(ran, 0);
    /* The pended ticks ended qtest's slice: with slicing, the resume itself hands over. */
    QT_EQ(xTaskResumeAll(), SLICING ? pdTRUE : pdFALSE);
    QT_EQ(ran, SLICING ? 1 : 0);
    taskYIELD();
    QT_EQ(ran, 1);
}

static void test_xTaskResumeAll_processes_pended_ticks(void)
{
    static const TickType_t ticks = 3;
    BaseType_t yielded;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "D", QTEST_PRIORITY + 1, (void *)&ticks);
    taskYIELD();
    vTaskSuspendAll();
    qtest_busy_ticks(5);
    QT_EQ(xTaskGetTickCount(), 0); /* the count stands still while suspended */
    TT_EXPECT_TRACE("");
    yielded = xTaskResumeAll();
    tt_trace('q');
    taskYIELD();
    QT_EQ(yielded, PREEMPT ? pdTRUE : pdFALSE);
    /* The count jumps to 5 at once; D's wake time (3) has passed, so it runs at 5. */
    TT_EXPECT_TRACE(PREEMPT ? "D5 q5" : "q5 D5");
}

static void test_xTaskResumeAll_pended_ticks_wake_lower_priority(void)
{
    static const TickType_t ticks = 2;

    tt_trace_reset();
    (void)tt_spawn(delay_worker, "L", QTEST_PRIORITY - 1, (void *)&ticks);
    vTaskDelay(1); /* L delays until 3 */
    vTaskSuspendAll();
    qtest_busy_ticks(4);
    QT_EQ(xTaskResumeAll(), pdFALSE);
    QT_EQ(xTaskGetTickCount(), 5);
    tt_trace('q');
    vTaskDelay(1);
    TT_EXPECT_TRACE("q5 L5");
}

/* ---- Bad input ---- */

static void resume_all_unbalanced(void *arg)
{
    (void)arg;
    (void)xTaskResumeAll();
}

static void suspend_self_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    vTaskSuspend(NULL);
}

static void resume_null(void *arg)
{
    (void)arg;
    vTaskResume(NULL);
}

static void resume_null_isr(void)
{
    (void)xTaskResumeFromISR(NULL);
}

static void resume_null_from_isr(void *arg)
{
    (void)arg;
    tt_interrupt(resume_null_isr);
}

static void test_xTaskResumeAll_without_suspend_asserts(void)
{
    QT_EXPECT_ASSERT(resume_all_unbalanced, NULL);
}

static void test_vTaskSuspend_self_with_scheduler_suspended_asserts(void)
{
    QT_EXPECT_ASSERT(suspend_self_while_suspended, NULL);
}

static void test_vTaskResume_null_asserts(void)
{
    QT_EXPECT_ASSERT(resume_null, NULL);
}

static void test_xTaskResumeFromISR_null_asserts(void)
{
    QT_EXPECT_ASSERT(resume_null_from_isr, NULL);
}

QTEST_MAIN(QTEST_CASE(test_vTaskSuspend_ready_task_does_not_run),
           QTEST_CASE(test_vTaskSuspend_self_until_resumed),
           QTEST_CASE(test_vTaskResume_lower_priority_does_not_preempt),
           QTEST_CASE(test_vTaskSuspend_delayed_task_misses_its_wake),
           QTEST_CASE(test_vTaskResume_delayed_task_returns_early),
           QTEST_CASE(test_vTaskResume_not_suspended_is_noop),
           QTEST_CASE(test_vTaskSuspend_twice_needs_one_resume),
           QTEST_CASE(test_xTaskResumeFromISR_higher_priority_returns_true),
           QTEST_CASE(test_xTaskResumeFromISR_lower_priority_returns_false),
           QTEST_CASE(test_xTaskResumeFromISR_not_suspended_returns_false),
           QTEST_CASE(test_xTaskGetSchedulerState_running),
           QTEST_CASE_NO_SCHEDULER(test_xTaskGetSchedulerState_not_started),
           QTEST_CASE(test_vTaskSuspendAll_nests),
           QTEST_CASE(test_vTaskSuspendAll_holds_back_preemption),
           QTEST_CASE(test_vTaskSuspendAll_holds_back_time_slicing),
           QTEST_CASE(test_xTaskResumeAll_processes_pended_ticks),
           QTEST_CASE(test_xTaskResumeAll_pended_ticks_wake_lower_priority),
           QTEST_CASE(test_xTaskResumeAll_without_suspend_asserts),
           QTEST_CASE(test_vTaskSuspend_self_with_scheduler_suspended_asserts),
           QTEST_CASE(test_vTaskResume_null_asserts),
           QTEST_CASE(test_xTaskResumeFromISR_null_asserts))
