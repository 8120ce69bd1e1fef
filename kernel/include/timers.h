/* SPDX-License-Identifier: MIT */
/*
 * timers.h: FreeRTOS software timers (configUSE_TIMERS).
 *
 * Timers run their callbacks in the timer service (daemon) task, created by
 * vTaskStartScheduler at configTIMER_TASK_PRIORITY. Every operation that
 * changes a timer (start, stop, reset, change period, delete) is a command
 * sent to the daemon through a queue of configTIMER_QUEUE_LENGTH entries;
 * commands take effect in the order they were sent, when the daemon runs.
 * Start and reset measure the period from the tick the command was sent; a
 * period change from the tick the daemon processes it. An auto-reload timer
 * the daemon could not serve in time has its callback called once for every
 * period that passed, and keeps its phase. Callbacks must not block.
 *
 * With configUSE_TIMERS 0 (the default) this header declares nothing, as in
 * FreeRTOS.
 */
#ifndef TIMERS_H
#define TIMERS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before timers.h"
#endif

#include "task.h"

#if configUSE_TIMERS

#ifdef __cplusplus
extern "C" {
#endif

/* Command identifiers (xTimerGenericCommand and the trace hooks see them). */
#define tmrCOMMAND_EXECUTE_CALLBACK_FROM_ISR ((BaseType_t)-2)
#define tmrCOMMAND_EXECUTE_CALLBACK ((BaseType_t)-1)
#define tmrCOMMAND_START_DONT_TRACE ((BaseType_t)0)
#define tmrCOMMAND_START ((BaseType_t)1)
#define tmrCOMMAND_RESET ((BaseType_t)2)
#define tmrCOMMAND_STOP ((BaseType_t)3)
#define tmrCOMMAND_CHANGE_PERIOD ((BaseType_t)4)
#define tmrCOMMAND_DELETE ((BaseType_t)5)
#define tmrFIRST_FROM_ISR_COMMAND ((BaseType_t)6)
#define tmrCOMMAND_START_FROM_ISR ((BaseType_t)6)
#define tmrCOMMAND_RESET_FROM_ISR ((BaseType_t)7)
#define tmrCOMMAND_STOP_FROM_ISR ((BaseType_t)8)
#define tmrCOMMAND_CHANGE_PERIOD_FROM_ISR ((BaseType_t)9)

struct tmrTimerControl;
typedef struct tmrTimerControl *TimerHandle_t;

typedef void (*TimerCallbackFunction_t)(TimerHandle_t xTimer);
typedef void (*PendedFunction_t)(void *arg1, uint32_t arg2);

#if configENABLE_BACKWARD_COMPATIBILITY
#define xTimerHandle TimerHandle_t
#define tmrTIMER_CALLBACK TimerCallbackFunction_t
#endif

/* ---- Creation ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
/* A dormant timer; NULL when out of memory. The period must be > 0; the name is not copied. */
TimerHandle_t xTimerCreate(const char *const pcTimerName, const TickType_t xTimerPeriodInTicks,
                           const BaseType_t xAutoReload, void *const pvTimerID,
                           TimerCallbackFunction_t pxCallbackFunction);
#endif
#if configSUPPORT_STATIC_ALLOCATION
TimerHandle_t xTimerCreateStatic(const char *const pcTimerName,
                                 const TickType_t xTimerPeriodInTicks, const BaseType_t xAutoReload,
                                 void *const pvTimerID, TimerCallbackFunction_t pxCallbackFunction,
                                 StaticTimer_t *pxTimerBuffer);
/* pdTRUE and the buffer if the timer was created statically, else pdFALSE. */
BaseType_t xTimerGetStaticBuffer(TimerHandle_t xTimer, StaticTimer_t **ppxTimerBuffer);
#endif

/* ---- Commands to the daemon task ----
 * pdPASS when the command was queued (within xTicksToWait, which is ignored
 * before the scheduler runs or while it is suspended), pdFAIL when the queue
 * stayed full. The FromISR forms never block and set *pxHigherPriorityTaskWoken
 * (may be NULL) when the daemon outranks the interrupted task. */
BaseType_t xTimerGenericCommandFromTask(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                        const TickType_t xOptionalValue,
                                        BaseType_t *const pxHigherPriorityTaskWoken,
                                        const TickType_t xTicksToWait);
BaseType_t xTimerGenericCommandFromISR(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                       const TickType_t xOptionalValue,
                                       BaseType_t *const pxHigherPriorityTaskWoken,
                                       const TickType_t xTicksToWait);
#define xTimerGenericCommand(xTimer, xCommandID, xOptionalValue, pxHigherPriorityTaskWoken,        \
                             xTicksToWait)                                                         \
    ((xCommandID) < tmrFIRST_FROM_ISR_COMMAND                                                      \
         ? xTimerGenericCommandFromTask((xTimer), (xCommandID), (xOptionalValue),                  \
                                        (pxHigherPriorityTaskWoken), (xTicksToWait))               \
         : xTimerGenericCommandFromISR((xTimer), (xCommandID), (xOptionalValue),                   \
                                       (pxHigherPriorityTaskWoken), (xTicksToWait)))

