/* SPDX-License-Identifier: MIT */
/*
 * board.c: the LM3S6965 board support behind board.h: the 50 MHz system
 * clock, UART0 (a PL011) as the console, general-purpose timers 0 and 1 as
 * the two board timers (board timer 1 read through the watchdog); the parts
 * every Cortex-M board shares are in ../common/cortex-m/. Register offsets and
 * bits are those of the Stellaris LM3S6965 data sheet; QEMU's model
 * (hw/arm/stellaris.c, hw/timer/stellaris-gptm.c,
 * hw/watchdog/cmsdk-apb-watchdog.c) implements the ones used here.
 *
 * No state beyond the constant table; no locking: each peripheral has one
 * user, and the console is written with polling from any context.
 */
#include "board.h"

#define REG(base, off) (*(volatile uint32_t *)(uintptr_t)((base) + (off)))

/* System control */
#define SYSCTL_RIS 0x050u
#define SYSCTL_RCC 0x060u
#define SYSCTL_RCGC0 0x100u
#define SYSCTL_RCGC1 0x104u
#define SYSCTL_RCGC2 0x108u
#define SYSCTL_RIS_PLLLRIS (1u << 6)
#define RCC_XTAL_8MHZ (0xEu << 6)
#define RCC_OSCSRC_MAIN (0u << 4)
#define RCC_BYPASS (1u << 11)
#define RCC_PWRDN (1u << 13)
#define RCC_USESYSDIV (1u << 22)
#define RCC_SYSDIV(d) ((uint32_t)((d) - 1u) << 23) /* the PLL's 200 MHz divided by d */
#define RCGC0_WDT (1u << 3)
#define RCGC1_UART0 (1u << 0)
#define RCGC1_TIMER0 (1u << 16)
#define RCGC1_TIMER1 (1u << 17)
#define RCGC2_GPIOA (1u << 0)
#define PLL_LOCK_POLLS 100000u

/* GPIO port A: pins 0 and 1 are U0Rx and U0Tx when handed to the UART. */
#define GPIO_AFSEL 0x420u
#define GPIO_DEN 0x51Cu
#define GPIO_UART0_PINS 0x3u

/* PL011 UART */
#define UART_DR 0x000u
#define UART_FR 0x018u
#define UART_IBRD 0x024u
#define UART_FBRD 0x028u
#define UART_LCRH 0x02Cu
#define UART_CTL 0x030u
#define UART_FR_TXFF (1u << 5)
#define UART_LCRH_8N1_FIFO (0x3u << 5 | 1u << 4)
#define UART_CTL_ENABLE (1u << 0 | 1u << 8 | 1u << 9) /* UARTEN, TXE, RXE */

/* General-purpose timer, Timer A, 32-bit periodic */
#define GPTM_CFG 0x000u
#define GPTM_TAMR 0x004u
#define GPTM_CTL 0x00Cu
#define GPTM_IMR 0x018u
#define GPTM_ICR 0x024u
#define GPTM_TAILR 0x028u
#define GPTM_CFG_32BIT 0u
#define GPTM_TAMR_PERIODIC 2u
#define GPTM_CTL_TAEN (1u << 0)
#define GPTM_INT_TATO (1u << 0)

/* Watchdog: once started it can only be reloaded, never stopped (until reset). */
#define WDT_LOAD 0x000u
#define WDT_VALUE 0x004u
#define WDT_CTL 0x008u
#define WDT_ICR 0x00Cu
#define WDT_CTL_INTEN (1u << 0)

static const uintptr_t timer_bases[BOARD_TIMER_COUNT] = BOARD_TIMER_BASES;

void board_init(void);

/*
 * 50 MHz from the PLL (200 MHz from the 8 MHz crystal) divided by 4, in the data sheet's order:
 * run on the crystal (bypass) while the PLL powers up and locks, then switch. QEMU derives the
 * system clock from SYSDIV alone and reports the lock at once; the poll is bounded so that a
 * model without the lock bit still starts (at 50 MHz there, since it ignores BYPASS).
 */
