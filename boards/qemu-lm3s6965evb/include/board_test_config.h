/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h: what the kernel test configurations (tests/configs/)
 * need changed to run on this board. tests/harness/target/FreeRTOSConfig.h
 * includes a test configuration, then this file.
 *
 * The test configurations are sized for a host (4096-word stacks, a 4 MiB
 * heap); the LM3S6965 has 64 KiB of SRAM for everything. Stacks shrink to
 * what a task that calls printf needs and the heap takes what the linker
 * leaves after .data, .bss, the 2 KiB main stack and newlib.
 * Static-only configurations allocate nothing from the heap but their test
 * pools; the heap tests still use heap_1's array, so it keeps 16 KiB there.
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 50000000
#define configPRIO_BITS 3
#define configMAX_SYSCALL_INTERRUPT_PRIORITY (5 << (8 - configPRIO_BITS))

/* The idle task sleeps between ticks, as on the MPS2 boards (see their board_test_config.h). */
#ifndef configARM_IDLE_SLEEP
#define configARM_IDLE_SLEEP 1
#endif

/* In words: 2 KiB, room for newlib's vfprintf (about 600 bytes deep) and a kernel call. */
#undef configMINIMAL_STACK_SIZE
#define configMINIMAL_STACK_SIZE 512

/*
 * 64 KiB minus the 2 KiB main stack, about 4 KiB of newlib data and a few KiB of kernel and
 * harness variables leaves 40 KiB for the heap, less the stacks the harness gives the idle and
 * timer tasks statically when the configuration supports static allocation.
 */
#define BOARD_TEST_STATIC_STACK_BYTES                                                              \
    (configSUPPORT_STATIC_ALLOCATION                                                               \
         ? (configMINIMAL_STACK_SIZE + (configUSE_TIMERS ? configTIMER_TASK_STACK_DEPTH : 0)) * 4  \
         : 0)
#undef configTOTAL_HEAP_SIZE
#if configSUPPORT_DYNAMIC_ALLOCATION
#define configTOTAL_HEAP_SIZE (40 * 1024 - BOARD_TEST_STATIC_STACK_BYTES)
#else
#define configTOTAL_HEAP_SIZE (16 * 1024) /* the test utilities' static pools take the rest */
#endif

/*
 * Test sizes (tests/harness/qtest.h). A task that prints nothing gets 512 bytes of stack: a
 * kernel call's frames and an exception frame, with room to spare; the stress tests' workers
 * then fit the heap beside their buffers.
 */
#define QTEST_QUIET_STACK 128
/*
 * The heap tests' blocks cut to the heap: sizes 1..100 and 511..1000 live at once (about
 * 9 KiB with headers), 4 workers with 6 live blocks of up to 300 bytes. The exhaustion check
 * allocates QTEST_HEAP_CHUNK blocks into twice configTOTAL_HEAP_SIZE / QTEST_HEAP_CHUNK slots.
 */
#define QTEST_HEAP_CHUNK 1024
#define QTEST_HEAP_SMALL_SIZES 100
#define QTEST_HEAP_LARGEST 1000
#define QTEST_HEAP_WORKER_BLOCK 300

/* The board network test's tasks (libs/net/tests/test_net_board.c), in words. */
#define QTEST_NET_TASK_STACK 512

/* The trace_api test's log: its longest case logs 76 events. */
#define QTEST_TRACE_EVENTS 96
#define QTEST_TRACE_ARGS 160
/* heap_5's regions: 3, 10 and 24 KiB (heap_5 does not use configTOTAL_HEAP_SIZE's array). */
#define QTEST_HEAP5_UNIT 64

#endif /* BOARD_TEST_CONFIG_H */
