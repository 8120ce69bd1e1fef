/* SPDX-License-Identifier: MIT */
/*
 * demo_arch.h: the full demo's per-architecture seam. Everything else in
 * demos/full/ is plain FreeRTOS API plus the board API (board.h: console,
 * board_timer_start/ack/value, board_cmdline, board_exit), so a new
 * architecture adds only:
 *
 *   1. demos/full/arch_<name>.c implementing the two functions below
 *      (arch_cortex_m.c serves every Cortex-M: ARMv6-M, ARMv7-M, ARMv8-M);
 *      demos/full/CMakeLists.txt picks arch_cortex_m.c when the board's
 *      QUARTZ_BOARD_ARCH is arm, else arch_${QUARTZ_BOARD_ARCH}.c, unless
 *      board.cmake sets QUARTZ_BOARD_DEMO_ARCH_SOURCES.
 *   2. Register-check tasks: QUARTZ_BOARD_REGTEST_SOURCES in board.cmake
 *      (default: the port conformance suite's, tests/port/arch/regtest_*.c
 *      for the board's architecture), with a regtest.h next to the first
 *      source providing REGTEST_TASKS, struct regtest_status { loops;
 *      error; ... }, regtest_tasks[REGTEST_TASKS] and regtest_coverage (see
 *      tests/port/arch/regtest.h).
 *
 * The board's FreeRTOSConfig.h may shrink the demo with DEMO_* macros
 * (demo.h lists them), e.g. for a 16 KiB part.
 */
#ifndef DEMO_ARCH_H
#define DEMO_ARCH_H

#include <stdint.h>

/* Where a demo interrupt sits against the kernel's interrupt masking. */
enum demo_irq_level {
    DEMO_IRQ_KERNEL_AWARE, /* may call FromISR functions: masked by the kernel lock */
    DEMO_IRQ_ABOVE_KERNEL, /* highest priority, never calls the kernel; nests in the others */
};

/*
 * Route board timer `timer`'s interrupt (board_timer_irq) to handler at
 * `level` and enable it. The caller then starts the timer
 * (board_timer_start) and the handler acknowledges it (board_timer_ack).
 * Called from main() before the scheduler starts.
 */
void demo_arch_timer_irq(unsigned timer, enum demo_irq_level level, void (*handler)(void));

/*
 * Overwrite the caller-saved registers an interrupt handler may use without
 * saving them (on Cortex-M r0-r3, r12): called by the DEMO_IRQ_ABOVE_KERNEL
 * handler, so a context switch that relied on them surviving shows up in the
 * register-check tasks.
 */
void demo_arch_scramble_scratch_registers(void);

#endif /* DEMO_ARCH_H */
