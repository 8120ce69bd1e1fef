/* SPDX-License-Identifier: MIT */
/*
 * POSIX port, interrupt model (simulated time): interrupts raised from a task
 * run before posix_irq_raise returns when unmasked and when the outermost
 * critical section ends when masked; handlers tail-chain (tick first, then
 * ascending lines) and never nest; yields inside a critical section wait for
 * its exit; a higher-priority task woken by an ISR runs as the ISR returns.
 * Misuse trips configASSERT (last cases).
 */
#include "FreeRTOS.h"
#include "posix_port.h"
#include "qtest.h"
#include "task.h"

#include <pthread.h>

#define LINE_A 1u
#define LINE_B 2u
#define LINE_C 3u
#define LINE_D 4u
#define LOG_MAX 32

static volatile int log_buf[LOG_MAX];
static volatile unsigned log_len;
static volatile BaseType_t inside_seen;
static volatile TickType_t tick_seen;
static volatile int task_ran;
static TaskHandle_t waiter;

static void log_event(int e)
{
    if (log_len < LOG_MAX) {
        log_buf[log_len++] = e;
    }
}

static void log_reset(void)
{
    log_len = 0;
}

/* Handlers log their line number (and 10 * line when they end). */
static void handler_a(void)
{
    inside_seen = xPortIsInsideInterrupt();
    tick_seen = xTaskGetTickCountFromISR();
    log_event((int)LINE_A);
}

static void handler_c(void)
{
    log_event((int)LINE_C);
}

static void handler_d(void)
{
    log_event((int)LINE_D);
}

/* Raises lines C and A while it runs: both must wait until it has finished. */
static void handler_b(void)
{
    log_event((int)LINE_B);
    posix_irq_raise(LINE_C);
    posix_irq_raise(LINE_A);
    log_event(10 * (int)LINE_B);
}

static void install_handlers(void)
{
    posix_irq_set_handler(LINE_A, handler_a);
    posix_irq_set_handler(LINE_B, handler_b);
    posix_irq_set_handler(LINE_C, handler_c);
    posix_irq_set_handler(LINE_D, handler_d);
    log_reset();
}

static void test_posix_irq_raise_unmasked_runs_before_return(void)
{
    install_handlers();
    posix_irq_raise(LINE_A);
    QT_EQ(log_len, 1);
    QT_EQ(log_buf[0], LINE_A);
    QT_EQ(inside_seen, pdTRUE);
    QT_EQ(xPortIsInsideInterrupt(), pdFALSE);
}

static void test_posix_irq_raise_in_critical_runs_at_outermost_exit(void)
{
    install_handlers();
    taskENTER_CRITICAL();
    posix_irq_raise(LINE_A);
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 0); /* still one level deep */
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 1);
    QT_EQ(log_buf[0], LINE_A);
}

static void test_posix_irq_raise_twice_while_masked_runs_once(void)
{
    install_handlers();
    taskENTER_CRITICAL();
    posix_irq_raise(LINE_A);
    posix_irq_raise(LINE_A);
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 1); /* a pending line is a flag, as on an interrupt controller */
}

static void test_posix_irq_raise_masked_lines_run_in_ascending_order(void)
{
    install_handlers();
    taskENTER_CRITICAL();
    posix_irq_raise(LINE_D);
    posix_irq_raise(LINE_A);
    posix_irq_raise(LINE_C);
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 3);
    QT_EQ(log_buf[0], LINE_A);
    QT_EQ(log_buf[1], LINE_C);
    QT_EQ(log_buf[2], LINE_D);
}

static void test_posix_irq_raise_from_handler_tail_chains(void)
{
    install_handlers();
    posix_irq_raise(LINE_B);
    QT_EQ(log_len, 4);
    QT_EQ(log_buf[0], LINE_B);
    QT_EQ(log_buf[1], 10 * LINE_B); /* B finished before anything it raised ran */
    QT_EQ(log_buf[2], LINE_A);
    QT_EQ(log_buf[3], LINE_C);
}

static void test_posix_busy_ticks_pending_tick_runs_before_lines(void)
{
    TickType_t start = xTaskGetTickCount();

    install_handlers();
    taskENTER_CRITICAL();
    posix_irq_raise(LINE_A);
    posix_busy_ticks(1);
    QT_EQ(xTaskGetTickCount(), start); /* the tick is pending too */
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 1);
    QT_EQ(tick_seen, start + 1); /* the tick was taken first */
}

