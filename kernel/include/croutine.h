/* SPDX-License-Identifier: MIT */
/*
 * croutine.h: FreeRTOS co-routines (configUSE_CO_ROUTINES): light, stackless
 * routines that share one stack and run cooperatively, scheduled by
 * vCoRoutineSchedule(), which the application calls from its idle hook (or a
 * loop). Tasks preempt co-routines; co-routines never preempt each other.
 *
 * The documented restrictions apply: a co-routine function starts with
 * crSTART(handle) and ends with crEND(); the blocking macros (crDELAY,
 * crQUEUE_SEND, crQUEUE_RECEIVE) may only be used in the co-routine function
 * itself, never in a function it calls and never inside a switch statement,
 * and at most one of them per source line; local variables do not keep their
 * value across a blocking macro (make them static). A queue used by
 * co-routines is used only by co-routines and interrupts
 * (crQUEUE_SEND_FROM_ISR, crQUEUE_RECEIVE_FROM_ISR), never by tasks.
 *
 * How a blocking macro works: it records a resume point in the control
 * block's uxState and returns from the co-routine function; the next time
 * the co-routine is scheduled, crSTART's switch jumps back to that point.
 */
#ifndef CO_ROUTINE_H
#define CO_ROUTINE_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before croutine.h"
#endif

#include "list.h"
#include "queue.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void *CoRoutineHandle_t;

/* A co-routine function: its own handle, and the index given to xCoRoutineCreate. */
typedef void (*crCOROUTINE_CODE)(CoRoutineHandle_t, UBaseType_t);

/* The co-routine control block. The macros below read and write uxState. */
typedef struct corCoRoutineControlBlock {
    crCOROUTINE_CODE pxCoRoutineFunction;
    ListItem_t xGenericListItem; /* on a ready or delayed list */
    ListItem_t xEventListItem;   /* on a queue's waiter list while blocked on it */
    UBaseType_t uxPriority;
    UBaseType_t uxIndex;
    uint16_t uxState; /* 0 at the start, else the resume point of the last blocking macro */
} CRCB_t;

#if configUSE_CO_ROUTINES
/* pdPASS, or errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY. Ready to run at once. */
BaseType_t xCoRoutineCreate(crCOROUTINE_CODE code, UBaseType_t priority, UBaseType_t index);

/* Run the highest-priority ready co-routine (round robin among equals) once, if any. */
void vCoRoutineSchedule(void);

/*
 * Forget every co-routine and free their memory, so that co-routines can be
 * created afresh (for example after vTaskEndScheduler). No co-routine may be
 * running.
 */
void vCoRoutineResetState(void);

/* For the macros only: delay the running co-routine, and wait on event_list if not NULL. */
void vCoRoutineAddToDelayedList(TickType_t ticks, List_t *event_list);
/* For the kernel only: make the first co-routine on event_list ready (locked). */
BaseType_t xCoRoutineRemoveFromEventList(const List_t *event_list);
#endif /* configUSE_CO_ROUTINES */

/* ---- The co-routine body ---- */
#define crSTART(handle)                                                                            \
    switch (((CRCB_t *)(handle))->uxState) {                                                       \
    case 0:
#define crEND() }

/*
 * Leave the co-routine, to resume just after this point next time. Two
 * points per source line (even and odd), so each needs its own line.
 */
#define crSET_STATE0(handle)                                                                       \
    ((CRCB_t *)(handle))->uxState = (uint16_t)(__LINE__ * 2);                                      \
    return;                                                                                        \
    case (__LINE__ * 2):
#define crSET_STATE1(handle)                                                                       \
    ((CRCB_t *)(handle))->uxState = (uint16_t)(__LINE__ * 2 + 1);                                  \
    return;                                                                                        \
    case (__LINE__ * 2 + 1):

/* Block for ticks (0: just let other ready co-routines of the same priority run). */
#define crDELAY(handle, ticks)                                                                     \
    do {                                                                                           \
        if ((ticks) > 0) {                                                                         \
            vCoRoutineAddToDelayedList((ticks), NULL);                                             \
        }                                                                                          \
        crSET_STATE0((handle));                                                                    \
    } while (0)

/*
 * Send to queue, blocking up to ticks for space. *result becomes pdPASS or
 * errQUEUE_FULL. A send that wakes a co-routine of equal or higher priority
 * yields to it before returning.
 */
#define crQUEUE_SEND(handle, queue, item, ticks, result)                                           \
    do {                                                                                           \
        *(result) = xQueueCRSend((queue), (item), (ticks));                                        \
        if (*(result) == errQUEUE_BLOCKED) {                                                       \
            crSET_STATE0((handle));                                                                \
            *(result) = xQueueCRSend((queue), (item), 0);                                          \
        }                                                                                          \
        if (*(result) == errQUEUE_YIELD) {                                                         \
            crSET_STATE1((handle));                                                                \
            *(result) = pdPASS;                                                                    \
        }                                                                                          \
    } while (0)

/* Receive from queue, blocking up to ticks for an item. *result: pdPASS or errQUEUE_EMPTY. */
#define crQUEUE_RECEIVE(handle, queue, buffer, ticks, result)                                      \
    do {                                                                                           \
        *(result) = xQueueCRReceive((queue), (buffer), (ticks));                                   \
        if (*(result) == errQUEUE_BLOCKED) {                                                       \
            crSET_STATE0((handle));                                                                \
            *(result) = xQueueCRReceive((queue), (buffer), 0);                                     \
        }                                                                                          \
        if (*(result) == errQUEUE_YIELD) {                                                         \
            crSET_STATE1((handle));                                                                \
            *(result) = pdPASS;                                                                    \
        }                                                                                          \
    } while (0)

/*
 * From an interrupt: send to a co-routine queue; pass pdFALSE first, then the
 * previous return value. Returns pdTRUE once a co-routine has been woken (at
 * most one per interrupt). A full queue drops the item.
 */
#define crQUEUE_SEND_FROM_ISR(queue, item, previously_woken)                                       \
    xQueueCRSendFromISR((queue), (item), (previously_woken))

/* From an interrupt: pdTRUE if an item was received; *woken set if a sender was woken. */
#define crQUEUE_RECEIVE_FROM_ISR(queue, buffer, woken)                                             \
    xQueueCRReceiveFromISR((queue), (buffer), (woken))

#ifdef __cplusplus
}
#endif

#endif /* CO_ROUTINE_H */
