/* SPDX-License-Identifier: MIT */
/*
 * net_cases.c: network test cases that run both on the host (test_net_ip.c, test_net_tcp.c,
 * over the POSIX TAP driver) and on every networked board (test_net_board_tap.c, the board's
 * NIC on a TAP device, or its serial line bridged to a TUN device): UDP echo and ICMP echo both
 * ways over IPv4 and IPv6, DNS success and failure, TCP echo with the host as client, a stream
 * each way over both checked byte for byte (1 MiB), 16 TCP connections at once (fewer where a
 * board's RAM says so: net_test.h's sizes), each echoed and checked byte for byte, and the
 * refused, reset and timeout errors. The peers are netns_driver.py's, on 192.0.2.1 and
 * fd00:51::1 in the namespace; only lwIP's socket API and the kernel are used, so the same code
 * runs on both. Times are in ticks.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/inet_chksum.h"
#include "lwip/netdb.h"
#include "lwip/prot/icmp.h"
#include "lwip/prot/icmp6.h"
#include "lwip/prot/ip4.h"
#include "lwip/prot/ip6.h"
#include "lwip/sockets.h"

#include "semphr.h"

#include <stdio.h>
#include <string.h>

#define ECHO_ID 0x5141
#define ECHO_PAYLOAD 56

void test_udp_echo_ipv4(void)
{
    for (size_t len = 1; len <= 500; len += 99) {
        QT_EQ(net_udp_echo(NET_HOST4, len), 0);
    }
}

void test_udp_echo_ipv6(void)
{
    for (size_t len = 1; len <= 500; len += 99) {
        QT_EQ(net_udp_echo(NET_HOST6, len), 0);
    }
}

/*
 * An echo reply from a raw socket's next messages: lwIP hands raw sockets the IP header too
 * (IPv4's of IHL words, IPv6's 40 bytes: the host sends no extension headers), and an ICMPv6
 * socket also sees neighbour discovery and MLD, which are skipped. 1 when one matched.
 */
static int icmp_reply_matches(int s, int v6, const uint8_t *payload)
{
    uint8_t reply[160];
    ssize_t n;

    while ((n = lwip_recv(s, reply, sizeof(reply), 0)) > 0) {
        size_t ip = v6 ? IP6_HLEN : (size_t)IPH_HL_BYTES((struct ip_hdr *)reply);
        const struct icmp_echo_hdr *got = (const struct icmp_echo_hdr *)(reply + ip);

        if ((size_t)n != ip + sizeof(*got) + ECHO_PAYLOAD ||
            got->type != (v6 ? ICMP6_TYPE_EREP : ICMP_ER) || lwip_ntohs(got->id) != ECHO_ID) {
            continue;
        }
        return memcmp(got + 1, payload, ECHO_PAYLOAD) == 0;
    }
    return 0;
}

/* Quartz pings the host with a raw ICMP or ICMPv6 socket; the host's kernel answers. ICMPv6's
 * protocol number is IP6_NEXTH_ICMP6: sockets.h has IPPROTO_ICMPV6 only in an IPv6 build. */
static void icmp_echo_to_host(const char *host)
{
    struct sockaddr_storage to;
    socklen_t to_len = net_make_addr(host, 0, &to);
    int v6 = to.ss_family == AF_INET6;
    struct timeval tv = {.tv_sec = 5, .tv_usec = 0};
    uint8_t packet[sizeof(struct icmp_echo_hdr) + ECHO_PAYLOAD];
    struct icmp_echo_hdr *echo = (struct icmp_echo_hdr *)packet;
    int s = lwip_socket(to.ss_family, SOCK_RAW, v6 ? IP6_NEXTH_ICMP6 : IPPROTO_ICMP);

    QT_ASSERT(s >= 0);
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    memset(packet, 0, sizeof(packet));
    net_pattern_fill(packet + sizeof(*echo), 0, ECHO_PAYLOAD);
    echo->type = v6 ? ICMP6_TYPE_EREQ : ICMP_ECHO;
    echo->id = lwip_htons(ECHO_ID);
    echo->seqno = lwip_htons(1);
    if (!v6) {
        echo->chksum = inet_chksum(packet, sizeof(packet)); /* ICMPv6's lwIP computes */
    }
    QT_EQ(lwip_sendto(s, packet, sizeof(packet), 0, (struct sockaddr *)&to, to_len),
          sizeof(packet));
    QT_ASSERT(icmp_reply_matches(s, v6, packet + sizeof(*echo)));
    lwip_close(s);
}

void test_icmp_echo_to_host(void)
{
    icmp_echo_to_host(NET_HOST4);
}

void test_icmp6_echo_to_host(void)
{
    icmp_echo_to_host(NET_HOST6);
}

/* The host pings Quartz: lwIP's ICMP layer answers without any task's help. */
static void icmp_echo_from_host(const char *addr)
{
    char command[64];

    snprintf(command, sizeof(command), "ping %s", addr);
    QT_ASSERT(net_control_ok(NET_CONTROL_PORT, command));
}

void test_icmp_echo_from_host(void)
{
    icmp_echo_from_host(net_test_address4);
}

