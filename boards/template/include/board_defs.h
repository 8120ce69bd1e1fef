/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h of the board template: the facts of the machine that the board
 * code, the test harness and the demo need. TODO(board): every value, from
 * the data sheet (and, under QEMU, from the machine's model).
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#define BOARD_NAME "template"
/* The core clock after board_init(): SysTick counts it (configCPU_CLOCK_HZ must agree). */
#define BOARD_CPU_CLOCK_HZ 25000000u
/* External interrupt lines: the vector table gets this many entries after the 16 exceptions. */
#define BOARD_IRQ_COUNT 32

#define BOARD_UART0_BASE 0x40004000u
#define BOARD_CONSOLE_BAUD 115200u

/*
 * Two hardware timers that interrupt periodically, counting down at BOARD_TIMER_CLOCK_HZ (the
 * port tests compare them with SysTick, so it should be the core clock), and their lines.
 */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 25000000u
#define BOARD_TIMER_BASES {0x40000000u, 0x40001000u}
#define BOARD_TIMER_IRQS {8u, 9u}

/* Interrupt lines no device drives, which tests pend in software (at least 8). */
#define BOARD_SPARE_IRQS {24u, 25u, 26u, 27u, 28u, 29u, 30u, 31u}
#define BOARD_SPARE_IRQ_COUNT 8u

#endif /* BOARD_DEFS_H */