static void test_portSET_INTERRUPT_MASK_FROM_ISR_nests_and_defers(void)
{
    UBaseType_t outer, inner;

    install_handlers();
    outer = taskENTER_CRITICAL_FROM_ISR();
    inner = taskENTER_CRITICAL_FROM_ISR();
    posix_irq_raise(LINE_A);
    taskEXIT_CRITICAL_FROM_ISR(inner);
    QT_EQ(log_len, 0); /* the inner restore keeps interrupts masked */
    taskEXIT_CRITICAL_FROM_ISR(outer);
    QT_EQ(log_len, 1);
}

static void test_portDISABLE_INTERRUPTS_defers_until_enable(void)
{
    install_handlers();
    taskDISABLE_INTERRUPTS();
    posix_irq_raise(LINE_A);
    QT_EQ(log_len, 0);
    taskENABLE_INTERRUPTS();
    QT_EQ(log_len, 1);
}

static void tick_hook_records_context(void)
{
    inside_seen = xPortIsInsideInterrupt();
}

static void test_xPortIsInsideInterrupt_true_only_in_handlers(void)
{
    inside_seen = pdFALSE;
    qtest_tick_hook = tick_hook_records_context;
    vTaskDelay(1);
    qtest_tick_hook = NULL;
    QT_EQ(inside_seen, pdTRUE);
    QT_EQ(xPortIsInsideInterrupt(), pdFALSE);
    taskENTER_CRITICAL();
    QT_EQ(xPortIsInsideInterrupt(), pdFALSE); /* masked is not inside */
    taskEXIT_CRITICAL();
}

static void equal_priority_task(void *arg)
{
    (void)arg;
    task_ran = 1;
    vTaskDelete(NULL);
}

static void test_taskYIELD_outside_critical_switches_before_return(void)
{
    task_ran = 0;
    xTaskCreate(equal_priority_task, "peer", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY, NULL);
    QT_EQ(task_ran, 0); /* equal priority does not preempt */
    taskYIELD();
    QT_EQ(task_ran, 1);
}

static void test_taskYIELD_in_critical_waits_for_exit(void)
{
    task_ran = 0;
    xTaskCreate(equal_priority_task, "peer", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY, NULL);
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    taskYIELD();
    taskEXIT_CRITICAL();
    QT_EQ(task_ran, 0);
    taskEXIT_CRITICAL();
    QT_EQ(task_ran, 1);
}

/* Waits for notifications from handler_wake and logs 100 for each. */
static void waiter_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        log_event(100);
    }
}

static void handler_wake(void)
{
    BaseType_t woken = pdFALSE;

    vTaskNotifyGiveFromISR(waiter, &woken);
    log_event(1);
    portYIELD_FROM_ISR(woken);
    log_event(2); /* the switch happens after the handler, not inside it */
}

static void start_waiter(void)
{
    log_reset();
    posix_irq_set_handler(LINE_A, handler_wake);
    xTaskCreate(waiter_task, "waiter", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &waiter);
}

static void test_portYIELD_FROM_ISR_runs_woken_task_after_handler(void)
{
    start_waiter();
    posix_irq_raise(LINE_A);
    log_event(3);
    QT_EQ(log_len, 4);
    QT_EQ(log_buf[0], 1);
    QT_EQ(log_buf[1], 2);
    QT_EQ(log_buf[2], 100);
    QT_EQ(log_buf[3], 3);
    vTaskDelete(waiter);
}

static void test_portYIELD_FROM_ISR_in_critical_switches_at_exit(void)
{
    start_waiter();
    taskENTER_CRITICAL();
    posix_irq_raise(LINE_A);
    log_event(3);
    taskEXIT_CRITICAL();
    log_event(4);
    QT_EQ(log_len, 5);
    QT_EQ(log_buf[0], 3);
    QT_EQ(log_buf[1], 1);
    QT_EQ(log_buf[2], 2);
    QT_EQ(log_buf[3], 100);
    QT_EQ(log_buf[4], 4);
    vTaskDelete(waiter);
}

static void *raise_line_a(void *arg)
{
    (void)arg;
    posix_irq_raise(LINE_A);
    return NULL;
}

