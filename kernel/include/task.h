/* SPDX-License-Identifier: MIT */
/*
 * task.h: the FreeRTOS task API: creation and deletion, delays, priorities,
 * suspension, scheduler control, critical sections, notifications and task
 * introspection. Semantics follow FreeRTOS's API reference; where Quartz
 * differs, docs/api-compat.md says so.
 */
#ifndef INC_TASK_H
#define INC_TASK_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before task.h"
#endif

#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

#define tskKERNEL_VERSION_NUMBER "V11.1.0"
#define tskKERNEL_VERSION_MAJOR 11
#define tskKERNEL_VERSION_MINOR 1
#define tskKERNEL_VERSION_BUILD 0

#define tskMPU_REGION_READ_ONLY (1U << 0U)
#define tskMPU_REGION_READ_WRITE (1U << 1U)
#define tskMPU_REGION_EXECUTE_NEVER (1U << 2U)
#define tskMPU_REGION_NORMAL_MEMORY (1U << 3U)
#define tskMPU_REGION_DEVICE_MEMORY (1U << 4U)

#define tskDEFAULT_INDEX_TO_NOTIFY (0)

struct tskTaskControlBlock;
typedef struct tskTaskControlBlock *TaskHandle_t;
typedef const struct tskTaskControlBlock *ConstTaskHandle_t;

typedef BaseType_t (*TaskHookFunction_t)(void *arg);

typedef enum {
    eRunning = 0,
    eReady,
    eBlocked,
    eSuspended,
    eDeleted,
    eInvalid
} eTaskState;

typedef enum {
    eNoAction = 0,
    eSetBits,
    eIncrement,
    eSetValueWithOverwrite,
    eSetValueWithoutOverwrite
} eNotifyAction;

typedef struct xTIME_OUT {
    BaseType_t xOverflowCount;
    TickType_t xTimeOnEntering;
} TimeOut_t;

typedef struct xMEMORY_REGION {
    void *pvBaseAddress;
    uint32_t ulLengthInBytes;
    uint32_t ulParameters;
} MemoryRegion_t;

typedef struct xTASK_PARAMETERS {
    TaskFunction_t pvTaskCode;
    const char *pcName;
    configSTACK_DEPTH_TYPE usStackDepth;
    void *pvParameters;
    UBaseType_t uxPriority;
    StackType_t *puxStackBuffer;
    MemoryRegion_t xRegions[portNUM_CONFIGURABLE_REGIONS];
} TaskParameters_t;

typedef struct xTASK_STATUS {
    TaskHandle_t xHandle;
    const char *pcTaskName;
    UBaseType_t xTaskNumber;
    eTaskState eCurrentState;
    UBaseType_t uxCurrentPriority;
    UBaseType_t uxBasePriority;
    configRUN_TIME_COUNTER_TYPE ulRunTimeCounter;
    StackType_t *pxStackBase;
#if (portSTACK_GROWTH > 0) || configRECORD_STACK_HIGH_ADDRESS
    StackType_t *pxTopOfStack;
    StackType_t *pxEndOfStack;
#endif
    configSTACK_DEPTH_TYPE usStackHighWaterMark;
} TaskStatus_t;

typedef enum {
    eAbortSleep = 0,
    eStandardSleep,
    eNoTasksWaitingTimeout
} eSleepModeStatus;

#define tskIDLE_PRIORITY ((UBaseType_t)0U)
#define tskNO_AFFINITY ((UBaseType_t)-1)

#define taskYIELD() portYIELD()
#define taskENTER_CRITICAL() portENTER_CRITICAL()
#define taskENTER_CRITICAL_FROM_ISR() portSET_INTERRUPT_MASK_FROM_ISR()
#define taskEXIT_CRITICAL() portEXIT_CRITICAL()
#define taskEXIT_CRITICAL_FROM_ISR(x) portCLEAR_INTERRUPT_MASK_FROM_ISR(x)
#define taskDISABLE_INTERRUPTS() portDISABLE_INTERRUPTS()
#define taskENABLE_INTERRUPTS() portENABLE_INTERRUPTS()

