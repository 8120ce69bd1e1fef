/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for applications on QEMU's microbit machine (nRF51822,
 * Cortex-M0, FREERTOS_PORT GCC_ARM_CM0): a 1 kHz tick from SysTick on the
 * 16 MHz core clock, heap_4 with 10 KiB of the 16 KiB of RAM, mutexes and
 * notifications, stack-overflow checking, and a configASSERT that prints
 * file:line on the UART and ends the run with status 2. Copy it next to your
 * application and adjust.
 *
 * RAM budget (16 KiB): 10 KiB kernel heap (tasks, stacks, queues), 1.5 KiB
 * main stack (main() and every interrupt), about 4 KiB for newlib's data and
 * the kernel's own variables, leaving about 0.5 KiB for the application's
 * statics: take from configTOTAL_HEAP_SIZE what yours need. The full demo (18
 * tasks, the idle and timer tasks, its queues and buffers) runs with this.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

/* ---- Clock and tick ---- */
#define configCPU_CLOCK_HZ 16000000 /* the nRF51's HFCLK, as QEMU models it */
#define configTICK_RATE_HZ 1000
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS

/*
 * ---- Interrupt priorities ----
 * The nRF51's Cortex-M0 implements 2 priority bits. ARMv6-M has no BASEPRI: the kernel masks
 * every interrupt (PRIMASK), so any interrupt may call FromISR functions and no
 * configMAX_SYSCALL_INTERRUPT_PRIORITY is needed. PendSV and SysTick always take the lowest
 * priority; configKERNEL_INTERRUPT_PRIORITY is accepted for FreeRTOS compatibility.
 */
#define configPRIO_BITS 2
#define configKERNEL_INTERRUPT_PRIORITY (3 << (8 - configPRIO_BITS))

/* ---- Scheduling (ARMv6-M has no CLZ: optimised task selection must stay 0) ---- */
#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#define configMAX_PRIORITIES 5
#define configMINIMAL_STACK_SIZE 80 /* words; a task that calls printf needs about 300 */
#define configMAX_TASK_NAME_LEN 8

/* ---- Memory ---- */
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configSUPPORT_STATIC_ALLOCATION 0
#define configTOTAL_HEAP_SIZE (10 * 1024)

/* ---- Hooks and checks ---- */
#define configUSE_IDLE_HOOK 0
/* Idle sleeps: under -icount, idle time then follows the host (docs/api-compat.md). */
#define configARM_IDLE_SLEEP 1
#define configUSE_TICK_HOOK 0
#define configUSE_MALLOC_FAILED_HOOK 0
#define configCHECK_FOR_STACK_OVERFLOW 2

/* ---- Objects ---- */
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

/* Prints "configASSERT failed: file:line" on the console and exits with status 2 (board.c). */
void board_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            board_assert_failed(__FILE__, __LINE__);                                               \
        }                                                                                          \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
