/* SPDX-License-Identifier: MIT */
/*
 * board_lines.c: the board functions that only read the board's data
 * (board_defs.h): which interrupt lines are spare and which line each board
 * timer raises. Constant tables, so callable from any context.
 */
#include "board.h"

static const uint8_t timer_irqs[BOARD_TIMER_COUNT] = BOARD_TIMER_IRQS;
static const uint8_t spare_irqs[BOARD_SPARE_IRQ_COUNT] = BOARD_SPARE_IRQS;

unsigned board_spare_irq(unsigned index)
{
    return index < BOARD_SPARE_IRQ_COUNT ? spare_irqs[index] : spare_irqs[0];
}

unsigned board_timer_irq(unsigned t)
{
    return timer_irqs[t % BOARD_TIMER_COUNT];
}
