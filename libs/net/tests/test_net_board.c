/* SPDX-License-Identifier: MIT */
/*
 * test_net_board.c: lwIP on a QEMU board through the board's Ethernet driver, whichever its
 * board.cmake names (the LAN9118 on MPS2, virtio-net on virt; quartz_net/board_eth.h), with
 * QEMU's user networking in restrict=on mode. qemu_net_driver.py boots it with the board's NIC
 * (tools/qemu-run --net) on
 *   user,id=net0,mac=52:54:00:51:91:18,restrict=on,hostfwd=tcp:127.0.0.1:<h>-:7,
 *        guestfwd=tcp:10.0.2.100:7-tcp:127.0.0.1:<e>
 * and plays the host's part: a TCP echo server on 127.0.0.1:<e> (reached from here as
 * 10.0.2.100:7) and a client that sends 1 MiB to this program's echo server through the
 * hostfwd once the console says "net: echo server ready", checks every byte that comes back
 * and closes. On "net: inject bad frames" it hands a runt and an oversized frame to QEMU's
 * backend as if the network had sent them. On "net: unplug the cable" and "net: plug the
 * cable" it sets the NIC's link down or up through QEMU's monitor (QMP set_link), which the NIC
 * reports (the LAN9118's PHY, the virtio-net status field).
 *
 * Not here, because slirp's restrict=on mode drops them: UDP from the guest (all but DHCP and
 * TFTP), so no UDP echo or DNS (test_net_board_tap.c runs those on a TAP device); IPv6 UDP;
 * ICMP echo to anything but slirp itself.
 *
 * As in net_test.c, lwIP cannot be restarted, so one task runs the cases in order after the
 * stack is up (no qtest_run); they use qtest's assertions. Only the runner prints. Timeouts are
 * in ticks of the guest's (virtual) time and generous: the host peer runs in real time.
 */
#include "FreeRTOS.h"
#include "task.h"

#include "board.h"
#include "net_test.h" /* the helpers (net_util.c) */
#include "qtest.h"
#include "quartz_net/board_eth.h"
#include "quartz_net/sys_net.h"

#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/inet_chksum.h"
#include "lwip/prot/icmp.h"
#include "lwip/sockets.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define RUNNER_PRIORITY 4
#define ECHO_PRIORITY 5
#ifndef QTEST_NET_TASK_STACK
#define QTEST_NET_TASK_STACK 2048u /* words: the board's board_test_config.h may shrink it */
#endif
#define TASK_STACK QTEST_NET_TASK_STACK
#define ECHO_PORT 7
#define HOST_ECHO "10.0.2.100" /* guestfwd to qemu_net_driver.py's echo server */
#define GUEST_IP "10.0.2.15"   /* slirp's first lease */
#define GATEWAY "10.0.2.2"     /* slirp itself: gateway, and answers ICMP echo */
#define PATTERN_BYTES (1024u * 1024u)
#define WAIT_TICKS pdMS_TO_TICKS(60000)

static struct qnet_eth eth;
static volatile uint32_t echo_done_bytes; /* bytes echoed by the last finished connection */
static volatile uint32_t echo_finished;   /* connections finished */
static uint8_t io_buf[4096];
static const char *skip_reason; /* set by a case that cannot run on this NIC */

static void echo_connection(int s)
{
    static uint8_t buf[2048];
    uint32_t total = 0;
    ssize_t n;

    while ((n = lwip_recv(s, buf, sizeof(buf), 0)) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = lwip_send(s, buf + off, (size_t)(n - off), 0);
            if (w <= 0) {
                goto out;
            }
            off += w;
        }
        total += (uint32_t)n;
    }
out:
    lwip_close(s);
    echo_done_bytes = total;
    echo_finished++;
}

/* One connection at a time is all the host asks for. */
static void echo_server(void *arg)
{
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_port = lwip_htons(ECHO_PORT)};
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);

    (void)arg;
    configASSERT(s >= 0);
    configASSERT(lwip_bind(s, (struct sockaddr *)&any, sizeof(any)) == 0);
    configASSERT(lwip_listen(s, 2) == 0);
    for (;;) {
        int c = lwip_accept(s, NULL, NULL);
        if (c >= 0) {
            echo_connection(c);
        }
    }
}

static int have_lease(void)
{
    return qnet_eth_has_lease(&eth);
}

