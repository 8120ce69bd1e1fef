/* SPDX-License-Identifier: MIT */
/*
 * console.c: the console functions every Cortex-M board shares, built on the
 * one function each board writes for its UART (board_console_putc): writes
 * with '\n' sent as "\r\n", strings, the port's report hook and the
 * configASSERT report of the boards' FreeRTOSConfig.h. One piece of state,
 * where the console goes (the UART, or semihosting once an image has given
 * the UART to another use), written once; no locking: like
 * board_console_putc, they may be called from any context, including fault
 * and assertion paths.
 */
#include "board.h"

#define ASSERT_EXIT_STATUS 2

/*
 * The Cortex-M ports' report hook (ports/arm_common/arm_port.h), declared here rather than
 * included because the board code does not depend on an application's FreeRTOSConfig.h.
 * Weak, so that an application or test can define its own.
 */
void arm_port_report(const char *message) __attribute__((weak));
void board_assert_failed(const char *file, int line);

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

void board_console_puts(const char *s)
{
    while (*s != '\0') {
        board_console_write(s++, 1);
    }
}

void arm_port_report(const char *message)
{
    board_console_puts("\n[port] ");
    board_console_puts(message);
    board_console_puts("\n");
}

/* Prints "configASSERT failed: file:line" without printf: the C library may be the culprit. */
void board_assert_failed(const char *file, int line)
{
    char digits[12];
    int n = 0;
    unsigned v = (unsigned)line;

    do {
        digits[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u && n < (int)sizeof(digits));
    board_console_puts("\nconfigASSERT failed: ");
    board_console_puts(file);
    board_console_puts(":");
    while (n > 0) {
        board_console_write(&digits[--n], 1);
    }
    board_console_puts("\n");
    board_exit(ASSERT_EXIT_STATUS);
}
