/* SPDX-License-Identifier: MIT */
/*
 * mqtt_test_posix.c: the broker tests on the POSIX port (see mqtt_test_net.h): host sockets to
 * the Mosquitto that mqtt_broker_driver.py started on 127.0.0.1:$MQTT_BROKER_PORT.
 */
#include "mqtt_test_net.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static uint16_t broker_port;

bool test_net_connect(NetworkContext_t *ctx)
{
    return transport_posix_connect(ctx, "127.0.0.1", broker_port, pdMS_TO_TICKS(5000)) ==
           TRANSPORT_POSIX_SUCCESS;
}

void test_net_disconnect(NetworkContext_t *ctx)
{
    transport_posix_disconnect(ctx);
}

static unsigned dbg_n;
static int32_t dbg_recv(NetworkContext_t *c, void *b, size_t n)
{
    size_t lim = 1 + (dbg_n++ * 7u) % 13u;
    return transport_posix_recv(c, b, n < lim ? n : lim);
}
void test_net_interface(TransportInterface_t *transport, NetworkContext_t *ctx)
{
    transport_posix_interface(transport, ctx);
    transport->recv = dbg_recv;
}

long test_run_id(void)
{
    return (long)getpid();
}

int test_main(const struct qtest_case *cases, size_t count)
{
    const char *s = getenv("MQTT_BROKER_PORT");

    broker_port = s != NULL ? (uint16_t)atoi(s) : 0;
    if (broker_port == 0) {
        printf("MQTT_BROKER_PORT is not set: run this under mqtt_broker_driver.py\n");
        return 1;
    }
    return qtest_run(cases, count);
}