static void test_nic_link_up_at_start(void)
{
    QT_ASSERT(netif_is_link_up(&eth.netif));
    QT_EQ(eth.stats.link_changes, 1);
    static const uint8_t nic_mac[6] = {0x52, 0x54, 0x00, 0x51, 0x91, 0x18}; /* -nic mac= */

    QT_ASSERT(memcmp(eth.mac, nic_mac, sizeof(nic_mac)) == 0); /* read from the controller */
    QT_ASSERT(memcmp(eth.netif.hwaddr, nic_mac, sizeof(nic_mac)) == 0);
}

static void test_dhcp_lease_from_slirp(void)
{
    ip4_addr_t want;

    QT_ASSERT(net_wait_for(have_lease, WAIT_TICKS));
    ip4addr_aton(GUEST_IP, &want);
    QT_ASSERT(ip4_addr_cmp(netif_ip4_addr(&eth.netif), &want));
    ip4addr_aton("255.255.255.0", &want);
    QT_ASSERT(ip4_addr_cmp(netif_ip4_netmask(&eth.netif), &want));
    /*
     * In restrict=on mode slirp's DHCP server leaves out the router and DNS server options
     * (the guest is not to reach beyond 10.0.2.0/24), so neither is set.
     */
    QT_ASSERT(ip4_addr_isany_val(*netif_ip4_gw(&eth.netif)));
    QT_ASSERT(ip_addr_isany(dns_getserver(0)));
}

/* One ICMP echo to the gateway on a raw socket; returns 0 when the matching reply came. */
static int ping_once(const char *addr, uint16_t seq)
{
    struct sockaddr_in to = {.sin_family = AF_INET};
    struct timeval tv = {.tv_sec = 5, .tv_usec = 0};
    struct icmp_echo_hdr req = {
        .type = ICMP_ECHO, .id = lwip_htons(0x5151), .seqno = lwip_htons(seq)};
    uint8_t reply[64];
    int s = lwip_socket(AF_INET, SOCK_RAW, IP_PROTO_ICMP);
    int rc = -1;

    lwip_inet_pton(AF_INET, addr, &to.sin_addr);
    req.chksum = inet_chksum(&req, sizeof(req));
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    if (lwip_sendto(s, &req, sizeof(req), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
        goto out;
    }
    for (;;) {
        ssize_t n = lwip_recv(s, reply, sizeof(reply), 0); /* the IPv4 header comes too */
        if (n <= 0) {
            goto out;
        }
        size_t ihl = (size_t)(reply[0] & 0x0fu) * 4u;
        const struct icmp_echo_hdr *r = (const struct icmp_echo_hdr *)(reply + ihl);
        if ((size_t)n >= ihl + sizeof(*r) && r->type == ICMP_ER && r->id == req.id &&
            r->seqno == req.seqno) {
            rc = 0;
            goto out;
        }
    }
out:
    lwip_close(s);
    return rc;
}

static void test_ping_gateway(void)
{
    QT_EQ(ping_once(GATEWAY, 1), 0);
    QT_EQ(ping_once(GATEWAY, 2), 0);
}

static int host_echo_finished(void)
{
    return echo_finished > 0;
}

static void test_tcp_echo_server_reached_from_host(void)
{
    printf("net: echo server ready\n");
    QT_ASSERT(net_wait_for(host_echo_finished, 4 * WAIT_TICKS));
    QT_EQ(echo_done_bytes, PATTERN_BYTES);
}

/* Send the pattern and read the echo at once (one task: non-blocking calls and poll). */
static int exchange_pattern(int s, uint32_t *mismatch_at)
{
    uint32_t sent = 0, got = 0;
    TickType_t start = xTaskGetTickCount();

    while (got < PATTERN_BYTES && xTaskGetTickCount() - start < 4 * WAIT_TICKS) {
        struct pollfd pfd = {.fd = s, .events = POLLIN | (sent < PATTERN_BYTES ? POLLOUT : 0)};
        if (lwip_poll(&pfd, 1, 1000) < 0) {
            return -1;
        }
        if (sent < PATTERN_BYTES && (pfd.revents & POLLOUT)) {
            size_t len = PATTERN_BYTES - sent < 1024u ? PATTERN_BYTES - sent : 1024u;
            uint8_t chunk[1024];
            for (size_t i = 0; i < len; i++) {
                chunk[i] = net_pattern_byte(sent + i);
            }
            ssize_t n = lwip_send(s, chunk, len, MSG_DONTWAIT);
            sent += n > 0 ? (uint32_t)n : 0u;
        }
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = lwip_recv(s, io_buf, sizeof(io_buf), MSG_DONTWAIT);
            if (n == 0 || (n < 0 && qnet_errno() != EWOULDBLOCK && qnet_errno() != EAGAIN)) {
                return -1;
            }
            for (ssize_t i = 0; i < n; i++, got++) {
                if (io_buf[i] != net_pattern_byte(got)) {
                    *mismatch_at = got;
                    return -1;
                }
            }
        }
    }
    return got == PATTERN_BYTES ? 0 : -1;
}

