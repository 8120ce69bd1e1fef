/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h: the facts of QEMU's mps2-an385 machine (Cortex-M3, Arm
 * Application Note AN385 FPGA image) that Quartz's board code needs, as QEMU
 * models them (hw/arm/mps2.c): one 25 MHz clock for the core and the APB
 * peripherals, 32 external interrupts, CMSDK UART0 and two CMSDK timers.
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#define BOARD_NAME "qemu-mps2-an385"
#define BOARD_CPU_CLOCK_HZ 25000000u
#define BOARD_IRQ_COUNT 32

#define BOARD_UART0_BASE 0x40004000u
#define BOARD_CONSOLE_BAUD 115200u

/* CMSDK APB timers 0 and 1, clocked by the 25 MHz APB clock. */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 25000000u
#define BOARD_TIMER_BASES {0x40000000u, 0x40001000u}
#define BOARD_TIMER_IRQS {8u, 9u}

/*
 * Lines no modelled device drives: 0-5 and 18-21 are the UARTs, 8-10 the
 * timers, 11/22/24 SPI, 12 UART overflow, 13 Ethernet.
 */
#define BOARD_SPARE_IRQS {6u, 7u, 14u, 15u, 16u, 17u, 23u, 25u, 26u, 27u, 28u, 29u, 30u, 31u}
#define BOARD_SPARE_IRQ_COUNT 14u

/* The SMSC LAN9118 Ethernet controller (libs/net/port/lan9118): QEMU maps it here, line 13. */
#define BOARD_ETH_BASE 0x40200000u
#define BOARD_ETH_IRQ 13u

#endif /* BOARD_DEFS_H */
