/* SPDX-License-Identifier: MIT */
/*
 * message_buffer.h: the FreeRTOS message buffer API. A message buffer is a
 * stream buffer (stream_buffer.h) that stores each message behind a
 * configMESSAGE_BUFFER_LENGTH_TYPE length field, so messages of any length
 * keep their boundaries. Every macro here maps onto a stream buffer function.
 *
 * - xMessageBufferSend writes the whole message or nothing. A sender waits for
 *   room for the message and its length field; a message that could never fit
 *   fails at once (0) without blocking.
 * - xMessageBufferReceive returns one whole message. If the caller's buffer is
 *   too small for the next message, the message stays in the buffer and 0 is
 *   returned; xMessageBufferNextLengthBytes tells its length.
 * - Spaces available count raw bytes: the largest message that fits is
 *   sizeof(configMESSAGE_BUFFER_LENGTH_TYPE) bytes smaller.
 * The single-writer / single-reader rules of stream buffers apply.
 */
#ifndef FREERTOS_MESSAGE_BUFFER_H
#define FREERTOS_MESSAGE_BUFFER_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before message_buffer.h"
#endif

#include "stream_buffer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef StreamBufferHandle_t MessageBufferHandle_t;

/* ---- Creation and deletion ---- */
#if configSUPPORT_DYNAMIC_ALLOCATION
#define xMessageBufferCreate(xBufferSizeBytes)                                                     \
    xStreamBufferGenericCreate((xBufferSizeBytes), (size_t)0, sbTYPE_MESSAGE_BUFFER, NULL, NULL)
#if configUSE_SB_COMPLETED_CALLBACK
#define xMessageBufferCreateWithCallback(xBufferSizeBytes, pxSend, pxReceive)                      \
    xStreamBufferGenericCreate((xBufferSizeBytes), (size_t)0, sbTYPE_MESSAGE_BUFFER, (pxSend),     \
                               (pxReceive))
#endif
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
#define xMessageBufferCreateStatic(xBufferSizeBytes, pucStorage, pxBuffer)                         \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (size_t)0, sbTYPE_MESSAGE_BUFFER,         \
                                     (pucStorage), (pxBuffer), NULL, NULL)
#if configUSE_SB_COMPLETED_CALLBACK
#define xMessageBufferCreateStaticWithCallback(xBufferSizeBytes, pucStorage, pxBuffer, pxSend,     \
                                               pxReceive)                                          \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (size_t)0, sbTYPE_MESSAGE_BUFFER,         \
                                     (pucStorage), (pxBuffer), (pxSend), (pxReceive))
#endif
#define xMessageBufferGetStaticBuffers(xMessageBuffer, ppucStorage, ppxBuffer)                     \
    xStreamBufferGetStaticBuffers((xMessageBuffer), (ppucStorage), (ppxBuffer))
#endif /* configSUPPORT_STATIC_ALLOCATION */

#define vMessageBufferDelete(xMessageBuffer) vStreamBufferDelete(xMessageBuffer)

/* ---- Sending and receiving ---- */
#define xMessageBufferSend(xMessageBuffer, pvTxData, xDataLengthBytes, xTicksToWait)               \
    xStreamBufferSend((xMessageBuffer), (pvTxData), (xDataLengthBytes), (xTicksToWait))
#define xMessageBufferSendFromISR(xMessageBuffer, pvTxData, xDataLengthBytes, pxWoken)             \
    xStreamBufferSendFromISR((xMessageBuffer), (pvTxData), (xDataLengthBytes), (pxWoken))
#define xMessageBufferReceive(xMessageBuffer, pvRxData, xBufferLengthBytes, xTicksToWait)          \
    xStreamBufferReceive((xMessageBuffer), (pvRxData), (xBufferLengthBytes), (xTicksToWait))
#define xMessageBufferReceiveFromISR(xMessageBuffer, pvRxData, xBufferLengthBytes, pxWoken)        \
    xStreamBufferReceiveFromISR((xMessageBuffer), (pvRxData), (xBufferLengthBytes), (pxWoken))

/* ---- State ---- */
#define xMessageBufferReset(xMessageBuffer) xStreamBufferReset(xMessageBuffer)
#define xMessageBufferResetFromISR(xMessageBuffer) xStreamBufferResetFromISR(xMessageBuffer)
#define xMessageBufferIsEmpty(xMessageBuffer) xStreamBufferIsEmpty(xMessageBuffer)
#define xMessageBufferIsFull(xMessageBuffer) xStreamBufferIsFull(xMessageBuffer)
#define xMessageBufferSpacesAvailable(xMessageBuffer) xStreamBufferSpacesAvailable(xMessageBuffer)
/* The original, misspelt name, kept as FreeRTOS keeps it. */
#define xMessageBufferSpaceAvailable(xMessageBuffer) xStreamBufferSpacesAvailable(xMessageBuffer)
#define xMessageBufferNextLengthBytes(xMessageBuffer)                                              \
    xStreamBufferNextMessageLengthBytes(xMessageBuffer)

/* ---- For an application's own sbSEND_COMPLETED / sbRECEIVE_COMPLETED ---- */
#define xMessageBufferSendCompletedFromISR(xMessageBuffer, pxWoken)                                \
    xStreamBufferSendCompletedFromISR((xMessageBuffer), (pxWoken))
#define xMessageBufferReceiveCompletedFromISR(xMessageBuffer, pxWoken)                             \
    xStreamBufferReceiveCompletedFromISR((xMessageBuffer), (pxWoken))

#ifdef __cplusplus
}
#endif

#endif /* FREERTOS_MESSAGE_BUFFER_H */
