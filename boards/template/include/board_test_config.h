/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h of the board template: what the kernel test
 * configurations (tests/configs/, sized for a host) need changed to run on
 * this board. tests/harness/target/FreeRTOSConfig.h includes a test
 * configuration, then this file. TODO(board): the clock and priority bits of
 * your chip, and the memory sizes (see boards/qemu-lm3s6965evb/ for 64 KiB of
 * RAM, boards/qemu-microbit/ for 16 KiB and the QTEST_* and STRESS_* sizes).
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 25000000
#define configPRIO_BITS 3
#define configMAX_SYSCALL_INTERRUPT_PRIORITY (5 << (8 - configPRIO_BITS))

/* The idle task sleeps between ticks: QEMU then skips idle time instead of emulating it. */
#ifndef configARM_IDLE_SLEEP
#define configARM_IDLE_SLEEP 1
#endif

/* In words: room for newlib's printf (about 600 bytes deep) and a kernel call. */
#undef configMINIMAL_STACK_SIZE
#define configMINIMAL_STACK_SIZE 512

/* What the RAM leaves after .data, .bss, the main stack and the C library. */
#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE (40 * 1024)

#endif /* BOARD_TEST_CONFIG_H */
