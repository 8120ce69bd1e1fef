/* SPDX-License-Identifier: MIT */
/*
 * board_report.c: the console reports every Quartz board shares, Cortex-M and RISC-V alike,
 * built on the family's board_console_write without printf (the C library may be what
 * failed): strings, a labelled 32-bit word in hex for the fault reports, and the configASSERT
 * report of the boards' FreeRTOSConfig.h, which ends the run with status 2. No state: callable
 * from any context, fault and assertion paths included.
 */
#include "board.h"

#define ASSERT_EXIT_STATUS 2

void board_assert_failed(const char *file, int line);

void board_console_puts(const char *s)
{
    while (*s != '\0') {
        board_console_write(s++, 1);
    }
}

void board_console_put_hex(const char *label, uint32_t v)
{
    char buf[11] = "0x";

    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    buf[10] = '\0';
    board_console_puts(label);
    board_console_puts(buf);
}

/* Prints "configASSERT failed: file:line". */
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
