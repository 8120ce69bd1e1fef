/* SPDX-License-Identifier: MIT */
/*
 * net_util.c: the network tests' helpers (net_test.h), used by the host tests and by the board
 * test that runs their shared cases (net_cases.c): the test pattern, addresses, TCP
 * connect/send/receive through lwIP's sockets, UDP echo, the host driver's control port,
 * the program's own TCP echo server, qtap0's static IPv6 address. Portable: lwIP's socket
 * API and the kernel only.
 */
#include "net_test.h"

#include "quartz_net/sys_net.h"

#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/sockets.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <string.h>

uint8_t net_pattern_byte(size_t i)
{
    return (uint8_t)(i * 7u + i / 251u);
}

void net_pattern_fill(uint8_t *buf, size_t offset, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        buf[i] = net_pattern_byte(offset + i);
    }
}

size_t net_pattern_mismatch(const uint8_t *buf, size_t offset, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != net_pattern_byte(offset + i)) {
            return i;
        }
    }
    return len;
}

socklen_t net_make_addr(const char *addr, uint16_t port, struct sockaddr_storage *ss)
{
    struct sockaddr_in *in4 = (struct sockaddr_in *)ss;

    memset(ss, 0, sizeof(*ss));
    if (lwip_inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = lwip_htons(port);
        return sizeof(*in4);
    }
#if LWIP_IPV6
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    if (lwip_inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = lwip_htons(port);
        return sizeof(*in6);
    }
#endif /* LWIP_IPV6 */
    return 0;
}

static void echo_connection(void *arg)
{
    int s = (int)(intptr_t)arg;
    uint8_t buf[NET_ECHO_CHUNK];
    ssize_t n;

    while ((n = lwip_recv(s, buf, sizeof(buf), 0)) > 0) {
        if (net_send_all(s, buf, (size_t)n) != 0) {
            break;
        }
    }
    lwip_close(s);
    vTaskDelete(NULL);
}

static void echo_server(void *arg)
{
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_port = lwip_htons(NET_ECHO_PORT)};
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);

    (void)arg;
    configASSERT(s >= 0);
    configASSERT(lwip_bind(s, (struct sockaddr *)&any, sizeof(any)) == 0);
    configASSERT(lwip_listen(s, 16) == 0);
    for (;;) {
        int c = lwip_accept(s, NULL, NULL);
        if (c >= 0 && xTaskCreate(echo_connection, "echo_conn", NET_ECHO_STACK, (void *)(intptr_t)c,
                                  NET_ECHO_PRIORITY, NULL) != pdPASS) {
            lwip_close(c);
        }
    }
}

void net_echo_server_start(void)
{
    static int started; /* by the runner's task only */

    if (!started) {
        started = xTaskCreate(echo_server, "echo_srv", NET_ECHO_STACK, NULL, NET_ECHO_PRIORITY,
                              NULL) == pdPASS;
        configASSERT(started);
    }
}

int net_tcp_connect(const char *addr, uint16_t port)
{
    struct sockaddr_storage ss;
    socklen_t len = net_make_addr(addr, port, &ss);
    int s = lwip_socket(ss.ss_family, SOCK_STREAM, 0);

    if (s < 0) {
        return -1;
    }
    if (lwip_connect(s, (struct sockaddr *)&ss, len) != 0) {
        int err = qnet_errno();
        lwip_close(s);
        qnet_set_errno(err);
        return -1;
    }
    return s;
}

