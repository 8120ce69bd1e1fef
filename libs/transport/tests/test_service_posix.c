/* SPDX-License-Identifier: MIT */
/*
 * test_service_posix.c: test_service.h on the POSIX port: host sockets to 127.0.0.1 at the
 * port the service's driver put in the environment.
 */
#include "test_service.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

bool test_service_connect(NetworkContext_t *ctx, const struct test_service *service)
{
    const char *s = getenv(service->port_env);
    uint16_t port = s != NULL ? (uint16_t)atoi(s) : 0;

    if (port == 0) {
        printf("%s is not set: run this test under its service's driver\n", service->port_env);
        return false;
    }
    return transport_posix_connect(ctx, "127.0.0.1", port, pdMS_TO_TICKS(5000)) ==
           TRANSPORT_POSIX_SUCCESS;
}

void test_service_disconnect(NetworkContext_t *ctx)
{
    transport_posix_disconnect(ctx);
}

void test_service_interface(TransportInterface_t *transport, NetworkContext_t *ctx)
{
    transport_posix_interface(transport, ctx);
}

long test_run_id(void)
{
    return (long)getpid();
}

int test_service_main(const struct qtest_case *cases, size_t count)
{
    return qtest_run(cases, count);
}
