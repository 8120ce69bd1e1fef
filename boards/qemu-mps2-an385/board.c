/* SPDX-License-Identifier: MIT */
/*
 * board.c: the MPS2 (AN385, AN386) board support behind board.h: UART0 as
 * the console and the two CMSDK APB timers (the parts every Cortex-M board
 * shares are in ../common/cortex-m/). Everything it needs to know about the
 * machine comes from board_defs.h, so the AN386 build reuses it.
 */
#include "board.h"

#include "cmsdk.h"

static const uintptr_t timer_bases[BOARD_TIMER_COUNT] = BOARD_TIMER_BASES;

void board_init(void);

void board_init(void)
{
    cmsdk_uart_init(BOARD_UART0_BASE, BOARD_CPU_CLOCK_HZ, BOARD_CONSOLE_BAUD);
}

void board_console_putc(char c)
{
    cmsdk_uart_putc(BOARD_UART0_BASE, c);
}

void board_timer_start(unsigned t, uint32_t period_cycles)
{
    cmsdk_timer_start(timer_bases[t % BOARD_TIMER_COUNT], period_cycles);
}

void board_timer_stop(unsigned t)
{
    cmsdk_timer_stop(timer_bases[t % BOARD_TIMER_COUNT]);
}

void board_timer_ack(unsigned t)
{
    cmsdk_timer_ack(timer_bases[t % BOARD_TIMER_COUNT]);
}

uint32_t board_timer_value(unsigned t)
{
    return cmsdk_timer_value(timer_bases[t % BOARD_TIMER_COUNT]);
}
