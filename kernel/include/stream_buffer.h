/* SPDX-License-Identifier: MIT */
/*
 * stream_buffer.h: the FreeRTOS stream buffer API. A stream buffer carries a
 * stream of bytes from one writer to one reader (a task or an interrupt on
 * each side); message buffers (message_buffer.h) are stream buffers that keep
 * message boundaries.
 *
 * Semantics follow FreeRTOS's API reference. Points worth knowing:
 * - Single writer, single reader: at most one task may be blocked sending and
 *   one blocked receiving at any time. A second task trying to block on the
 *   same side trips configASSERT. Several writers (or readers) must serialise
 *   themselves, for example with a mutex, and use a block time of 0 if more
 *   than one can reach the call at once.
 * - A receiver returns at once if the buffer holds any data (a batching
 *   buffer: more than the trigger level). Otherwise it waits until a send
 *   brings the buffer to the trigger level, or its block time ends, and then
 *   returns whatever is there.
 * - A sender waits until there is room for the whole request (at most the
 *   buffer's size), or its block time ends, and then writes as much as fits.
 * - Blocking never uses the task's notification array: tasks may use every
 *   notification index freely. The notification index functions store the
 *   index for compatibility; Quartz does not use it.
 * - A statically created buffer holds xBufferSizeBytes bytes and uses exactly
 *   xBufferSizeBytes bytes of its storage area.
 * Never call a function without "FromISR" in its name from an interrupt, nor
 * block while the scheduler is suspended.
 */
#ifndef STREAM_BUFFER_H
#define STREAM_BUFFER_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before stream_buffer.h"
#endif

#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif

struct StreamBufferDef_t;
typedef struct StreamBufferDef_t *StreamBufferHandle_t;

/*
 * A send- or receive-completed callback (configUSE_SB_COMPLETED_CALLBACK).
 * xIsInsideISR says whether the completed call was a FromISR one;
 * pxHigherPriorityTaskWoken is never NULL.
 */
typedef void (*StreamBufferCallbackFunction_t)(StreamBufferHandle_t xStreamBuffer,
                                               BaseType_t xIsInsideISR,
                                               BaseType_t *const pxHigherPriorityTaskWoken);

/* The kinds of buffer (xStreamBufferGenericCreate's xStreamBufferType). */
#define sbTYPE_STREAM_BUFFER ((BaseType_t)0)
#define sbTYPE_MESSAGE_BUFFER ((BaseType_t)1)
#define sbTYPE_STREAM_BATCHING_BUFFER ((BaseType_t)2)

/* ---- Creation and deletion ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
/*
 * The buffer and its storage are one heap block. A trigger level of 0 means
 * 1; one above the size trips configASSERT. NULL when out of memory.
 */
StreamBufferHandle_t
xStreamBufferGenericCreate(size_t xBufferSizeBytes, size_t xTriggerLevelBytes,
                           BaseType_t xStreamBufferType,
                           StreamBufferCallbackFunction_t pxSendCompletedCallback,
                           StreamBufferCallbackFunction_t pxReceiveCompletedCallback);
#define xStreamBufferCreate(xBufferSizeBytes, xTriggerLevelBytes)                                  \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes), sbTYPE_STREAM_BUFFER,     \
                               NULL, NULL)
#define xStreamBatchingBufferCreate(xBufferSizeBytes, xTriggerLevelBytes)                          \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes),                           \
                               sbTYPE_STREAM_BATCHING_BUFFER, NULL, NULL)
#if configUSE_SB_COMPLETED_CALLBACK
#define xStreamBufferCreateWithCallback(xBufferSizeBytes, xTriggerLevelBytes, pxSend, pxReceive)   \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes), sbTYPE_STREAM_BUFFER,     \
                               (pxSend), (pxReceive))
#define xStreamBatchingBufferCreateWithCallback(xBufferSizeBytes, xTriggerLevelBytes, pxSend,      \
                                                pxReceive)                                         \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes),                           \
                               sbTYPE_STREAM_BATCHING_BUFFER, (pxSend), (pxReceive))
#endif
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
/* pucStreamBufferStorageArea holds xBufferSizeBytes bytes. NULL if either pointer is NULL. */
StreamBufferHandle_t xStreamBufferGenericCreateStatic(
    size_t xBufferSizeBytes, size_t xTriggerLevelBytes, BaseType_t xStreamBufferType,
    uint8_t *const pucStreamBufferStorageArea, StaticStreamBuffer_t *const pxStaticStreamBuffer,
    StreamBufferCallbackFunction_t pxSendCompletedCallback,
    StreamBufferCallbackFunction_t pxReceiveCompletedCallback);
#define xStreamBufferCreateStatic(xBufferSizeBytes, xTriggerLevelBytes, pucStorage, pxBuffer)      \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                     \
                                     sbTYPE_STREAM_BUFFER, (pucStorage), (pxBuffer), NULL, NULL)
