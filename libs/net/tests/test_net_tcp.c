/* SPDX-License-Identifier: MIT */
/*
 * test_net_tcp.c: TCP through lwIP's socket API on Quartz, over the POSIX TAP driver against
 * host peers in a network namespace (netns_driver.py): echo both ways over IPv4 and IPv6,
 * 1 MiB each way checked byte for byte; and, shared with the boards (net_cases.c), 16
 * connections at once and the refused, reset and timeout errors.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/api.h"
#include "lwip/sockets.h"

#include <stdio.h>
#include <string.h>

#define CHUNK 8192u

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

/* The host connects in to the program's echo server and checks what comes back. */
static void test_tcp_echo_server_host_client(void)
{
    char reply[64];

    QT_EQ(net_control("tcpecho " NET_QUARTZ4 " 7 100000", reply, sizeof(reply)), 0);
    QT_ASSERT(strcmp(reply, "ok") == 0);
}

static void test_tcp_send_1mib_to_host(void)
{
    static uint8_t chunk[CHUNK];
    char reply[64];
    int s = net_tcp_connect(NET_HOST4, 9);
    size_t n;

    QT_ASSERT(s >= 0);
    for (size_t off = 0; off < NET_PATTERN_BYTES; off += CHUNK) {
        net_pattern_fill(chunk, off, CHUNK);
        if (net_send_all(s, chunk, CHUNK) != 0) {
            QT_ASSERT(!"send failed");
            break;
        }
    }
    QT_EQ(lwip_shutdown(s, SHUT_WR), 0);
    n = net_recv_all(s, reply, sizeof(reply) - 1);
    reply[n] = '\0';
    QT_ASSERT(strcmp(reply, "OK 1048576\n") == 0);
    lwip_close(s);
}

static void test_tcp_receive_1mib_from_host(void)
{
    static uint8_t buf[CHUNK];
    size_t total = 0, bad = SIZE_MAX;
    int s = net_tcp_connect(NET_HOST4, 19);
    ssize_t n;

    QT_ASSERT(s >= 0);
    while ((n = lwip_recv(s, buf, sizeof(buf), 0)) > 0) {
        size_t at = net_pattern_mismatch(buf, total, (size_t)n);
        if (at != (size_t)n && bad == SIZE_MAX) {
            bad = total + at;
        }
        total += (size_t)n;
    }
    QT_EQ(n, 0); /* an orderly end of stream */
    QT_EQ(total, NET_PATTERN_BYTES);
    QT_EQ(bad, SIZE_MAX);
    lwip_close(s);
}

NET_TEST_MAIN(NET_CASE(test_tcp_echo_client_ipv4), NET_CASE(test_tcp_echo_client_ipv6),
              NET_CASE(test_netconn_echo_client), NET_CASE(test_tcp_echo_server_host_client),
              NET_CASE(test_tcp_send_1mib_to_host), NET_CASE(test_tcp_receive_1mib_from_host),
              NET_CASE(test_tcp_concurrent_connections),
              NET_CASE(test_connect_closed_port_refused),
              NET_CASE(test_recv_after_peer_reset_fails), NET_CASE(test_recv_timeout_expires),
              NET_CASE(test_connect_unreachable_times_out))
