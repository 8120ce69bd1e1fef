/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h: the facts of QEMU's mps2-an505 machine (Cortex-M33 in Arm's
 * IoT Kit subsystem, Application Note AN505 FPGA image) that Quartz's board
 * code needs, as QEMU 7.2 models them (hw/arm/mps2-tz.c, hw/arm/armsse.c).
 *
 * The core boots in the Secure state and Quartz stays there (no TrustZone
 * split), so every address here is a secure alias (bit 28 set): the IoT Kit
 * maps each device twice and its protection controllers admit only secure
 * accesses until configured otherwise. One 20 MHz clock (MAINCLK) drives the
 * core, SysTick, the APB timers and the UARTs. External interrupts 0-31 are
 * the IoT Kit's own; the FPGA's devices start at 32.
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#define BOARD_NAME "qemu-mps2-an505"
#define BOARD_CPU_CLOCK_HZ 20000000u
#define BOARD_IRQ_COUNT 96

#define BOARD_UART0_BASE 0x50200000u /* CMSDK APB UART0 (non-secure alias 0x40200000) */
#define BOARD_CONSOLE_BAUD 115200u

/* The IoT Kit's CMSDK APB timers 0 and 1 (non-secure aliases 0x40000000, 0x40001000). */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 20000000u
#define BOARD_TIMER_BASES {0x50000000u, 0x50001000u}
#define BOARD_TIMER_IRQS {3u, 4u}

/*
 * Lines no modelled device drives: FPGA interrupts 20-33 (NVIC 52-65). The FPGA's UARTs use
 * 32-47, Ethernet 48, SPI 83-87, DMA 88-99.
 */
#define BOARD_SPARE_IRQS {52u, 53u, 54u, 55u, 56u, 57u, 58u, 59u, 60u, 61u, 62u, 63u, 64u, 65u}
#define BOARD_SPARE_IRQ_COUNT 14u

/*
 * The SMSC LAN9118 Ethernet controller (libs/net/port/lan9118) on the FPGA's AHB expansion
 * port, as QEMU models it: non-secure alias 0x42000000, FPGA interrupt 16 (NVIC 48).
 */
#define BOARD_ETH_BASE 0x52000000u
#define BOARD_ETH_IRQ 48u

#endif /* BOARD_DEFS_H */
