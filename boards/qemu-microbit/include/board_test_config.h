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
 * configuration supports static allocation.
 */
#define BOARD_TEST_STATIC_STACK_BYTES                                                              \
    (configSUPPORT_STATIC_ALLOCATION                                                               \
         ? (configMINIMAL_STACK_SIZE + (configUSE_TIMERS ? configTIMER_TASK_STACK_DEPTH : 0)) * 4  \
         : 0)
/* The trace_api configuration (its trace_api_recorder.h defines TRACE_REC_ARG) has the trace
 * recorder's log besides: 12 bytes an event and 8 a value (tests/unit/trace). */
#ifdef TRACE_REC_ARG
#define BOARD_TEST_RECORDER_BYTES (QTEST_TRACE_EVENTS * 12 + QTEST_TRACE_ARGS * 8)
#else
#define BOARD_TEST_RECORDER_BYTES 0
#endif
#undef configTOTAL_HEAP_SIZE
#if configSUPPORT_DYNAMIC_ALLOCATION
#define configTOTAL_HEAP_SIZE                                                                      \
    (9 * 1024 - BOARD_TEST_STATIC_STACK_BYTES - BOARD_TEST_RECORDER_BYTES)
#else
/* Static-only: what heap_1's test allocates without freeing (the others link no heap). */
#define configTOTAL_HEAP_SIZE (4 * 1024)
#endif

/*
 * Test sizes (tests/harness/qtest.h). A task that prints nothing gets 384 bytes of stack: a
 * kernel call's frames and an exception frame, with room to spare.
 */
#define QTEST_QUIET_STACK 96
/* stress_kernel: 9 workers of 384 bytes (2 producer/consumer pairs, 2 mutex users) fit the heap. */
#define STRESS_KERNEL_PAIRS 2
#define STRESS_KERNEL_MUTEX_USERS 2
/* stress_timers: 7 workers (1 one-shot restarter, 2 producers, 2 parties, 2 more). */
#define STRESS_TIMERS_ONE_SHOTS 1
#define STRESS_TIMERS_PRODUCERS 2
#define STRESS_TIMERS_PARTIES 2
/* stress_sets: 9 tasks run (6 workers, the test task, idle and the timer task). */
#define STRESS_SETS_MAX_TASKS 10
/* stress_streams: the first 2 stream pairs (16 and 37 bytes) and 1 message pair. */
#define STRESS_STREAMS_PAIRS 2
#define STRESS_STREAMS_MESSAGE_PAIRS 1
#define STRESS_STREAMS_CHUNK 80

/*
 * Test buffers cut to what the tests fill: the longest table a test makes is 6 rows of under
 * 32 characters, 8 rows parsed still catch a seventh (and hold two tables of 4), and no field
 * passes 10 digits.
 */
#define QTEST_TEXT_BYTES 224
#define QTEST_TEXT_ROWS 8
#define QTEST_TEXT_FIELD_BYTES 12
/* Stream buffer wrap-around up to 255-byte rings, not 256 and 511. */
#define QTEST_DATA_BYTES 260
/* The heap tests' live blocks: sizes 1..40 and 511..1000, about 3.5 KiB with headers. */
#define QTEST_HEAP_CHUNK 1024
#define QTEST_HEAP_SMALL_SIZES 40
#define QTEST_HEAP_LARGEST 1000
/* 4 heap workers with 6 live blocks of up to 100 bytes: 2.6 KiB at most. */
#define QTEST_HEAP_WORKER_BLOCK 100
/*
 * The test utilities' static pools (configurations without dynamic allocation): as many objects
 * as one test holds at once. A task slot is a 1 KiB stack.
 */
#define QTEST_POOL_TASKS 4
#define QTEST_POOL_QUEUES 10 /* the registry test holds configQUEUE_REGISTRY_SIZE + 1 */
#define QTEST_POOL_QUEUE_BYTES 128
#define QTEST_POOL_STREAMS 4
#define QTEST_POOL_STREAM_BYTES 304 /* message_buffer_send's 300-byte buffers */
#define QTEST_POOL_TIMERS 8
#define QTEST_POOL_EVENT_GROUPS 4
/* The longest tt_trace a case expects is under 50 characters. */
#define QTEST_TRACE_BYTES 128
/* The trace recorder: the longest trace_api case logs 76 events. About 2.5 KiB. */
#define QTEST_TRACE_EVENTS 96
#define QTEST_TRACE_ARGS 160
/* heap_5's regions (672, 2240 and 5376 bytes) take the 9 KiB that configTOTAL_HEAP_SIZE gives
 * the other schemes, which heap_5 does not use. */
#define QTEST_HEAP5_UNIT 14

#endif /* BOARD_TEST_CONFIG_H */
