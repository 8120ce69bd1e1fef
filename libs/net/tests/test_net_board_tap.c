/* SPDX-License-Identifier: MIT */
/*
 * test_net_board_tap.c: the network cases QEMU's user networking cannot carry (net_cases.c:
 * UDP and ICMP echo over IPv4 and IPv6, DNS success and failure, TCP echo with the host as
 * client, a stream each way over both, TCP connections at once checked byte for byte, the
 * refused, reset and timeout errors), on a board through its own network interface, whatever
 * kind board.cmake names (quartz_net/board_netif.h). The same case code as the host tests.
 *
 * On an Ethernet board netns_driver.py runs tools/qemu-run inside a network namespace of its
 * own, with the board's NIC on TAP device qtap0 (`--net tap,ifname=qtap0,...`), so the guest
 * sits on the link where the driver's peers answer on 192.0.2.1 and fd00:51::1: DHCP (lease
 * 192.0.2.50, router and DNS server 192.0.2.1), UDP and TCP echo on port 7, a TCP sink (9) and
 * source (19), a DNS server that knows echo.quartz.test and nothing else, a port that resets
 * (20) and one that stays silent (21); port 23 is closed and 192.0.2.77 answers no ARP. Why a
 * namespace and not slirp: the top of test_net_board.c. On a board whose network is a serial
 * line (NET_BOARD_SERIAL_LINK) slip_bridge.py gives the same namespace and peers behind a TUN
 * device at the other end of the SLIP line; there is no DHCP there, so the board is 192.0.2.2,
 * and 192.0.2.77 is a host the namespace does not route to.
 *
 * This file is the board's runner behind net_test.h's NET_TEST_MAIN (the host's is
 * net_test.c): it starts the stack and the interface (DHCP where the link has it; with IPv6,
 * fd00:51::2 besides the link-local address, found by neighbour discovery through the NIC's
 * multicast filter), checks the address, runs the cases in order on one task (lwIP cannot be
 * restarted), reports the cases that cannot apply (NET_SKIP, NET_CASE_IPV6 without IPv6) and
 * the kernel heap's low-water mark, and ends QEMU with the result (semihosting exit). Only the
 * runner prints.
 */
#include "net_test.h"

#include "quartz_net/board_netif.h"
#include "quartz_net/sys_net.h"

#include "lwip/dns.h"
#include "lwip/sockets.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define RUNNER_PRIORITY 4
/* In words; the runner uses about 500 (Cortex-M and RV32), the receive task about 100. A board
 * with less RAM sets its runner's (QUARTZ_BOARD_NET_TEST_SIZES, net_test.h). */
#ifndef NET_RUNNER_STACK
#define NET_RUNNER_STACK 1024u
#endif
#define RX_STACK 512u

/* The address test_address_and_dns_server expects: the lease on Ethernet, the static address
 * on a serial link (NET_BOARD_SERIAL_LINK: libs/net/boards/CMakeLists.txt). */
#ifdef NET_BOARD_SERIAL_LINK
#define NET_BOARD_ADDRESS NET_QUARTZ4
#else
#define NET_BOARD_ADDRESS NET_LEASE4
#endif

const char net_test_address4[] = NET_BOARD_ADDRESS;

static const struct net_case *run_cases;
static size_t run_count;
static struct netif *board_netif;

/*
 * The address the link gives, with the DNS server the DNS cases need: on Ethernet the lease
 * the namespace's DHCP server gives; on a serial (SLIP) link, which has no DHCP, the static
 * address, with the peer as DNS server (quartz_net/board_netif.h).
 */
static int have_address(void)
{
    return qnet_board_netif_address() != QNET_ADDRESS_NONE;
}

static void test_address_and_dns_server(void)
{
    char addr[16], dns[16];

    QT_ASSERT(net_wait_for(have_address, NET_WAIT_TICKS));
    LOCK_TCPIP_CORE();
    ip4addr_ntoa_r(netif_ip4_addr(board_netif), addr, sizeof(addr));
    ipaddr_ntoa_r(dns_getserver(0), dns, sizeof(dns));
    UNLOCK_TCPIP_CORE();
    printf("net: address %s, dns server %s\n", addr, dns);
    QT_ASSERT(strcmp(addr, NET_BOARD_ADDRESS) == 0);
    QT_ASSERT(strcmp(dns, NET_HOST4) == 0);
}

#ifdef NET_BOARD_SERIAL_LINK
#define LINK_CONTROL_PORT 5001 /* slip_bridge.py */
#define LINK_CUT_MS 2000

/*
 * The line is cut for LINK_CUT_MS and comes back (slip_bridge.py drops every packet both ways
 * from just after its answer, as a pulled cable would). SLIP has no carrier, so lwIP's link
 * stays up: a datagram during the cut gets no answer, and data sent on a TCP connection during
 * the cut arrives by retransmission once the line is back, on the same connection.
 */
