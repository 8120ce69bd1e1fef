/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOS.h: the first header every application includes. It reads the
 * application's FreeRTOSConfig.h, gives every option the application left out
 * its documented FreeRTOS default (here and nowhere else), rejects impossible
 * combinations with an #error naming the option, and declares the static
 * object types whose sizes equal the kernel's real structures.
 */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H

#include <stddef.h>
#include <stdint.h>

/* Values for configTICK_TYPE_WIDTH_IN_BITS, usable inside FreeRTOSConfig.h. */
#define TICK_TYPE_WIDTH_16_BITS 0
#define TICK_TYPE_WIDTH_32_BITS 1
#define TICK_TYPE_WIDTH_64_BITS 2

#include "FreeRTOSConfig.h"

/* ---- Options that have no default: FreeRTOS requires them too. ---- */
#ifndef configUSE_PREEMPTION
#error "Missing definition: configUSE_PREEMPTION must be defined in FreeRTOSConfig.h as 1 or 0."
#endif
#ifndef configMAX_PRIORITIES
#error "Missing definition: configMAX_PRIORITIES must be defined in FreeRTOSConfig.h."
#endif
#ifndef configMINIMAL_STACK_SIZE
#error "Missing definition: configMINIMAL_STACK_SIZE must be defined in FreeRTOSConfig.h."
#endif
#ifndef configUSE_IDLE_HOOK
#error "Missing definition: configUSE_IDLE_HOOK must be defined in FreeRTOSConfig.h as 1 or 0."
#endif
#ifndef configUSE_TICK_HOOK
#error "Missing definition: configUSE_TICK_HOOK must be defined in FreeRTOSConfig.h as 1 or 0."
#endif
#ifndef configTICK_RATE_HZ
#error "Missing definition: configTICK_RATE_HZ must be defined in FreeRTOSConfig.h."
#endif

/* ---- Tick width: configTICK_TYPE_WIDTH_IN_BITS or the older configUSE_16_BIT_TICKS. ---- */
#if defined(configUSE_16_BIT_TICKS) && defined(configTICK_TYPE_WIDTH_IN_BITS)
#error "configUSE_16_BIT_TICKS and configTICK_TYPE_WIDTH_IN_BITS are both defined: define only one."
#endif
#ifndef configTICK_TYPE_WIDTH_IN_BITS
#if !defined(configUSE_16_BIT_TICKS)
#error "Missing definition: one of configUSE_16_BIT_TICKS and configTICK_TYPE_WIDTH_IN_BITS must be defined."
#elif configUSE_16_BIT_TICKS
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_16_BITS
#else
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#endif
#endif
#if (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_16_BITS) &&                                  \
    (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_32_BITS) &&                                  \
    (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_64_BITS)
#error "configTICK_TYPE_WIDTH_IN_BITS must be TICK_TYPE_WIDTH_16_BITS, _32_BITS or _64_BITS."
#endif

