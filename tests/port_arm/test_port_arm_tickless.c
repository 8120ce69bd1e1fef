/* SPDX-License-Identifier: MIT */
/*
 * Cortex-M tickless idle (ports/arm_common/arm_tickless.c): while every task
 * waits, the idle task stops the periodic tick and sleeps until the next wake
 * time or the first interrupt, then steps the tick count. Checked against a
 * free-running CMSDK timer (independent of SysTick): the tick count stays
 * within one tick of the elapsed time over long sleeps (longer than SysTick's
 * 24-bit reload allows in one go), many short ones, sleeps ended early by
 * another interrupt, and a sleep that eTaskConfirmSleepModeStatus aborts;
 * and far fewer tick interrupts happen than ticks pass.
 *
 * Virtual time. The board runs under QEMU's -icount shift=4,sleep=off, where
 * virtual time follows the instructions executed, except that a core halted
 * in WFI makes QEMU jump to the next timer deadline. QEMU 7.2 then jumps once
 * more, to the deadline after that, before the core wakes: every periodic
 * timer that ends a WFI loses one period (SysTick with ticks, or the CMSDK
 * timer used the same way, runs at exactly half speed against a free-running
 * one). So the cases that compare clocks replace the port's WFI with a spin
 * until an exception is pending (configPRE_SLEEP_PROCESSING setting the idle
 * time to 0, which FreeRTOS documents for applications that sleep their own
 * way): the same port code runs, and virtual time stays exact and
 * deterministic. The last case keeps the real WFI and checks only what QEMU
 * preserves: the task wakes at its tick count, never early. (With the real
 * WFI, QEMU's extra jump at the end of a sleep's first phase, the rest of the
 * current tick, is to the end of the long count that follows, so virtual time
 * runs up to twice as fast as the tick count.)
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "board.h"
#include "semphr.h"
#include "task.h"

#include <stdio.h>
#include <stdlib.h>

#define REF_TIMER 1u  /* free-running: the independent clock */
#define WAKE_TIMER 0u /* periodic: the other interrupt */
#define CYCLES_PER_TICK (BOARD_TIMER_CLOCK_HZ / configTICK_RATE_HZ)
#define MAX_SLEEP_TICKS (0x01000000u / (configCPU_CLOCK_HZ / configTICK_RATE_HZ))

_Static_assert(BOARD_TIMER_CLOCK_HZ == configCPU_CLOCK_HZ, "SysTick and the timers share a clock");

static volatile unsigned tick_irqs;
static volatile unsigned sleeps;
static volatile unsigned wfi_sleeps;
static volatile int use_wfi;
static void (*volatile before_sleep)(void);
static volatile unsigned wake_irqs;
static SemaphoreHandle_t sem;
static unsigned spare_irq;

/* configPRE_SLEEP_PROCESSING: spin until an exception is pending, then skip the WFI. */
void port_test_pre_sleep(void *idle_ticks)
{
    sleeps++;
    if (use_wfi) {
        wfi_sleeps++;
        return;
    }
    while ((ARM_ICSR & ARM_ICSR_VECTPENDING_MASK) == 0u) {
    }
    *(TickType_t *)idle_ticks = 0;
}

/* traceLOW_POWER_IDLE_BEGIN: the kernel has decided to sleep; the port has not checked yet. */
void port_test_before_sleep(void)
{
    void (*hook)(void) = before_sleep;

    if (hook != NULL) {
        before_sleep = NULL;
        hook();
    }
}

static void count_tick(void)
{
    tick_irqs++;
}

struct span {
    uint32_t timer; /* REF_TIMER counts down */
    TickType_t tick;
    unsigned tick_irqs;
    unsigned sleeps;
};

static void span_begin(struct span *s)
{
    qtest_tick_hook = count_tick;
    board_timer_start(REF_TIMER, 0); /* 2^32 cycles per period; its interrupt stays disabled */
    vTaskDelay(1);                   /* start just after a tick, as every delay ends */
    s->timer = board_timer_value(REF_TIMER);
    s->tick = xTaskGetTickCount();
    s->tick_irqs = tick_irqs;
    s->sleeps = sleeps;
}

/* Ticks counted since span_begin minus ticks elapsed by the reference timer, in timer cycles. */
static int32_t span_drift(const struct span *s, TickType_t *ticks, unsigned *irqs)
{
    const uint32_t elapsed = s->timer - board_timer_value(REF_TIMER);

    *ticks = (TickType_t)(xTaskGetTickCount() - s->tick);
    *irqs = tick_irqs - s->tick_irqs;
    printf("  %lu ticks, %u tick interrupts, %u sleeps, drift %ld timer cycles\n",
           (unsigned long)*ticks, *irqs, sleeps - s->sleeps,
           (long)((int32_t)(*ticks * CYCLES_PER_TICK) - (int32_t)elapsed));
    return (int32_t)(*ticks * CYCLES_PER_TICK) - (int32_t)elapsed;
}

static void spin_at_idle_priority(void *arg)
{
    (void)arg;
    for (;;) {
    }
}

static void test_tick_interrupts_run_every_tick_without_sleep(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;
    TaskHandle_t spinner;

    /* A ready task at the idle priority leaves the idle task nothing to sleep through. */
    QT_EQ(xTaskCreate(spin_at_idle_priority, "spin", configMINIMAL_STACK_SIZE, NULL,
                      tskIDLE_PRIORITY, &spinner),
          pdPASS);
    span_begin(&s);
    vTaskDelay(500);
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 500);
    QT_EQ(irqs, 500);
    QT_EQ(sleeps, s.sleeps);
    vTaskDelete(spinner);
    vTaskDelay(2); /* the idle task frees it */
}

