/* SPDX-License-Identifier: MIT */
/*
 * mqtt_test_board.c: the broker tests on a QEMU board (see mqtt_test_net.h): lwIP sockets to
 * the guest's 10.0.2.100:1883, which qemu_net_driver.py forwards to the Mosquitto that
 * mqtt_broker_driver.py started, the cases run by board_net_test_main.
 */
#include "mqtt_test_net.h"

#include "board_net.h"
#include "board_net_test.h"

#define BROKER_PORT 1883

static const struct qtest_case *run_cases;
static size_t run_count;

bool test_net_connect(NetworkContext_t *ctx)
{
    return transport_lwip_connect(ctx, BOARD_NET_HOST, BROKER_PORT, pdMS_TO_TICKS(5000)) ==
           TRANSPORT_LWIP_SUCCESS;
}

void test_net_disconnect(NetworkContext_t *ctx)
{
    transport_lwip_disconnect(ctx);
}

void test_net_interface(TransportInterface_t *transport, NetworkContext_t *ctx)
{
    transport_lwip_interface(transport, ctx);
}

long test_run_id(void)
{
    return 0; /* one board run per broker: the driver starts a private one */
}

static int run(void)
{
    return qtest_run_in_task(run_cases, run_count);
}

int test_main(const struct qtest_case *cases, size_t count)
{
    run_cases = cases;
    run_count = count;
    board_net_test_main(run);
    return 1;
}
