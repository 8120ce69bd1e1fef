/* SPDX-License-Identifier: MIT */
/*
 * transport_lwip.h: plain TCP over lwIP's BSD sockets for tasks on a board with networking
 * (libs/net), implementing transport_interface.h.
 *
 * recv and send never wait: they use MSG_DONTWAIT and return 0 when lwIP has nothing to give
 * or no room to take (the protocol library retries, or transport_util.h's helpers poll with
 * vTaskDelay(1)). Only connect waits, for the handshake, up to a timeout in ticks; it blocks
 * just the calling task. The stack must be up (qnet_start and an interface with an address).
 *
 * Addresses are dotted IPv4 literals ("10.0.2.100"); there is no name lookup here. One
 * NetworkContext is one connection, used by one task at a time (lwIP's errno is per task).
 */
#ifndef TRANSPORT_LWIP_H_
#define TRANSPORT_LWIP_H_

#include "FreeRTOS.h"
#include "transport_interface.h"

/* The lwIP transport's network context: the lwIP socket, or -1 when not connected. */
struct NetworkContext {
    int socket;
};

typedef enum TransportLwipStatus {
    TRANSPORT_LWIP_SUCCESS = 0,
    TRANSPORT_LWIP_INVALID_PARAMETER, /* NULL context or host, or host not an IPv4 literal */
    TRANSPORT_LWIP_CONNECT_FAILURE,   /* refused, reset or unreachable */
    TRANSPORT_LWIP_TIMEOUT,           /* no answer within the timeout */
    TRANSPORT_LWIP_SYSTEM_ERROR       /* lwIP has no socket or memory for one */
} TransportLwipStatus_t;

/* Connect pNetworkContext to host:port, waiting up to timeoutTicks for the handshake. */
TransportLwipStatus_t transport_lwip_connect(NetworkContext_t *pNetworkContext, const char *host,
                                             uint16_t port, TickType_t timeoutTicks);

/* Close the connection (if any). The context may be connected again afterwards. */
void transport_lwip_disconnect(NetworkContext_t *pNetworkContext);

/* The transport_interface.h functions (see there for the return values). */
int32_t transport_lwip_recv(NetworkContext_t *pNetworkContext, void *pBuffer, size_t bytesToRecv);
int32_t transport_lwip_send(NetworkContext_t *pNetworkContext, const void *pBuffer,
                            size_t bytesToSend);
int32_t transport_lwip_writev(NetworkContext_t *pNetworkContext, TransportOutVector_t *pIoVec,
                              size_t ioVecCount);

/* Fill *pTransport with the functions above and pNetworkContext. */
void transport_lwip_interface(TransportInterface_t *pTransport, NetworkContext_t *pNetworkContext);

#endif /* TRANSPORT_LWIP_H_ */
