/* SPDX-License-Identifier: MIT */
/*
 * event_groups.h: FreeRTOS event groups (configUSE_EVENT_GROUPS, on by default).
 *
 * An event group is a set of event bits tasks set, clear and wait for. The
 * top byte of EventBits_t is reserved, so a group holds 8 bits with 16-bit
 * ticks, 24 with 32-bit ticks and 56 with 64-bit ticks; using a reserved bit
 * trips configASSERT. Setting bits unblocks every waiting task whose
 * condition is then met (bits cleared on exit are cleared after all waiters
 * have been considered). The FromISR forms that change bits defer the change
 * to the timer service task (configUSE_TIMERS and
 * INCLUDE_xTimerPendFunctionCall must be 1), as in FreeRTOS, so interrupt
 * latency does not depend on how many tasks wait.
 */
#ifndef EVENT_GROUPS_H
#define EVENT_GROUPS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before event_groups.h"
#endif

#include "timers.h"

#if configUSE_EVENT_GROUPS

#ifdef __cplusplus
extern "C" {
#endif

struct EventGroupDef_t;
typedef struct EventGroupDef_t *EventGroupHandle_t;

/* Event bits; the top byte is reserved for the kernel. */
typedef TickType_t EventBits_t;

#if configENABLE_BACKWARD_COMPATIBILITY
#define xEventGroupHandle EventGroupHandle_t
#endif

#if configSUPPORT_DYNAMIC_ALLOCATION
/* An event group with every bit clear; NULL when out of memory. */
EventGroupHandle_t xEventGroupCreate(void);
#endif
#if configSUPPORT_STATIC_ALLOCATION
EventGroupHandle_t xEventGroupCreateStatic(StaticEventGroup_t *pxEventGroupBuffer);
/* pdTRUE and the buffer if the group was created statically, else pdFALSE. */
BaseType_t xEventGroupGetStaticBuffer(EventGroupHandle_t xEventGroup,
                                      StaticEventGroup_t **ppxEventGroupBuffer);
#endif

/*
 * Wait until any (xWaitForAllBits pdFALSE) or all of uxBitsToWaitFor are set,
 * for at most xTicksToWait. Returns the bits as they were when the condition
 * was met (before any clearing xClearOnExit asked for) or when the wait timed
 * out; the caller compares them with what it waited for. Tasks blocked on a
 * group that is deleted return 0.
 */
EventBits_t xEventGroupWaitBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToWaitFor,
                                const BaseType_t xClearOnExit, const BaseType_t xWaitForAllBits,
                                TickType_t xTicksToWait);

/* Returns the bits as they were before clearing. */
EventBits_t xEventGroupClearBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToClear);

/* Returns the bits after woken tasks' clear-on-exit, before any woken task has run. */
EventBits_t xEventGroupSetBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet);

/*
 * Rendezvous: set uxBitsToSet, then wait until all of uxBitsToWaitFor are set
 * and clear them. Returns the bits when the rendezvous completed (before the
 * clear), or the bits at the timeout.
 */
EventBits_t xEventGroupSync(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                            const EventBits_t uxBitsToWaitFor, TickType_t xTicksToWait);

#define xEventGroupGetBits(xEventGroup) xEventGroupClearBits((xEventGroup), 0)
EventBits_t xEventGroupGetBitsFromISR(EventGroupHandle_t xEventGroup);

/* Unblocks every task waiting on the group (they return 0), then frees it. */
void vEventGroupDelete(EventGroupHandle_t xEventGroup);

#if configUSE_TIMERS && INCLUDE_xTimerPendFunctionCall
/*
 * From an interrupt: ask the timer service task to set or clear the bits.
 * pdPASS when the request was queued, pdFAIL when the timer command queue was
 * full. *pxHigherPriorityTaskWoken (may be NULL) becomes pdTRUE when the
 * daemon task outranks the interrupted task.
 */
BaseType_t xEventGroupSetBitsFromISR(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                                     BaseType_t *pxHigherPriorityTaskWoken);
BaseType_t xEventGroupClearBitsFromISR(EventGroupHandle_t xEventGroup,
                                       const EventBits_t uxBitsToClear);
#endif

/* The functions the deferred FromISR forms run in the daemon task (bits up to 32). */
void vEventGroupSetBitsCallback(void *pvEventGroup, uint32_t ulBitsToSet);
void vEventGroupClearBitsCallback(void *pvEventGroup, uint32_t ulBitsToClear);

#if configUSE_TRACE_FACILITY
UBaseType_t uxEventGroupGetNumber(void *xEventGroup);
void vEventGroupSetNumber(void *xEventGroup, UBaseType_t uxEventGroupNumber);
#endif

#ifdef __cplusplus
}
#endif

#endif /* configUSE_EVENT_GROUPS */

#endif /* EVENT_GROUPS_H */
