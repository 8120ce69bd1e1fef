/* SPDX-License-Identifier: MIT */
/*
 * test_transport_lwip.c: the transport qualification suite on the lwIP transport
 * (transport_lwip.c), on a QEMU board through its Ethernet driver. The peer is the host's
 * transport_echo_server (run_echo_server.py), reached through QEMU user networking in
 * restrict=on mode with per-connection forwards (qemu_net_driver.py --forward):
 *   10.0.2.100:7  the echo port        10.0.2.100:9  the close port
 *   10.0.2.100:10 nothing: slirp resets the connection, as a refused one
 * The cases run in one task once the network is up (board_net_test_main). Waits are bounded in
 * ticks of the guest's virtual time.
 */
#include "board_net.h"
#include "board_net_test.h"
#include "transport_lwip.h"
#include "transport_qualification.h"

#define GUEST_ECHO_PORT 7
#define GUEST_CLOSE_PORT 9
#define GUEST_REFUSED_PORT 10

static NetworkContext_t contexts[2] = {{-1}, {-1}};

static int lwip_connect_ctx(NetworkContext_t *ctx, const char *host, uint16_t port)
{
    return transport_lwip_connect(ctx, host, port, pdMS_TO_TICKS(5000)) == TRANSPORT_LWIP_SUCCESS
               ? 0
               : -1;
}

static const struct tq_target target = {
    .host = BOARD_NET_HOST,
    .echo_port = GUEST_ECHO_PORT,
    .close_port = GUEST_CLOSE_PORT,
    .refused_port = GUEST_REFUSED_PORT,
    .contexts = {&contexts[0], &contexts[1]},
    .connect = lwip_connect_ctx,
    .disconnect = transport_lwip_disconnect,
    .interface = transport_lwip_interface,
};

static void test_transport_lwip_refused_status(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_lwip_connect(&ctx, BOARD_NET_HOST, GUEST_REFUSED_PORT, pdMS_TO_TICKS(5000)),
          TRANSPORT_LWIP_CONNECT_FAILURE);
    QT_EQ(ctx.socket, -1);
}

static void test_transport_lwip_disconnect_twice_is_harmless(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_lwip_connect(&ctx, BOARD_NET_HOST, GUEST_ECHO_PORT, pdMS_TO_TICKS(5000)),
          TRANSPORT_LWIP_SUCCESS);
    QT_ASSERT(ctx.socket >= 0);
    transport_lwip_disconnect(&ctx);
    QT_EQ(ctx.socket, -1);
    transport_lwip_disconnect(&ctx);
    transport_lwip_disconnect(NULL);
    QT_EQ(ctx.socket, -1);
}

/* Bad input last. */
static void test_transport_lwip_bad_parameters(void)
{
    NetworkContext_t ctx = {-1};

    QT_EQ(transport_lwip_connect(NULL, BOARD_NET_HOST, 1, 10), TRANSPORT_LWIP_INVALID_PARAMETER);
    QT_EQ(transport_lwip_connect(&ctx, NULL, 1, 10), TRANSPORT_LWIP_INVALID_PARAMETER);
    QT_EQ(transport_lwip_connect(&ctx, "localhost", 1, 10), TRANSPORT_LWIP_INVALID_PARAMETER);
    QT_EQ(transport_lwip_recv(NULL, &ctx, 1), -1);
    QT_EQ(transport_lwip_send(NULL, &ctx, 1), -1);
    QT_EQ(transport_lwip_writev(NULL, NULL, 0), -1);
}

static const struct qtest_case lwip_cases[] = {
    QTEST_CASE(test_transport_lwip_refused_status),
    QTEST_CASE(test_transport_lwip_disconnect_twice_is_harmless),
    QTEST_CASE(test_transport_lwip_bad_parameters),
};

static int run(void)
{
    int failed;

    tq_target = &target;
    failed = qtest_run_in_task(tq_cases, tq_case_count);
    return qtest_run_in_task(lwip_cases, sizeof(lwip_cases) / sizeof(lwip_cases[0])) | failed;
}

int main(void)
{
    board_net_test_main(run);
}
