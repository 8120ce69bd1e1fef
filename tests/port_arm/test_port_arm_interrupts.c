/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M interrupt priorities against configMAX_SYSCALL_INTERRUPT_PRIORITY:
 * the kernel lock holds off interrupts at or below the ceiling and never
 * those above it; an interrupt above the ceiling preempts (nests in) one
 * below it; FromISR calls work from interrupts below the ceiling, including
 * the board's real CMSDK timer, and from above it they fail with a report
 * naming the IRQ, its priority and the ceiling.
 *
 * ARMv6-M has no ceiling: its kernel lock (PRIMASK) holds off every
 * interrupt, and FromISR calls work from any priority. The cases that depend
 * on the model say which they expect.
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "board.h"
#include "semphr.h"
#include "task.h"

#include <stdio.h>
#include <string.h>

#define SPARE_HIGH 0u
#define SPARE_LOW 1u

#if ARM_HAS_BASEPRI
#define HIGHEST_FROMISR_PRIO ((uint8_t)configMAX_SYSCALL_INTERRUPT_PRIORITY)
#else
#define HIGHEST_FROMISR_PRIO ((uint8_t)0x00) /* any: the kernel lock masks them all */
#endif

static unsigned irq_high, irq_low;
static volatile unsigned high_runs, low_runs;
static volatile uint32_t high_saw_low_active;
static volatile uint32_t low_order[4];
static volatile unsigned low_steps;
static SemaphoreHandle_t sem;
static volatile unsigned taken;

static void high_handler(void)
{
    high_runs++;
    high_saw_low_active = arm_nvic_is_active(irq_low);
    if (low_steps < 4) {
        low_order[low_steps++] = 2;
    }
}

static void low_handler(void)
{
    low_runs++;
    if (low_steps < 4) {
        low_order[low_steps++] = 1;
    }
}

static void setup_lines(void (*high)(void), void (*low)(void))
{
    high_runs = low_runs = 0;
    low_steps = 0;
    high_saw_low_active = 0;
    irq_high = port_test_irq_setup(SPARE_HIGH, PRIO_ABOVE_CEILING, high);
    irq_low = port_test_irq_setup(SPARE_LOW, PRIO_BELOW_CEILING, low);
}

static void teardown_lines(void)
{
    port_test_irq_teardown(irq_high);
    port_test_irq_teardown(irq_low);
}

static void test_critical_section_holds_off_only_kernel_aware_interrupts(void)
{
    setup_lines(high_handler, low_handler);
    taskENTER_CRITICAL();
    arm_nvic_set_pending(irq_high);
    arm_nvic_set_pending(irq_low);
#if ARM_HAS_BASEPRI
    QT_EQ(high_runs, 1); /* above the ceiling: never masked */
#else
    QT_EQ(high_runs, 0); /* PRIMASK holds off every priority */
#endif
    QT_EQ(low_runs, 0); /* at or below: waits */
    taskEXIT_CRITICAL();
    QT_EQ(low_runs, 1);
    QT_EQ(high_runs, 1);
    teardown_lines();
}

static void low_pends_high(void)
{
    low_runs++;
    low_order[low_steps++] = 1;
    arm_nvic_set_pending(irq_high); /* preempts this handler at once */
    low_order[low_steps++] = 3;
}

static void test_interrupt_above_ceiling_nests_in_one_below(void)
{
    setup_lines(high_handler, low_pends_high);
    arm_nvic_set_pending(irq_low);
    QT_EQ(low_runs, 1);
    QT_EQ(high_runs, 1);
    QT_EQ(low_steps, 3);
    QT_EQ(low_order[0], 1);
    QT_EQ(low_order[1], 2);
    QT_EQ(low_order[2], 3);
#if ARM_HAS_BASEPRI
    QT_EQ(high_saw_low_active, 1); /* ARMv6-M has no active-bit registers: the order shows it */
#endif
    teardown_lines();
}

