/* SPDX-License-Identifier: MIT */
/*
 * The timer command queue: commands take effect in the order sent; a start or
 * reset counts the period from the tick it was sent, even when the daemon
 * processes it later, and one processed after its period has passed expires
 * at once; a full queue makes senders wait or fail; an auto-reload timer the
 * daemon could not serve catches up with one callback per missed period.
 * Also the FromISR commands and pended function calls. Several cases lower
 * the daemon's priority (tm_daemon_priority) to hold commands in the queue.
 */
#include "timer_test_util.h"

#define BELOW (QTEST_PRIORITY - 1)
#define ABOVE (QTEST_PRIORITY + 1)

static void test_commands_are_processed_in_the_order_sent(void)
{
    TimerHandle_t a, b;

    tt_trace_reset();
    tm_daemon_priority(BELOW);
    a = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    b = tm_timer("B", 5, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerChangePeriod(b, 3, 0), pdPASS);
    QT_EQ(xTimerStop(a, 0), pdPASS);
    QT_EQ(xTimerReset(b, 0), pdPASS);
    QT_EQ(xTimerIsTimerActive(a), pdFALSE); /* nothing processed yet */
    QT_EQ(xTaskGetTickCount(), 0);
    vTaskDelay(10);
    TT_EXPECT_TRACE("B3 B6 B9");
    QT_EQ(xTimerIsTimerActive(a), pdFALSE);
    QT_EQ(xTimerIsTimerActive(b), pdTRUE);
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
    tm_delete(b);
}

static void test_start_counts_the_period_from_the_sending_tick(void)
{
    TimerHandle_t a;

    tt_trace_reset();
    tm_daemon_priority(BELOW);
    a = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    qtest_busy_ticks(4); /* the daemon cannot run */
    QT_EQ(xTimerIsTimerActive(a), pdFALSE);
    vTaskDelay(1); /* processed at tick 4 */
    QT_EQ(xTimerIsTimerActive(a), pdTRUE);
    QT_EQ(xTimerGetExpiryTime(a), 10);
    QT_EQ(xTimerReset(a, 0), pdPASS); /* tick 5 */
    qtest_busy_ticks(3);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A15");
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
}

static void test_start_processed_after_its_period_expires_at_once(void)
{
    TimerHandle_t a, b;

    tt_trace_reset();
    tm_daemon_priority(BELOW);
    a = tm_timer("A", 3, pdFALSE, NULL, tm_trace_cb);
    b = tm_timer("B", 2, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerStart(b, 0), pdPASS);
    qtest_busy_ticks(5);
    vTaskDelay(4); /* processed at tick 5: A was due at 3, B at 2 and 4 */
    TT_EXPECT_TRACE("A5 B5 B5 B6 B8");
    QT_EQ(xTimerIsTimerActive(a), pdFALSE);
    QT_EQ(xTimerGetExpiryTime(b), 10); /* still in phase */
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
    tm_delete(b);
}

static void hog(void *arg)
{
    qtest_busy_ticks((TickType_t)(uintptr_t)arg);
    tt_park();
}

