/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for applications on QEMU's mps2-an385 (Cortex-M3,
 * FREERTOS_PORT GCC_ARM_CM3): a 1 kHz tick from SysTick on the 25 MHz core
 * clock, heap_4 with 256 KiB, mutexes and notifications, stack-overflow
 * checking, and a configASSERT that prints file:line on the UART and ends
 * the run with status 2. Copy it next to your application and adjust.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

/* ---- Clock and tick ---- */
#define configCPU_CLOCK_HZ 25000000 /* QEMU models the MPS2 core clock at 25 MHz */
#define configTICK_RATE_HZ 1000
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS

/* ---- Interrupt priorities ----
 * The AN385's Cortex-M3 implements 3 priority bits (QEMU keeps more, and these values work
 * there too). Interrupts at priorities 5..7 may call FromISR functions; 0..4 are never
 * masked by the kernel and must not. */
#define configPRIO_BITS 3
#define configLIBRARY_LOWEST_INTERRUPT_PRIORITY 7
#define configLIBRARY_MAX_SYSCALL_INTERRUPT_PRIORITY 5
#define configKERNEL_INTERRUPT_PRIORITY                                                            \
    (configLIBRARY_LOWEST_INTERRUPT_PRIORITY << (8 - configPRIO_BITS))
#define configMAX_SYSCALL_INTERRUPT_PRIORITY                                                       \
    (configLIBRARY_MAX_SYSCALL_INTERRUPT_PRIORITY << (8 - configPRIO_BITS))

/* ---- Scheduling ---- */
#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 1
#define configMAX_PRIORITIES 8
#define configMINIMAL_STACK_SIZE 256 /* words; tasks that call printf need about 512 */
#define configMAX_TASK_NAME_LEN 16

/* ---- Memory ---- */
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configSUPPORT_STATIC_ALLOCATION 0
#define configTOTAL_HEAP_SIZE (256 * 1024)

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