static void low_gives(void)
{
    BaseType_t woken = pdFALSE;

    low_runs++;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
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

static void test_fromisr_below_ceiling_switches_on_exit(void)
{
    TaskHandle_t t;

    sem = xSemaphoreCreateBinary();
    taken = 0;
    QT_EQ(xTaskCreate(taker, "taker", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    setup_lines(high_handler, low_gives);
    arm_nvic_set_pending(irq_low);
    QT_EQ(low_runs, 1);
    QT_EQ(taken, 1); /* the woken task ran before the interrupted one resumed */
    teardown_lines();
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

#if ARM_HAS_BASEPRI
static void high_calls_fromisr(void)
{
    high_runs++;
    (void)xTaskGetTickCountFromISR();
}

static void test_fromisr_above_ceiling_is_reported(void)
{
    char want[64];

    setup_lines(high_calls_fromisr, low_handler);
    port_test_clear_report();
    port_test_expect_asserts(1);
    arm_nvic_set_pending(irq_high);
    QT_EQ(high_runs, 1);
    QT_EQ(port_test_asserts_seen(), 1);
    snprintf(want, sizeof(want), "IRQ %u has priority 0x%02x, above the syscall ceiling 0x%02x",
             irq_high, (unsigned)PRIO_ABOVE_CEILING,
             (unsigned)configMAX_SYSCALL_INTERRUPT_PRIORITY);
    QT_ASSERT(strstr(port_test_last_report(), want) != NULL);
    teardown_lines();
}
#define ABOVE_CEILING_CASES QTEST_CASE(test_fromisr_above_ceiling_is_reported),
#else
#define ABOVE_CEILING_CASES
#endif /* ARM_HAS_BASEPRI */

static void low_calls_fromisr(void)
{
    low_runs++;
    (void)xTaskGetTickCountFromISR();
}

static void test_fromisr_at_ceiling_is_accepted(void)
{
    unsigned irq;

    low_runs = 0;
    irq = port_test_irq_setup(SPARE_LOW, HIGHEST_FROMISR_PRIO, low_calls_fromisr);
    port_test_expect_asserts(1);
    arm_nvic_set_pending(irq);
    QT_EQ(low_runs, 1);
    QT_EQ(port_test_asserts_seen(), 0);
    port_test_irq_teardown(irq);
}

/* ---- The real CMSDK timer ---- */

#define TIMER 0u
#define TIMER_HZ 400u /* 2.5 ticks per interrupt: never in step with the tick */

static void timer_gives(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(TIMER);
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void test_fromisr_from_hardware_timer_interrupt(void)
{
    const unsigned irq = board_timer_irq(TIMER);
    TickType_t start;
    TickType_t elapsed;

    sem = xSemaphoreCreateCounting(1000, 0);
    board_irq_set_handler(irq, timer_gives);
    arm_nvic_set_priority(irq, PRIO_BELOW_CEILING);
    arm_nvic_enable(irq);
    board_timer_start(TIMER, BOARD_TIMER_CLOCK_HZ / TIMER_HZ);
    QT_EQ(xSemaphoreTake(sem, pdMS_TO_TICKS(100)), pdTRUE);
    start = xTaskGetTickCount();
    for (unsigned i = 0; i < 100; i++) {
        QT_EQ(xSemaphoreTake(sem, pdMS_TO_TICKS(100)), pdTRUE);
    }
    elapsed = xTaskGetTickCount() - start;
    board_timer_stop(TIMER);
    arm_nvic_disable(irq);
    board_irq_set_handler(irq, NULL);
    /* 100 periods of 2.5 ms: 250 ticks, give or take the tick the first and last fell in. */
    QT_ASSERT(elapsed >= 249 && elapsed <= 251);
    vSemaphoreDelete(sem);
}

QTEST_MAIN(QTEST_CASE(test_critical_section_holds_off_only_kernel_aware_interrupts),
           QTEST_CASE(test_interrupt_above_ceiling_nests_in_one_below),
           QTEST_CASE(test_fromisr_below_ceiling_switches_on_exit),
           ABOVE_CEILING_CASES
           QTEST_CASE(test_fromisr_at_ceiling_is_accepted),
           QTEST_CASE(test_fromisr_from_hardware_timer_interrupt))
