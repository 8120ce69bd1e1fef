/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for applications on the POSIX host board: real time (a
 * host timer ticks at 1 kHz), heap_4, mutexes and notifications, and a
 * configASSERT that prints where it failed and aborts. Copy it next to your
 * application and adjust.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

/* Real host time. Set to 1 for repeatable runs where time moves only when idle. */
#ifndef configPOSIX_SIMULATED_TIME
#define configPOSIX_SIMULATED_TIME 0
#endif

#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#define configTICK_RATE_HZ 1000
#define configCPU_CLOCK_HZ 1000000
#define configMAX_PRIORITIES 8
/* Words. Host code (printf, sanitizers) needs far more stack than a microcontroller. */
#define configMINIMAL_STACK_SIZE 4096
#define configMAX_TASK_NAME_LEN 16
#define configTOTAL_HEAP_SIZE (8 * 1024 * 1024)
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configSUPPORT_STATIC_ALLOCATION 0

#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configUSE_MALLOC_FAILED_HOOK 0
#define configCHECK_FOR_STACK_OVERFLOW 0

#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_TASK_NOTIFICATIONS 1
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 1
#define configQUEUE_REGISTRY_SIZE 0
#define configUSE_TRACE_FACILITY 0
#define configUSE_TIMERS 0

#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskDelayUntil 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskGetSchedulerState 1
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1

#include <stdio.h>
#include <stdlib.h>
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            fprintf(stderr, "configASSERT failed: %s:%d\n", __FILE__, __LINE__);                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
