/* SPDX-License-Identifier: MIT */
/*
 * bench_config_base.h: what the three benchmark configurations (minimal/, typical/, full/)
 * share. Each of their FreeRTOSConfig.h files sets its feature options, then includes this.
 * Only documented FreeRTOS options appear here, so the same files configure any kernel that
 * offers the FreeRTOS API; board_test_config.h (from the board's include directory) supplies
 * the board's clock and interrupt priority bits, as it does for the kernel tests.
 *
 * The kernel heap is BENCH_HEAP_BYTES (64 KiB unless the board's bench/boards/<board>.cmake
 * sets it smaller); bench/run.py leaves that heap array out of the kernel's RAM figure.
 */
#ifndef BENCH_CONFIG_BASE_H
#define BENCH_CONFIG_BASE_H

#include "board_test_config.h"

#ifndef BENCH_HEAP_BYTES
#define BENCH_HEAP_BYTES (64 * 1024)
#endif
#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE BENCH_HEAP_BYTES

#define configTICK_RATE_HZ 1000
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configMAX_PRIORITIES 8
#ifndef configMINIMAL_STACK_SIZE /* the board's test configuration may set it */
#define configMINIMAL_STACK_SIZE 256
#endif
#define configMAX_TASK_NAME_LEN 16
#define configSUPPORT_DYNAMIC_ALLOCATION 1

/* The lowest priority for the kernel's own interrupts: all-ones is lowest on every core. */
#ifndef configKERNEL_INTERRUPT_PRIORITY
#define configKERNEL_INTERRUPT_PRIORITY 255
#endif

#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configQUEUE_REGISTRY_SIZE 0
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 1

#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskResumeFromISR 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskDelayUntil 1
#define INCLUDE_xTaskGetSchedulerState 1
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1

#if BENCH_ASSERT
/* Prints the file and line and ends the run with status 2 (the board's board.c). */
void board_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            board_assert_failed(__FILE__, __LINE__);                                               \
        }                                                                                          \
    } while (0)
#endif /* BENCH_ASSERT */

#endif /* BENCH_CONFIG_BASE_H */