static void test_posix_irq_raise_from_other_thread_taken_at_next_unmask(void)
{
    pthread_t thread;

    install_handlers();
    QT_EQ(pthread_create(&thread, NULL, raise_line_a, NULL), 0);
    QT_EQ(pthread_join(thread, NULL), 0);
    QT_EQ(log_len, 0); /* simulated time: nothing interrupts the kernel thread */
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
    QT_EQ(log_len, 1);
    QT_EQ(inside_seen, pdTRUE);
}

static volatile unsigned seen_at_start;

static void first_task(void *arg)
{
    (void)arg;
    seen_at_start = log_len;
    vTaskEndScheduler();
}

static void test_posix_irq_raise_before_start_taken_when_first_task_runs(void)
{
    install_handlers();
    posix_irq_raise(LINE_A);
    QT_EQ(log_len, 0); /* no scheduler: interrupts are off */
    seen_at_start = 99;
    xTaskCreate(first_task, "first", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    vTaskStartScheduler();
    QT_EQ(seen_at_start, 1); /* taken as the first task unmasked, before its code ran */
    QT_EQ(log_len, 1);
}

/* ---- Misuse: each runs in a forked child and must trip configASSERT. ---- */

static void handler_enters_critical(void)
{
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
}

static void enter_critical_in_handler(void *arg)
{
    (void)arg;
    posix_irq_set_handler(LINE_D, handler_enters_critical);
    posix_irq_raise(LINE_D);
}

static void exit_critical_unbalanced(void *arg)
{
    (void)arg;
    taskEXIT_CRITICAL();
}

static void raise_unregistered(void *arg)
{
    (void)arg;
    posix_irq_set_handler(LINE_D, NULL);
    posix_irq_raise(LINE_D);
}

static void raise_out_of_range(void *arg)
{
    (void)arg;
    posix_irq_raise(POSIX_IRQ_COUNT);
}

static void set_handler_on_tick_line(void *arg)
{
    (void)arg;
    posix_irq_set_handler(0, handler_a);
}

static void test_vPortEnterCritical_in_handler_asserts(void)
{
    QT_EXPECT_ASSERT(enter_critical_in_handler, NULL);
}

static void test_vPortExitCritical_unbalanced_asserts(void)
{
    QT_EXPECT_ASSERT(exit_critical_unbalanced, NULL);
}

static void test_posix_irq_raise_without_handler_asserts(void)
{
    QT_EXPECT_ASSERT(raise_unregistered, NULL);
}

static void test_posix_irq_raise_out_of_range_asserts(void)
{
    QT_EXPECT_ASSERT(raise_out_of_range, NULL);
}

static void test_posix_irq_set_handler_tick_line_asserts(void)
{
    QT_EXPECT_ASSERT(set_handler_on_tick_line, NULL);
}

QTEST_MAIN(QTEST_CASE(test_posix_irq_raise_unmasked_runs_before_return),
           QTEST_CASE(test_posix_irq_raise_in_critical_runs_at_outermost_exit),
           QTEST_CASE(test_posix_irq_raise_twice_while_masked_runs_once),
           QTEST_CASE(test_posix_irq_raise_masked_lines_run_in_ascending_order),
           QTEST_CASE(test_posix_irq_raise_from_handler_tail_chains),
           QTEST_CASE(test_posix_busy_ticks_pending_tick_runs_before_lines),
           QTEST_CASE(test_portSET_INTERRUPT_MASK_FROM_ISR_nests_and_defers),
           QTEST_CASE(test_portDISABLE_INTERRUPTS_defers_until_enable),
           QTEST_CASE(test_xPortIsInsideInterrupt_true_only_in_handlers),
           QTEST_CASE(test_taskYIELD_outside_critical_switches_before_return),
           QTEST_CASE(test_taskYIELD_in_critical_waits_for_exit),
           QTEST_CASE(test_portYIELD_FROM_ISR_runs_woken_task_after_handler),
           QTEST_CASE(test_portYIELD_FROM_ISR_in_critical_switches_at_exit),
           QTEST_CASE(test_posix_irq_raise_from_other_thread_taken_at_next_unmask),
           QTEST_CASE_NO_SCHEDULER(test_posix_irq_raise_before_start_taken_when_first_task_runs),
           QTEST_CASE(test_vPortEnterCritical_in_handler_asserts),
           QTEST_CASE(test_vPortExitCritical_unbalanced_asserts),
           QTEST_CASE(test_posix_irq_raise_without_handler_asserts),
           QTEST_CASE(test_posix_irq_raise_out_of_range_asserts),
           QTEST_CASE(test_posix_irq_set_handler_tick_line_asserts))
