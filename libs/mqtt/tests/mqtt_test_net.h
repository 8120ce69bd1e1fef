/* SPDX-License-Identifier: MIT */
/*
 * mqtt_test_net.h: where the broker tests run, the one seam between them and the platform.
 * The same test sources run on the POSIX port over host sockets (mqtt_test_posix.c, the broker
 * on 127.0.0.1:$MQTT_BROKER_PORT) and on a QEMU board over lwIP (mqtt_test_board.c, the broker
 * at 10.0.2.100:1883, forwarded by qemu_net_driver.py --forward 1883=MQTT_BROKER_PORT). The
 * build picks the platform file and, for the board, defines MQTT_TEST_LWIP.
 */
#ifndef MQTT_TEST_NET_H
#define MQTT_TEST_NET_H

#include "qtest.h"

#if defined(MQTT_TEST_LWIP)
#include "transport_lwip.h"
#else
#include "transport_posix.h"
#endif /* MQTT_TEST_LWIP */

#include <stdbool.h>

/* Connects ctx to the broker (within a few seconds); true on success. */
bool test_net_connect(NetworkContext_t *ctx);
void test_net_disconnect(NetworkContext_t *ctx);
void test_net_interface(TransportInterface_t *transport, NetworkContext_t *ctx);

/* A number that tells this run's client ids and topics apart from other runs' (a pid). */
long test_run_id(void);

/*
 * Runs the cases against the broker and returns the exit status: on the host in a fresh
 * scheduler each (qtest_run), on a board in one task after the network is up.
 */
int test_main(const struct qtest_case *cases, size_t count);

#define MQTT_TEST_MAIN(...)                                                                        \
    int main(void)                                                                                 \
    {                                                                                              \
        static const struct qtest_case cases_[] = {__VA_ARGS__};                                   \
        return test_main(cases_, sizeof(cases_) / sizeof(cases_[0]));                              \
    }

#endif /* MQTT_TEST_NET_H */
