/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h: the facts of QEMU's lm3s6965evb machine (TI Stellaris
 * LM3S6965: Cortex-M3, 256 KiB flash at 0, 64 KiB SRAM at 0x20000000) that
 * Quartz's board code needs, from the LM3S6965 data sheet as QEMU 7.2 models
 * it (hw/arm/stellaris.c): 64 external interrupt lines (3 priority bits on
 * the chip, 8 in QEMU 7.2), the PL011 UART0, four general-purpose timers and
 * the watchdog, all clocked by the system clock, which board.c sets to 50 MHz
 * (PLL 200 MHz / 4).
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#define BOARD_NAME "qemu-lm3s6965evb"
#define BOARD_CPU_CLOCK_HZ 50000000u
#define BOARD_IRQ_COUNT 64

#define BOARD_SYSCTL_BASE 0x400FE000u
#define BOARD_UART0_BASE 0x4000C000u
#define BOARD_GPIOA_BASE 0x40004000u
#define BOARD_CONSOLE_BAUD 115200u

/*
 * Board timers 0 and 1 are general-purpose timers 0 and 1 in 32-bit periodic mode (Timer A,
 * lines 19 and 21). QEMU's model cannot read their counters (TAR reads 0), so board timer 1's
 * count is read from the watchdog, a readable 32-bit down-counter on the same clock that
 * board.c restarts with the same period whenever it starts the timer
 * (BOARD_TIMER_READABLE: the one timer board_timer_value can read).
 */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 50000000u
#define BOARD_TIMER_BASES                                                                          \
    {                                                                                              \
        0x40030000u, 0x40031000u                                                                   \
    }
#define BOARD_TIMER_IRQS                                                                           \
    {                                                                                              \
        19u, 21u                                                                                   \
    }
#define BOARD_TIMER_READABLE 1u
#define BOARD_WATCHDOG_BASE 0x40000000u

/*
 * Lines no modelled device drives: 9-13 (PWM and QEI, not modelled), 20, 22, 24 (the timers'
 * B halves, which QEMU does not wire), 25-27 (analogue comparators, not modelled, and a
 * reserved line), 29 (flash controller). GPIO 0-4/30/31, UARTs 5/6/33, SSI 7, I2C 8/37, ADC
 * 14-17, watchdog 18, timers 19/21/23/35, system control 28 and Ethernet 42 are driven.
 */
/* The Ethernet controller (QEMU: stellaris_enet; libs/net/port/stellaris_enet). */
#define BOARD_ETH_BASE 0x40048000u
#define BOARD_ETH_IRQ 42u

#define BOARD_SPARE_IRQS                                                                           \
    {                                                                                              \
        9u, 10u, 11u, 12u, 13u, 20u, 22u, 24u, 25u, 26u, 27u, 29u                                  \
    }
#define BOARD_SPARE_IRQ_COUNT 12u

#endif /* BOARD_DEFS_H */
