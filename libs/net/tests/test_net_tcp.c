/* SPDX-License-Identifier: MIT */
/*
 * test_net_tcp.c: TCP through lwIP's socket API on Quartz, over the POSIX TAP driver against
 * host peers in a network namespace (netns_driver.py): echo both ways over IPv4 and IPv6,
 * 1 MiB each way checked byte for byte, 16 connections at once, and the refused, reset and
 * timeout errors.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/api.h"
#include "lwip/sockets.h"

#include "semphr.h"

#include <stdio.h>
#include <string.h>

#define CONCURRENT 16
#define CONCURRENT_BYTES (16u * 1024u)
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

struct concurrent_run {
    SemaphoreHandle_t done;
    volatile unsigned ok;
};
static struct concurrent_run *concurrent; /* the running case's, set before its tasks start */

/* One of CONCURRENT connections, each with its own slice of the pattern. */
static void concurrent_client(void *arg)
{
    uint8_t out[CONCURRENT_BYTES], in[CONCURRENT_BYTES];
    size_t index = (size_t)(uintptr_t)arg;
    int s = net_tcp_connect(NET_HOST4, 7);

    net_pattern_fill(out, index * CONCURRENT_BYTES, sizeof(out));
    if (s >= 0 && net_send_all(s, out, sizeof(out)) == 0 &&
        net_recv_all(s, in, sizeof(in)) == sizeof(in) && memcmp(in, out, sizeof(in)) == 0) {
        taskENTER_CRITICAL();
        concurrent->ok++;
        taskEXIT_CRITICAL();
    }
    if (s >= 0) {
        lwip_close(s);
    }
    xSemaphoreGive(concurrent->done);
    vTaskSuspend(NULL); /* the case deletes it */
}

static void test_tcp_sixteen_concurrent_connections(void)
{
    struct concurrent_run run = {.done = xSemaphoreCreateCounting(CONCURRENT, 0), .ok = 0};
    TaskHandle_t tasks[CONCURRENT];
    unsigned finished = 0;

    concurrent = &run;
    for (size_t i = 0; i < CONCURRENT; i++) {
        QT_EQ(xTaskCreate(concurrent_client, "conc", NET_TASK_STACK * 2, (void *)(uintptr_t)i, 3,
                          &tasks[i]),
              pdPASS);
    }
    while (finished < CONCURRENT && xSemaphoreTake(run.done, NET_WAIT_TICKS) == pdTRUE) {
        finished++;
    }
    QT_EQ(finished, CONCURRENT);
    QT_EQ(run.ok, CONCURRENT);
    for (size_t i = 0; i < finished; i++) {
        vTaskDelete(tasks[i]);
    }
    vSemaphoreDelete(run.done);
}

/*
 * The host answers a SYN to a closed port with a reset. lwIP 2.1.3 reports a refused connect
 * as ECONNRESET (its ERR_RST), not POSIX's ECONNREFUSED; it must come at once, not after the
 * SYN retransmissions time out.
 */
static void test_connect_closed_port_refused(void)
{
    TickType_t start = xTaskGetTickCount();

    QT_EQ(net_tcp_connect(NET_HOST4, 23), -1);
    QT_EQ(qnet_errno(), ECONNRESET);
    QT_ASSERT(xTaskGetTickCount() - start < pdMS_TO_TICKS(1000));
}

static void test_recv_after_peer_reset_fails(void)
{
    uint8_t buf[16];
    int s = net_tcp_connect(NET_HOST4, 20);

    QT_ASSERT(s >= 0);
    QT_EQ(lwip_recv(s, buf, sizeof(buf), 0), -1);
    QT_EQ(qnet_errno(), ECONNRESET);
    lwip_close(s);
}

static void test_recv_timeout_expires(void)
{
    struct timeval tv = {.tv_sec = 0, .tv_usec = 300000};
    uint8_t buf[16];
    int s = net_tcp_connect(NET_HOST4, 21);
    TickType_t start;

    QT_ASSERT(s >= 0);
    QT_EQ(lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0);
    start = xTaskGetTickCount();
    QT_EQ(lwip_recv(s, buf, sizeof(buf), 0), -1);
    QT_EQ(qnet_errno(), EWOULDBLOCK);
    QT_ASSERT(xTaskGetTickCount() - start >= pdMS_TO_TICKS(300));
    lwip_close(s);
}

/* A host that never answers ARP: a non-blocking connect is still pending when select times out. */
static void test_connect_unreachable_times_out(void)
{
    struct sockaddr_in nobody = {.sin_family = AF_INET, .sin_port = PP_HTONS(7)};
    struct timeval tv = {.tv_sec = 0, .tv_usec = 500000};
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);
    fd_set writable;
    TickType_t start;

    lwip_inet_pton(AF_INET, "192.0.2.77", &nobody.sin_addr);
    QT_EQ(lwip_fcntl(s, F_SETFL, O_NONBLOCK), 0);
    QT_EQ(lwip_connect(s, (struct sockaddr *)&nobody, sizeof(nobody)), -1);
    QT_EQ(qnet_errno(), EINPROGRESS);
    FD_ZERO(&writable);
    FD_SET(s, &writable);
    start = xTaskGetTickCount();
    QT_EQ(lwip_select(s + 1, NULL, &writable, NULL, &tv), 0);
    QT_ASSERT(xTaskGetTickCount() - start >= pdMS_TO_TICKS(500));
    lwip_close(s);
}

NET_TEST_MAIN(NET_CASE(test_tcp_echo_client_ipv4), NET_CASE(test_tcp_echo_client_ipv6),
              NET_CASE(test_netconn_echo_client), NET_CASE(test_tcp_echo_server_host_client),
              NET_CASE(test_tcp_send_1mib_to_host), NET_CASE(test_tcp_receive_1mib_from_host),
              NET_CASE(test_tcp_sixteen_concurrent_connections),
              NET_CASE(test_connect_closed_port_refused),
              NET_CASE(test_recv_after_peer_reset_fails), NET_CASE(test_recv_timeout_expires),
              NET_CASE(test_connect_unreachable_times_out))