/* ---- Scheduling ---- */
#ifndef configUSE_TIME_SLICING
#define configUSE_TIME_SLICING 1
#endif
#ifndef configUSE_PORT_OPTIMISED_TASK_SELECTION
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#endif
#ifndef configIDLE_SHOULD_YIELD
#define configIDLE_SHOULD_YIELD 1
#endif
#ifndef configUSE_TICKLESS_IDLE
#define configUSE_TICKLESS_IDLE 0
#endif
#ifndef configEXPECTED_IDLE_TIME_BEFORE_SLEEP
#define configEXPECTED_IDLE_TIME_BEFORE_SLEEP 2
#endif
/* Tickless idle: the port runs these around its sleep; setting the argument to 0 skips the sleep. */
#ifndef configPRE_SLEEP_PROCESSING
#define configPRE_SLEEP_PROCESSING(expected_idle_ticks)
#endif
#ifndef configPOST_SLEEP_PROCESSING
#define configPOST_SLEEP_PROCESSING(expected_idle_ticks)
#endif
#if configUSE_TICKLESS_IDLE && configEXPECTED_IDLE_TIME_BEFORE_SLEEP < 2
#error "configEXPECTED_IDLE_TIME_BEFORE_SLEEP must be at least 2 (a sleep shorter than that saves no tick)."
#endif
#ifndef configNUMBER_OF_CORES
#define configNUMBER_OF_CORES 1
#endif
#if configNUMBER_OF_CORES != 1
#error "configNUMBER_OF_CORES: Quartz schedules a single core; SMP is not supported yet."
#endif
#if (configMAX_PRIORITIES < 1) || (configMAX_PRIORITIES > 256)
#error "configMAX_PRIORITIES must be between 1 and 256."
#endif
#if configUSE_PORT_OPTIMISED_TASK_SELECTION && (configMAX_PRIORITIES > 32)
#error "configMAX_PRIORITIES must be 32 or less when configUSE_PORT_OPTIMISED_TASK_SELECTION is 1."
#endif
#ifndef configMAX_TASK_NAME_LEN
#define configMAX_TASK_NAME_LEN 16
#endif
#if configMAX_TASK_NAME_LEN < 1
#error "configMAX_TASK_NAME_LEN must be at least 1."
#endif
#ifndef configSTACK_DEPTH_TYPE
#define configSTACK_DEPTH_TYPE StackType_t
#endif
#ifndef configIDLE_TASK_NAME
#define configIDLE_TASK_NAME "IDLE"
#endif

#ifndef configINITIAL_TICK_COUNT
#define configINITIAL_TICK_COUNT 0
#endif

/* ---- Objects ---- */
#ifndef configUSE_TASK_NOTIFICATIONS
#define configUSE_TASK_NOTIFICATIONS 1
#endif
#ifndef configTASK_NOTIFICATION_ARRAY_ENTRIES
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 1
#endif
#if configTASK_NOTIFICATION_ARRAY_ENTRIES < 1
#error "configTASK_NOTIFICATION_ARRAY_ENTRIES must be at least 1."
#endif
#ifndef configUSE_MUTEXES
#define configUSE_MUTEXES 0
#endif
#ifndef configUSE_RECURSIVE_MUTEXES
#define configUSE_RECURSIVE_MUTEXES 0
#endif
#if configUSE_RECURSIVE_MUTEXES && !configUSE_MUTEXES
#error "configUSE_RECURSIVE_MUTEXES is 1 but configUSE_MUTEXES is 0: recursive mutexes need mutexes."
#endif
#ifndef configUSE_COUNTING_SEMAPHORES
#define configUSE_COUNTING_SEMAPHORES 0
#endif
#ifndef configQUEUE_REGISTRY_SIZE
#define configQUEUE_REGISTRY_SIZE 0
#endif
#ifndef configUSE_QUEUE_SETS
#define configUSE_QUEUE_SETS 0
#endif
#ifndef configUSE_TIMERS
#define configUSE_TIMERS 0
#endif
#ifndef configUSE_CO_ROUTINES
#define configUSE_CO_ROUTINES 0
#endif
#ifndef configUSE_EVENT_GROUPS
#define configUSE_EVENT_GROUPS 1
#endif
#ifndef configUSE_STREAM_BUFFERS
#define configUSE_STREAM_BUFFERS 1
#endif
#ifndef configUSE_SB_COMPLETED_CALLBACK
#define configUSE_SB_COMPLETED_CALLBACK 0
#endif
#ifndef configMESSAGE_BUFFER_LENGTH_TYPE
#define configMESSAGE_BUFFER_LENGTH_TYPE size_t
#endif
#ifndef configNUM_THREAD_LOCAL_STORAGE_POINTERS
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 0
#endif
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS < 0
#error "configNUM_THREAD_LOCAL_STORAGE_POINTERS must not be negative."
#endif
#ifndef configUSE_APPLICATION_TASK_TAG
#define configUSE_APPLICATION_TASK_TAG 0
#endif
#ifndef configUSE_ALTERNATIVE_API
#define configUSE_ALTERNATIVE_API 0
#endif
#if configUSE_ALTERNATIVE_API
#error "configUSE_ALTERNATIVE_API: the alternative queue API was removed from FreeRTOS and is not supported."
#endif
#ifndef configENABLE_BACKWARD_COMPATIBILITY
#define configENABLE_BACKWARD_COMPATIBILITY 1
#endif
#ifndef configUSE_MINI_LIST_ITEM
#define configUSE_MINI_LIST_ITEM 1
#endif
#ifndef configUSE_POSIX_ERRNO
#define configUSE_POSIX_ERRNO 0
#endif
#ifndef configUSE_NEWLIB_REENTRANT
#define configUSE_NEWLIB_REENTRANT 0
#endif
#ifndef configUSE_C_RUNTIME_TLS_SUPPORT
#define configUSE_C_RUNTIME_TLS_SUPPORT 0
#endif