static void test_tcp_client_to_host_through_guestfwd(void)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = lwip_htons(ECHO_PORT)};
    uint32_t mismatch_at = PATTERN_BYTES;
    int s = lwip_socket(AF_INET, SOCK_STREAM, 0);

    QT_ASSERT(s >= 0);
    lwip_inet_pton(AF_INET, HOST_ECHO, &to.sin_addr);
    QT_EQ(lwip_connect(s, (struct sockaddr *)&to, sizeof(to)), 0);
    QT_EQ(exchange_pattern(s, &mismatch_at), 0);
    QT_EQ(mismatch_at, PATTERN_BYTES);
    lwip_close(s);
}

static int link_down(void)
{
    return !netif_is_link_up(&eth.netif);
}

static int link_up(void)
{
    return netif_is_link_up(&eth.netif);
}

/* The host pulls the virtual cable (QEMU's set_link) when asked, and plugs it back. */
static void test_nic_link_down_and_up(void)
{
    uint32_t changes = eth.stats.link_changes;

    if (eth.link_fixed) {
        skip_reason = "the NIC reports no link state";
        return;
    }
    printf("net: unplug the cable\n");
    QT_ASSERT(net_wait_for(link_down, WAIT_TICKS));
    QT_EQ(eth.stats.link_changes, changes + 1);
    QT_ASSERT(net_link_down_frame_counted(&eth));
    printf("net: plug the cable\n");
    QT_ASSERT(net_wait_for(link_up, WAIT_TICKS));
    QT_EQ(eth.stats.link_changes, changes + 2);
    QT_EQ(ping_once(GATEWAY, 3), 0); /* frames flow again */
}

/* A frame to ourselves: our MAC twice, then a local experimental EtherType lwIP ignores. */
static struct pbuf *own_frame(uint16_t len)
{
    struct pbuf *p = pbuf_alloc(PBUF_RAW, len, PBUF_RAM);

    if (p != NULL) {
        uint8_t *b = p->payload;
        memset(b, 0x5a, len);
        memcpy(b, eth.mac, 6);
        memcpy(b + 6, eth.mac, 6);
        b[12] = 0x88;
        b[13] = 0xb5;
    }
    return p;
}

static uint32_t malformed_before, frames_before;

static int loopback_seen(void)
{
    return eth.stats.rx_malformed > malformed_before && eth.stats.rx_frames > frames_before;
}

/*
 * Loopback (the LAN9118's PHY) turns a transmitted frame into a received one: a 1600-byte
 * frame (which lwIP would never send, hence ops->transmit directly) must be dropped and
 * counted, a normal one delivered. A NIC without loopback (virtio-net) skips this case; the
 * next one brings bad frames to every NIC from the wire.
 */
static void test_nic_oversized_frame_dropped_and_counted(void)
{
    struct pbuf *big, *ok;

    if (eth.ops->set_loopback == NULL) {
        skip_reason = "the NIC has no loopback";
        return;
    }
    big = own_frame(1600);
    ok = own_frame(60);
    QT_ASSERT(big != NULL && ok != NULL);
    malformed_before = eth.stats.rx_malformed;
    frames_before = eth.stats.rx_frames;
    LOCK_TCPIP_CORE();
    eth.ops->set_loopback(&eth, 1);
    QT_EQ(eth.ops->transmit(&eth, big), ERR_OK);
    QT_EQ(eth.ops->transmit(&eth, ok), ERR_OK);
    UNLOCK_TCPIP_CORE();
    QT_ASSERT(net_wait_for(loopback_seen, pdMS_TO_TICKS(5000)));
    LOCK_TCPIP_CORE();
    eth.ops->set_loopback(&eth, 0);
    UNLOCK_TCPIP_CORE();
    QT_EQ(eth.stats.rx_malformed, malformed_before + 1);
    pbuf_free(big);
    pbuf_free(ok);
}

static int malformed_seen(void)
{
    return eth.stats.rx_malformed > malformed_before;
}

