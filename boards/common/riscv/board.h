/* SPDX-License-Identifier: MIT */
/*
 * board.h: what every Quartz RISC-V board gives its application and the test
 * harness, beyond the C library (printf reaches the console; exit(status)
 * ends the run with that status). The same names as the Cortex-M boards'
 * board.h where the idea is the same (console, interrupt handlers, timers,
 * exit, command line); PLIC priorities and software interrupt lines are this
 * architecture's own.
 *
 * The board's board_defs.h supplies the data: addresses, interrupt numbers,
 * clocks. Nothing here needs the kernel. All functions may be called from
 * any context unless noted; none blocks except on the UART's transmitter.
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
void board_console_puts(const char *s); /* no newline added */
/* label, then v as 0x%08x: for fault reports, without printf. */
void board_console_put_hex(const char *label, uint32_t v);

/*
 * Route PLIC source irq (1..BOARD_IRQ_COUNT-1) to handler, or back to the
 * "unexpected interrupt" report with NULL. board_irq_enable gives it a PLIC
 * priority (1..BOARD_IRQ_PRIORITY_MAX; the threshold is 0, and the kernel's
 * critical sections mask every priority alike) and enables it for hart 0.
 */
void board_irq_set_handler(unsigned irq, void (*handler)(void));
void board_irq_enable(unsigned irq, unsigned priority);
void board_irq_disable(unsigned irq);

/*
 * Software interrupt lines 0..BOARD_SOFT_IRQ_COUNT-1: board_soft_irq_raise
 * makes line n pending and raises the supervisor software interrupt
 * (mip.SSIP), which the hart takes in M-mode below the machine timer; its
 * handler runs the pending lines' handlers in ascending order. Raised with
 * interrupts unmasked, the handler has run when board_soft_irq_raise returns.
 */
void board_soft_irq_set_handler(unsigned line, void (*handler)(void));
void board_soft_irq_raise(unsigned line);

/*
 * Hardware timers (BOARD_TIMER_COUNT of them), counting at
 * BOARD_TIMER_CLOCK_HZ. board_timer_start makes timer t interrupt every
 * period_cycles (0: never, a free-running count only; its handler must call
 * board_timer_ack; the PLIC source board_timer_irq(t) is the caller's to
 * enable); board_timer_value counts down to the next interrupt (with period
 * 0: down from the start, wrapping).
 */
unsigned board_timer_irq(unsigned t);
void board_timer_start(unsigned t, uint32_t period_cycles);
void board_timer_stop(unsigned t);
void board_timer_ack(unsigned t);
uint32_t board_timer_value(unsigned t);

/* End the run: QEMU exits with `status` (the virt machine's test device). */
void board_exit(int status) __attribute__((noreturn));

/*
 * The command line QEMU passed (semihosting SYS_GET_CMDLINE: the image name,
 * then -append's text), or an empty string. Returns buf.
 */
char *board_cmdline(char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* BOARD_H */