static void clock_init(void)
{
    uint32_t rcc = REG(BOARD_SYSCTL_BASE, SYSCTL_RCC);

    rcc = (rcc | RCC_BYPASS) & ~RCC_USESYSDIV;
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCC) = rcc;
    rcc &= ~((0xFu << 6) | (0x3u << 4) | RCC_PWRDN | (0xFu << 23));
    rcc |= RCC_XTAL_8MHZ | RCC_OSCSRC_MAIN | RCC_USESYSDIV | RCC_SYSDIV(4u);
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCC) = rcc;
    for (uint32_t i = 0; i < PLL_LOCK_POLLS; i++) {
        if ((REG(BOARD_SYSCTL_BASE, SYSCTL_RIS) & SYSCTL_RIS_PLLLRIS) != 0u) {
            break;
        }
    }
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCC) = rcc & ~RCC_BYPASS;
}

void board_init(void)
{
    const uint32_t div64 = (BOARD_CPU_CLOCK_HZ * 4u) / BOARD_CONSOLE_BAUD; /* 64 x clk/(16 x baud) */

    clock_init();
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCGC0) |= RCGC0_WDT;
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCGC1) |= RCGC1_UART0 | RCGC1_TIMER0 | RCGC1_TIMER1;
    REG(BOARD_SYSCTL_BASE, SYSCTL_RCGC2) |= RCGC2_GPIOA;
    REG(BOARD_GPIOA_BASE, GPIO_AFSEL) |= GPIO_UART0_PINS;
    REG(BOARD_GPIOA_BASE, GPIO_DEN) |= GPIO_UART0_PINS;
    REG(BOARD_UART0_BASE, UART_CTL) = 0;
    REG(BOARD_UART0_BASE, UART_IBRD) = div64 / 64u;
    REG(BOARD_UART0_BASE, UART_FBRD) = div64 % 64u;
    REG(BOARD_UART0_BASE, UART_LCRH) = UART_LCRH_8N1_FIFO;
    REG(BOARD_UART0_BASE, UART_CTL) = UART_CTL_ENABLE;
}

void board_console_putc(char c)
{
    while ((REG(BOARD_UART0_BASE, UART_FR) & UART_FR_TXFF) != 0u) {
    }
    REG(BOARD_UART0_BASE, UART_DR) = (uint8_t)c;
}

/*
 * The timer counts TAILR down to 0 and interrupts there (time-out), so TAILR = period - 1; a
 * period of 0 (2^32) is TAILR 0xFFFFFFFF. The watchdog mirrors the readable timer: a write to
 * LOAD restarts its count, and clearing its interrupt keeps it from stopping at the second
 * time-out (QEMU stops it there, as the chip would reset).
 */
void board_timer_start(unsigned t, uint32_t period_cycles)
{
    const uintptr_t base = timer_bases[t % BOARD_TIMER_COUNT];

    board_timer_stop(t);
    REG(base, GPTM_CFG) = GPTM_CFG_32BIT;
    REG(base, GPTM_TAMR) = GPTM_TAMR_PERIODIC;
    REG(base, GPTM_TAILR) = period_cycles - 1u;
    REG(base, GPTM_IMR) = GPTM_INT_TATO;
    if (t % BOARD_TIMER_COUNT == BOARD_TIMER_READABLE) {
        REG(BOARD_WATCHDOG_BASE, WDT_LOAD) = period_cycles - 1u;
        REG(BOARD_WATCHDOG_BASE, WDT_ICR) = 1;
        REG(BOARD_WATCHDOG_BASE, WDT_CTL) = WDT_CTL_INTEN; /* ignored once set: it runs on */
    }
    REG(base, GPTM_CTL) = GPTM_CTL_TAEN;
}

void board_timer_stop(unsigned t)
{
    const uintptr_t base = timer_bases[t % BOARD_TIMER_COUNT];

    REG(base, GPTM_CTL) = 0;
    REG(base, GPTM_IMR) = 0;
    REG(base, GPTM_ICR) = GPTM_INT_TATO;
}

void board_timer_ack(unsigned t)
{
    REG(timer_bases[t % BOARD_TIMER_COUNT], GPTM_ICR) = GPTM_INT_TATO;
}

uint32_t board_timer_value(unsigned t)
{
    if (t % BOARD_TIMER_COUNT != BOARD_TIMER_READABLE) {
        board_console_puts("\nboard_timer_value: only board timer 1 can be read on " BOARD_NAME
                           " (board_defs.h, BOARD_TIMER_READABLE)\n");
        board_exit(2);
    }
    return REG(BOARD_WATCHDOG_BASE, WDT_VALUE);
}