/*
 * Bad frames from the wire: the host injects a runt (10 bytes) and an oversized frame (1600
 * bytes) into QEMU's network backend (qemu_net_driver.py, a filter-redirector), as if the
 * network had sent them. A device may refuse one itself (QEMU's virtio-net drops a frame larger
 * than its receive buffer; on both NICs QEMU passes on exactly one of the two), but what reaches
 * the driver is dropped and counted, and traffic flows on.
 */
static void test_nic_bad_frames_from_wire_dropped_and_counted(void)
{
    malformed_before = eth.stats.rx_malformed;
    printf("net: inject bad frames\n");
    QT_ASSERT(net_wait_for(malformed_seen, pdMS_TO_TICKS(5000)));
    vTaskDelay(pdMS_TO_TICKS(100)); /* the second one, if the device passes it on */
    printf("net: %lu of 2 bad frames reached the driver\n",
           (unsigned long)(eth.stats.rx_malformed - malformed_before));
    QT_ASSERT(eth.stats.rx_malformed - malformed_before <= 2);
    QT_EQ(ping_once(GATEWAY, 4), 0);
}

/*
 * Not tx_link_down: while the cable is out lwIP's ARP timer may offer a frame a second (for
 * DHCP's address check, still pending), as many as the host's real-time unplug lasts.
 */
static void test_counters_clean(void)
{
    QT_EQ(eth.stats.rx_nomem, 0);
    QT_EQ(eth.stats.rx_overrun, 0);
    QT_EQ(eth.stats.rx_rejected, 0);
    QT_EQ(eth.stats.tx_dropped, 0);
    QT_EQ(lwip_stats.sys.sem.err + lwip_stats.sys.mbox.err + lwip_stats.sys.mutex.err, 0);
    printf("net: rx %lu tx %lu frames, %lu offered while the link was down\n",
           (unsigned long)eth.stats.rx_frames, (unsigned long)eth.stats.tx_frames,
           (unsigned long)eth.stats.tx_link_down);
}

static const struct {
    const char *name;
    void (*fn)(void);
} cases[] = {
    {"test_nic_link_up_at_start", test_nic_link_up_at_start},
    {"test_dhcp_lease_from_slirp", test_dhcp_lease_from_slirp},
    {"test_ping_gateway", test_ping_gateway},
    {"test_tcp_echo_server_reached_from_host", test_tcp_echo_server_reached_from_host},
    {"test_tcp_client_to_host_through_guestfwd", test_tcp_client_to_host_through_guestfwd},
    {"test_nic_link_down_and_up", test_nic_link_down_and_up},
    {"test_nic_oversized_frame_dropped_and_counted", test_nic_oversized_frame_dropped_and_counted},
    {"test_nic_bad_frames_from_wire_dropped_and_counted",
     test_nic_bad_frames_from_wire_dropped_and_counted},
    {"test_counters_clean", test_counters_clean},
};

static void runner(void *arg)
{
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .make_default = 1,
                                     .ip6_autoconfig = 1,
                                     .rx_priority = RX_PRIORITY,
                                     .rx_stack_words = TASK_STACK,
                                     .name = {'e', 'n'}};
    unsigned passed = 0, failed = 0, skipped = 0;

    (void)arg;
    qnet_start();
    if (qnet_board_eth_add(&eth, &config) != ERR_OK) {
        printf("net: the board's NIC did not start\n");
        exit(1);
    }
    xTaskCreate(echo_server, "echo_srv", TASK_STACK, NULL, ECHO_PRIORITY, NULL);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        unsigned before = qtest_failures();
        TickType_t start = xTaskGetTickCount();

        skip_reason = NULL;
        cases[i].fn();
        if (skip_reason != NULL && qtest_failures() == before) {
            skipped++;
            printf("skip %s (%s)\n", cases[i].name, skip_reason);
        } else if (qtest_failures() == before) {
            passed++;
            printf("ok   %s (%lu ticks)\n", cases[i].name,
                   (unsigned long)(xTaskGetTickCount() - start));
        } else {
            failed++;
            printf("FAIL %s\n", cases[i].name);
        }
    }
    printf("%u passed, %u failed, %u skipped\n", passed, failed, skipped);
    exit(failed == 0 ? 0 : 1);
}

int main(void)
{
    xTaskCreate(runner, "runner", TASK_STACK, NULL, RUNNER_PRIORITY, NULL);
    vTaskStartScheduler();
    return 1;
}
