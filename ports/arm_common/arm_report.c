/* SPDX-License-Identifier: MIT */
/*
 * arm_report.c: the Cortex-M ports' failed checks. arm_port_fail() formats a
 * one-line explanation itself (no C library, callable from any handler),
 * hands it to arm_port_report(), which the board or application defines to
 * print it (the weak default here drops it), then trips configASSERT: one
 * assertion site for every port check, whose line says why.
 *
 * The lines are short on purpose (they are flash in every build with
 * configASSERT): each names the option or register to fix and the values
 * involved, in decimal; the port's README explains each check at length.
 */
#include "arm_port_private.h"

#include <stdarg.h>

#define REPORT_MAX 128
#define NUMBER_MAX 11 /* "-" and up to ten digits */

static char line[REPORT_MAX];

__attribute__((weak)) void arm_port_report(const char *message)
{
    (void)message;
}

void arm_port_fail(const char *fmt, ...)
{
    char *const end = &line[REPORT_MAX - 1 - NUMBER_MAX]; /* room left for a number and the NUL */
    char *out = line;
    va_list ap;
    char c;

    va_start(ap, fmt);
    while ((c = *fmt++) != '\0' && out < end) {
        if (c != '%') {
            *out++ = c;
        } else if (*fmt++ == 's') {
            for (const char *s = va_arg(ap, const char *); *s != '\0' && out < end; s++) {
                *out++ = *s;
            }
        } else {
            const int v = va_arg(ap, int);
            unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
            char digits[10];
            unsigned n = 0;

            if (v < 0) {
                *out++ = '-';
            }
            do {
                digits[n++] = (char)('0' + u % 10u);
                u /= 10u;
            } while (u != 0u);
            while (n > 0u) {
                *out++ = digits[--n];
            }
        }
    }
    va_end(ap);
    *out = '\0';
    arm_port_report(line);
    configASSERT(pdFALSE); /* the report says why */
}