static void test_long_sleep_keeps_time_with_few_tick_interrupts(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;

    span_begin(&s);
    vTaskDelay(1500); /* more than two of SysTick's longest counts */
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 1500);
    QT_ASSERT(sleeps - s.sleeps >= 2 * (1500 / MAX_SLEEP_TICKS));
    QT_ASSERT(irqs <= 1500 / MAX_SLEEP_TICKS + 1); /* one per sleep */
}

static void test_short_sleeps_keep_time(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;

    span_begin(&s);
    for (int i = 0; i < 200; i++) {
        vTaskDelay(2); /* exactly configEXPECTED_IDLE_TIME_BEFORE_SLEEP */
    }
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 400);
    QT_EQ(sleeps - s.sleeps, 2 * 200); /* two phases each: the current tick, then the rest */
    QT_EQ(irqs, 200);                  /* one per sleep, its last tick */
}

static void wake_timer_handler(void)
{
    board_timer_ack(WAKE_TIMER);
    wake_irqs++;
}

static void start_wake_timer(uint32_t period_cycles, void (*handler)(void))
{
    const unsigned irq = board_timer_irq(WAKE_TIMER);

    wake_irqs = 0;
    board_irq_set_handler(irq, handler);
    arm_nvic_set_priority(irq, PRIO_BELOW_CEILING);
    arm_nvic_enable(irq);
    board_timer_start(WAKE_TIMER, period_cycles);
}

static void stop_wake_timer(void)
{
    board_timer_stop(WAKE_TIMER);
    arm_nvic_disable(board_timer_irq(WAKE_TIMER));
    arm_nvic_clear_pending(board_timer_irq(WAKE_TIMER));
    board_irq_set_handler(board_timer_irq(WAKE_TIMER), NULL);
}

static void test_sleeps_ended_early_by_interrupts_keep_time(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;

    span_begin(&s);
    /* Every 3.3 ticks, out of phase with the tick: each one ends a sleep mid-tick. */
    start_wake_timer(CYCLES_PER_TICK * 33u / 10u, wake_timer_handler);
    vTaskDelay(1000);
    stop_wake_timer();
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 1000);
    QT_ASSERT(wake_irqs >= 300);
    QT_ASSERT(irqs < ticks); /* the sleeps after each early wake still skip ticks */
}

static void give_once_handler(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_stop(WAKE_TIMER);
    wake_irqs++;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void test_interrupt_that_wakes_a_task_ends_the_sleep_on_its_tick(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;

    sem = xSemaphoreCreateBinary();
    span_begin(&s);
    start_wake_timer(CYCLES_PER_TICK * 7345u / 10u, give_once_handler); /* at 734.5 ticks */
    QT_EQ(xSemaphoreTake(sem, 5000), pdTRUE);
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 734); /* woken half-way through tick 735, in the second sleep */
    QT_EQ(wake_irqs, 1);
    stop_wake_timer();
    vSemaphoreDelete(sem);
}

static void give_from_spare(void)
{
    BaseType_t woken = pdFALSE;

    wake_irqs++;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void pend_spare(void)
{
    arm_nvic_set_pending(spare_irq); /* taken at once: the kernel's sleep decision is stale */
}

static void test_task_readied_before_the_port_checks_aborts_the_sleep(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;
    unsigned sleeps_before;

    sem = xSemaphoreCreateBinary();
    spare_irq = port_test_irq_setup(0, PRIO_BELOW_CEILING, give_from_spare);
    wake_irqs = 0;
    span_begin(&s);
    sleeps_before = sleeps;
    before_sleep = pend_spare;
    QT_EQ(xSemaphoreTake(sem, 1000), pdTRUE);
    QT_EQ(wake_irqs, 1);
    QT_PTR_EQ(before_sleep, NULL);
    QT_EQ(sleeps, sleeps_before); /* eTaskConfirmSleepModeStatus said eAbortSleep */
    QT_ASSERT(abs(span_drift(&s, &ticks, &irqs)) < (int32_t)CYCLES_PER_TICK);
    QT_EQ(ticks, 0);
    port_test_irq_teardown(spare_irq);
    vSemaphoreDelete(sem);
}

static void test_wfi_sleep_wakes_at_its_tick_never_early(void)
{
    struct span s;
    TickType_t ticks;
    unsigned irqs;
    int32_t drift;

    use_wfi = 1;
    wfi_sleeps = 0;
    span_begin(&s);
    vTaskDelay(500);
    drift = span_drift(&s, &ticks, &irqs);
    use_wfi = 0;
    QT_EQ(ticks, 500);
    QT_ASSERT(wfi_sleeps >= 1);
    QT_ASSERT(irqs < 10);
    /* Never ahead of real time. Behind it under QEMU: see the comment at the top. */
    QT_ASSERT(drift <= (int32_t)CYCLES_PER_TICK / 2);
}

QTEST_MAIN(QTEST_CASE(test_tick_interrupts_run_every_tick_without_sleep),
           QTEST_CASE(test_long_sleep_keeps_time_with_few_tick_interrupts),
           QTEST_CASE(test_short_sleeps_keep_time),
           QTEST_CASE(test_sleeps_ended_early_by_interrupts_keep_time),
           QTEST_CASE(test_interrupt_that_wakes_a_task_ends_the_sleep_on_its_tick),
           QTEST_CASE(test_task_readied_before_the_port_checks_aborts_the_sleep),
           QTEST_CASE(test_wfi_sleep_wakes_at_its_tick_never_early))