#define xTimerStart(xTimer, xTicksToWait)                                                          \
    xTimerGenericCommand((xTimer), tmrCOMMAND_START, xTaskGetTickCount(), NULL, (xTicksToWait))
#define xTimerStop(xTimer, xTicksToWait)                                                           \
    xTimerGenericCommand((xTimer), tmrCOMMAND_STOP, 0U, NULL, (xTicksToWait))
#define xTimerChangePeriod(xTimer, xNewPeriod, xTicksToWait)                                       \
    xTimerGenericCommand((xTimer), tmrCOMMAND_CHANGE_PERIOD, (xNewPeriod), NULL, (xTicksToWait))
#define xTimerDelete(xTimer, xTicksToWait)                                                         \
    xTimerGenericCommand((xTimer), tmrCOMMAND_DELETE, 0U, NULL, (xTicksToWait))
#define xTimerReset(xTimer, xTicksToWait)                                                          \
    xTimerGenericCommand((xTimer), tmrCOMMAND_RESET, xTaskGetTickCount(), NULL, (xTicksToWait))

#define xTimerStartFromISR(xTimer, pxHigherPriorityTaskWoken)                                      \
    xTimerGenericCommand((xTimer), tmrCOMMAND_START_FROM_ISR, xTaskGetTickCountFromISR(),          \
                         (pxHigherPriorityTaskWoken), 0U)
#define xTimerStopFromISR(xTimer, pxHigherPriorityTaskWoken)                                       \
    xTimerGenericCommand((xTimer), tmrCOMMAND_STOP_FROM_ISR, 0, (pxHigherPriorityTaskWoken), 0U)
#define xTimerChangePeriodFromISR(xTimer, xNewPeriod, pxHigherPriorityTaskWoken)                   \
    xTimerGenericCommand((xTimer), tmrCOMMAND_CHANGE_PERIOD_FROM_ISR, (xNewPeriod),                \
                         (pxHigherPriorityTaskWoken), 0U)
#define xTimerResetFromISR(xTimer, pxHigherPriorityTaskWoken)                                      \
    xTimerGenericCommand((xTimer), tmrCOMMAND_RESET_FROM_ISR, xTaskGetTickCountFromISR(),          \
                         (pxHigherPriorityTaskWoken), 0U)

/* ---- Deferred function calls: fn(arg1, arg2) runs in the daemon task ---- */
BaseType_t xTimerPendFunctionCall(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                  uint32_t ulParameter2, TickType_t xTicksToWait);
BaseType_t xTimerPendFunctionCallFromISR(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                         uint32_t ulParameter2,
                                         BaseType_t *pxHigherPriorityTaskWoken);

/* ---- Queries and settings (take effect at once, not through the queue) ---- */
/* pdTRUE while the timer is running: started (by the daemon) and not yet expired (one-shot),
 * stopped or deleted. */
BaseType_t xTimerIsTimerActive(TimerHandle_t xTimer);
void *pvTimerGetTimerID(const TimerHandle_t xTimer);
void vTimerSetTimerID(TimerHandle_t xTimer, void *pvNewID);
const char *pcTimerGetName(TimerHandle_t xTimer);
TickType_t xTimerGetPeriod(TimerHandle_t xTimer);
/* The tick at which the timer expires next (meaningful while it is active). */
TickType_t xTimerGetExpiryTime(TimerHandle_t xTimer);
void vTimerSetReloadMode(TimerHandle_t xTimer, const BaseType_t xAutoReload);
BaseType_t xTimerGetReloadMode(TimerHandle_t xTimer);
UBaseType_t uxTimerGetReloadMode(TimerHandle_t xTimer);
/* The daemon task; only valid once the scheduler has started. */
TaskHandle_t xTimerGetTimerDaemonTaskHandle(void);

#if configUSE_TRACE_FACILITY
void vTimerSetTimerNumber(TimerHandle_t xTimer, UBaseType_t uxTimerNumber);
UBaseType_t uxTimerGetTimerNumber(TimerHandle_t xTimer);
#endif

/* Forget the timer service (its queue, lists and task) so that the scheduler can be started
 * again; vTaskStartScheduler calls it when the scheduler ends. */
void vTimerResetState(void);

/* ---- Application hooks ---- */
#if configSUPPORT_STATIC_ALLOCATION
/* Memory for the daemon task (configSUPPORT_STATIC_ALLOCATION 1). */
void vApplicationGetTimerTaskMemory(StaticTask_t **ppxTimerTaskTCBBuffer,
                                    StackType_t **ppxTimerTaskStackBuffer,
                                    configSTACK_DEPTH_TYPE *puxTimerTaskStackSize);
#endif
#if configUSE_DAEMON_TASK_STARTUP_HOOK
/* Called once, by the daemon task, before it processes anything. */
void vApplicationDaemonTaskStartupHook(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* configUSE_TIMERS */

#endif /* TIMERS_H */