int net_send_all(int sock, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len > 0) {
        ssize_t n = lwip_send(sock, p, len, 0);
        if (n <= 0) {
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

size_t net_recv_all(int sock, void *buf, size_t len)
{
    uint8_t *p = buf;
    size_t got = 0;

    while (got < len) {
        ssize_t n = lwip_recv(sock, p + got, len - got, 0);
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    return got;
}

int net_control(const char *command, char *reply, size_t capacity)
{
    return net_control_at(NET_CONTROL_PORT, command, reply, capacity);
}

int net_link_down_frame_counted(struct qnet_eth *eth)
{
    struct qnet_eth_stats before;
    int counted;

    LOCK_TCPIP_CORE(); /* lwIP's timers cannot send meanwhile: exactly one frame is offered */
    before = eth->stats;
    etharp_gratuitous(&eth->netif);
    counted = !netif_is_link_up(&eth->netif) &&
              eth->stats.tx_link_down == before.tx_link_down + 1 &&
              eth->stats.tx_frames == before.tx_frames &&
              eth->stats.tx_dropped == before.tx_dropped;
    UNLOCK_TCPIP_CORE();
    return counted;
}

int net_control_ok(uint16_t port, const char *command)
{
    char reply[64];

    if (net_control_at(port, command, reply, sizeof(reply)) != 0) {
        printf("net: \"%s\": no answer from the host\n", command);
        return 0;
    }
    if (strcmp(reply, "ok") != 0) {
        printf("net: \"%s\": the host answered \"%s\"\n", command, reply);
        return 0;
    }
    return 1;
}

int net_control_at(uint16_t port, const char *command, char *reply, size_t capacity)
{
    struct sockaddr_storage ss;
    socklen_t len = net_make_addr(NET_HOST4, port, &ss);
    /*
     * Longer than the host lets one of its exchanges stall (netns_driver.py's STALL_SECONDS),
     * so its verdict arrives: a "tcpecho" over a lossy line may wait on retransmissions.
     */
    struct timeval tv = {.tv_sec = 60, .tv_usec = 0};
    int s = lwip_socket(AF_INET, SOCK_DGRAM, 0);
    ssize_t n = -1;

    if (s < 0) {
        return -1;
    }
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    if (lwip_sendto(s, command, strlen(command), 0, (struct sockaddr *)&ss, len) >= 0) {
        n = lwip_recv(s, reply, capacity - 1, 0);
    }
    lwip_close(s);
    reply[n > 0 ? n : 0] = '\0';
    return n > 0 ? 0 : -1;
}

int net_wait_for(int (*cond)(void), TickType_t ticks)
{
    TickType_t start = xTaskGetTickCount();

    while (!cond() && xTaskGetTickCount() - start < ticks) {
        vTaskDelay(1);
    }
    return cond();
}

int net_udp_echo(const char *host, size_t len)
{
    /*
     * From the heap, not the stack (a board's runner task would need up to 1 KiB more stack),
     * and no more than it needs: on a small board a test's TCP connections leave little heap.
     * The reply's buffer has a byte to spare, so that a longer reply shows.
     */
    uint8_t *const out = len <= NET_UDP_MAX ? pvPortMalloc(2 * len + 1) : NULL;
    uint8_t *const in = out != NULL ? out + len : NULL; /* no offset from NULL */
    struct sockaddr_storage ss;
    socklen_t addr_len = net_make_addr(host, 7, &ss);
    struct timeval tv = {.tv_sec = 5, .tv_usec = 0};
    int s = lwip_socket(ss.ss_family, SOCK_DGRAM, 0);
    ssize_t n = -1;

    if (out != NULL && s >= 0) {
        net_pattern_fill(out, len, len);
        (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        if (lwip_sendto(s, out, len, 0, (struct sockaddr *)&ss, addr_len) == (ssize_t)len) {
            n = lwip_recv(s, in, len + 1, 0);
        }
    }
    if (s >= 0) {
        lwip_close(s);
    }
    n = n == (ssize_t)len && memcmp(in, out, len) == 0 ? 0 : -1; /* n == len: out was allocated */
    vPortFree(out);
    return (int)n;
}

#if LWIP_IPV6
static struct netif *quartz6_netif; /* net_add_quartz6()'s, for its wait */

static int quartz6_valid(void)
{
    int valid;

    LOCK_TCPIP_CORE();
    valid = ip6_addr_isvalid(netif_ip6_addr_state(quartz6_netif, 1));
    UNLOCK_TCPIP_CORE();
    return valid;
}

int net_add_quartz6(struct netif *netif)
{
    ip_addr_t ip6;
    s8_t index = -1;

    ipaddr_aton(NET_QUARTZ6, &ip6);
    quartz6_netif = netif;
    LOCK_TCPIP_CORE();
    (void)netif_add_ip6_address(netif, ip_2_ip6(&ip6), &index);
    UNLOCK_TCPIP_CORE();
    /* Duplicate address detection takes a second or two; the IPv6 cases need the address. */
    return index == 1 && net_wait_for(quartz6_valid, pdMS_TO_TICKS(10000)) ? 0 : -1;
}
#endif /* LWIP_IPV6 */

int net_run_case(const struct net_case *c)
{
    unsigned before = qtest_failures();
    TickType_t start = xTaskGetTickCount();

    if (c->fn == NULL) {
        printf("skip %s: %s\n", c->name, c->skip);
        return -1;
    }
    c->fn();
    if (qtest_failures() != before) {
        printf("FAIL %s\n", c->name);
        return 0;
    }
    printf("ok   %s (%lu ticks)\n", c->name, (unsigned long)(xTaskGetTickCount() - start));
    return 1;
}
