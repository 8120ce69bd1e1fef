/* SPDX-License-Identifier: MIT */
/*
 * net_cases.c: network test cases that run both on the host (test_net_ip.c, test_net_tcp.c,
 * over the POSIX TAP driver) and on every networked board (test_net_board_tap.c, the board's
 * NIC on a TAP device or its serial line bridged to a TUN device): UDP echo, DNS success and
 * failure, ICMP echo both ways, TCP echo with the host as client, a stream each way checked
 * byte for byte (1 MiB), 16 TCP connections at once (fewer where a board's RAM says so), each
 * echoed and checked byte for byte, and the refused, reset and timeout errors. The
 * peers are netns_driver.py's, on 192.0.2.1 in the namespace; only lwIP's socket API and the
 * kernel are used, so the same code runs on both. Times are in ticks.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/inet_chksum.h"
#include "lwip/netdb.h"
#include "lwip/prot/icmp.h"
#include "lwip/sockets.h"

#include "semphr.h"

#include <stdio.h>
#include <string.h>

/* Connections at once, and the chunk each sends and checks at a time (on its task's stack): a
 * board with little RAM makes them smaller (board.cmake: QUARTZ_BOARD_NET_TEST_SIZES). */
#ifndef NET_CONCURRENT
#define NET_CONCURRENT 16
#endif
#ifndef NET_CONCURRENT_CHUNK
#define NET_CONCURRENT_CHUNK 512u
#endif

void test_udp_echo_ipv4(void)
{
    for (size_t len = 1; len <= 500; len += 99) {
        QT_EQ(net_udp_echo(NET_HOST4, len), 0);
    }
}

void test_icmp_echo_to_host(void)
{
    struct sockaddr_in host = {.sin_family = AF_INET};
    struct timeval tv = {.tv_sec = 5, .tv_usec = 0};
    uint8_t packet[64], reply[128];
    struct icmp_echo_hdr *echo = (struct icmp_echo_hdr *)packet;
    int s = lwip_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    ssize_t n;

    QT_ASSERT(s >= 0);
    lwip_inet_pton(AF_INET, NET_HOST4, &host.sin_addr);
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    memset(packet, 0, sizeof(packet));
    net_pattern_fill(packet + sizeof(*echo), 0, sizeof(packet) - sizeof(*echo));
    ICMPH_TYPE_SET(echo, ICMP_ECHO);
    echo->id = lwip_htons(0x5141);
    echo->seqno = lwip_htons(1);
    echo->chksum = inet_chksum(packet, sizeof(packet));
    QT_EQ(lwip_sendto(s, packet, sizeof(packet), 0, (struct sockaddr *)&host, sizeof(host)),
          sizeof(packet));
    /* Raw IPv4 sockets receive the IP header too; the reply follows it. */
    n = lwip_recv(s, reply, sizeof(reply), 0);
    QT_EQ(n, 20 + sizeof(packet));
    if (n == (ssize_t)(20 + sizeof(packet))) {
        struct icmp_echo_hdr *got = (struct icmp_echo_hdr *)(reply + 20);
        QT_EQ(ICMPH_TYPE(got), ICMP_ER);
        QT_EQ(lwip_ntohs(got->id), 0x5141);
        QT_EQ(memcmp(reply + 20 + sizeof(*got), packet + sizeof(*echo),
                     sizeof(packet) - sizeof(*echo)),
              0);
    }
    lwip_close(s);
}

/* The host pings Quartz: lwIP's ICMP layer answers without any task's help. */
void test_icmp_echo_from_host(void)
{
    char command[32], reply[64];

    snprintf(command, sizeof(command), "ping %s", net_test_address4);
    QT_EQ(net_control(command, reply, sizeof(reply)), 0);
    QT_ASSERT(strcmp(reply, "ok") == 0);
}

void test_getaddrinfo_name_resolves(void)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;

    QT_EQ(lwip_getaddrinfo("echo.quartz.test", "7", &hints, &res), 0);
    QT_ASSERT(res != NULL);
    if (res != NULL) {
        struct sockaddr_in *a = (struct sockaddr_in *)res->ai_addr;
        char text[16];
        QT_EQ(a->sin_family, AF_INET);
        QT_EQ(lwip_ntohs(a->sin_port), 7);
        lwip_inet_ntop(AF_INET, &a->sin_addr, text, sizeof(text));
        QT_ASSERT(strcmp(text, NET_HOST4) == 0);
        lwip_freeaddrinfo(res);
    }
}

void test_getaddrinfo_unknown_name_fails(void)
{
    struct addrinfo *res = NULL;

    QT_EQ(lwip_getaddrinfo("missing.quartz.test", NULL, NULL, &res), EAI_FAIL);
    QT_PTR_EQ(res, NULL);
    QT_PTR_EQ(lwip_gethostbyname("missing.quartz.test"), NULL);
}

struct concurrent_run {
    SemaphoreHandle_t done;
    volatile unsigned ok;
};
static struct concurrent_run *concurrent; /* the running case's, set before its tasks start */

/*
 * One of NET_CONCURRENT connections, each with its own slice of the pattern: it sends all of
 * its bytes, then reads the echo back and checks every byte. Chunks on the stack, so a board's
 * sixteen tasks stay small; the host's echo server buffers far more than one slice.
 */