/* ---- Memory ---- */
#ifndef configSUPPORT_STATIC_ALLOCATION
#define configSUPPORT_STATIC_ALLOCATION 0
#endif
#ifndef configSUPPORT_DYNAMIC_ALLOCATION
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#endif
#if !configSUPPORT_STATIC_ALLOCATION && !configSUPPORT_DYNAMIC_ALLOCATION
#error "configSUPPORT_STATIC_ALLOCATION and configSUPPORT_DYNAMIC_ALLOCATION are both 0: enable one."
#endif
#ifndef configKERNEL_PROVIDED_STATIC_MEMORY
#define configKERNEL_PROVIDED_STATIC_MEMORY 0
#endif
#ifndef configAPPLICATION_ALLOCATED_HEAP
#define configAPPLICATION_ALLOCATED_HEAP 0
#endif
#ifndef configHEAP_CLEAR_MEMORY_ON_FREE
#define configHEAP_CLEAR_MEMORY_ON_FREE 0
#endif
#ifndef configSTACK_ALLOCATION_FROM_SEPARATE_HEAP
#define configSTACK_ALLOCATION_FROM_SEPARATE_HEAP 0
#endif
#ifndef configENABLE_HEAP_PROTECTOR
#define configENABLE_HEAP_PROTECTOR 0
#endif
#if configENABLE_HEAP_PROTECTOR
#error "configENABLE_HEAP_PROTECTOR is not supported by Quartz's heaps yet."
#endif
#if configSTACK_ALLOCATION_FROM_SEPARATE_HEAP
#error "configSTACK_ALLOCATION_FROM_SEPARATE_HEAP is not supported by Quartz yet."
#endif

/* ---- Hooks and checks ---- */
#ifndef configCHECK_FOR_STACK_OVERFLOW
#define configCHECK_FOR_STACK_OVERFLOW 0
#endif
#if (configCHECK_FOR_STACK_OVERFLOW < 0) || (configCHECK_FOR_STACK_OVERFLOW > 2)
#error "configCHECK_FOR_STACK_OVERFLOW must be 0, 1 or 2 (method 3 is not supported)."
#endif
#ifndef configUSE_MALLOC_FAILED_HOOK
#define configUSE_MALLOC_FAILED_HOOK 0
#endif
#ifndef configUSE_DAEMON_TASK_STARTUP_HOOK
#define configUSE_DAEMON_TASK_STARTUP_HOOK 0
#endif
#ifndef configUSE_TRACE_FACILITY
#define configUSE_TRACE_FACILITY 0
#endif
#ifndef configUSE_STATS_FORMATTING_FUNCTIONS
#define configUSE_STATS_FORMATTING_FUNCTIONS 0
#endif
#ifndef configGENERATE_RUN_TIME_STATS
#define configGENERATE_RUN_TIME_STATS 0
#endif
#ifndef configRECORD_STACK_HIGH_ADDRESS
#define configRECORD_STACK_HIGH_ADDRESS 0
#endif

