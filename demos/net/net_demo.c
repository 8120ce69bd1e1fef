/* SPDX-License-Identifier: MIT */
/*
 * net_demo.c: the networked demo, one source for the POSIX host (TAP) and every QEMU board
 * with a network driver. On boot it
 *   1. starts lwIP and the target's interface (net_demo.h) with DHCP, falling back to the
 *      static address NET_DEMO_STATIC_IP when no lease comes within NET_DEMO_DHCP_WAIT_MS;
 *   2. runs a TCP echo server on port NET_DEMO_PORT (any number of connections at once);
 *   3. resolves NET_DEMO_PEER with the DNS server the lease named;
 *   4. connects to that host's TCP echo service, sends NET_DEMO_BYTES while reading the echo,
 *      checks every byte, and prints the throughput in bytes per second of the guest's own
 *      clock (ticks / configTICK_RATE_HZ: virtual time under QEMU);
 *   5. says "net-demo: ready" and keeps serving echo.
 * The console lines starting "net-demo: " are the demo's interface: net_demo_driver.py (the
 * tests, `make run-net`, the benchmark) reads them, so change both together. Only the main
 * task prints, so no two tasks are ever inside printf at once (the POSIX port's real-time
 * mode may preempt anywhere). A step that cannot run (no DNS server, no host echo service,
 * as under `make run-net`) is reported and skipped; the echo server runs regardless.
 */
#include "FreeRTOS.h"
#include "task.h"

#include "net_demo.h"
#include "quartz_net/sys_net.h"

#include "lwip/dhcp.h"
#include "lwip/netdb.h"
#include "lwip/sockets.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <stdlib.h>

#define NET_DEMO_PORT 7
#define NET_DEMO_PEER "echo.quartz.test" /* the tests' DNS server answers it */
#ifndef NET_DEMO_BYTES /* a board whose link is slow in wall-clock time sends less */
#define NET_DEMO_BYTES (1024u * 1024u)
#endif
#define NET_DEMO_STATIC_IP "192.0.2.2" /* the fallback: the tests' namespace is 192.0.2.0/24 */
#define NET_DEMO_STATIC_GW "192.0.2.1"
#define NET_DEMO_DHCP_WAIT_MS 5000u
#define NET_DEMO_CLIENT_TICKS pdMS_TO_TICKS(120000) /* bound on the whole transfer */
/* Task stacks (words; the main task gets twice) and the client's and echo server's buffer:
 * a board with little RAM gives its own (board.cmake: QUARTZ_BOARD_NET_DEMO_SIZES). */
#ifndef NET_DEMO_STACK
#define NET_DEMO_STACK (configMINIMAL_STACK_SIZE > 1024 ? configMINIMAL_STACK_SIZE : 1024)
#endif
#ifndef NET_DEMO_CHUNK
#define NET_DEMO_CHUNK 1024u
#endif
#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define MAIN_PRIORITY 3
#define ECHO_PRIORITY 4

static struct netif *netif;

/* The client's data: any sequence works, this one has no short period. */
static uint8_t demo_byte(uint32_t i)
{
    return (uint8_t)((i * 131u) ^ (i >> 9));
}

/* A blocking lwIP send returns only once all of it is queued (or on an error). */
static void echo_connection(void *arg)
{
    int s = (int)(intptr_t)arg;
    uint8_t buf[NET_DEMO_CHUNK];
    ssize_t n;

    while ((n = lwip_recv(s, buf, sizeof(buf), 0)) > 0 && lwip_send(s, buf, (size_t)n, 0) == n) {
        /* echoed */
    }
    lwip_close(s);
    vTaskDelete(NULL);
}

static void echo_server(void *arg)
{
    int s = (int)(intptr_t)arg;

    for (;;) {
        int c = lwip_accept(s, NULL, NULL);
        if (c >= 0 && xTaskCreate(echo_connection, "echo", NET_DEMO_STACK, (void *)(intptr_t)c,
                                  ECHO_PRIORITY, NULL) != pdPASS) {
            lwip_close(c); /* out of memory: this client is refused, the next may fit */
        }
    }
}

/* The listening socket is made here, so "listening" is printed only once it is true. */
static int start_echo_server(void)
{
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_port = lwip_htons(NET_DEMO_PORT)};
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);

    if (s < 0 || lwip_bind(s, (struct sockaddr *)&any, sizeof(any)) != 0 ||
        lwip_listen(s, 4) != 0 ||
        xTaskCreate(echo_server, "echo_srv", NET_DEMO_STACK, (void *)(intptr_t)s, ECHO_PRIORITY,
                    NULL) != pdPASS) {
        return -1;
    }
    return 0;
}

static int bring_up(void)
{
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .dhcp_fallback_ms = NET_DEMO_DHCP_WAIT_MS,
                                     .make_default = 1,
                                     .rx_priority = RX_PRIORITY,
                                     .rx_stack_words = NET_DEMO_STACK,
                                     .name = {'e', 'n'}};
    char text[IP4ADDR_STRLEN_MAX];
    enum qnet_address_state state;

    ip4addr_aton(NET_DEMO_STATIC_IP, &config.ip);
    ip4addr_aton("255.255.255.0", &config.netmask);
    ip4addr_aton(NET_DEMO_STATIC_GW, &config.gateway);
    qnet_start();
    netif = net_demo_attach(&config);
    if (netif == NULL) {
        printf("net-demo: no network interface\n");
        return -1;
    }
    while ((state = net_demo_address()) == QNET_ADDRESS_NONE) {
        vTaskDelay(pdMS_TO_TICKS(10));
    }
    LOCK_TCPIP_CORE();
    ip4addr_ntoa_r(netif_ip4_addr(netif), text, sizeof(text));
    UNLOCK_TCPIP_CORE();
    printf("net-demo: address %s (%s)\n", text, state == QNET_ADDRESS_DHCP ? "dhcp" : "static");
    return 0;
}

