/* SPDX-License-Identifier: MIT */
/*
 * stream_buffer_create.c: creating, deleting and resetting stream, batching
 * and message buffers, and the queries that never block.
 *
 * A dynamic buffer is one pvPortMalloc block: the structure followed by its
 * storage. A static one lives in the application's StaticStreamBuffer_t and
 * storage area and is flagged SB_STATIC so that deletion never frees it.
 * Deleting a buffer a task is blocked on would strand that task: it trips
 * configASSERT. Reset refuses (pdFAIL) while a task is blocked, as FreeRTOS
 * documents. The queries read one word (`used`) and need no lock.
 */
#include "stream_buffer_internal.h"

#include <stdint.h>

#if configUSE_STREAM_BUFFERS

_Static_assert(sizeof(StaticStreamBuffer_t) == sizeof(struct StreamBufferDef_t),
               "StaticStreamBuffer_t must mirror struct StreamBufferDef_t");
_Static_assert(_Alignof(StaticStreamBuffer_t) >= _Alignof(struct StreamBufferDef_t),
               "StaticStreamBuffer_t must be aligned like struct StreamBufferDef_t");

/*
 * The handle of a query or setting, checked in one place: a NULL handle fails configASSERT
 * here (the caller is the next frame up).
 */
static sb_t *checked(StreamBufferHandle_t handle)
{
    configASSERT(handle != NULL);
    return handle;
}

/* FreeRTOS's rules for a new buffer; false if it cannot be made. */
static bool args_ok(size_t size, size_t trigger, BaseType_t type,
                    StreamBufferCallbackFunction_t send_done,
                    StreamBufferCallbackFunction_t receive_done)
{
    /* A message buffer must hold at least a length field and one byte. */
    const size_t min_size = (type == sbTYPE_MESSAGE_BUFFER) ? SB_LEN_BYTES + 1 : 1;
    const bool ok = (type == sbTYPE_STREAM_BUFFER || type == sbTYPE_MESSAGE_BUFFER ||
                     type == sbTYPE_STREAM_BATCHING_BUFFER) &&
                    size >= min_size && trigger <= size;

    /* Callbacks need configUSE_SB_COMPLETED_CALLBACK; ignoring them would be a silent no-op. */
    configASSERT(ok &&
                 (configUSE_SB_COMPLETED_CALLBACK || (send_done == NULL && receive_done == NULL)));
    (void)send_done;
    (void)receive_done;
    return ok;
}

static StreamBufferHandle_t init(sb_t *sb, size_t size, size_t trigger, BaseType_t type,
                                 uint8_t *storage, uint8_t flags,
                                 StreamBufferCallbackFunction_t send_done,
                                 StreamBufferCallbackFunction_t receive_done)
{
    sb->length = size;
    sb->used = 0;
    sb->head = 0;
    sb->trigger = trigger != 0 ? trigger : 1;
    sb->writer_need = 0;
    sb->storage = storage;
    vListInitialise(&sb->readers);
    vListInitialise(&sb->writers);
#if configUSE_SB_COMPLETED_CALLBACK
    sb->send_done = send_done;
    sb->receive_done = receive_done;
#else
    (void)send_done;
    (void)receive_done;
#endif
#if configUSE_TRACE_FACILITY
    sb->number = 0;
#endif
    if (type == sbTYPE_MESSAGE_BUFFER) {
        flags |= SB_MESSAGE;
    } else if (type == sbTYPE_STREAM_BATCHING_BUFFER) {
        flags |= SB_BATCHING;
    }
    sb->flags = flags;
    sb->notify_index = tskDEFAULT_INDEX_TO_NOTIFY;
    traceSTREAM_BUFFER_CREATE(sb, type);
    return sb;
}

/*
 * Both creations. A static one (SB_STATIC in flags) passes the application's structure and
 * storage; a dynamic one passes NULLs and gets one block for both. NULL if it cannot be made.
 */
