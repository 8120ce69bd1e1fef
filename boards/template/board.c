/* SPDX-License-Identifier: MIT */
/*
 * board.c of the board template: the functions behind board.h that only the
 * board can write (its clock, console UART and timers). Each is a
 * TODO(board) that, until written, names itself on QEMU's (or the debugger's)
 * console through semihosting and ends the run with status 5, so a board made
 * from the template fails at its first unwritten function instead of silently
 * doing nothing. docs/porting/board-layer.md says what each must do;
 * boards/qemu-lm3s6965evb/board.c and boards/qemu-mps2-an385/board.c are
 * complete examples. The parts every Cortex-M board shares (vector table,
 * C library hooks, console strings, fault reports, interrupt line tables) are
 * in ../common/cortex-m/.
 */
#include "board.h"

#define BOARD_EXIT_TODO 5

void board_init(void);

static void board_todo(const char *function)
{
    board_semihost_puts("\nboards/" BOARD_NAME ": ");
    board_semihost_puts(function);
    board_semihost_puts("() is not written yet (docs/porting/board-layer.md)\n");
    board_exit(BOARD_EXIT_TODO);
}

/*
 * TODO(board): called once from the reset handler, after .data and .bss are set up and before
 * main(). Set the core clock to BOARD_CPU_CLOCK_HZ, enable the clocks of the UART and the
 * timers, and set the console UART up for BOARD_CONSOLE_BAUD, transmit only.
 */
void board_init(void)
{
    board_todo("board_init");
}

/*
 * TODO(board): send one byte on the console UART, polling while its transmitter is full.
 * Called from any context, including fault handlers: no interrupts, no locks, no allocation.
 * (../common/cortex-m/console.c turns '\n' into "\r\n" and builds the rest on it.)
 */
void board_console_putc(char c)
{
    (void)c;
    board_todo("board_console_putc");
}

/*
 * TODO(board): make timer t (0 or 1) count down from period_cycles - 1 at
 * BOARD_TIMER_CLOCK_HZ, raise its interrupt (board_timer_irq(t)) at zero and start again; a
 * period of 0 means 2^32. Leave the NVIC alone: enabling the line is the caller's.
 */
void board_timer_start(unsigned t, uint32_t period_cycles)
{
    (void)t;
    (void)period_cycles;
    board_todo("board_timer_start");
}

/* TODO(board): stop timer t and clear its pending interrupt in the timer. */
void board_timer_stop(unsigned t)
{
    (void)t;
    board_todo("board_timer_stop");
}

/* TODO(board): acknowledge timer t's interrupt in the timer (its handler calls this). */
void board_timer_ack(unsigned t)
{
    (void)t;
    board_todo("board_timer_ack");
}

/*
 * TODO(board): the current count of timer t (counting down). The port tests read timer 1
 * free-running as a clock independent of SysTick; if the hardware cannot read one of the
 * timers, fail clearly for that one (boards/qemu-lm3s6965evb/ shows a way round it).
 */
uint32_t board_timer_value(unsigned t)
{
    (void)t;
    board_todo("board_timer_value");
    return 0;
}