#define taskSCHEDULER_SUSPENDED ((BaseType_t)0)
#define taskSCHEDULER_NOT_STARTED ((BaseType_t)1)
#define taskSCHEDULER_RUNNING ((BaseType_t)2)

/* ---- Creation and deletion ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
BaseType_t xTaskCreate(TaskFunction_t code, const char *const name,
                       const configSTACK_DEPTH_TYPE stack_depth, void *const params,
                       UBaseType_t priority, TaskHandle_t *const created);
#endif
#if configSUPPORT_STATIC_ALLOCATION
TaskHandle_t xTaskCreateStatic(TaskFunction_t code, const char *const name,
                               const configSTACK_DEPTH_TYPE stack_depth, void *const params,
                               UBaseType_t priority, StackType_t *const stack_buffer,
                               StaticTask_t *const task_buffer);
#endif
void vTaskDelete(TaskHandle_t task);

/* ---- Delays ---- */
void vTaskDelay(const TickType_t ticks);
BaseType_t xTaskDelayUntil(TickType_t *const previous_wake, const TickType_t increment);
#define vTaskDelayUntil(prev, inc)                                                                 \
    do {                                                                                           \
        (void)xTaskDelayUntil((prev), (inc));                                                      \
    } while (0)
BaseType_t xTaskAbortDelay(TaskHandle_t task);

/* ---- Priorities and state ---- */
UBaseType_t uxTaskPriorityGet(const TaskHandle_t task);
UBaseType_t uxTaskPriorityGetFromISR(const TaskHandle_t task);
UBaseType_t uxTaskBasePriorityGet(const TaskHandle_t task);
UBaseType_t uxTaskBasePriorityGetFromISR(const TaskHandle_t task);
void vTaskPrioritySet(TaskHandle_t task, UBaseType_t new_priority);
eTaskState eTaskGetState(TaskHandle_t task);
void vTaskGetInfo(TaskHandle_t task, TaskStatus_t *status, BaseType_t get_free_stack_space,
                  eTaskState state);
void vTaskSuspend(TaskHandle_t task);
void vTaskResume(TaskHandle_t task);
BaseType_t xTaskResumeFromISR(TaskHandle_t task);

/* ---- Scheduler control ---- */
void vTaskStartScheduler(void);
void vTaskEndScheduler(void);
void vTaskSuspendAll(void);
BaseType_t xTaskResumeAll(void);
BaseType_t xTaskGetSchedulerState(void);

/* ---- Introspection ---- */
TickType_t xTaskGetTickCount(void);
TickType_t xTaskGetTickCountFromISR(void);
UBaseType_t uxTaskGetNumberOfTasks(void);
char *pcTaskGetName(TaskHandle_t task);
TaskHandle_t xTaskGetHandle(const char *name);
TaskHandle_t xTaskGetCurrentTaskHandle(void);
TaskHandle_t xTaskGetIdleTaskHandle(void);
UBaseType_t uxTaskGetStackHighWaterMark(TaskHandle_t task);
configSTACK_DEPTH_TYPE uxTaskGetStackHighWaterMark2(TaskHandle_t task);
#if configSUPPORT_STATIC_ALLOCATION
BaseType_t xTaskGetStaticBuffers(TaskHandle_t task, StackType_t **stack_buffer,
                                 StaticTask_t **task_buffer);
#endif
#if configUSE_TRACE_FACILITY
UBaseType_t uxTaskGetTaskNumber(TaskHandle_t task);
void vTaskSetTaskNumber(TaskHandle_t task, const UBaseType_t number);
#endif

/* ---- System state and run-time statistics (task_stats.c) ---- */
#if configUSE_TRACE_FACILITY
/* Fill status[] for every task; 0 if size is too small. *total_run_time may be NULL. */
UBaseType_t uxTaskGetSystemState(TaskStatus_t *const status, const UBaseType_t size,
                                 configRUN_TIME_COUNTER_TYPE *const total_run_time);
