/* SPDX-License-Identifier: MIT */
/*
 * arm_report.c: one-line explanations for the Cortex-M ports' configASSERT
 * checks. The port formats the line itself (no C library, callable from any
 * handler) and hands it to arm_port_report(), which the board or application
 * defines to print it; the weak default here drops it.
 *
 * The lines are short on purpose (they are flash in every build with
 * configASSERT): each names the option or register to fix and the values
 * involved; the port's README explains each check at length.
 */
#include "arm_port_private.h"

#include <stdarg.h>

#define REPORT_MAX 128

static char line[REPORT_MAX];

__attribute__((weak)) void arm_port_report(const char *message)
{
    (void)message;
}

/* Appends s at line[at], truncating at the end of the line; returns the new end. */
static size_t put_string(size_t at, const char *s)
{
    while (*s != '\0' && at < REPORT_MAX - 1u) {
        line[at++] = *s++;
    }
    return at;
}

/* v in base 10, or in base 16 as 0x and at least two digits, ending just before end. */
static const char *format_number(char *end, uint32_t v, uint32_t base)
{
    char *p = end;

    *p = '\0';
    do {
        *--p = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0u || (base == 16u && p == end - 1));
    if (base == 16u) {
        *--p = 'x';
        *--p = '0';
    }
    return p;
}

void arm_port_reportf(const char *fmt, ...)
{
    char number[16]; /* "0x" and eight digits, or ten decimal digits, and the NUL */
    char literal[2] = {0, 0};
    va_list ap;
    size_t at = 0;

    va_start(ap, fmt);
    while (*fmt != '\0') {
        const char *piece = literal;

        literal[0] = *fmt++;
        if (literal[0] == '%' && *fmt == 's') {
            piece = va_arg(ap, const char *);
            fmt++;
        } else if (literal[0] == '%' && (*fmt == 'u' || *fmt == 'x')) {
            piece = format_number(&number[sizeof(number) - 1u], va_arg(ap, unsigned),
                                  *fmt++ == 'x' ? 16u : 10u);
        }
        at = put_string(at, piece);
    }
    va_end(ap);
    line[at] = '\0';
    arm_port_report(line);
}