/* ---- Run-time statistics and co-routines (task_stats.c, croutine.c) ---- */
#ifndef configRUN_TIME_COUNTER_TYPE
#define configRUN_TIME_COUNTER_TYPE uint32_t
#endif
#ifndef configSTATS_BUFFER_MAX_LENGTH
/* The buffer length vTaskList and vTaskGetRunTimeStats assume. */
#define configSTATS_BUFFER_MAX_LENGTH 0xFFFF
#endif
#if configUSE_CO_ROUTINES
#ifndef configMAX_CO_ROUTINE_PRIORITIES
#error "Missing definition: configMAX_CO_ROUTINE_PRIORITIES must be defined in FreeRTOSConfig.h when configUSE_CO_ROUTINES is 1."
#endif
#if (configMAX_CO_ROUTINE_PRIORITIES < 1) || (configMAX_CO_ROUTINE_PRIORITIES > 256)
#error "configMAX_CO_ROUTINE_PRIORITIES must be between 1 and 256."
#endif
#endif
#ifndef configINCLUDE_FREERTOS_TASK_C_ADDITIONS_H
#define configINCLUDE_FREERTOS_TASK_C_ADDITIONS_H 0
#endif
#ifndef configASSERT
#define configASSERT(x)
#define configASSERT_DEFINED 0
#else
#define configASSERT_DEFINED 1
#endif
#ifndef configPRECONDITION
#define configPRECONDITION(x)
#endif

/*
 * Services that belong to the "Complete kernel" work and do not exist yet.
 * Enabling one is an error, never a silent no-op.
 */
#if configUSE_NEWLIB_REENTRANT || configUSE_C_RUNTIME_TLS_SUPPORT
#error "configUSE_NEWLIB_REENTRANT / configUSE_C_RUNTIME_TLS_SUPPORT are not supported by Quartz yet."
#endif
#if configINCLUDE_FREERTOS_TASK_C_ADDITIONS_H
#error "configINCLUDE_FREERTOS_TASK_C_ADDITIONS_H is not supported: Quartz has no tasks.c to extend."
#endif

/* ---- INCLUDE_ options. Most functions are always built (the linker drops unused ones); those
 * below that FreeRTOS leaves out by default are built only when their option is 1, as in
 * FreeRTOS (the kernel's own footprint does not carry them). INCLUDE_vTaskSuspend also
 * changes behaviour: portMAX_DELAY waits forever only when it is 1. ---- */
#ifndef INCLUDE_xTaskAbortDelay
#define INCLUDE_xTaskAbortDelay 0
#endif
#ifndef INCLUDE_xTaskGetHandle
#define INCLUDE_xTaskGetHandle 0
#endif
#ifndef INCLUDE_xTaskGetIdleTaskHandle
#define INCLUDE_xTaskGetIdleTaskHandle 0
#endif
#ifndef INCLUDE_uxTaskGetStackHighWaterMark2
#define INCLUDE_uxTaskGetStackHighWaterMark2 0
#endif
#ifndef INCLUDE_vTaskSuspend
#define INCLUDE_vTaskSuspend 0
#endif
#ifndef INCLUDE_xTaskResumeFromISR
#define INCLUDE_xTaskResumeFromISR 1
#endif
#ifndef INCLUDE_xTaskGetCurrentTaskHandle
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#endif
#ifndef INCLUDE_xSemaphoreGetMutexHolder
#ifdef INCLUDE_xQueueGetMutexHolder
#define INCLUDE_xSemaphoreGetMutexHolder INCLUDE_xQueueGetMutexHolder
#else
#define INCLUDE_xSemaphoreGetMutexHolder 0
#endif
#endif

/* ---- Software timers and event groups (timers.c, event_groups.c) ----
 * FreeRTOS requires the three timer-task options when configUSE_TIMERS is 1; Quartz gives them
 * the values FreeRTOS's demo configurations use. The event-group FromISR functions defer to the
 * timer task, so they also need INCLUDE_xTimerPendFunctionCall (default 0, as in FreeRTOS).
 * The values are checked in timers.c with static assertions: applications often write them
 * with casts, which #if cannot evaluate. */