static StreamBufferHandle_t create(size_t size, size_t trigger, BaseType_t type, uint8_t *storage,
                                   sb_t *sb, uint8_t flags,
                                   StreamBufferCallbackFunction_t send_done,
                                   StreamBufferCallbackFunction_t receive_done)
{
    if (!args_ok(size, trigger, type, send_done, receive_done)) {
        return NULL;
    }
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((flags & SB_STATIC) == 0) {
        sb = size <= SIZE_MAX - sizeof(sb_t) ? pvPortMalloc(sizeof(sb_t) + size) : NULL;
        storage = sb != NULL ? (uint8_t *)(sb + 1) : NULL;
    }
#endif
    if (sb == NULL || storage == NULL) {
        return NULL;
    }
    return init(sb, size, trigger, type, storage, flags, send_done, receive_done);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
StreamBufferHandle_t
xStreamBufferGenericCreate(size_t xBufferSizeBytes, size_t xTriggerLevelBytes,
                           BaseType_t xStreamBufferType,
                           StreamBufferCallbackFunction_t pxSendCompletedCallback,
                           StreamBufferCallbackFunction_t pxReceiveCompletedCallback)
{
    traceENTER_xStreamBufferGenericCreate(xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType,
                                          pxSendCompletedCallback, pxReceiveCompletedCallback);
    StreamBufferHandle_t ret = create(xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType, NULL,
                                      NULL, 0, pxSendCompletedCallback, pxReceiveCompletedCallback);
    if (ret == NULL) {
        traceSTREAM_BUFFER_CREATE_FAILED(xStreamBufferType);
    }
    traceRETURN_xStreamBufferGenericCreate(ret);
    return ret;
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION
StreamBufferHandle_t xStreamBufferGenericCreateStatic(
    size_t xBufferSizeBytes, size_t xTriggerLevelBytes, BaseType_t xStreamBufferType,
    uint8_t *const pucStreamBufferStorageArea, StaticStreamBuffer_t *const pxStaticStreamBuffer,
    StreamBufferCallbackFunction_t pxSendCompletedCallback,
    StreamBufferCallbackFunction_t pxReceiveCompletedCallback)
{
    traceENTER_xStreamBufferGenericCreateStatic(
        xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType, pucStreamBufferStorageArea,
        pxStaticStreamBuffer, pxSendCompletedCallback, pxReceiveCompletedCallback);
    StreamBufferHandle_t ret;

    configASSERT(pucStreamBufferStorageArea != NULL && pxStaticStreamBuffer != NULL);
    ret = create(xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType,
                 pucStreamBufferStorageArea, (sb_t *)pxStaticStreamBuffer, SB_STATIC,
                 pxSendCompletedCallback, pxReceiveCompletedCallback);
    if (ret == NULL) {
        traceSTREAM_BUFFER_CREATE_STATIC_FAILED(NULL, xStreamBufferType);
    }
    traceRETURN_xStreamBufferGenericCreateStatic(ret);
    return ret;
}

BaseType_t xStreamBufferGetStaticBuffers(StreamBufferHandle_t xStreamBuffer,
                                         uint8_t **ppucStreamBufferStorageArea,
                                         StaticStreamBuffer_t **ppxStaticStreamBuffer)
{
    traceENTER_xStreamBufferGetStaticBuffers(xStreamBuffer, ppucStreamBufferStorageArea,
                                             ppxStaticStreamBuffer);
    sb_t *const sb = xStreamBuffer;
    BaseType_t ret = pdFALSE;

    configASSERT(sb != NULL && ppucStreamBufferStorageArea != NULL &&
                 ppxStaticStreamBuffer != NULL);
    if ((sb->flags & SB_STATIC) != 0) {
        *ppucStreamBufferStorageArea = sb->storage;
        *ppxStaticStreamBuffer = (StaticStreamBuffer_t *)sb;
        ret = pdTRUE;
    }
    traceRETURN_xStreamBufferGetStaticBuffers(ret);
    return ret;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

void vStreamBufferDelete(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_vStreamBufferDelete(xStreamBuffer);
    sb_t *const sb = xStreamBuffer;

    traceSTREAM_BUFFER_DELETE(sb);
    taskENTER_CRITICAL();
    configASSERT(sb != NULL && sb_idle_locked(sb)); /* a blocked task would wait on freed memory */
    taskEXIT_CRITICAL();
#if configSUPPORT_DYNAMIC_ALLOCATION
    if ((sb->flags & SB_STATIC) == 0) {
        vPortFree(sb);
    }
#endif
    traceRETURN_vStreamBufferDelete();
}

/* ---- Reset ---- */

/* Empty the buffer unless a task is blocked on it (locked). The trigger level stays. */
static BaseType_t reset_locked(sb_t *sb)
{
    if (!sb_idle_locked(sb)) {
        return pdFAIL;
    }
    sb->used = 0;
    sb->head = 0;
    return pdPASS;
}

BaseType_t xStreamBufferReset(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferReset(xStreamBuffer);
    sb_t *const sb = checked(xStreamBuffer);
    BaseType_t result;

    taskENTER_CRITICAL();
    result = reset_locked(sb);
    if (result == pdPASS) {
        traceSTREAM_BUFFER_RESET(sb);
    }
    taskEXIT_CRITICAL();
    traceRETURN_xStreamBufferReset(result);
    return result;
}

BaseType_t xStreamBufferResetFromISR(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferResetFromISR(xStreamBuffer);
    sb_t *const sb = checked(xStreamBuffer);
    BaseType_t result;
    UBaseType_t mask;

    portASSERT_IF_INTERRUPT_PRIORITY_INVALID();
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    result = reset_locked(sb);
    if (result == pdPASS) {
        traceSTREAM_BUFFER_RESET_FROM_ISR(sb);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    traceRETURN_xStreamBufferResetFromISR(result);
    return result;
}

/* ---- Queries ---- */

BaseType_t xStreamBufferIsEmpty(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferIsEmpty(xStreamBuffer);
    BaseType_t ret = checked(xStreamBuffer)->used == 0 ? pdTRUE : pdFALSE;
    traceRETURN_xStreamBufferIsEmpty(ret);
    return ret;
}

BaseType_t xStreamBufferIsFull(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferIsFull(xStreamBuffer);
    const sb_t *const sb = checked(xStreamBuffer);
    /* A message buffer is full when not even a one-byte message fits. */
    const size_t reserve = sb_is_message(sb) ? SB_LEN_BYTES : 0;
    BaseType_t ret = sb_space(sb) <= reserve ? pdTRUE : pdFALSE;
    traceRETURN_xStreamBufferIsFull(ret);
    return ret;
}

size_t xStreamBufferSpacesAvailable(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferSpacesAvailable(xStreamBuffer);
    size_t ret = sb_space(checked(xStreamBuffer));
    traceRETURN_xStreamBufferSpacesAvailable(ret);
    return ret;
}

size_t xStreamBufferBytesAvailable(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_xStreamBufferBytesAvailable(xStreamBuffer);
    size_t ret = checked(xStreamBuffer)->used;
    traceRETURN_xStreamBufferBytesAvailable(ret);
    return ret;
}

BaseType_t xStreamBufferSetTriggerLevel(StreamBufferHandle_t xStreamBuffer, size_t xTriggerLevel)
{
    traceENTER_xStreamBufferSetTriggerLevel(xStreamBuffer, xTriggerLevel);
    sb_t *const sb = checked(xStreamBuffer);
    BaseType_t result = pdFALSE;

    if (xTriggerLevel == 0) {
        xTriggerLevel = 1;
    }
    /* A reader already blocked is woken by the next send that reaches the new level. */
    taskENTER_CRITICAL();
    if (xTriggerLevel <= sb->length) {
        sb->trigger = xTriggerLevel;
        result = pdTRUE;
    }
    taskEXIT_CRITICAL();
    traceRETURN_xStreamBufferSetTriggerLevel(result);
    return result;
}

/* ---- Notification index (kept for compatibility, not used) ---- */

UBaseType_t uxStreamBufferGetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_uxStreamBufferGetStreamBufferNotificationIndex(xStreamBuffer);
    UBaseType_t ret = checked(xStreamBuffer)->notify_index;
    traceRETURN_uxStreamBufferGetStreamBufferNotificationIndex(ret);
    return ret;
}

void vStreamBufferSetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer,
                                                   UBaseType_t uxNotificationIndex)
{
    traceENTER_vStreamBufferSetStreamBufferNotificationIndex(xStreamBuffer, uxNotificationIndex);
    sb_t *const sb = checked(xStreamBuffer);

    taskENTER_CRITICAL();
    /* FreeRTOS forbids it while a task waits. */
    configASSERT(uxNotificationIndex < configTASK_NOTIFICATION_ARRAY_ENTRIES && sb_idle_locked(sb));
    sb->notify_index = (uint8_t)uxNotificationIndex;
    taskEXIT_CRITICAL();
    traceRETURN_vStreamBufferSetStreamBufferNotificationIndex();
}

/* ---- Trace facility ---- */

#if configUSE_TRACE_FACILITY
void vStreamBufferSetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer,
                                        UBaseType_t uxStreamBufferNumber)
{
    traceENTER_vStreamBufferSetStreamBufferNumber(xStreamBuffer, uxStreamBufferNumber);
    checked(xStreamBuffer)->number = uxStreamBufferNumber;
    traceRETURN_vStreamBufferSetStreamBufferNumber();
}

UBaseType_t uxStreamBufferGetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_uxStreamBufferGetStreamBufferNumber(xStreamBuffer);
    UBaseType_t ret = checked(xStreamBuffer)->number;
    traceRETURN_uxStreamBufferGetStreamBufferNumber(ret);
    return ret;
}

uint8_t ucStreamBufferGetStreamBufferType(StreamBufferHandle_t xStreamBuffer)
{
    traceENTER_ucStreamBufferGetStreamBufferType(xStreamBuffer);
    uint8_t ret = sb_is_message(checked(xStreamBuffer)) ? 1u : 0u;
    traceRETURN_ucStreamBufferGetStreamBufferType(ret);
    return ret;
}
#endif /* configUSE_TRACE_FACILITY */

#endif /* configUSE_STREAM_BUFFERS */
