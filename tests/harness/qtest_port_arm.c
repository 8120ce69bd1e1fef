/* SPDX-License-Identifier: MIT */
/*
 * qtest_port.h on the Cortex-M boards, and the harness's board half
 * (qtest_internal.h).
 *
 * Interrupt lines 1..QTEST_IRQ_COUNT-1 are the board's spare NVIC lines
 * (board_spare_irq), pended in software. They run at the lowest priority,
 * like SysTick and PendSV, so the kernel's critical sections mask them and
 * they never nest; among pending ones the lowest exception number goes first,
 * so the tick precedes them and they run in ascending order, as on the host.
 * Busy time is CPU time, as on the host: the task spins until n tick
 * interrupts have arrived while it was the running task (counted from the
 * harness's tick hook, so ticks that arrive while the scheduler is suspended
 * count too, and ticks spent in other tasks do not).
 *
 * There is no fork: a QT_EXPECT_ASSERT check cannot be contained, so it is
 * skipped (qtest.c reports it). The run ends through semihosting.
 */
#include "qtest.h"
#include "qtest_internal.h"
#include "qtest_port.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

_Static_assert(QTEST_IRQ_COUNT - 1 <= BOARD_SPARE_IRQ_COUNT, "the board has too few spare lines");
_Static_assert(configUSE_TICK_HOOK, "the harness counts tick interrupts in the tick hook");

#define BUSY_SLOTS 8

static void (*volatile handlers[QTEST_IRQ_COUNT])(void);

/* Tasks inside qtest_busy_ticks and the ticks each has used so far. */
static struct {
    TaskHandle_t task;
    volatile unsigned long ticks;
} busy[BUSY_SLOTS];

static unsigned nvic_line(unsigned irq)
{
    return board_spare_irq(irq - 1u);
}

void qtest_port_tick(void)
{
    TaskHandle_t running = xTaskGetCurrentTaskHandle(); /* the task this tick interrupted */

    for (unsigned i = 0; i < BUSY_SLOTS; i++) {
        if (busy[i].task == running && running != NULL) {
            busy[i].ticks++;
        }
    }
}

void qtest_busy_ticks(TickType_t n)
{
    unsigned slot = BUSY_SLOTS;

    taskENTER_CRITICAL();
    for (unsigned i = 0; i < BUSY_SLOTS && slot == BUSY_SLOTS; i++) {
        if (busy[i].task == NULL) {
            slot = i;
            busy[i].ticks = 0;
            busy[i].task = xTaskGetCurrentTaskHandle();
        }
    }
    taskEXIT_CRITICAL();
    configASSERT(slot < BUSY_SLOTS); /* more busy tasks than slots */
    if (slot == BUSY_SLOTS) {
        return;
    }
    while (busy[slot].ticks < (unsigned long)n) {
    }
    busy[slot].task = NULL;
}

void qtest_irq_set_handler(unsigned irq, void (*handler)(void))
{
    configASSERT(irq >= 1u && irq < QTEST_IRQ_COUNT);
    if (irq < 1u || irq >= QTEST_IRQ_COUNT) {
        return;
    }
    handlers[irq] = handler;
    if (handler == NULL) {
        arm_nvic_disable(nvic_line(irq));
        arm_nvic_clear_pending(nvic_line(irq));
        board_irq_set_handler(nvic_line(irq), NULL);
        return;
    }
    board_irq_set_handler(nvic_line(irq), handler);
    arm_nvic_set_priority(nvic_line(irq), arm_port_lowest_priority());
    arm_nvic_enable(nvic_line(irq));
}

void qtest_irq_raise(unsigned irq)
{
    configASSERT(irq >= 1u && irq < QTEST_IRQ_COUNT && handlers[irq] != NULL);
    if (irq < 1u || irq >= QTEST_IRQ_COUNT || handlers[irq] == NULL) {
        return;
    }
    arm_nvic_set_pending(nvic_line(irq)); /* taken here, after the barrier, if unmasked */
}

int qtest_port_expect_assert(void (*fn)(void *), void *arg)
{
    (void)fn;
    (void)arg;
    return QTEST_CHECK_SKIPPED;
}

void qtest_port_assert_failed(void)
{
}

void qtest_port_exit(int status)
{
    fflush(stdout);
    board_exit(status);
}