#endif
#if configUSE_TRACE_FACILITY && configUSE_STATS_FORMATTING_FUNCTIONS
/* One line per task: name, state (X R B S D), priority, stack high water mark, number. */
void vTaskListTasks(char *buffer, size_t length);
#define vTaskList(buffer) vTaskListTasks((buffer), configSTATS_BUFFER_MAX_LENGTH)
#endif
#if configGENERATE_RUN_TIME_STATS
configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimeCounter(const TaskHandle_t task);
configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimePercent(const TaskHandle_t task);
configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimeCounter(void);
configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimePercent(void);
#if configUSE_TRACE_FACILITY && configUSE_STATS_FORMATTING_FUNCTIONS
/* One line per task: name, absolute run time, percentage of the total ("<1%" below one). */
void vTaskGetRunTimeStatistics(char *buffer, size_t length);
#define vTaskGetRunTimeStats(buffer)                                                               \
    vTaskGetRunTimeStatistics((buffer), configSTATS_BUFFER_MAX_LENGTH)
#endif
#endif

/* ---- Tags and thread-local storage ---- */
#if configUSE_APPLICATION_TASK_TAG
void vTaskSetApplicationTaskTag(TaskHandle_t task, TaskHookFunction_t tag);
TaskHookFunction_t xTaskGetApplicationTaskTag(TaskHandle_t task);
TaskHookFunction_t xTaskGetApplicationTaskTagFromISR(TaskHandle_t task);
BaseType_t xTaskCallApplicationTaskHook(TaskHandle_t task, void *param);
#endif
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0
void vTaskSetThreadLocalStoragePointer(TaskHandle_t task, BaseType_t index, void *value);
void *pvTaskGetThreadLocalStoragePointer(TaskHandle_t task, BaseType_t index);
#endif

/* ---- Timeouts ---- */
void vTaskSetTimeOutState(TimeOut_t *const timeout);
void vTaskInternalSetTimeOutState(TimeOut_t *const timeout);
BaseType_t xTaskCheckForTimeOut(TimeOut_t *const timeout, TickType_t *const ticks_to_wait);

/* ---- Tick control for tickless idle and catching up ---- */
BaseType_t xTaskCatchUpTicks(TickType_t ticks);
void vTaskStepTick(TickType_t ticks);
eSleepModeStatus eTaskConfirmSleepModeStatus(void);
void vTaskMissedYield(void);

/* ---- Static memory for kernel-created tasks ---- */
#if configSUPPORT_STATIC_ALLOCATION
void vApplicationGetIdleTaskMemory(StaticTask_t **tcb, StackType_t **stack, configSTACK_DEPTH_TYPE *depth);
#endif

/* ---- Notifications ---- */
#if configUSE_TASK_NOTIFICATIONS
BaseType_t xTaskGenericNotify(TaskHandle_t task, UBaseType_t index, uint32_t value,
                              eNotifyAction action, uint32_t *previous_value);
BaseType_t xTaskGenericNotifyFromISR(TaskHandle_t task, UBaseType_t index, uint32_t value,
                                     eNotifyAction action, uint32_t *previous_value,
                                     BaseType_t *woken);
BaseType_t xTaskGenericNotifyWait(UBaseType_t index, uint32_t clear_on_entry,
                                  uint32_t clear_on_exit, uint32_t *value, TickType_t ticks);
void vTaskGenericNotifyGiveFromISR(TaskHandle_t task, UBaseType_t index, BaseType_t *woken);
uint32_t ulTaskGenericNotifyTake(UBaseType_t index, BaseType_t clear_on_exit, TickType_t ticks);
BaseType_t xTaskGenericNotifyStateClear(TaskHandle_t task, UBaseType_t index);
uint32_t ulTaskGenericNotifyValueClear(TaskHandle_t task, UBaseType_t index, uint32_t clear);

