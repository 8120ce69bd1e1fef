/* SPDX-License-Identifier: MIT */
/*
 * test_service_board.c: test_service.h on a QEMU board: lwIP sockets to BOARD_NET_HOST at the
 * service's guest port (forwarded by qemu_net_driver.py), the cases run by board_net_test_main.
 */
#include "test_service.h"

#include "board_net.h"
#include "board_net_test.h"
#include "task.h"

static const struct qtest_case *run_cases;
static size_t run_count;

bool test_service_connect(NetworkContext_t *ctx, const struct test_service *service)
{
    return transport_lwip_connect(ctx, BOARD_NET_HOST, service->guest_port, pdMS_TO_TICKS(5000)) ==
           TRANSPORT_LWIP_SUCCESS;
}

void test_service_disconnect(NetworkContext_t *ctx)
{
    transport_lwip_disconnect(ctx);
}

/*
 * recv that sleeps a tick when nothing has arrived. The libraries poll without sleeping while
 * they wait (MQTT_Connect for CONNACK, the HTTP client for a response); under QEMU's -icount
 * a polling guest's virtual time runs ahead of the host's clock, and the timeouts, in virtual
 * time, could expire before a host peer on a loaded machine had a chance to answer. A
 * sleeping guest's virtual time follows the host's clock (icount sleep=on).
 */
static int32_t recv_or_sleep(NetworkContext_t *ctx, void *buf, size_t n)
{
    int32_t r = transport_lwip_recv(ctx, buf, n);

    if (r == 0) {
        vTaskDelay(1);
    }
    return r;
}

void test_service_interface(TransportInterface_t *transport, NetworkContext_t *ctx)
{
    transport_lwip_interface(transport, ctx);
    transport->recv = recv_or_sleep;
}

long test_run_id(void)
{
    return 0; /* one board run per service: each test's driver starts a private one */
}

static int run(void)
{
    return qtest_run_in_task(run_cases, run_count);
}

int test_service_main(const struct qtest_case *cases, size_t count)
{
    run_cases = cases;
    run_count = count;
    board_net_test_main(run);
}
