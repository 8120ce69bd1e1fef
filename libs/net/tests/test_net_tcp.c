/* SPDX-License-Identifier: MIT */
/*
 * test_net_tcp.c: TCP through lwIP's socket API on Quartz, over the POSIX TAP driver against
 * host peers in a network namespace (netns_driver.py): echo to the host over IPv4 and IPv6 and
 * through netconn; and, shared with the boards (net_cases.c), echo with the host as client,
 * a stream each way over IPv4 and IPv6 (1 MiB) checked byte for byte, 16 connections at once
 * and the refused, reset and timeout errors.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/api.h"
#include "lwip/sockets.h"

#include <stdio.h>
#include <string.h>

/* Quartz connects out to the host's echo server. */
static void echo_to_host(const char *host)
{
    static uint8_t out[20000], in[20000];
    int s = net_tcp_connect(host, 7);

    QT_ASSERT(s >= 0);
    net_pattern_fill(out, 11, sizeof(out));
    QT_EQ(net_send_all(s, out, sizeof(out)), 0);
    QT_EQ(net_recv_all(s, in, sizeof(in)), sizeof(in));
    QT_EQ(memcmp(in, out, sizeof(in)), 0);
    QT_EQ(lwip_close(s), 0);
}

static void test_tcp_echo_client_ipv4(void)
{
    echo_to_host(NET_HOST4);
}

static void test_tcp_echo_client_ipv6(void)
{
    echo_to_host(NET_HOST6);
}

/* The same exchange through lwIP's netconn API, which the sockets are built on. */
static void test_netconn_echo_client(void)
{
    static uint8_t out[3000];
    struct netconn *conn = netconn_new(NETCONN_TCP);
    ip_addr_t host;
    size_t got = 0;
    int same = 1;

    QT_ASSERT(conn != NULL);
    ipaddr_aton(NET_HOST4, &host);
    QT_EQ(netconn_connect(conn, &host, 7), ERR_OK);
    net_pattern_fill(out, 5, sizeof(out));
    QT_EQ(netconn_write(conn, out, sizeof(out), NETCONN_COPY), ERR_OK);
    while (got < sizeof(out)) {
        struct netbuf *buf;
        void *data;
        u16_t len;

        if (netconn_recv(conn, &buf) != ERR_OK) {
            break;
        }
        do {
            netbuf_data(buf, &data, &len);
            same = same && got + len <= sizeof(out) && memcmp(data, out + got, len) == 0;
            got += len;
        } while (netbuf_next(buf) >= 0);
        netbuf_delete(buf);
    }
    QT_EQ(got, sizeof(out));
    QT_ASSERT(same);
    QT_EQ(netconn_close(conn), ERR_OK);
    QT_EQ(netconn_delete(conn), ERR_OK);
}

NET_TEST_MAIN(NET_CASE(test_tcp_echo_client_ipv4), NET_CASE(test_tcp_echo_client_ipv6),
              NET_CASE(test_netconn_echo_client), NET_CASE(test_tcp_echo_server_host_client),
              NET_CASE(test_tcp_stream_to_host), NET_CASE(test_tcp_stream_to_host_ipv6),
              NET_CASE(test_tcp_stream_from_host), NET_CASE(test_tcp_stream_from_host_ipv6),
              NET_CASE(test_tcp_concurrent_connections),
              NET_CASE(test_tcp_connections_one_task_select), NET_CASE(test_connect_closed_port_refused),
              NET_CASE(test_recv_after_peer_reset_fails), NET_CASE(test_recv_timeout_expires),
              NET_CASE(test_connect_unreachable_times_out))
