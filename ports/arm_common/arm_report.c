/* SPDX-License-Identifier: MIT */
/*
 * arm_report.c: one-line explanations for the Cortex-M ports' configASSERT
 * checks. The port formats the line itself (no C library, callable from any
 * handler) and hands it to arm_port_report(), which the board or application
 * defines to print it; the weak default here drops it.
 */
#include "arm_port_private.h"

#include <stdarg.h>

#define REPORT_MAX 256

static char line[REPORT_MAX];

__attribute__((weak)) void arm_port_report(const char *message)
{
    (void)message;
}

static size_t put_char(size_t at, char c)
{
    if (at < REPORT_MAX - 1u) {
        line[at++] = c;
    }
    return at;
}

static size_t put_unsigned(size_t at, uint32_t v, uint32_t base, uint32_t min_digits)
{
    char digits[10];
    uint32_t n = 0;

    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0u || n < min_digits);
    while (n > 0u) {
        at = put_char(at, digits[--n]);
    }
    return at;
}

static size_t put_conversion(size_t at, char conv, va_list *ap)
{
    switch (conv) {
    case 's':
        for (const char *s = va_arg(*ap, const char *); *s != '\0'; s++) {
            at = put_char(at, *s);
        }
        return at;
    case 'u':
        return put_unsigned(at, va_arg(*ap, unsigned), 10u, 1u);
    case 'x':
        at = put_char(put_char(at, '0'), 'x');
        return put_unsigned(at, va_arg(*ap, unsigned), 16u, 2u);
    case 'c':
        return put_char(at, (char)va_arg(*ap, int));
    default:
        return put_char(put_char(at, '%'), conv);
    }
}

void arm_port_reportf(const char *fmt, ...)
{
    va_list ap;
    size_t at = 0;

    va_start(ap, fmt);
    for (; *fmt != '\0'; fmt++) {
        if (*fmt == '%' && fmt[1] != '\0') {
            at = put_conversion(at, *++fmt, &ap);
        } else {
            at = put_char(at, *fmt);
        }
    }
    va_end(ap);
    line[at] = '\0';
    arm_port_report(line);
}

void arm_port_bad_svc(uint32_t number)
{
    arm_port_reportf("SVC %u is not a kernel service: the port only issues SVC %u (start the "
                     "first task); an application's own SVCs need their own dispatcher in front "
                     "of vPortSVCHandler",
                     (unsigned)number, ARM_SVC_START_FIRST_TASK);
    configASSERT(number == ARM_SVC_START_FIRST_TASK);
}
