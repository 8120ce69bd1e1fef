/* SPDX-License-Identifier: MIT */
/*
 * cmsdk.c: CMSDK APB UART and APB timer (see cmsdk.h). Register offsets and
 * bits are those of the CMSDK Technical Reference Manual.
 */
#include "cmsdk.h"

#define REG(base, off) (*(volatile uint32_t *)((base) + (off)))

/* APB UART */
#define UART_DATA 0x00u
#define UART_STATE 0x04u
#define UART_CTRL 0x08u
#define UART_BAUDDIV 0x10u
#define UART_STATE_TXFULL (1u << 0)
#define UART_CTRL_TX_EN (1u << 0)
#define UART_MIN_BAUDDIV 16u

/* APB timer */
#define TIMER_CTRL 0x00u
#define TIMER_VALUE 0x04u
#define TIMER_RELOAD 0x08u
#define TIMER_INTCLEAR 0x0Cu
#define TIMER_CTRL_ENABLE (1u << 0)
#define TIMER_CTRL_IRQ_EN (1u << 3)

void cmsdk_uart_init(uintptr_t base, uint32_t pclk_hz, uint32_t baud)
{
    uint32_t div = pclk_hz / baud;

    REG(base, UART_BAUDDIV) = div < UART_MIN_BAUDDIV ? UART_MIN_BAUDDIV : div;
    REG(base, UART_CTRL) = UART_CTRL_TX_EN;
}

void cmsdk_uart_putc(uintptr_t base, char c)
{
    while ((REG(base, UART_STATE) & UART_STATE_TXFULL) != 0u) {
    }
    REG(base, UART_DATA) = (uint8_t)c;
}

void cmsdk_timer_start(uintptr_t base, uint32_t period_cycles)
{
    REG(base, TIMER_CTRL) = 0;
    REG(base, TIMER_INTCLEAR) = 1;
    /* The counter runs reload, reload-1, ..., 0 and interrupts when it reaches 0. */
    REG(base, TIMER_RELOAD) = period_cycles - 1u;
    REG(base, TIMER_VALUE) = period_cycles - 1u;
    REG(base, TIMER_CTRL) = TIMER_CTRL_ENABLE | TIMER_CTRL_IRQ_EN;
}

void cmsdk_timer_stop(uintptr_t base)
{
    REG(base, TIMER_CTRL) = 0;
    REG(base, TIMER_INTCLEAR) = 1;
}

void cmsdk_timer_ack(uintptr_t base)
{
    REG(base, TIMER_INTCLEAR) = 1;
}

uint32_t cmsdk_timer_value(uintptr_t base)
{
    return REG(base, TIMER_VALUE);
}
