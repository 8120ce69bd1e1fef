/* SPDX-License-Identifier: MIT */
/*
 * transport_posix.c: non-blocking TCP over host sockets for tasks on the POSIX port (see
 * transport_posix.h).
 *
 * Locking: all tasks share one host thread and its errno, and in real-time mode the tick signal
 * may switch tasks between any two instructions. Each system call therefore runs, together with
 * the read of its errno, inside taskENTER_CRITICAL/taskEXIT_CRITICAL. All calls are
 * non-blocking, so the critical sections are short. Waiting (for a connection to complete) is
 * done outside them, one vTaskDelay(1) at a time.
 */
#include "transport_posix.h"

#include "task.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "transport_gather.h"

/* Most vectors passed to one sendmsg; a longer list is sent in several calls by the caller. */
#define WRITEV_MAX_VECTORS 16

/* The result of one system call and the errno it left. */
struct sys_result {
    long value;
    int err;
};

static int would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK || err == EINTR;
}

static int socket_open(void)
{
    int fd, one = 1;

    taskENTER_CRITICAL();
    fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd >= 0) {
        /* MQTT's small acks must not wait for Nagle's timer. */
        (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    taskEXIT_CRITICAL();
    return fd;
}

static void socket_close(int fd)
{
    taskENTER_CRITICAL();
    (void)close(fd);
    taskEXIT_CRITICAL();
}

static struct sys_result socket_connect(int fd, const struct sockaddr_in *addr)
{
    struct sys_result r;

    taskENTER_CRITICAL();
    r.value = connect(fd, (const struct sockaddr *)addr, sizeof(*addr));
    r.err = errno;
    taskEXIT_CRITICAL();
    return r;
}

/* 1 when the handshake finished (well or not, *err says), 0 while it is still going on. */
static int connect_finished(int fd, int *err)
{
    struct pollfd p = {.fd = fd, .events = POLLOUT};
    socklen_t len = sizeof(*err);
    int ready;

    taskENTER_CRITICAL();
    ready = poll(&p, 1, 0);
    if (ready > 0) {
        *err = 0;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, err, &len) != 0) {
            *err = errno;
        }
    }
    taskEXIT_CRITICAL();
    return ready > 0;
}

static TransportPosixStatus_t wait_connected(int fd, TickType_t timeout)
{
    TickType_t start = xTaskGetTickCount();
    int err = 0;

    for (;;) {
        if (connect_finished(fd, &err)) {
            return err == 0 ? TRANSPORT_POSIX_SUCCESS : TRANSPORT_POSIX_CONNECT_FAILURE;
        }
        if ((TickType_t)(xTaskGetTickCount() - start) >= timeout) {
            return TRANSPORT_POSIX_TIMEOUT;
        }
        vTaskDelay(1);
    }
}

TransportPosixStatus_t transport_posix_connect(NetworkContext_t *pNetworkContext, const char *host,
                                               uint16_t port, TickType_t timeoutTicks)
{
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    TransportPosixStatus_t status;
    struct sys_result r;
    int fd;

    if (pNetworkContext == NULL || host == NULL || inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        return TRANSPORT_POSIX_INVALID_PARAMETER;
    }
    pNetworkContext->socket = -1;
    fd = socket_open();
    if (fd < 0) {
        return TRANSPORT_POSIX_SYSTEM_ERROR;
    }
    r = socket_connect(fd, &addr);
    if (r.value == 0) {
        status = TRANSPORT_POSIX_SUCCESS;
    } else if (r.err == EINPROGRESS || r.err == EINTR) {
        /* EINTR too: the handshake of a non-blocking socket goes on in the background. */
        status = wait_connected(fd, timeoutTicks);
    } else {
        status = TRANSPORT_POSIX_CONNECT_FAILURE;
    }
    if (status == TRANSPORT_POSIX_SUCCESS) {
        pNetworkContext->socket = fd;
    } else {
        socket_close(fd);
    }
    return status;
}

void transport_posix_disconnect(NetworkContext_t *pNetworkContext)
{
    if (pNetworkContext != NULL && pNetworkContext->socket >= 0) {
        taskENTER_CRITICAL();
        (void)shutdown(pNetworkContext->socket, SHUT_RDWR);
        (void)close(pNetworkContext->socket);
        taskEXIT_CRITICAL();
        pNetworkContext->socket = -1;
    }
}

/* Maps a send/recv result to the transport interface's convention. */
static int32_t io_result(struct sys_result r)
{
    if (r.value >= 0) {
        return (int32_t)r.value;
    }
    return would_block(r.err) ? 0 : -1;
}

static int context_ok(const NetworkContext_t *ctx)
{
    return ctx != NULL && ctx->socket >= 0;
}

int32_t transport_posix_recv(NetworkContext_t *pNetworkContext, void *pBuffer, size_t bytesToRecv)
{
    struct sys_result r;

    if (!context_ok(pNetworkContext) || pBuffer == NULL) {
        return -1;
    }
    if (bytesToRecv == 0) {
        return 0;
    }
    if (bytesToRecv > INT32_MAX) {
        bytesToRecv = INT32_MAX;
    }
    taskENTER_CRITICAL();
    r.value = recv(pNetworkContext->socket, pBuffer, bytesToRecv, MSG_DONTWAIT);
    r.err = errno;
    taskEXIT_CRITICAL();
    if (r.value == 0) {
        return -1; /* orderly shutdown by the peer: the stream is over */
    }
    return io_result(r);
}

int32_t transport_posix_send(NetworkContext_t *pNetworkContext, const void *pBuffer,
                             size_t bytesToSend)
{
    struct sys_result r;

    if (!context_ok(pNetworkContext) || pBuffer == NULL) {
        return -1;
    }
    if (bytesToSend > INT32_MAX) {
        bytesToSend = INT32_MAX;
    }
    taskENTER_CRITICAL();
    /* MSG_NOSIGNAL: a closed peer must give EPIPE, not kill the process with SIGPIPE. */
    r.value = send(pNetworkContext->socket, pBuffer, bytesToSend, MSG_DONTWAIT | MSG_NOSIGNAL);
    r.err = errno;
    taskEXIT_CRITICAL();
    return io_result(r);
}

int32_t transport_posix_writev(NetworkContext_t *pNetworkContext, TransportOutVector_t *pIoVec,
                               size_t ioVecCount)
{
    struct iovec iov[WRITEV_MAX_VECTORS];
    struct msghdr msg = {0};
    struct sys_result r;

    if (!context_ok(pNetworkContext) || (pIoVec == NULL && ioVecCount != 0)) {
        return -1;
    }
    msg.msg_iov = iov;
    msg.msg_iovlen = transport_gather(iov, WRITEV_MAX_VECTORS, pIoVec, ioVecCount);
    if (msg.msg_iovlen == 0) {
        return 0;
    }
    taskENTER_CRITICAL();
    r.value = sendmsg(pNetworkContext->socket, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    r.err = errno;
    taskEXIT_CRITICAL();
    return io_result(r);
}

void transport_posix_interface(TransportInterface_t *pTransport, NetworkContext_t *pNetworkContext)
{
    pTransport->recv = transport_posix_recv;
    pTransport->send = transport_posix_send;
    pTransport->writev = transport_posix_writev;
    pTransport->pNetworkContext = pNetworkContext;
}
