/* SPDX-License-Identifier: MIT */
/*
 * console.c: the console functions every Cortex-M board shares, built on the
 * one function each board writes for its UART (board_console_putc): writes
 * with '\n' sent as "\r\n" and the port's report hook (the strings, hex words
 * and configASSERT report on top are ../board_report.c's). One piece of state,
 * where the console goes (the UART, or semihosting once an image has given
 * the UART to another use), written once; no locking: like
 * board_console_putc, they may be called from any context, including fault
 * and assertion paths.
 */
#include "board.h"

/*
 * The Cortex-M ports' report hook (ports/arm_common/arm_port.h), declared here rather than
 * included because the board code does not depend on an application's FreeRTOSConfig.h.
 * Weak, so that an application or test can define its own.
 */
void arm_port_report(const char *message) __attribute__((weak));

static volatile int console_on_semihost;

void board_console_to_semihost(void)
{
    console_on_semihost = 1;
}

void board_console_write(const char *s, size_t n)
{
    if (console_on_semihost) {
        board_semihost_write(s, n); /* QEMU's own console: no "\r" needed */
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            board_console_putc('\r');
        }
        board_console_putc(s[i]);
    }
}

void arm_port_report(const char *message)
{
    board_console_puts("\n[port] ");
    board_console_puts(message);
    board_console_puts("\n");
}
