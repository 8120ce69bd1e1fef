/* SPDX-License-Identifier: MIT */
/*
 * net_cases.c: network test cases that run both on the host (test_net_ip.c, test_net_tcp.c,
 * over the POSIX TAP driver) and on every networked board (test_net_board_tap.c, the board's
 * NIC on a TAP device or its serial line bridged to a TUN device): UDP echo, DNS success and
 * failure, 16 TCP connections at once (fewer where a board's RAM says so), each echoed and
 * checked byte for byte, and the refused, reset and timeout errors. The
 * peers are netns_driver.py's, on 192.0.2.1 in the namespace; only lwIP's socket API and the
 * kernel are used, so the same code runs on both. Times are in ticks.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/netdb.h"
#include "lwip/sockets.h"

#include "semphr.h"

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