static void test_auto_reload_catches_up_after_the_daemon_was_starved(void)
{
    TimerHandle_t a;
    TaskHandle_t h;

    tt_trace_reset();
    tm_daemon_priority(ABOVE);
    a = tm_timer("A", 5, pdTRUE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    vTaskDelay(3);
    /* A task above the daemon keeps the CPU from tick 3 to 17: expiries 5, 10, 15 are missed. */
    h = tt_spawn(hog, "hog", ABOVE + 1, (void *)(uintptr_t)14);
    vTaskDelay((TickType_t)(27 - xTaskGetTickCount())); /* the hog may have run already */
    TT_EXPECT_TRACE("A17 A17 A17 A20 A25");
    QT_EQ(xTimerGetExpiryTime(a), 30);
    vTaskDelete(h);
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
}

static void test_full_queue_send_times_out(void)
{
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();
    TimerHandle_t a;

    tt_trace_reset();
    a = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    vTaskSuspend(daemon);
    for (int i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        QT_EQ(xTimerStart(a, 0), pdPASS);
    }
    QT_EQ(xTimerStart(a, 5), pdFAIL);
    QT_EQ(xTaskGetTickCount(), 5);
    /* With the scheduler suspended the block time is ignored. */
    vTaskSuspendAll();
    QT_EQ(xTimerStop(a, 100), pdFAIL);
    (void)xTaskResumeAll();
    QT_EQ(xTaskGetTickCount(), 5);
    vTaskResume(daemon);
    tm_sync();
    QT_EQ(xTimerIsTimerActive(a), pdTRUE); /* started at tick 0 */
    vTaskDelay(10);
    TT_EXPECT_TRACE("A10");
    tm_delete(a);
}

static void test_blocked_sender_gets_in_when_the_daemon_drains_the_queue(void)
{
    TimerHandle_t a;

    tt_trace_reset();
    tm_daemon_priority(BELOW);
    a = tm_timer("A", 10, pdTRUE, NULL, tm_trace_cb);
    for (int i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        QT_EQ(xTimerStart(a, 0), pdPASS);
    }
    QT_EQ(xTimerStop(a, 10), pdPASS); /* the daemon took one command: room at tick 0 */
    QT_EQ(xTaskGetTickCount(), 0);
    vTaskDelay(15);
    TT_EXPECT_TRACE(""); /* the stop came last */
    QT_EQ(xTimerIsTimerActive(a), pdFALSE);
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
}

/* ---- From interrupts ---- */

static TimerHandle_t isr_timer;
static BaseType_t isr_result, isr_woken;
static TickType_t isr_value;

static void isr_start(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerStartFromISR(isr_timer, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_stop(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerStopFromISR(isr_timer, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_reset(void)
{
    isr_result = xTimerResetFromISR(isr_timer, NULL);
}

static void isr_change_period(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerChangePeriodFromISR(isr_timer, isr_value, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void test_xTimerStartFromISR_wakes_the_daemon(void)
{
    tt_trace_reset();
    isr_timer = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    vTaskDelay(2);
    tt_interrupt(isr_start);
    tm_sync();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE);
    QT_EQ(xTimerIsTimerActive(isr_timer), pdTRUE);
    vTaskDelay(20);
    TT_EXPECT_TRACE("A12");
    tm_delete(isr_timer);
}

static void test_timer_commands_from_isr_below_the_daemon_set_no_woken(void)
{
    tt_trace_reset();
    tm_daemon_priority(BELOW);
    isr_timer = tm_timer("A", 10, pdTRUE, NULL, tm_trace_cb);
    tt_interrupt(isr_start);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(xTimerIsTimerActive(isr_timer), pdFALSE); /* queued, not processed */
    vTaskDelay(4);
    tt_interrupt(isr_reset); /* tick 4: now due at 14 */
    vTaskDelay(1);
    isr_value = 3;
    tt_interrupt(isr_change_period); /* tick 5: every 3 ticks from 5 */
    QT_EQ(isr_woken, pdFALSE);
    vTaskDelay(7);
    tt_interrupt(isr_stop); /* tick 12 */
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    vTaskDelay(10);
    TT_EXPECT_TRACE("A8 A11");
    QT_EQ(xTimerGetPeriod(isr_timer), 3);
    QT_EQ(xTimerIsTimerActive(isr_timer), pdFALSE);
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(isr_timer);
}

static void test_timer_command_from_isr_fails_on_a_full_queue(void)
{
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();

    isr_timer = tm_timer("A", 10, pdFALSE, NULL, tm_trace_cb);
    vTaskSuspend(daemon);
    for (int i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        tt_interrupt(isr_stop);
        QT_EQ(isr_result, pdPASS);
    }
    tt_interrupt(isr_start);
    QT_EQ(isr_result, pdFAIL);
    QT_EQ(isr_woken, pdFALSE);
    vTaskResume(daemon);
    tm_sync();
    QT_EQ(xTimerIsTimerActive(isr_timer), pdFALSE);
    tm_delete(isr_timer);
}

/* ---- Pended function calls ---- */

static TaskHandle_t pended_task;
static void *pended_arg1;
static uint32_t pended_arg2;
static BaseType_t pended_saw_active;

static void pended(void *arg1, uint32_t arg2)
{
    pended_task = xTaskGetCurrentTaskHandle();
    pended_arg1 = arg1;
    pended_arg2 = arg2;
    pended_saw_active = xTimerIsTimerActive((TimerHandle_t)arg1);
    tt_trace('P');
}

static void test_xTimerPendFunctionCall_runs_in_the_daemon_in_order(void)
{
    TimerHandle_t a;

    tt_trace_reset();
    tm_daemon_priority(BELOW);
    a = tm_timer("A", 2, pdFALSE, NULL, tm_trace_cb);
    QT_EQ(xTimerStart(a, 0), pdPASS);
    QT_EQ(xTimerPendFunctionCall(pended, a, 0xdeadbeefu, 0), pdPASS);
    QT_PTR_EQ(pended_task, NULL);
    vTaskDelay(5);
    TT_EXPECT_TRACE("P0 A2");
    QT_PTR_EQ(pended_task, xTimerGetTimerDaemonTaskHandle());
    QT_PTR_EQ(pended_arg1, a);
    QT_EQ(pended_arg2, 0xdeadbeefu);
    QT_EQ(pended_saw_active, pdTRUE); /* the start before it was processed first */
    tm_daemon_priority(configTIMER_TASK_PRIORITY);
    tm_delete(a);
}

static void isr_pend(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerPendFunctionCallFromISR(pended, isr_timer, 7, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void test_xTimerPendFunctionCallFromISR_runs_when_the_interrupt_returns(void)
{
    tt_trace_reset();
    isr_timer = tm_timer("A", 2, pdFALSE, NULL, tm_trace_cb);
    vTaskDelay(3);
    tt_interrupt(isr_pend);
    tm_sync();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I P3");
    QT_EQ(pended_arg2, 7);
    QT_PTR_EQ(pended_task, xTimerGetTimerDaemonTaskHandle());
    tm_delete(isr_timer);
}

/* ---- Misuse (configASSERT) ---- */

static void isr_change_period_zero(void)
{
    (void)xTimerChangePeriodFromISR(isr_timer, 0, NULL);
}

static void change_period_zero_from_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_change_period_zero);
}

static void pend_null_function(void *arg)
{
    (void)arg;
    (void)xTimerPendFunctionCall(NULL, NULL, 0, 0);
}

static void send_isr_command_from_task_api(void *arg)
{
    (void)xTimerGenericCommandFromTask((TimerHandle_t)arg, tmrCOMMAND_START_FROM_ISR, 0, NULL, 0);
}

static void send_task_command_from_isr_api(void *arg)
{
    (void)xTimerGenericCommandFromISR((TimerHandle_t)arg, tmrCOMMAND_START, 0, NULL, 0);
}

static void test_timer_command_misuse_asserts(void)
{
    isr_timer = tm_timer("A", 2, pdFALSE, NULL, tm_trace_cb);
    QT_EXPECT_ASSERT(change_period_zero_from_isr, NULL);
    QT_EXPECT_ASSERT(pend_null_function, NULL);
    QT_EXPECT_ASSERT(send_isr_command_from_task_api, isr_timer);
    QT_EXPECT_ASSERT(send_task_command_from_isr_api, isr_timer);
    tm_delete(isr_timer);
}

QTEST_MAIN(QTEST_CASE(test_commands_are_processed_in_the_order_sent),
           QTEST_CASE(test_start_counts_the_period_from_the_sending_tick),
           QTEST_CASE(test_start_processed_after_its_period_expires_at_once),
           QTEST_CASE(test_auto_reload_catches_up_after_the_daemon_was_starved),
           QTEST_CASE(test_full_queue_send_times_out),
           QTEST_CASE(test_blocked_sender_gets_in_when_the_daemon_drains_the_queue),
           QTEST_CASE(test_xTimerStartFromISR_wakes_the_daemon),
           QTEST_CASE(test_timer_commands_from_isr_below_the_daemon_set_no_woken),
           QTEST_CASE(test_timer_command_from_isr_fails_on_a_full_queue),
           QTEST_CASE(test_xTimerPendFunctionCall_runs_in_the_daemon_in_order),
           QTEST_CASE(test_xTimerPendFunctionCallFromISR_runs_when_the_interrupt_returns),
           QTEST_CASE(test_timer_command_misuse_asserts))
