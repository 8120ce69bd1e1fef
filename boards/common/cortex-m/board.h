/* SPDX-License-Identifier: MIT */
/*
 * board.h: what every Quartz Cortex-M board gives its application and the
 * test harness, beyond the C library (printf reaches the console through
 * _write; exit(status) ends the run with that status).
 *
 * The board's own board_defs.h supplies the data: addresses, interrupt
 * numbers, clocks. Nothing here needs the kernel. All functions may be called
 * from any context unless noted; none blocks except on the UART's one-byte
 * transmit register.
 */
#ifndef BOARD_H
#define BOARD_H

#include "board_defs.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Write n bytes to the console UART, polled ('\n' becomes "\r\n"). Safe in handlers. */
void board_console_write(const char *s, size_t n);
/* The board's part of the console (board.c): send one byte, waiting while the UART is full. */
void board_console_putc(char c);
void board_console_puts(const char *s); /* no newline added */
/* label, then v as 0x%08x: for fault reports, without printf. */
void board_console_put_hex(const char *label, uint32_t v);
/*
 * From now on the console writes go to semihosting (board_semihost_write), not the UART, which
 * the board code then never touches again: for images that give the UART to something else,
 * such as a SLIP network link (libs/net/port/nrf51_slip). Call before that use starts.
 */
void board_console_to_semihost(void);

/*
 * Route external interrupt irq (0..BOARD_IRQ_COUNT-1) to handler, or back to
 * the "unexpected interrupt" report with NULL. The vector table sends every
 * external interrupt through this table. Priority and enabling stay with the
 * caller (arm_regs.h: arm_nvic_set_priority, arm_nvic_enable).
 */
void board_irq_set_handler(unsigned irq, void (*handler)(void));

/*
 * Interrupt lines no device of this board drives, for software-pended
 * interrupts (tests, deferred work): board_spare_irq(i) for i below
 * BOARD_SPARE_IRQ_COUNT.
 */
unsigned board_spare_irq(unsigned index);

/*
 * Hardware timers (BOARD_TIMER_COUNT of them), counting down at
 * BOARD_TIMER_CLOCK_HZ. board_timer_start makes timer t interrupt every
 * period_cycles clock cycles (0 means 2^32; its handler must call
 * board_timer_ack; the NVIC line is the caller's to enable); board_timer_value
 * reads the down-counter.
 */
unsigned board_timer_irq(unsigned t);
void board_timer_start(unsigned t, uint32_t period_cycles);
void board_timer_stop(unsigned t);
void board_timer_ack(unsigned t);
uint32_t board_timer_value(unsigned t);

/* End the run: QEMU exits with `status` (semihosting). */
void board_exit(int status) __attribute__((noreturn));

/*
 * Write s to QEMU's (or the debugger's) console through semihosting, not the UART: for
 * messages from before the console works, such as the board template's unwritten functions.
 */
void board_semihost_puts(const char *s);
/* n bytes of s through semihosting, one SYS_WRITEC each (s need not end in a NUL). */
void board_semihost_write(const char *s, size_t n);

/*
 * The command line QEMU passed (semihosting SYS_GET_CMDLINE: the image name,
 * then -append's text), or an empty string. Returns buf.
 */
char *board_cmdline(char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* BOARD_H */
