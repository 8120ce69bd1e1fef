/* SPDX-License-Identifier: MIT */
/*
 * RISC-V trap rules: handlers run on the interrupt stack and never nest (an
 * interrupt raised in a handler runs after it), a tick that falls due while
 * a handler runs waits for it, then every missed tick is counted (or, with
 * configRISCV_TICK_CATCH_UP 0, only that one), critical sections hold
 * off external (PLIC) interrupts, portYIELD_FROM_ISR switches on the trap's
 * exit and only when asked, and FromISR calls work from a real PLIC source
 * (the RTC alarm), on time.
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "board.h"
#include "semphr.h"
#include "task.h"

#define LINE_A 1u
#define LINE_B 2u
#define ISR_STACK_BYTES 4096u /* the board's linker script */

static volatile unsigned order[4];
static volatile unsigned steps;
static volatile uint32_t depth_in_b;
static volatile uintptr_t handler_sp;
static SemaphoreHandle_t sem;
static volatile unsigned taken;
static volatile unsigned rtc_runs;

static void record(unsigned what)
{
    if (steps < 4u) {
        order[steps++] = what;
    }
}

static void line_b(void)
{
    depth_in_b = riscv_port_isr_depth;
    record(3);
}

static void line_a_raises_b(void)
{
    handler_sp = port_test_sp();
    record(1);
    board_soft_irq_raise(LINE_B); /* pending: MIE is 0 in a handler */
    record(2);
}

static void test_handlers_do_not_nest(void)
{
    steps = 0;
    board_soft_irq_set_handler(LINE_A, line_a_raises_b);
    board_soft_irq_set_handler(LINE_B, line_b);
    board_soft_irq_raise(LINE_A);
    QT_EQ(steps, 3);
    QT_EQ(order[0], 1);
    QT_EQ(order[1], 2); /* A finished first */
    QT_EQ(order[2], 3);
    QT_EQ(depth_in_b, 1);
}

static void test_handlers_run_on_interrupt_stack(void)
{
    const uintptr_t top = (uintptr_t)riscv_port_isr_stack_top;

    handler_sp = 0;
    steps = 0;
    board_soft_irq_set_handler(LINE_A, line_a_raises_b);
    board_soft_irq_set_handler(LINE_B, line_b);
    board_soft_irq_raise(LINE_A);
    QT_ASSERT(handler_sp < top && handler_sp >= top - ISR_STACK_BYTES);
    QT_ASSERT(port_test_sp() >= top || port_test_sp() < top - ISR_STACK_BYTES); /* tasks not */
}

static volatile TickType_t tick_at_start, tick_at_end;

static void slow_handler(void)
{
    const volatile uint32_t *mtime = (const volatile uint32_t *)(uintptr_t)BOARD_MTIME_BASE;
    const uint32_t start = mtime[0];

    tick_at_start = xTaskGetTickCountFromISR();
    while (mtime[0] - start < 3u * (configMTIME_CLOCK_HZ / configTICK_RATE_HZ)) {
    }
    tick_at_end = xTaskGetTickCountFromISR();
}

static void test_tick_waits_for_handler_then_catches_up(void)
{
    TickType_t before;

    board_soft_irq_set_handler(LINE_A, slow_handler);
    vTaskDelay(1); /* just after a tick */
    before = xTaskGetTickCount();
    board_soft_irq_raise(LINE_A);
    QT_EQ(tick_at_start, before);
    QT_EQ(tick_at_end, before); /* three tick periods passed, no tick was taken */
    if (configRISCV_TICK_CATCH_UP) {
        /* Each missed tick came straight back on exit: all three counted. */
        QT_ASSERT(xTaskGetTickCount() - before >= 3u);
    } else {
        QT_EQ(xTaskGetTickCount() - before, 1); /* the one taken late; the rest dropped */
    }
}

static void rtc_once(void)
{
    board_timer_stop(0);
    rtc_runs++;
}

static void start_rtc(uint32_t period_ns, void (*handler)(void))
{
    board_irq_set_handler(board_timer_irq(0), handler);
    board_irq_enable(board_timer_irq(0), 1);
    board_timer_start(0, period_ns);
}

static void stop_rtc(void)
{
    board_timer_stop(0);
    board_irq_disable(board_timer_irq(0));
    board_irq_set_handler(board_timer_irq(0), NULL);
}

static void test_critical_section_holds_off_external_interrupt(void)
{
    rtc_runs = 0;
    taskENTER_CRITICAL();
    start_rtc(100000u, rtc_once); /* 100 us */
    while (!RISCV_PLIC_PENDING(BOARD_PLIC_BASE, BOARD_RTC_IRQ)) {
    }
    QT_EQ(rtc_runs, 0); /* pending at the PLIC, held off by MIE = 0 */
    taskEXIT_CRITICAL();
    QT_EQ(rtc_runs, 1); /* taken as the lock dropped */
    stop_rtc();
}

static void gives(void)
{
    BaseType_t woken = pdFALSE;

    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void gives_without_yield(void)
{
    BaseType_t woken = pdFALSE;

    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(pdFALSE);
}

static void taker(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
            taken++;
        }
    }
}

static void test_yield_from_isr_switches_on_exit(void)
{
    TaskHandle_t t;

    sem = xSemaphoreCreateBinary();
    taken = 0;
    QT_EQ(xTaskCreate(taker, "taker", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    board_soft_irq_set_handler(LINE_A, gives);
    board_soft_irq_raise(LINE_A);
    QT_EQ(taken, 1); /* the woken task ran before the interrupted one resumed */
    board_soft_irq_set_handler(LINE_A, gives_without_yield);
    vTaskDelay(1);
    board_soft_irq_raise(LINE_A);
    QT_EQ(taken, 1); /* not asked to switch: back to this task first */
    vTaskDelay(1);
    QT_EQ(taken, 2); /* the next switch (the tick) ran it */
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

static void rtc_gives(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(0);
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

#define RTC_HZ 400u /* 2.5 ticks per interrupt: never in step with the tick */

static void test_fromisr_from_plic_interrupt(void)
{
    TickType_t start;
    TickType_t elapsed;

    sem = xSemaphoreCreateCounting(1000, 0);
    start_rtc(BOARD_TIMER_CLOCK_HZ / RTC_HZ, rtc_gives);
    QT_EQ(xSemaphoreTake(sem, pdMS_TO_TICKS(100)), pdTRUE);
    start = xTaskGetTickCount();
    for (unsigned i = 0; i < 100; i++) {
        QT_EQ(xSemaphoreTake(sem, pdMS_TO_TICKS(100)), pdTRUE);
    }
    elapsed = xTaskGetTickCount() - start;
    stop_rtc();
    /* 100 periods of 2.5 ms: 250 ticks, give or take the tick the first and last fell in. */
    QT_ASSERT(elapsed >= 249 && elapsed <= 251);
    vSemaphoreDelete(sem);
}

QTEST_MAIN(QTEST_CASE(test_handlers_do_not_nest), QTEST_CASE(test_handlers_run_on_interrupt_stack),
           QTEST_CASE(test_tick_waits_for_handler_then_catches_up),
           QTEST_CASE(test_critical_section_holds_off_external_interrupt),
           QTEST_CASE(test_yield_from_isr_switches_on_exit),
           QTEST_CASE(test_fromisr_from_plic_interrupt))
