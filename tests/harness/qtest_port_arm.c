/* SPDX-License-Identifier: MIT */
/*
 * qtest_port.h's interrupt lines on the Cortex-M boards.
 *
 * Interrupt lines 1..QTEST_IRQ_COUNT-1 are the board's spare NVIC lines
 * (board_spare_irq), pended in software. They run at the lowest priority,
 * like SysTick and PendSV, so the kernel's critical sections mask them and
 * they never nest; among pending ones the lowest exception number goes first,
 * so the tick precedes them and they run in ascending order, as on the host.
 * Busy time, assertion checks and the end of the run: qtest_port_board.c.
 */
#include "qtest.h"
#include "qtest_port.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

_Static_assert(QTEST_IRQ_COUNT - 1 <= BOARD_SPARE_IRQ_COUNT, "the board has too few spare lines");

static void (*volatile handlers[QTEST_IRQ_COUNT])(void);

static unsigned nvic_line(unsigned irq)
{
    return board_spare_irq(irq - 1u);
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
