/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for applications on QEMU's virt machine with an RV32 hart
 * (FREERTOS_PORT GCC_RISC_V): a 1 kHz tick from the CLINT's machine timer
 * (10 MHz), external interrupts through the PLIC, heap_4 with 256 KiB,
 * mutexes and notifications, stack-overflow checking, and a configASSERT
 * that prints file:line on the UART and ends the run with status 2. Copy it
 * next to your application and adjust. The same file serves qemu-virt-rv32
 * (RV32IMAC) and qemu-virt-rv32f (RV32IMAFC).
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

/* ---- Clock, tick and interrupt controller (QEMU virt's memory map) ---- */
#define configCPU_CLOCK_HZ 10000000   /* QEMU models no core clock: mtime's 10 MHz */
#define configMTIME_CLOCK_HZ 10000000 /* the device tree's timebase-frequency */
#define configMTIME_BASE_ADDRESS 0x0200BFF8u
#define configMTIMECMP_BASE_ADDRESS 0x02004000u
#define configPLIC_BASE_ADDRESS 0x0C000000u
#define configTICK_RATE_HZ 1000
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
/* Under `make run` QEMU follows the host's clock, and a busy host can stall it for tens of
 * milliseconds: drop the ticks it missed rather than count them in one burst that expires
 * every timeout (the port's default, 1, counts them all, as FreeRTOS does). */
#define configRISCV_TICK_CATCH_UP 0
/* Handlers run on the linker script's interrupt stack (__freertos_irq_stack_top, 4 KiB);
 * defining configISR_STACK_SIZE_WORDS would give the port a static array instead. */

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
#define configRISCV_IDLE_SLEEP 1
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

/* Prints "configASSERT failed: file:line" on the console and exits with status 2 (board). */
void board_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            board_assert_failed(__FILE__, __LINE__);                                               \
        }                                                                                          \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
