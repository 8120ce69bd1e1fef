/* SPDX-License-Identifier: MIT */
/*
 * transport_posix.h: plain TCP over host sockets for tasks on Quartz's POSIX port, implementing
 * transport_interface.h.
 *
 * Every task on the POSIX port runs on one host thread, so a blocking socket call would stop
 * them all. This transport therefore never blocks: sockets are non-blocking, recv and send
 * return 0 when they would block (the protocol library retries, or the caller waits with
 * transport_recv_all / transport_send_all from transport_util.h, which poll with vTaskDelay(1)),
 * and connect waits for the handshake by polling once per tick up to a timeout in ticks. Each
 * system call and its errno read run inside a critical section, so neither a tick nor another
 * task can come between them.
 *
 * Addresses are dotted IPv4 literals ("127.0.0.1"); there is no name lookup (getaddrinfo
 * blocks). One NetworkContext is one connection, used by one task at a time.
 */
#ifndef TRANSPORT_POSIX_H_
#define TRANSPORT_POSIX_H_

#include "FreeRTOS.h"
#include "transport_interface.h"

/* The POSIX transport's network context: the socket, or -1 when not connected. */
struct NetworkContext {
    int socket;
};

typedef enum TransportPosixStatus {
    TRANSPORT_POSIX_SUCCESS = 0,
    TRANSPORT_POSIX_INVALID_PARAMETER, /* NULL context or host, or host not an IPv4 literal */
    TRANSPORT_POSIX_CONNECT_FAILURE,   /* refused, unreachable, or reset during the handshake */
    TRANSPORT_POSIX_TIMEOUT,           /* no answer within the timeout */
    TRANSPORT_POSIX_SYSTEM_ERROR       /* the host could not create or set up a socket */
} TransportPosixStatus_t;

/* Connect pNetworkContext to host:port, waiting up to timeoutTicks for the handshake. */
TransportPosixStatus_t transport_posix_connect(NetworkContext_t *pNetworkContext, const char *host,
                                               uint16_t port, TickType_t timeoutTicks);

/* Close the connection (if any). The context may be connected again afterwards. */
void transport_posix_disconnect(NetworkContext_t *pNetworkContext);

/* The transport_interface.h functions (see there for the return values). */
int32_t transport_posix_recv(NetworkContext_t *pNetworkContext, void *pBuffer, size_t bytesToRecv);
int32_t transport_posix_send(NetworkContext_t *pNetworkContext, const void *pBuffer,
                             size_t bytesToSend);
int32_t transport_posix_writev(NetworkContext_t *pNetworkContext, TransportOutVector_t *pIoVec,
                               size_t ioVecCount);

/* Fill *pTransport with the functions above and pNetworkContext. */
void transport_posix_interface(TransportInterface_t *pTransport,
                               NetworkContext_t *pNetworkContext);

#endif /* TRANSPORT_POSIX_H_ */
