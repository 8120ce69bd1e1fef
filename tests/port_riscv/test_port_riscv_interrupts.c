/* SPDX-License-Identifier: MIT */
/*
 * RISC-V trap rules: handlers run on the interrupt stack, a tick that falls
 * due while a handler runs waits for it, then every missed tick is counted
 * (or, with configRISCV_TICK_CATCH_UP 0, only that one), and critical
 * sections hold off external (PLIC) interrupts, not only the software lines
 * the conformance suite (tests/port/) raises. (Nesting, portYIELD_FROM_ISR
 * and FromISR calls from the RTC's PLIC source are the suite's.)
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "board.h"
#include "task.h"

#define LINE_A 1u
#define ISR_STACK_BYTES 4096u /* the board's linker script */

static volatile uintptr_t handler_sp;
static volatile unsigned rtc_runs;

static void record_sp(void)
{
    handler_sp = port_test_sp();
}

static void test_handlers_run_on_interrupt_stack(void)
{
    const uintptr_t top = (uintptr_t)riscv_port_isr_stack_top;

    handler_sp = 0;
    board_soft_irq_set_handler(LINE_A, record_sp);
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

QTEST_MAIN(QTEST_CASE(test_handlers_run_on_interrupt_stack),
           QTEST_CASE(test_tick_waits_for_handler_then_catches_up),
           QTEST_CASE(test_critical_section_holds_off_external_interrupt))
