/* SPDX-License-Identifier: MIT */
/*
 * transport_lwip.c: non-blocking TCP over lwIP sockets (see transport_lwip.h).
 *
 * lwIP's sockets are thread-safe (core locking) and keep errno per task (qnet_errno), so no
 * locking is needed here beyond one task per context. The socket is switched to O_NONBLOCK
 * only for the handshake, which is waited for with lwip_poll; data calls pass MSG_DONTWAIT.
 */
#include "transport_lwip.h"

#include "task.h"

#include "lwip/sockets.h"
#include "quartz_net/sys_net.h"

#include "transport_gather.h"

/* Most vectors passed to one sendmsg; a longer list is sent in several calls by the caller. */
#define WRITEV_MAX_VECTORS 16

static int would_block(int err)
{
    return err == EWOULDBLOCK || err == EAGAIN || err == EINTR;
}

static int socket_open(void)
{
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0), one = 1;

    if (s >= 0) {
        /* MQTT's small acks must not wait for Nagle's timer. */
        (void)lwip_setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    return s;
}

static int set_nonblocking(int s, int on)
{
    int flags = lwip_fcntl(s, F_GETFL, 0);

    if (flags < 0) {
        return -1;
    }
    return lwip_fcntl(s, F_SETFL, on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK));
}

/* Waits for a non-blocking connect to finish, in slices of lwip_poll, up to `timeout` ticks. */
static TransportLwipStatus_t wait_connected(int s, TickType_t timeout)
{
    TickType_t start = xTaskGetTickCount();

    for (;;) {
        struct pollfd p = {.fd = s, .events = POLLOUT};
        TickType_t waited = xTaskGetTickCount() - start;
        int err = 0;
        socklen_t len = sizeof(err);

        if (waited >= timeout) {
            return TRANSPORT_LWIP_TIMEOUT;
        }
        /* lwip_poll's timeout is in ms; a slice of at most a second keeps the sum exact. */
        TickType_t slice =
            timeout - waited < pdMS_TO_TICKS(1000) ? timeout - waited : pdMS_TO_TICKS(1000);
        int ready = lwip_poll(&p, 1, (int)(slice * portTICK_PERIOD_MS));
        if (ready < 0) {
            return TRANSPORT_LWIP_CONNECT_FAILURE;
        }
        if (ready > 0) {
            if (lwip_getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) != 0) {
                err = qnet_errno();
            }
            return err == 0 ? TRANSPORT_LWIP_SUCCESS : TRANSPORT_LWIP_CONNECT_FAILURE;
        }
    }
}

TransportLwipStatus_t transport_lwip_connect(NetworkContext_t *pNetworkContext, const char *host,
                                             uint16_t port, TickType_t timeoutTicks)
{
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = lwip_htons(port)};
    TransportLwipStatus_t status;
    int s;

    if (pNetworkContext == NULL || host == NULL ||
        lwip_inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        return TRANSPORT_LWIP_INVALID_PARAMETER;
    }
    pNetworkContext->socket = -1;
    s = socket_open();
    if (s < 0) {
        return TRANSPORT_LWIP_SYSTEM_ERROR;
    }
    if (set_nonblocking(s, 1) != 0) {
        status = TRANSPORT_LWIP_SYSTEM_ERROR;
    } else if (lwip_connect(s, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
        status = TRANSPORT_LWIP_SUCCESS;
    } else if (qnet_errno() == EINPROGRESS) {
        status = wait_connected(s, timeoutTicks);
    } else {
        status = TRANSPORT_LWIP_CONNECT_FAILURE; /* lwIP reports a refusal as ECONNRESET */
    }
    if (status == TRANSPORT_LWIP_SUCCESS) {
        pNetworkContext->socket = s;
    } else {
        (void)lwip_close(s);
    }
    return status;
}

void transport_lwip_disconnect(NetworkContext_t *pNetworkContext)
{
    if (pNetworkContext != NULL && pNetworkContext->socket >= 0) {
        (void)lwip_shutdown(pNetworkContext->socket, SHUT_RDWR);
        (void)lwip_close(pNetworkContext->socket);
        pNetworkContext->socket = -1;
    }
}

/* Maps a send/recv result to the transport interface's convention. */
static int32_t io_result(ssize_t n)
{
    if (n >= 0) {
        return (int32_t)n;
    }
    return would_block(qnet_errno()) ? 0 : -1;
}

static int context_ok(const NetworkContext_t *ctx)
{
    return ctx != NULL && ctx->socket >= 0;
}

int32_t transport_lwip_recv(NetworkContext_t *pNetworkContext, void *pBuffer, size_t bytesToRecv)
{
    ssize_t n;

    if (!context_ok(pNetworkContext) || pBuffer == NULL) {
        return -1;
    }
    if (bytesToRecv == 0) {
        return 0;
    }
    if (bytesToRecv > INT32_MAX) {
        bytesToRecv = INT32_MAX;
    }
    n = lwip_recv(pNetworkContext->socket, pBuffer, bytesToRecv, MSG_DONTWAIT);
    if (n == 0) {
        return -1; /* orderly shutdown by the peer: the stream is over */
    }
    return io_result(n);
}

int32_t transport_lwip_send(NetworkContext_t *pNetworkContext, const void *pBuffer,
                            size_t bytesToSend)
{
    if (!context_ok(pNetworkContext) || pBuffer == NULL) {
        return -1;
    }
    if (bytesToSend > INT32_MAX) {
        bytesToSend = INT32_MAX;
    }
    return io_result(lwip_send(pNetworkContext->socket, pBuffer, bytesToSend, MSG_DONTWAIT));
}

int32_t transport_lwip_writev(NetworkContext_t *pNetworkContext, TransportOutVector_t *pIoVec,
                              size_t ioVecCount)
{
    struct iovec iov[WRITEV_MAX_VECTORS];
    struct msghdr msg = {0};

    if (!context_ok(pNetworkContext) || (pIoVec == NULL && ioVecCount != 0)) {
        return -1;
    }
    msg.msg_iov = iov;
    msg.msg_iovlen = (int)transport_gather(iov, WRITEV_MAX_VECTORS, pIoVec, ioVecCount);
    if (msg.msg_iovlen == 0) {
        return 0;
    }
    return io_result(lwip_sendmsg(pNetworkContext->socket, &msg, MSG_DONTWAIT));
}

void transport_lwip_interface(TransportInterface_t *pTransport, NetworkContext_t *pNetworkContext)
{
    pTransport->recv = transport_lwip_recv;
    pTransport->send = transport_lwip_send;
    pTransport->writev = transport_lwip_writev;
    pTransport->pNetworkContext = pNetworkContext;
}