/* NET_DEMO_PEER's IPv4 address into *to; 0, or -1 when it cannot be resolved. */
static int resolve_peer(struct sockaddr_in *to)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    char text[IP4ADDR_STRLEN_MAX];
    int err = lwip_getaddrinfo(NET_DEMO_PEER, NULL, &hints, &res);

    if (err != 0 || res == NULL) {
        printf("net-demo: dns %s failed (error %d)\n", NET_DEMO_PEER, err);
        return -1;
    }
    *to = *(const struct sockaddr_in *)res->ai_addr;
    to->sin_port = lwip_htons(NET_DEMO_PORT);
    lwip_freeaddrinfo(res);
    lwip_inet_ntop(AF_INET, &to->sin_addr, text, sizeof(text));
    printf("net-demo: dns %s -> %s\n", NET_DEMO_PEER, text);
    return 0;
}

/* Bytes of the echo read and checked so far, and where the first wrong one was. */
struct transfer {
    uint32_t sent, checked, bad_at;
};

static void send_some(int s, struct transfer *t)
{
    uint8_t chunk[NET_DEMO_CHUNK];
    uint32_t len =
        NET_DEMO_BYTES - t->sent < NET_DEMO_CHUNK ? NET_DEMO_BYTES - t->sent : NET_DEMO_CHUNK;

    for (uint32_t i = 0; i < len; i++) {
        chunk[i] = demo_byte(t->sent + i);
    }
    ssize_t n = lwip_send(s, chunk, len, MSG_DONTWAIT);
    t->sent += n > 0 ? (uint32_t)n : 0u;
}

/* Reads what has arrived; -1 at EOF, on an error or at the first byte that is not the echo. */
static int check_some(int s, struct transfer *t)
{
    uint8_t buf[NET_DEMO_CHUNK];
    ssize_t n = lwip_recv(s, buf, sizeof(buf), MSG_DONTWAIT);

    if (n == 0 || (n < 0 && qnet_errno() != EWOULDBLOCK && qnet_errno() != EAGAIN)) {
        return -1;
    }
    for (ssize_t i = 0; i < n; i++, t->checked++) {
        if (buf[i] != demo_byte(t->checked)) {
            t->bad_at = t->checked;
            return -1;
        }
    }
    return 0;
}

/* Send and check at once from one task (lwIP sockets are not full duplex across tasks). */
static int exchange(int s, struct transfer *t)
{
    TickType_t start = xTaskGetTickCount();

    while (t->checked < NET_DEMO_BYTES && xTaskGetTickCount() - start < NET_DEMO_CLIENT_TICKS) {
        struct pollfd pfd = {.fd = s, .events = POLLIN};
        if (t->sent < NET_DEMO_BYTES) {
            pfd.events |= POLLOUT;
        }
        if (lwip_poll(&pfd, 1, 1000) < 0) {
            return -1;
        }
        if (pfd.revents & POLLOUT) {
            send_some(s, t);
        }
        if ((pfd.revents & (POLLIN | POLLHUP | POLLERR)) && check_some(s, t) != 0) {
            return -1;
        }
    }
    return t->checked == NET_DEMO_BYTES ? 0 : -1;
}

static void run_client(const struct sockaddr_in *to)
{
    struct transfer t = {.bad_at = UINT32_MAX};
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);
    TickType_t start = xTaskGetTickCount();
    int rc = -1;

    if (s >= 0 && lwip_connect(s, (const struct sockaddr *)to, sizeof(*to)) == 0) {
        rc = exchange(s, &t);
    }
    TickType_t ticks = xTaskGetTickCount() - start;
    if (s >= 0) {
        lwip_close(s);
    }
    if (rc != 0) {
        printf("net-demo: client failed: %lu bytes sent, %lu echoed correctly%s\n",
               (unsigned long)t.sent, (unsigned long)t.checked,
               t.bad_at != UINT32_MAX ? ", then a wrong byte" : "");
        return;
    }
    ticks = ticks > 0 ? ticks : 1;
    printf("net-demo: client echoed %lu bytes in %lu ticks at %lu Hz: %lu bytes/s\n",
           (unsigned long)t.checked, (unsigned long)ticks, (unsigned long)configTICK_RATE_HZ,
           (unsigned long)((uint64_t)t.checked * configTICK_RATE_HZ / ticks));
}

static void net_demo_main(void *arg)
{
    struct sockaddr_in peer;

    (void)arg;
    printf("net-demo: starting on %s\n", net_demo_target);
    if (bring_up() != 0 || start_echo_server() != 0) {
        printf("net-demo: cannot start\n");
        exit(1);
    }
    printf("net-demo: echo server listening on port %d\n", NET_DEMO_PORT);
    if (resolve_peer(&peer) == 0) {
        run_client(&peer);
    }
    printf("net-demo: ready\n");
    vTaskDelete(NULL);
}

#if configCHECK_FOR_STACK_OVERFLOW > 0
void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("net-demo: stack overflow in task %s\n", name);
    exit(1);
}
#endif /* configCHECK_FOR_STACK_OVERFLOW > 0 */

int main(void)
{
#ifndef NET_DEMO_BOARD
    /* Line by line on the host. A board's console is line-buffered already, in a small static
     * buffer (board_init): a buffer of newlib's own would need 1 KiB from malloc, and without
     * one newlib prints through a 1 KiB buffer on the task's stack. */
    setvbuf(stdout, NULL, _IOLBF, 0);
#endif
    xTaskCreate(net_demo_main, "net_demo", NET_DEMO_STACK * 2, NULL, MAIN_PRIORITY, NULL);
    vTaskStartScheduler();
    return 1;
}
