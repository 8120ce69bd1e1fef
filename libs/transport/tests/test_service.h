/* SPDX-License-Identifier: MIT */
/*
 * test_service.h: how a library test reaches a host service (a Mosquitto broker, nginx), the
 * one seam between the tests and the platform. The same test sources run:
 *   - on the POSIX port over host sockets (test_service_posix.c): the service listens on
 *     127.0.0.1 at the port in an environment variable set by its driver
 *     (mqtt_broker_driver.py: MQTT_BROKER_PORT, run_nginx.py: QUARTZ_HTTP_PORT);
 *   - on a QEMU board over lwIP (test_service_board.c): the service is at BOARD_NET_HOST on a
 *     fixed guest port, which qemu_net_driver.py --forward PORT=ENV forwards to the host's.
 * The build picks the platform file and, for a board, defines TEST_SERVICE_LWIP.
 */
#ifndef TEST_SERVICE_H
#define TEST_SERVICE_H

#include "qtest.h"

#if defined(TEST_SERVICE_LWIP)
#include "transport_lwip.h"
#else
#include "transport_posix.h"
#endif /* TEST_SERVICE_LWIP */

#include <stdbool.h>

struct test_service {
    const char *port_env; /* on the host: the variable holding the port on 127.0.0.1 */
    uint16_t guest_port;  /* on a board: the port at BOARD_NET_HOST */
};

/* Connects ctx to the service within a few seconds; true on success (else it says why). */
bool test_service_connect(NetworkContext_t *ctx, const struct test_service *service);
void test_service_disconnect(NetworkContext_t *ctx);
void test_service_interface(TransportInterface_t *transport, NetworkContext_t *ctx);

/* A number that tells this run's client ids and topics apart from other runs' (a pid). */
long test_run_id(void);

/*
 * Runs the cases and returns the exit status: on the host in a fresh scheduler each
 * (qtest_run), on a board in one task once the network is up (board_net_test_main).
 */
int test_service_main(const struct qtest_case *cases, size_t count);

#define TEST_SERVICE_MAIN(...)                                                                     \
    int main(void)                                                                                 \
    {                                                                                              \
        static const struct qtest_case cases_[] = {__VA_ARGS__};                                   \
        return test_service_main(cases_, sizeof(cases_) / sizeof(cases_[0]));                      \
    }

#endif /* TEST_SERVICE_H */
