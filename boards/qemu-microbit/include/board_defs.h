/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h: the facts of QEMU's microbit machine (BBC micro:bit v1,
 * Nordic nRF51822: Cortex-M0 at 16 MHz, 256 KiB flash at 0, 16 KiB RAM at
 * 0x20000000) that Quartz's board code needs, as QEMU 7.2 models them
 * (hw/arm/nrf51_soc.c): 32 external interrupts, the UART, and TIMER0-2
 * counting at 16 MHz. QEMU models no RTC, so the board uses no RTC.
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#define BOARD_NAME "qemu-microbit"
#define BOARD_CPU_CLOCK_HZ 16000000u
#define BOARD_IRQ_COUNT 32

#define BOARD_UART0_BASE 0x40002000u
#define BOARD_CONSOLE_BAUD 115200u
/*
 * The same UART as the network's serial line in networked images (libs/net/port/nrf51_slip:
 * SLIP, with the console moved to semihosting). Pins: the micro:bit's interface chip's UART
 * (P0.24 TX, P0.25 RX), which QEMU does not model.
 */
#define BOARD_SLIP_UART_BASE BOARD_UART0_BASE
#define BOARD_SLIP_UART_IRQ 2u
#define BOARD_SLIP_UART_TX_PIN 24u
#define BOARD_SLIP_UART_RX_PIN 25u

/*
 * Board timer 0 is the nRF51's TIMER1 and board timer 1 its TIMER0, both counting at 16 MHz
 * (prescaler 0) in 32-bit mode. On silicon only TIMER0 has a 32-bit mode (TIMER1 and TIMER2
 * stop at 16 bits); QEMU gives every TIMER 32 bits. The order keeps the long, free-running
 * measurements of the port tests (board timer 1) on the 32-bit TIMER0.
 */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 16000000u
#define BOARD_TIMER_BASES {0x40009000u, 0x40008000u}
#define BOARD_TIMER_IRQS {9u, 8u}

/*
 * Lines no modelled device drives: 20-25 are the nRF51's software interrupts SWI0-5 (meant for
 * exactly this), 26-31 are unassigned. 0-19 belong to peripherals (UART 2, TIMER0-2 8-10,
 * RNG 13, ...).
 */
#define BOARD_SPARE_IRQS {20u, 21u, 22u, 23u, 24u, 25u, 26u, 27u, 28u, 29u, 30u, 31u}
#define BOARD_SPARE_IRQ_COUNT 12u

#endif /* BOARD_DEFS_H */