#ifndef configTIMER_TASK_PRIORITY
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#endif
#ifndef configTIMER_QUEUE_LENGTH
#define configTIMER_QUEUE_LENGTH 10
#endif
#ifndef configTIMER_TASK_STACK_DEPTH
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#endif
#ifndef configTIMER_SERVICE_TASK_NAME
#define configTIMER_SERVICE_TASK_NAME "Tmr Svc"
#endif
#ifndef INCLUDE_xTimerPendFunctionCall
#define INCLUDE_xTimerPendFunctionCall 0
#endif

#include "projdefs.h"
#include "portable.h"

/* ---- Port-provided macros that have generic defaults. ---- */
#ifndef portYIELD_WITHIN_API
#define portYIELD_WITHIN_API portYIELD
#endif
#ifndef portSUPPRESS_TICKS_AND_SLEEP
#define portSUPPRESS_TICKS_AND_SLEEP(idle_ticks)
#endif
#ifndef portPRE_TASK_DELETE_HOOK
#define portPRE_TASK_DELETE_HOOK(tcb, yield_pending)
#endif
#ifndef portSETUP_TCB
#define portSETUP_TCB(tcb) (void)(tcb)
#endif
#ifndef portCLEAN_UP_TCB
#define portCLEAN_UP_TCB(tcb) (void)(tcb)
#endif
#ifndef portIDLE_HOOK
#define portIDLE_HOOK()
#endif
#ifndef portASSERT_IF_INTERRUPT_PRIORITY_INVALID
#define portASSERT_IF_INTERRUPT_PRIORITY_INVALID()
#endif
#ifndef portASSERT_IF_IN_ISR
#define portASSERT_IF_IN_ISR()
#endif
#ifndef portTASK_USES_FLOATING_POINT
#define portTASK_USES_FLOATING_POINT()
#endif
#ifndef portPRIVILEGE_BIT
#define portPRIVILEGE_BIT ((UBaseType_t)0x00)
#endif
#ifndef portHAS_STACK_OVERFLOW_CHECKING
#define portHAS_STACK_OVERFLOW_CHECKING 0
#endif
#ifndef portTICK_TYPE_IS_ATOMIC
#define portTICK_TYPE_IS_ATOMIC 0
#endif
#ifndef portMEMORY_BARRIER
#define portMEMORY_BARRIER()
#endif
#ifndef portSOFTWARE_BARRIER
#define portSOFTWARE_BARRIER()
#endif
#ifndef portDONT_DISCARD
#define portDONT_DISCARD
#endif
#ifndef portFORCE_INLINE
#define portFORCE_INLINE inline __attribute__((always_inline))
#endif
#ifndef portINLINE
#define portINLINE inline
#endif
#ifndef portNOP
#define portNOP()
#endif
#ifndef portPOINTER_SIZE_TYPE
#define portPOINTER_SIZE_TYPE uint32_t
#endif
#ifndef portCRITICAL_NESTING_IN_TCB
#define portCRITICAL_NESTING_IN_TCB 0
#endif
#ifndef portCONFIGURE_TIMER_FOR_RUN_TIME_STATS
#define portCONFIGURE_TIMER_FOR_RUN_TIME_STATS()
#endif
#ifndef mtCOVERAGE_TEST_MARKER
#define mtCOVERAGE_TEST_MARKER()
#endif
#ifndef mtCOVERAGE_TEST_DELAY
#define mtCOVERAGE_TEST_DELAY()
#endif

/* Run-time statistics read a counter the port or the application provides. */
#if configGENERATE_RUN_TIME_STATS && !defined(portGET_RUN_TIME_COUNTER_VALUE) &&                   \
    !defined(portALT_GET_RUN_TIME_COUNTER_VALUE)
#error "configGENERATE_RUN_TIME_STATS is 1: define portGET_RUN_TIME_COUNTER_VALUE() or portALT_GET_RUN_TIME_COUNTER_VALUE(x) (and portCONFIGURE_TIMER_FOR_RUN_TIME_STATS()) in FreeRTOSConfig.h."
#endif

