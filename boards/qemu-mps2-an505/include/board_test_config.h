/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h: what the kernel test configurations (tests/configs/)
 * need changed to run on this board. tests/harness/target/FreeRTOSConfig.h
 * includes a test configuration, then this file.
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 20000000
#define configPRIO_BITS 3
#define configMAX_SYSCALL_INTERRUPT_PRIORITY (5 << (8 - configPRIO_BITS))

/*
 * QEMU's AN505 boots Secure and the tests use no TrustZone split (ports/armv8m/README.md). A
 * test configuration may say otherwise to check the port's report of the mismatch.
 */
#ifndef configRUN_FREERTOS_SECURE_ONLY
#define configRUN_FREERTOS_SECURE_ONLY 1
#endif

/*
 * The idle task sleeps between ticks: QEMU then skips idle time instead of emulating it, which
 * makes long waits cheap. (Under QEMU's -icount sleep=off, SysTick then falls behind the CMSDK
 * timers while the core sleeps; the kernel tests count only ticks, the port tests, which
 * compare the two, set it to 0.)
 */
#ifndef configARM_IDLE_SLEEP
#define configARM_IDLE_SLEEP 1
#endif

/* 4 MiB of data RAM: keep the kernel heap to half of it. */
#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE (2 * 1024 * 1024)

#endif /* BOARD_TEST_CONFIG_H */