void test_icmp6_echo_from_host(void)
{
    icmp_echo_from_host(NET_QUARTZ6);
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

static uint8_t stream_buf[NET_STREAM_CHUNK]; /* one stream at a time */

/* NET_STREAM_BYTES of the pattern to the host's sink, which checks every byte and answers. */
static void stream_to_host(const char *host)
{
    char reply[64], expect[32];
    int s = net_tcp_connect(host, 9);
    size_t n;

    QT_ASSERT(s >= 0);
    for (size_t off = 0; s >= 0 && off < NET_STREAM_BYTES; off += sizeof(stream_buf)) {
        net_pattern_fill(stream_buf, off, sizeof(stream_buf));
        if (net_send_all(s, stream_buf, sizeof(stream_buf)) != 0) {
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
static void stream_from_host(const char *host)
{
    size_t total = 0, bad = SIZE_MAX;
    int s = net_tcp_connect(host, 19);
    ssize_t n = -1;
    char request[16];

    QT_ASSERT(s >= 0);
    snprintf(request, sizeof(request), "%u\n", (unsigned)NET_STREAM_BYTES);
    QT_EQ(s >= 0 ? net_send_all(s, request, strlen(request)) : -1, 0);
    while (s >= 0 && (n = lwip_recv(s, stream_buf, sizeof(stream_buf), 0)) > 0) {
        size_t at = net_pattern_mismatch(stream_buf, total, (size_t)n);
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

void test_tcp_stream_to_host(void)
{
    stream_to_host(NET_HOST4);
}

void test_tcp_stream_to_host_ipv6(void)
{
    stream_to_host(NET_HOST6);
}

void test_tcp_stream_from_host(void)
{
    stream_from_host(NET_HOST4);
}

void test_tcp_stream_from_host_ipv6(void)
{
    stream_from_host(NET_HOST6);
}

struct concurrent_run {
    SemaphoreHandle_t done;
    volatile unsigned ok;
};
static struct concurrent_run *concurrent; /* the running case's, set before its tasks start */

/*
 * One of NET_CONCURRENT connections, each with its own slice of the pattern: it sends all of
 * its bytes, then reads the echo back and checks every byte. Chunks on the stack, so a board's
 * tasks stay small; the host's echo server buffers far more than one slice.
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
 * NET_SELECT_CONNECTIONS connections open at once, all driven by this one task through
 * lwip_select(): how a board without the RAM for a task per connection serves many. Each
 * sends its own slice of the pattern in rounds of NET_SELECT_ROUND bytes and reads a round's
 * echo back before it sends the next, so at most one round per connection is in flight; every
 * byte is checked. Returns the number of connections that finished.
 */
struct select_conn {
    int s;
    size_t sent, received;
};

static void select_send_rounds(struct select_conn *c, size_t n, uint8_t *buf)
{
    for (size_t i = 0; i < n; i++) {
        if (c[i].s >= 0 && c[i].sent == c[i].received && c[i].sent < NET_SELECT_BYTES) {
            net_pattern_fill(buf, i * NET_SELECT_BYTES + c[i].sent, NET_SELECT_ROUND);
            if (net_send_all(c[i].s, buf, NET_SELECT_ROUND) != 0) {
                lwip_close(c[i].s);
                c[i].s = -1;
            } else {
                c[i].sent += NET_SELECT_ROUND;
            }
        }
    }
}

/* Waits for any connection with echo outstanding; reads and checks what each ready one has. */
static int select_receive(struct select_conn *c, size_t n, uint8_t *buf)
{
    struct timeval tv = {.tv_sec = NET_WAIT_TICKS / configTICK_RATE_HZ, .tv_usec = 0};
    fd_set readable;
    int top = -1;

    FD_ZERO(&readable);
    for (size_t i = 0; i < n; i++) {
        if (c[i].s >= 0 && c[i].received < c[i].sent) {
            FD_SET(c[i].s, &readable);
            top = c[i].s > top ? c[i].s : top;
        }
    }
    if (top < 0) {
        return 0; /* nothing outstanding: all done, or all failed */
    }
    if (lwip_select(top + 1, &readable, NULL, NULL, &tv) <= 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (c[i].s < 0 || !FD_ISSET(c[i].s, &readable)) {
            continue;
        }
        ssize_t got = lwip_recv(c[i].s, buf, c[i].sent - c[i].received, MSG_DONTWAIT);
        if (got <= 0 || net_pattern_mismatch(buf, i * NET_SELECT_BYTES + c[i].received,
                                             (size_t)got) != (size_t)got) {
            lwip_close(c[i].s);
            c[i].s = -1;
        } else {
            c[i].received += (size_t)got;
        }
    }
    return 1;
}

void test_tcp_connections_one_task_select(void)
{
    struct select_conn c[NET_SELECT_CONNECTIONS];
    uint8_t *buf = pvPortMalloc(NET_SELECT_ROUND);
    size_t open = 0, finished = 0;

    QT_ASSERT(buf != NULL);
    for (size_t i = 0; i < NET_SELECT_CONNECTIONS; i++) {
        c[i] = (struct select_conn){.s = net_tcp_connect(NET_HOST4, 7)};
        open += c[i].s >= 0;
    }
    do {
        select_send_rounds(c, NET_SELECT_CONNECTIONS, buf);
    } while (select_receive(c, NET_SELECT_CONNECTIONS, buf) > 0);
    /* Closed with a reset (linger 0): closed gracefully, each would sit in TIME_WAIT for two
     * minutes holding a small board's heap (the concurrent case above closes gracefully). */
    for (size_t i = 0; i < NET_SELECT_CONNECTIONS; i++) {
        if (c[i].s >= 0) {
            struct linger reset = {.l_onoff = 1, .l_linger = 0};

            finished += c[i].received == NET_SELECT_BYTES;
            (void)lwip_setsockopt(c[i].s, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset));
            lwip_close(c[i].s);
        }
    }
    vPortFree(buf);
    QT_EQ(open, NET_SELECT_CONNECTIONS);
    QT_EQ(finished, NET_SELECT_CONNECTIONS);
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
    char command[48];

    net_echo_server_start();
    snprintf(command, sizeof(command), "tcpecho %s %d %u", net_test_address4, NET_ECHO_PORT,
             (unsigned)NET_HOST_ECHO_BYTES);
    QT_ASSERT(net_control_ok(NET_CONTROL_PORT, command));
}