#define xTaskNotify(t, v, a) xTaskGenericNotify((t), tskDEFAULT_INDEX_TO_NOTIFY, (v), (a), NULL)
#define xTaskNotifyIndexed(t, i, v, a) xTaskGenericNotify((t), (i), (v), (a), NULL)
#define xTaskNotifyAndQuery(t, v, a, prev)                                                         \
    xTaskGenericNotify((t), tskDEFAULT_INDEX_TO_NOTIFY, (v), (a), (prev))
#define xTaskNotifyAndQueryIndexed(t, i, v, a, prev) xTaskGenericNotify((t), (i), (v), (a), (prev))
#define xTaskNotifyFromISR(t, v, a, w)                                                             \
    xTaskGenericNotifyFromISR((t), tskDEFAULT_INDEX_TO_NOTIFY, (v), (a), NULL, (w))
#define xTaskNotifyIndexedFromISR(t, i, v, a, w)                                                   \
    xTaskGenericNotifyFromISR((t), (i), (v), (a), NULL, (w))
#define xTaskNotifyAndQueryFromISR(t, v, a, prev, w)                                               \
    xTaskGenericNotifyFromISR((t), tskDEFAULT_INDEX_TO_NOTIFY, (v), (a), (prev), (w))
#define xTaskNotifyAndQueryIndexedFromISR(t, i, v, a, prev, w)                                     \
    xTaskGenericNotifyFromISR((t), (i), (v), (a), (prev), (w))
#define xTaskNotifyWait(clr_in, clr_out, v, ticks)                                                 \
    xTaskGenericNotifyWait(tskDEFAULT_INDEX_TO_NOTIFY, (clr_in), (clr_out), (v), (ticks))
#define xTaskNotifyWaitIndexed(i, clr_in, clr_out, v, ticks)                                       \
    xTaskGenericNotifyWait((i), (clr_in), (clr_out), (v), (ticks))
/*
 * The two calls of a notification used as a semaphore have entries of their own, which pass no
 * constant arguments and, in a kernel built for speed, take fast paths (kernel/notify.c); they
 * trace as the xTaskGenericNotify and ulTaskGenericNotifyTake calls they stand for. Quartz's
 * functions, not FreeRTOS's: call the macros.
 */
BaseType_t quartz_notify_give(TaskHandle_t task);
uint32_t quartz_notify_take(BaseType_t clear_on_exit, TickType_t ticks);
#define xTaskNotifyGive(t) quartz_notify_give(t)
#define ulTaskNotifyTake(clr, ticks) quartz_notify_take((clr), (ticks))
#define xTaskNotifyGiveIndexed(t, i) xTaskGenericNotify((t), (i), 0, eIncrement, NULL)
#define vTaskNotifyGiveFromISR(t, w)                                                               \
    vTaskGenericNotifyGiveFromISR((t), tskDEFAULT_INDEX_TO_NOTIFY, (w))
#define vTaskNotifyGiveIndexedFromISR(t, i, w) vTaskGenericNotifyGiveFromISR((t), (i), (w))
#define ulTaskNotifyTakeIndexed(i, clr, ticks) ulTaskGenericNotifyTake((i), (clr), (ticks))
#define xTaskNotifyStateClear(t) xTaskGenericNotifyStateClear((t), tskDEFAULT_INDEX_TO_NOTIFY)
#define xTaskNotifyStateClearIndexed(t, i) xTaskGenericNotifyStateClear((t), (i))
#define ulTaskNotifyValueClear(t, clr)                                                             \
    ulTaskGenericNotifyValueClear((t), tskDEFAULT_INDEX_TO_NOTIFY, (clr))
#define ulTaskNotifyValueClearIndexed(t, i, clr) ulTaskGenericNotifyValueClear((t), (i), (clr))
#endif /* configUSE_TASK_NOTIFICATIONS */

#ifdef __cplusplus
}
#endif

#endif /* INC_TASK_H */
