/* SPDX-License-Identifier: MIT */
/*
 * A typical Cortex-M0 FreeRTOSConfig.h (no syscall ceiling: ARMv6-M masks every interrupt),
 * handlers renamed to the start-up code's CMSIS names.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define configCPU_CLOCK_HZ 16000000
#define configTICK_RATE_HZ 1000
#define configUSE_PREEMPTION 1
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configMAX_PRIORITIES 5
#define configMINIMAL_STACK_SIZE 128
#define configTOTAL_HEAP_SIZE (8 * 1024)
#define configUSE_16_BIT_TICKS 0
#define configUSE_MUTEXES 1
#define configKERNEL_INTERRUPT_PRIORITY (3 << 6)
#define INCLUDE_vTaskDelay 1

void app_assert_failed(const char *file, int line);
#define configASSERT(x) if ((x) == 0) app_assert_failed(__FILE__, __LINE__)

#define vPortSVCHandler SVC_Handler
#define xPortPendSVHandler PendSV_Handler
#define xPortSysTickHandler SysTick_Handler

#endif