static void concurrent_client(void *arg)
{
    uint8_t chunk[NET_CONCURRENT_CHUNK];
    size_t base = (size_t)(uintptr_t)arg * NET_CONCURRENT_BYTES, done;
    int s = net_tcp_connect(NET_HOST4, 7), ok = s >= 0;

    for (done = 0; ok && done < NET_CONCURRENT_BYTES; done += sizeof(chunk)) {
        net_pattern_fill(chunk, base + done, sizeof(chunk));
        ok = net_send_all(s, chunk, sizeof(chunk)) == 0;
    }
    for (done = 0; ok && done < NET_CONCURRENT_BYTES; done += sizeof(chunk)) {
        ok = net_recv_all(s, chunk, sizeof(chunk)) == sizeof(chunk) &&
             net_pattern_mismatch(chunk, base + done, sizeof(chunk)) == sizeof(chunk);
    }
    if (ok) {
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

void test_tcp_concurrent_connections(void)
{
    struct concurrent_run run = {.done = xSemaphoreCreateCounting(NET_CONCURRENT, 0), .ok = 0};
    TaskHandle_t tasks[NET_CONCURRENT];
    unsigned finished = 0;

    concurrent = &run;
    for (size_t i = 0; i < NET_CONCURRENT; i++) {
        QT_EQ(xTaskCreate(concurrent_client, "conc", NET_CLIENT_STACK, (void *)(uintptr_t)i, 3,
                          &tasks[i]),
              pdPASS);
    }
    while (finished < NET_CONCURRENT && xSemaphoreTake(run.done, NET_WAIT_TICKS) == pdTRUE) {
        finished++;
    }
    QT_EQ(finished, NET_CONCURRENT);
    QT_EQ(run.ok, NET_CONCURRENT);
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
void test_connect_closed_port_refused(void)
{
    TickType_t start = xTaskGetTickCount();

    QT_EQ(net_tcp_connect(NET_HOST4, 23), -1);
    QT_EQ(qnet_errno(), ECONNRESET);
    QT_ASSERT(xTaskGetTickCount() - start < pdMS_TO_TICKS(1000));
}

void test_recv_after_peer_reset_fails(void)
{
    uint8_t buf[16];
    int s = net_tcp_connect(NET_HOST4, 20);

    QT_ASSERT(s >= 0);
    QT_EQ(lwip_recv(s, buf, sizeof(buf), 0), -1);
    QT_EQ(qnet_errno(), ECONNRESET);
    lwip_close(s);
}

void test_recv_timeout_expires(void)
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
void test_connect_unreachable_times_out(void)
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

/* The host connects in to the program's echo server (net_echo_server_start()) and checks
 * what comes back. */
void test_tcp_echo_server_host_client(void)
{
    char command[48], reply[64];

    net_echo_server_start();
    snprintf(command, sizeof(command), "tcpecho %s %d %u", net_test_address4, NET_ECHO_PORT,
             (unsigned)NET_HOST_ECHO_BYTES);
    QT_EQ(net_control(command, reply, sizeof(reply)), 0);
    QT_ASSERT(strcmp(reply, "ok") == 0);
}

/* NET_STREAM_BYTES of the pattern (1 MiB unless a board says less) to the host's sink, which
 * checks every byte. */
void test_tcp_stream_to_host(void)
{
    static uint8_t chunk[NET_STREAM_CHUNK];
    char reply[64], expect[32];
    int s = net_tcp_connect(NET_HOST4, 9);
    size_t n;

    QT_ASSERT(s >= 0);
    for (size_t off = 0; s >= 0 && off < NET_STREAM_BYTES; off += NET_STREAM_CHUNK) {
        net_pattern_fill(chunk, off, NET_STREAM_CHUNK);
        if (net_send_all(s, chunk, NET_STREAM_CHUNK) != 0) {
            QT_ASSERT(!"send failed");
            break;
        }
    }
    QT_EQ(lwip_shutdown(s, SHUT_WR), 0);
    n = net_recv_all(s, reply, sizeof(reply) - 1);
    reply[n] = '\0';
    snprintf(expect, sizeof(expect), "OK %u\n", (unsigned)NET_STREAM_BYTES);
    QT_ASSERT(strcmp(reply, expect) == 0);
    lwip_close(s);
}

/* The host's source sends the NET_STREAM_BYTES asked for and closes; every byte is checked. */
void test_tcp_stream_from_host(void)
{
    static uint8_t buf[NET_STREAM_CHUNK];
    size_t total = 0, bad = SIZE_MAX;
    int s = net_tcp_connect(NET_HOST4, 19);
    ssize_t n = -1;
    char request[16];

    QT_ASSERT(s >= 0);
    snprintf(request, sizeof(request), "%u\n", (unsigned)NET_STREAM_BYTES);
    QT_EQ(s >= 0 ? net_send_all(s, request, strlen(request)) : -1, 0);
    while (s >= 0 && (n = lwip_recv(s, buf, sizeof(buf), 0)) > 0) {
        size_t at = net_pattern_mismatch(buf, total, (size_t)n);
        if (at != (size_t)n && bad == SIZE_MAX) {
            bad = total + at;
        }
        total += (size_t)n;
    }
    QT_EQ(n, 0); /* an orderly end of stream */
    QT_EQ(total, NET_STREAM_BYTES);
    QT_EQ(bad, SIZE_MAX);
    lwip_close(s);
}
