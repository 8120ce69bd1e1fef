/* SPDX-License-Identifier: MIT */
/*
 * The "default" test configuration: every core kernel feature on, simulated
 * time, configASSERT routed to the harness. Other variants in tests/configs/
 * include this file and change a few options.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#ifndef TEST_CONFIG_OVERRIDES
#define TEST_CONFIG_OVERRIDES
#endif

#ifndef configPOSIX_SIMULATED_TIME
#define configPOSIX_SIMULATED_TIME 1
#endif

#ifndef configUSE_PREEMPTION
#define configUSE_PREEMPTION 1
#endif
#ifndef configUSE_TIME_SLICING
#define configUSE_TIME_SLICING 1
#endif
#ifndef configUSE_PORT_OPTIMISED_TASK_SELECTION
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#endif
#ifndef configTICK_TYPE_WIDTH_IN_BITS
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#endif
#define configTICK_RATE_HZ 1000
#define configCPU_CLOCK_HZ 1000000
#define configMAX_PRIORITIES 8
#define configMINIMAL_STACK_SIZE 4096
#define configMAX_TASK_NAME_LEN 16
#define configTOTAL_HEAP_SIZE (4 * 1024 * 1024)
#define configUSE_IDLE_HOOK 1
#define configUSE_TICK_HOOK 1
#define configUSE_MALLOC_FAILED_HOOK 1
#define configCHECK_FOR_STACK_OVERFLOW 2
#ifndef configSUPPORT_STATIC_ALLOCATION
#define configSUPPORT_STATIC_ALLOCATION 1
#endif
#ifndef configSUPPORT_DYNAMIC_ALLOCATION
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#endif
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configQUEUE_REGISTRY_SIZE 8
#define configUSE_TASK_NOTIFICATIONS 1
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 3
#define configUSE_TRACE_FACILITY 1
#define configUSE_APPLICATION_TASK_TAG 1
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 2
#define configRECORD_STACK_HIGH_ADDRESS 1

#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskDelayUntil 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskGetSchedulerState 1
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1
#define INCLUDE_uxTaskGetStackHighWaterMark2 1
#define INCLUDE_xTaskGetIdleTaskHandle 1
#define INCLUDE_eTaskGetState 1
#define INCLUDE_xTaskAbortDelay 1
#define INCLUDE_xTaskGetHandle 1
#define INCLUDE_xTaskResumeFromISR 1
#define INCLUDE_xSemaphoreGetMutexHolder 1

/*
 * Tickless idle whose sleep returns at once: the idle task's tickless path runs, and the
 * kernel builds vTaskStepTick (only tickless idle uses it), which the tests call as a port's
 * sleep would. A configuration with the port's own tickless idle sets the option first.
 */
#ifndef configUSE_TICKLESS_IDLE
#define configUSE_TICKLESS_IDLE 2
#define portSUPPRESS_TICKS_AND_SLEEP(idle_ticks) (void)(idle_ticks)
#define portSUPPRESS_TICKS_AND_SLEEP_PROVIDED 1
#endif

void qtest_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            qtest_assert_failed(__FILE__, __LINE__);                                               \
        }                                                                                          \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
