/* SPDX-License-Identifier: MIT */
/*
 * test_transport_posix.c: runs the transport qualification suite on the POSIX host transport
 * (transport_posix.c) against an echo server in threads of this process, then a few checks
 * specific to this transport. Built in real-time mode: the peer is real.
 */
#include "echo_server.h"
#include "transport_posix.h"
#include "transport_qualification.h"

#include "task.h"

#include <stdio.h>

static NetworkContext_t contexts[2] = {{-1}, {-1}};

static int posix_connect(NetworkContext_t *ctx, const char *host, uint16_t port)
{
    return transport_posix_connect(ctx, host, port, pdMS_TO_TICKS(5000)) ==
                   TRANSPORT_POSIX_SUCCESS
               ? 0
               : -1;
}

static struct tq_target target = {
    .host = "127.0.0.1",
    .contexts = {&contexts[0], &contexts[1]},
    .connect = posix_connect,
    .disconnect = transport_posix_disconnect,
    .interface = transport_posix_interface,
};

static void test_transport_posix_connect_refused_status(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_posix_connect(&ctx, "127.0.0.1", target.refused_port, 1000),
          TRANSPORT_POSIX_CONNECT_FAILURE);
    QT_EQ(ctx.socket, -1);
}

static void test_transport_posix_disconnect_twice_is_harmless(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_posix_connect(&ctx, "127.0.0.1", target.echo_port, 1000),
          TRANSPORT_POSIX_SUCCESS);
    QT_ASSERT(ctx.socket >= 0);
    transport_posix_disconnect(&ctx);
    QT_EQ(ctx.socket, -1);
    transport_posix_disconnect(&ctx);
    transport_posix_disconnect(NULL);
    QT_EQ(ctx.socket, -1);
}

/* Bad input last. */
static void test_transport_posix_connect_bad_parameters(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_posix_connect(NULL, "127.0.0.1", 1, 10), TRANSPORT_POSIX_INVALID_PARAMETER);
    QT_EQ(transport_posix_connect(&ctx, NULL, 1, 10), TRANSPORT_POSIX_INVALID_PARAMETER);
    QT_EQ(transport_posix_connect(&ctx, "localhost", 1, 10), TRANSPORT_POSIX_INVALID_PARAMETER);
    QT_EQ(transport_posix_recv(NULL, &ctx, 1), -1);
    QT_EQ(transport_posix_send(NULL, &ctx, 1), -1);
    QT_EQ(transport_posix_writev(NULL, NULL, 0), -1);
}

static const struct qtest_case posix_cases[] = {
    QTEST_CASE(test_transport_posix_connect_refused_status),
    QTEST_CASE(test_transport_posix_disconnect_twice_is_harmless),
    QTEST_CASE(test_transport_posix_connect_bad_parameters),
};

int main(void)
{
    struct echo_server server;
    int failed;

    if (echo_server_start(&server) != 0) {
        printf("cannot start the echo server\n");
        return 1;
    }
    target.echo_port = server.echo_port;
    target.close_port = server.close_port;
    target.refused_port = server.refused_port;
    tq_target = &target;
    failed = qtest_run(tq_cases, tq_case_count);
    return qtest_run(posix_cases, sizeof(posix_cases) / sizeof(posix_cases[0])) | failed;
}