static void test_serial_link_down_and_up(void)
{
    struct timeval tv = {.tv_sec = 20, .tv_usec = 0};
    uint8_t out[64], in[64];
    char command[16];
    int s = net_tcp_connect(NET_HOST4, 7);
    TickType_t start;

    QT_ASSERT(s >= 0);
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    snprintf(command, sizeof(command), "down %d", LINK_CUT_MS);
    QT_ASSERT(net_control_ok(LINK_CONTROL_PORT, command));
    start = xTaskGetTickCount();
    net_pattern_fill(out, 3, sizeof(out));
    QT_EQ(net_send_all(s, out, sizeof(out)), 0);
    QT_ASSERT(net_udp_echo(NET_HOST4, 32) != 0); /* its 5 s wait outlasts the cut */
    QT_EQ(net_recv_all(s, in, sizeof(in)), sizeof(in));
    QT_EQ(memcmp(in, out, sizeof(in)), 0);
    QT_ASSERT(xTaskGetTickCount() - start >= pdMS_TO_TICKS(LINK_CUT_MS));
    QT_EQ(net_udp_echo(NET_HOST4, 32), 0);
    lwip_close(s);
}

/* What the link adds to the shared cases: the cut, and what a SLIP line cannot do. */
#define NET_BOARD_LINK_CASES                                                                       \
    NET_CASE(test_serial_link_down_and_up),                                                        \
        NET_SKIP("dhcp_lease", "a SLIP link has no DHCP: the static address instead "              \
                               "(test_address_and_dns_server)"),                                   \
        NET_SKIP("link_carrier", "a SLIP line has no carrier to report: the cut above "            \
                                 "is seen by the traffic alone"),                                  \
        NET_SKIP("malformed_frames", "no Ethernet frames: SLIP packets longer than the MTU are "   \
                                     "cut by slipif and dropped by IP, uncounted")
#else
#define NET_BOARD_LINK_CASES                                                                       \
    NET_SKIP("link_down_and_up", "the slirp test (<board>/net_<driver>) unplugs the NIC")
#endif

static void runner(void *arg)
{
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .ip6_autoconfig = 1,
                                     .make_default = 1,
                                     .rx_priority = RX_PRIORITY,
                                     .rx_stack_words = RX_STACK,
                                     .name = {'e', 'n'}};
    unsigned passed = 0, failed = 0, skipped = 0;

    (void)arg;
    ip4addr_aton(NET_QUARTZ4, &config.ip); /* the static address, where DHCP is not used */
    ip4addr_aton("255.255.255.0", &config.netmask);
    ip4addr_aton(NET_HOST4, &config.gateway);
    qnet_start();
    board_netif = qnet_board_netif_add(&config);
    if (board_netif == NULL) {
        printf("net: the board's network interface did not start\n");
        exit(1);
    }
#if LWIP_IPV6
    if (net_add_quartz6(board_netif) != 0) {
        printf("net: " NET_QUARTZ6 " did not become valid\n");
        exit(1);
    }
#endif /* LWIP_IPV6 */
    for (size_t i = 0; i < run_count; i++) {
        const int r = net_run_case(&run_cases[i]);

        skipped += r < 0;
        passed += r > 0;
        failed += r == 0;
        if (i == 0 && failed != 0) {
            break; /* no lease: every other case would only time out */
        }
    }
    printf("net: kernel heap %u bytes free, %u at the least\n", (unsigned)xPortGetFreeHeapSize(),
           (unsigned)xPortGetMinimumEverFreeHeapSize());
    printf("%u passed, %u failed, %u skipped\n", passed, failed, skipped);
    exit(failed == 0 ? 0 : 1);
}

int net_test_run(const struct net_case *cases, size_t count, unsigned flags)
{
    (void)flags; /* always DHCP: the lease is the first case */
    run_cases = cases;
    run_count = count;
    xTaskCreate(runner, "runner", NET_RUNNER_STACK, NULL, RUNNER_PRIORITY, NULL);
    vTaskStartScheduler();
    return 1;
}

NET_TEST_MAIN(NET_CASE(test_address_and_dns_server), NET_CASE(test_udp_echo_ipv4),
              NET_CASE_IPV6(test_udp_echo_ipv6), NET_CASE(test_icmp_echo_to_host),
              NET_CASE_IPV6(test_icmp6_echo_to_host), NET_CASE(test_icmp_echo_from_host),
              NET_CASE_IPV6(test_icmp6_echo_from_host), NET_CASE(test_getaddrinfo_name_resolves),
              NET_CASE(test_getaddrinfo_unknown_name_fails), NET_CASE(test_tcp_stream_to_host),
              NET_CASE_IPV6(test_tcp_stream_to_host_ipv6), NET_CASE(test_tcp_stream_from_host),
              NET_CASE_IPV6(test_tcp_stream_from_host_ipv6),
              NET_CASE(test_tcp_concurrent_connections),
              NET_CASE(test_tcp_connections_one_task_select),
              NET_CASE(test_connect_closed_port_refused),
              NET_CASE(test_recv_after_peer_reset_fails), NET_CASE(test_recv_timeout_expires),
              NET_CASE(test_connect_unreachable_times_out),
              NET_CASE(test_tcp_echo_server_host_client), NET_BOARD_LINK_CASES)