#define xStreamBatchingBufferCreateStatic(xBufferSizeBytes, xTriggerLevelBytes, pucStorage,        \
                                          pxBuffer)                                                \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                     \
                                     sbTYPE_STREAM_BATCHING_BUFFER, (pucStorage), (pxBuffer),      \
                                     NULL, NULL)
#if configUSE_SB_COMPLETED_CALLBACK
#define xStreamBufferCreateStaticWithCallback(xBufferSizeBytes, xTriggerLevelBytes, pucStorage,    \
                                              pxBuffer, pxSend, pxReceive)                         \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                     \
                                     sbTYPE_STREAM_BUFFER, (pucStorage), (pxBuffer), (pxSend),     \
                                     (pxReceive))
#define xStreamBatchingBufferCreateStaticWithCallback(xBufferSizeBytes, xTriggerLevelBytes,        \
                                                      pucStorage, pxBuffer, pxSend, pxReceive)     \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                     \
                                     sbTYPE_STREAM_BATCHING_BUFFER, (pucStorage), (pxBuffer),      \
                                     (pxSend), (pxReceive))
#endif
/* pdTRUE and the buffers of a statically created stream buffer; pdFALSE otherwise. */
BaseType_t xStreamBufferGetStaticBuffers(StreamBufferHandle_t xStreamBuffer,
                                         uint8_t **ppucStreamBufferStorageArea,
                                         StaticStreamBuffer_t **ppxStaticStreamBuffer);
#endif /* configSUPPORT_STATIC_ALLOCATION */

/* No task may be blocked on the buffer (configASSERT). */
void vStreamBufferDelete(StreamBufferHandle_t xStreamBuffer);

/* ---- Sending and receiving ---- */
/* Bytes written: all of them, or as many as fitted when the block time ran out. */
size_t xStreamBufferSend(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                         size_t xDataLengthBytes, TickType_t xTicksToWait);
size_t xStreamBufferSendFromISR(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                                size_t xDataLengthBytes,
                                BaseType_t *const pxHigherPriorityTaskWoken);
/* Bytes read, at most xBufferLengthBytes; 0 if none arrived in time. */
size_t xStreamBufferReceive(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                            size_t xBufferLengthBytes, TickType_t xTicksToWait);
size_t xStreamBufferReceiveFromISR(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                                   size_t xBufferLengthBytes,
                                   BaseType_t *const pxHigherPriorityTaskWoken);

/* ---- State ---- */
/* Discard the contents: pdPASS, or pdFAIL (nothing changed) while a task is blocked on it. */
BaseType_t xStreamBufferReset(StreamBufferHandle_t xStreamBuffer);
BaseType_t xStreamBufferResetFromISR(StreamBufferHandle_t xStreamBuffer);
BaseType_t xStreamBufferIsEmpty(StreamBufferHandle_t xStreamBuffer);
BaseType_t xStreamBufferIsFull(StreamBufferHandle_t xStreamBuffer);
size_t xStreamBufferSpacesAvailable(StreamBufferHandle_t xStreamBuffer);
size_t xStreamBufferBytesAvailable(StreamBufferHandle_t xStreamBuffer);
/* pdFALSE (level unchanged) if xTriggerLevel exceeds the buffer size; 0 means 1. */
BaseType_t xStreamBufferSetTriggerLevel(StreamBufferHandle_t xStreamBuffer, size_t xTriggerLevel);
/* Length of the next message in a message buffer; 0 if empty (or a stream buffer). */
size_t xStreamBufferNextMessageLengthBytes(StreamBufferHandle_t xStreamBuffer);

/*
 * For an application's own sbSEND_COMPLETED / sbRECEIVE_COMPLETED (or
 * completed callbacks): wake the task blocked receiving from (sending to) the
 * buffer, if any. pdTRUE if a task was woken.
 */
BaseType_t xStreamBufferSendCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                             BaseType_t *pxHigherPriorityTaskWoken);
BaseType_t xStreamBufferReceiveCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                                BaseType_t *pxHigherPriorityTaskWoken);

/* Stored for compatibility (no task may be blocked on the buffer); Quartz does not use it. */
UBaseType_t uxStreamBufferGetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer);
void vStreamBufferSetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer,
                                                   UBaseType_t uxNotificationIndex);

#if configUSE_TRACE_FACILITY
void vStreamBufferSetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer,
                                        UBaseType_t uxStreamBufferNumber);
UBaseType_t uxStreamBufferGetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer);
/* 1 for a message buffer, 0 for a stream (or batching) buffer. */
uint8_t ucStreamBufferGetStreamBufferType(StreamBufferHandle_t xStreamBuffer);
#endif

#ifdef __cplusplus
}
#endif

#endif /* STREAM_BUFFER_H */
