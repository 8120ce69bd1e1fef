/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h: what the kernel test configurations (tests/configs/)
 * need changed to run on this board. tests/harness/target/FreeRTOSConfig.h
 * includes a test configuration, then this file.
 *
 * The test configurations are sized for a host (4096-word stacks, a 4 MiB
 * heap); the nRF51 has 16 KiB of RAM for everything. Stacks shrink to what a
 * task that calls printf needs (newlib's vfprintf is the deepest thing a test
 * task runs) and the heap takes what the linker leaves after .data, .bss, the
 * 1.5 KiB main stack and newlib.
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 16000000
#define configPRIO_BITS 2

/* The idle task sleeps between ticks, as on the MPS2 boards (see their board_test_config.h). */
#ifndef configARM_IDLE_SLEEP
#define configARM_IDLE_SLEEP 1
#endif

/*
 * In words: 1 KiB, what a task needs to print a line with newlib's vfprintf (about 600 bytes
 * deep) on top of its own frames and a kernel call. QTEST_STACK, the test task's, is twice this.
 */
#undef configMINIMAL_STACK_SIZE
#define configMINIMAL_STACK_SIZE 256

/*
 * The heap gets what the rest leaves: 16 KiB minus the 1.5 KiB main stack, about 3.5 KiB of
 * newlib data (its reentrancy structure, malloc's bins, the console buffer) and 2 KiB of
 * kernel and harness variables, keeping about 1 KiB for a test's own statics. That is 9 KiB,
 * less the stacks the harness gives the idle and timer tasks statically when the
 * configuration supports static allocation. Static-only configurations allocate nothing.
 */
#define BOARD_TEST_STATIC_STACK_BYTES                                                              \
    (configSUPPORT_STATIC_ALLOCATION                                                               \
         ? (configMINIMAL_STACK_SIZE + (configUSE_TIMERS ? configTIMER_TASK_STACK_DEPTH : 0)) * 4  \
         : 0)
#undef configTOTAL_HEAP_SIZE
#if configSUPPORT_DYNAMIC_ALLOCATION
#define configTOTAL_HEAP_SIZE (9 * 1024 - BOARD_TEST_STATIC_STACK_BYTES)
#else
#define configTOTAL_HEAP_SIZE 512
#endif

#endif /* BOARD_TEST_CONFIG_H */
