/* SPDX-License-Identifier: MIT */
/*
 * qtest_port.h's interrupt lines on the RISC-V boards.
 *
 * Interrupt lines 1..QTEST_IRQ_COUNT-1 are the board's software interrupt
 * lines (board_soft_irq_*), taken as the supervisor software interrupt: the
 * kernel's critical sections (MIE = 0) mask them, trap handlers never nest,
 * the machine timer outranks them so a pending tick goes first, and pending
 * lines run in ascending order, as on the host.
 * Busy time, assertion checks and the end of the run: qtest_port_board.c.
 */
#include "qtest.h"
#include "qtest_port.h"

#include "board.h"

_Static_assert(QTEST_IRQ_COUNT <= BOARD_SOFT_IRQ_COUNT, "the board has too few software lines");

static void (*volatile handlers[QTEST_IRQ_COUNT])(void);

void qtest_irq_set_handler(unsigned irq, void (*handler)(void))
{
    configASSERT(irq >= 1u && irq < QTEST_IRQ_COUNT);
    if (irq < 1u || irq >= QTEST_IRQ_COUNT) {
        return;
    }
    handlers[irq] = handler;
    board_soft_irq_set_handler(irq, handler);
}

void qtest_irq_raise(unsigned irq)
{
    configASSERT(irq >= 1u && irq < QTEST_IRQ_COUNT && handlers[irq] != NULL);
    if (irq < 1u || irq >= QTEST_IRQ_COUNT || handlers[irq] == NULL) {
        return;
    }
    board_soft_irq_raise(irq); /* taken before this returns, if unmasked */
}
