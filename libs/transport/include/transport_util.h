/* SPDX-License-Identifier: MIT */
/*
 * transport_util.h: blocking-style helpers over any TransportInterface_t, for tasks.
 *
 * They call the transport until the whole buffer has moved, and whenever it returns 0 (nothing
 * possible now) they wait one tick with vTaskDelay(1), so other tasks run meanwhile. They give
 * up after timeoutTicks ticks without progress: the count returned is then smaller than asked.
 */
#ifndef TRANSPORT_UTIL_H_
#define TRANSPORT_UTIL_H_

#include "FreeRTOS.h"
#include "transport_interface.h"

/*
 * Send all `length` bytes. Returns `length` on success, the count sent so far if the transport
 * accepted nothing for timeoutTicks ticks, or the transport's negative value on error.
 */
int32_t transport_send_all(const TransportInterface_t *pTransport, const void *pBuffer,
                           size_t length, TickType_t timeoutTicks);

/* Receive exactly `length` bytes, with the same return values as transport_send_all. */
int32_t transport_recv_all(const TransportInterface_t *pTransport, void *pBuffer, size_t length,
                           TickType_t timeoutTicks);

#endif /* TRANSPORT_UTIL_H_ */
