/* SPDX-License-Identifier: MIT */
/*
 * transport_util.c: whole-buffer send and receive over any transport (see transport_util.h).
 * Stateless; the caller's task owns the transport while it calls these.
 */
#include "transport_util.h"

#include "task.h"

typedef int32_t (*step_fn)(const TransportInterface_t *t, uint8_t *buf, size_t len);

static int32_t send_step(const TransportInterface_t *t, uint8_t *buf, size_t len)
{
    return t->send(t->pNetworkContext, buf, len);
}

static int32_t recv_step(const TransportInterface_t *t, uint8_t *buf, size_t len)
{
    return t->recv(t->pNetworkContext, buf, len);
}

/* Calls step until `length` bytes moved, an error, or timeoutTicks ticks without progress. */
static int32_t move_all(const TransportInterface_t *t, step_fn step, uint8_t *buf, size_t length,
                        TickType_t timeoutTicks)
{
    size_t done = 0;
    TickType_t last_progress = xTaskGetTickCount();

    if (t == NULL || (buf == NULL && length != 0) || length > INT32_MAX) {
        return -1;
    }
    while (done < length) {
        int32_t n = step(t, buf + done, length - done);

        if (n < 0) {
            return n;
        }
        if (n > 0) {
            done += (size_t)n;
            last_progress = xTaskGetTickCount();
            continue;
        }
        if ((TickType_t)(xTaskGetTickCount() - last_progress) >= timeoutTicks) {
            break;
        }
        vTaskDelay(1);
    }
    return (int32_t)done;
}

int32_t transport_send_all(const TransportInterface_t *pTransport, const void *pBuffer,
                           size_t length, TickType_t timeoutTicks)
{
    if (pTransport == NULL || pTransport->send == NULL) {
        return -1;
    }
    /* send_step only reads the buffer. */
    return move_all(pTransport, send_step, (uint8_t *)(uintptr_t)pBuffer, length, timeoutTicks);
}

int32_t transport_recv_all(const TransportInterface_t *pTransport, void *pBuffer, size_t length,
                           TickType_t timeoutTicks)
{
    if (pTransport == NULL || pTransport->recv == NULL) {
        return -1;
    }
    return move_all(pTransport, recv_step, pBuffer, length, timeoutTicks);
}
