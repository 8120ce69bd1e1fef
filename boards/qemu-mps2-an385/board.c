/* SPDX-License-Identifier: MIT */
/*
 * board.c: the MPS2 (AN385, AN386) board support behind board.h: UART0 as
 * the console, the two CMSDK APB timers, the spare interrupt lines, and the
 * port's report hook printed on the console. Everything it needs to know
 * about the machine comes from board_defs.h, so the AN386 build reuses it.
 */
#include "board.h"

#include "cmsdk.h"

static const uintptr_t timer_bases[BOARD_TIMER_COUNT] = BOARD_TIMER_BASES;
static const uint8_t timer_irqs[BOARD_TIMER_COUNT] = BOARD_TIMER_IRQS;
static const uint8_t spare_irqs[BOARD_SPARE_IRQ_COUNT] = BOARD_SPARE_IRQS;

/*
 * The Cortex-M ports' report hook (ports/arm_common/arm_port.h), declared here rather than
 * included because the board code does not depend on an application's FreeRTOSConfig.h.
 * Weak, so that an application or test can define its own.
 */
void arm_port_report(const char *message) __attribute__((weak));

void board_init(void);

void board_init(void)
{
    cmsdk_uart_init(BOARD_UART0_BASE, BOARD_CPU_CLOCK_HZ, BOARD_CONSOLE_BAUD);
}

void board_console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            cmsdk_uart_putc(BOARD_UART0_BASE, '\r');
        }
        cmsdk_uart_putc(BOARD_UART0_BASE, s[i]);
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

unsigned board_spare_irq(unsigned index)
{
    return index < BOARD_SPARE_IRQ_COUNT ? spare_irqs[index] : spare_irqs[0];
}

unsigned board_timer_irq(unsigned t)
{
    return timer_irqs[t % BOARD_TIMER_COUNT];
}

void board_timer_start(unsigned t, uint32_t period_cycles)
{
    cmsdk_timer_start(timer_bases[t % BOARD_TIMER_COUNT], period_cycles);
}

void board_timer_stop(unsigned t)
{
    cmsdk_timer_stop(timer_bases[t % BOARD_TIMER_COUNT]);
}

void board_timer_ack(unsigned t)
{
    cmsdk_timer_ack(timer_bases[t % BOARD_TIMER_COUNT]);
}

uint32_t board_timer_value(unsigned t)
{
    return cmsdk_timer_value(timer_bases[t % BOARD_TIMER_COUNT]);
}

void board_assert_failed(const char *file, int line);

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
    board_exit(2);
}