#if configUSE_TICKLESS_IDLE && !defined(portSUPPRESS_TICKS_AND_SLEEP_PROVIDED)
#error "configUSE_TICKLESS_IDLE is 1 but this port has no tickless idle (portSUPPRESS_TICKS_AND_SLEEP)."
#endif

#include "trace_defaults.h"

/* ---- Static object types ----
 * Opaque mirrors of the kernel's private structures, field for field, so that
 * applications can reserve the memory; the kernel proves the sizes equal with
 * static assertions. Never access their members. */
typedef struct xSTATIC_LIST_ITEM {
    TickType_t dummy1;
    void *dummy2[4];
} StaticListItem_t;

#if configUSE_MINI_LIST_ITEM
typedef struct xSTATIC_MINI_LIST_ITEM {
    TickType_t dummy1;
    void *dummy2[2];
} StaticMiniListItem_t;
#else
typedef StaticListItem_t StaticMiniListItem_t;
#endif

typedef struct xSTATIC_LIST {
    UBaseType_t dummy1;
    void *dummy2;
    StaticMiniListItem_t dummy3;
} StaticList_t;

typedef struct xSTATIC_TCB {
    void *dummy1;
    StaticListItem_t dummy2[2];
    void *dummy3[2];
#if (portSTACK_GROWTH > 0) || configRECORD_STACK_HIGH_ADDRESS
    void *dummy4;
#endif
#if configUSE_MUTEXES
    void *dummy5;
#endif
    void *dummy6[2];
#if configUSE_APPLICATION_TASK_TAG
    void *dummy7;
#endif
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0
    void *dummy8[configNUM_THREAD_LOCAL_STORAGE_POINTERS];
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t dummy9[2];
#endif
#if configGENERATE_RUN_TIME_STATS
    configRUN_TIME_COUNTER_TYPE dummy14; /* run-time counter */
#endif
#if configUSE_TASK_NOTIFICATIONS
    uint32_t dummy10[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    uint8_t dummy11[configTASK_NOTIFICATION_ARRAY_ENTRIES];
#endif
    uint8_t dummy12[6];
    char dummy13[configMAX_TASK_NAME_LEN];
} StaticTask_t;

/* Mirrors struct QueueDefinition (kernel/private/queue_internal.h). */
typedef struct xSTATIC_QUEUE {
    UBaseType_t dummy1[3];
    void *dummy2[4];
    StaticList_t dummy3[2];
#if configUSE_QUEUE_SETS
    void *dummy6; /* the queue set it belongs to */
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t dummy4;
#endif
    uint8_t dummy5[2];
    uint16_t dummy7;
} StaticQueue_t;
typedef StaticQueue_t StaticSemaphore_t;

/* Mirrors struct tmrTimerControl (kernel/timers.c). */
typedef struct xSTATIC_TIMER {
    void *dummy1;
    StaticListItem_t dummy2;
    TickType_t dummy3;
    void *dummy4[2];
#if configUSE_TRACE_FACILITY
    UBaseType_t dummy5;
#endif
    uint8_t dummy6;
} StaticTimer_t;

/* Mirrors struct EventGroupDef_t (kernel/event_groups.c). */
typedef struct xSTATIC_EVENT_GROUP {
    TickType_t dummy1;
    StaticList_t dummy2;
#if configUSE_TRACE_FACILITY
    UBaseType_t dummy3;
#endif
    uint8_t dummy4;
} StaticEventGroup_t;

/* Stream and message buffers: mirrors struct StreamBufferDef_t (stream_buffer_internal.h). */
typedef struct xSTATIC_STREAM_BUFFER {
    size_t dummy1[5];
    void *dummy2;
    StaticList_t dummy3[2];
#if configUSE_SB_COMPLETED_CALLBACK
    void *dummy4[2];
#endif
#if configUSE_TRACE_FACILITY
    UBaseType_t dummy5;
#endif
    uint8_t dummy6[2];
} StaticStreamBuffer_t;
typedef StaticStreamBuffer_t StaticMessageBuffer_t;

#endif /* INC_FREERTOS_H */
