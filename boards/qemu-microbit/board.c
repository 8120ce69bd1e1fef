/* SPDX-License-Identifier: MIT */
/*
 * board.c: the micro:bit (nRF51822) board support behind board.h: the UART as
 * the console, TIMER1 and TIMER0 as the two board timers (the parts every
 * Cortex-M board shares are in ../common/cortex-m/). Register offsets and bits are those of the nRF51 Series Reference Manual; QEMU's model
 * (hw/char/nrf51_uart.c, hw/timer/nrf51_timer.c) implements them.
 *
 * nRF51 peripherals are driven by tasks (write 1 to start something) and
 * report through events (a register that reads 1 until software writes 0).
 * No state beyond each timer's period; no locking: each peripheral has one
 * user, and the console is written with polling from any context.
 */
#include "board.h"

#include <stdio.h>

#define REG(base, off) (*(volatile uint32_t *)(uintptr_t)((base) + (off)))

/* UART */
#define UART_TASKS_STARTTX 0x008u
#define UART_EVENTS_TXDRDY 0x11Cu
#define UART_ENABLE 0x500u
#define UART_TXD 0x51Cu
#define UART_BAUDRATE 0x524u
#define UART_ENABLE_ON 4u
#define UART_BAUDRATE_115200 0x01D7E000u

/* TIMER */
#define TIMER_TASKS_START 0x000u
#define TIMER_TASKS_STOP 0x004u
#define TIMER_TASKS_CLEAR 0x00Cu
#define TIMER_TASKS_CAPTURE1 0x044u
#define TIMER_EVENTS_COMPARE0 0x140u
#define TIMER_SHORTS 0x200u
#define TIMER_INTENSET 0x304u
#define TIMER_INTENCLR 0x308u
#define TIMER_MODE 0x504u
#define TIMER_BITMODE 0x508u
#define TIMER_PRESCALER 0x510u
#define TIMER_CC0 0x540u
#define TIMER_CC1 0x544u
#define TIMER_SHORTS_COMPARE0_CLEAR (1u << 0)
#define TIMER_INT_COMPARE0 (1u << 16)
#define TIMER_BITMODE_32 3u

#define CONSOLE_BUFFER 64

static const uintptr_t timer_bases[BOARD_TIMER_COUNT] = BOARD_TIMER_BASES;
static uint32_t timer_last[BOARD_TIMER_COUNT]; /* period - 1: the down-counter's start */

void board_init(void);

void board_init(void)
{
    /* newlib would malloc a 1 KiB stdout buffer: a small line buffer suits 16 KiB of RAM. */
    static char console_buffer[CONSOLE_BUFFER];

    REG(BOARD_UART0_BASE, UART_ENABLE) = UART_ENABLE_ON;
    REG(BOARD_UART0_BASE, UART_BAUDRATE) = UART_BAUDRATE_115200;
    REG(BOARD_UART0_BASE, UART_TASKS_STARTTX) = 1;
    (void)setvbuf(stdout, console_buffer, _IOLBF, sizeof(console_buffer));
}

void board_console_putc(char c)
{
    REG(BOARD_UART0_BASE, UART_EVENTS_TXDRDY) = 0;
    REG(BOARD_UART0_BASE, UART_TXD) = (uint8_t)c;
    while (REG(BOARD_UART0_BASE, UART_EVENTS_TXDRDY) == 0u) {
    }
}

/*
 * The counter counts up from 0; a COMPARE0 match raises the event and, with the shortcut,
 * clears it, so CC0 = period. A period of 2^32 needs no shortcut: the counter wraps there and
 * matches CC0 = 0 on the way.
 */
void board_timer_start(unsigned t, uint32_t period_cycles)
{
    const uintptr_t base = timer_bases[t % BOARD_TIMER_COUNT];

    board_timer_stop(t);
    REG(base, TIMER_MODE) = 0; /* timer, not counter */
    REG(base, TIMER_BITMODE) = TIMER_BITMODE_32;
    REG(base, TIMER_PRESCALER) = 0; /* 16 MHz */
    REG(base, TIMER_CC0) = period_cycles;
    REG(base, TIMER_SHORTS) = period_cycles != 0u ? TIMER_SHORTS_COMPARE0_CLEAR : 0u;
    REG(base, TIMER_TASKS_CLEAR) = 1;
    timer_last[t % BOARD_TIMER_COUNT] = period_cycles - 1u;
    REG(base, TIMER_INTENSET) = TIMER_INT_COMPARE0;
    REG(base, TIMER_TASKS_START) = 1;
}

void board_timer_stop(unsigned t)
{
    const uintptr_t base = timer_bases[t % BOARD_TIMER_COUNT];

    REG(base, TIMER_TASKS_STOP) = 1;
    REG(base, TIMER_INTENCLR) = TIMER_INT_COMPARE0;
    REG(base, TIMER_EVENTS_COMPARE0) = 0;
}

void board_timer_ack(unsigned t)
{
    REG(timer_bases[t % BOARD_TIMER_COUNT], TIMER_EVENTS_COMPARE0) = 0;
}

/* board.h promises a down-counter: capture the up-counter into CC1 and mirror it. */
uint32_t board_timer_value(unsigned t)
{
    const uintptr_t base = timer_bases[t % BOARD_TIMER_COUNT];

    REG(base, TIMER_TASKS_CAPTURE1) = 1;
    return timer_last[t % BOARD_TIMER_COUNT] - REG(base, TIMER_CC1);
}
