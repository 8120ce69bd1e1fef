/* SPDX-License-Identifier: MIT */
/*
 * transport_interface.h: the byte-stream interface between the protocol libraries (coreMQTT,
 * coreHTTP) and a network stack, the same one FreeRTOS's libraries use.
 *
 * A transport implementation (plain TCP over host sockets, over lwIP, TLS on top of either)
 * defines `struct NetworkContext` in its own header and provides the functions below. The
 * protocol libraries only see the pointer. Contract for every implementation:
 *
 *   recv   Reads up to bytesToRecv bytes into pBuffer without blocking for long. Returns the
 *          number of bytes read (1..bytesToRecv), 0 when nothing is available now (the caller
 *          retries later), or a negative value on error, including the peer closing the
 *          connection.
 *   send   Writes up to bytesToSend bytes. Returns the number accepted (possibly fewer than
 *          asked: the caller sends the rest), 0 when nothing can be written now, negative on
 *          error.
 *   writev Optional (NULL when absent): like send over a gather list; returns the total bytes
 *          accepted across the vectors, in order, with the same 0/negative meanings.
 *
 * None of them may block indefinitely: on an RTOS a blocking call holds up the calling task,
 * and on the POSIX port every task. Each NetworkContext is used by one task at a time.
 */
#ifndef TRANSPORT_INTERFACE_H_
#define TRANSPORT_INTERFACE_H_

#include <stddef.h>
#include <stdint.h>

struct NetworkContext;
typedef struct NetworkContext NetworkContext_t;

typedef int32_t (*TransportRecv_t)(NetworkContext_t *pNetworkContext, void *pBuffer,
                                   size_t bytesToRecv);

typedef int32_t (*TransportSend_t)(NetworkContext_t *pNetworkContext, const void *pBuffer,
                                   size_t bytesToSend);

/* One piece of a gather write. */
typedef struct TransportOutVector {
    const void *iov_base; /* first byte of the piece */
    size_t iov_len;       /* its length in bytes */
} TransportOutVector_t;

typedef int32_t (*TransportWritev_t)(NetworkContext_t *pNetworkContext,
                                     TransportOutVector_t *pIoVec, size_t ioVecCount);

typedef struct TransportInterface {
    TransportRecv_t recv;
    TransportSend_t send;
    TransportWritev_t writev; /* may be NULL */
    NetworkContext_t *pNetworkContext;
} TransportInterface_t;

#endif /* TRANSPORT_INTERFACE_H_ */
