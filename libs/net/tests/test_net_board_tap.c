/* SPDX-License-Identifier: MIT */
/*
 * test_net_board_tap.c: the network cases QEMU's user networking cannot carry (net_cases.c:
 * UDP and ICMP echo over IPv4 and IPv6, DNS success and failure, 1 MiB each way over both,
 * 16 TCP connections at once checked byte for byte, the refused, reset and timeout errors), on
 * a board through its own NIC, whichever driver board.cmake names (quartz_net/board_eth.h).
 * The same case code as the host tests.
 *
 * netns_driver.py runs tools/qemu-run inside a network namespace of its own, with the board's
 * NIC on TAP device qtap0 (`--net tap,ifname=qtap0,...`), so the guest sits on the link where
 * the driver's peers answer on 192.0.2.1 and fd00:51::1: DHCP (lease 192.0.2.50, router and
 * DNS server 192.0.2.1), UDP and TCP echo on port 7, a TCP sink (9) and source (19), a DNS
 * server that knows echo.quartz.test and nothing else, a port that resets (20) and one that
 * stays silent (21); port 23 is closed and 192.0.2.77 answers no ARP. Why a namespace and not
 * slirp: the top of test_net_board.c.
 *
 * This file is the board's runner behind net_test.h's NET_TEST_MAIN (the host's is
 * net_test.c): it starts the stack and the NIC with DHCP for IPv4 and fd00:51::2 besides the
 * link-local address for IPv6 (found by neighbour discovery through the NIC's multicast
 * filter), checks the lease, runs the cases in
 * order on one task (lwIP cannot be restarted) and ends QEMU with the result (semihosting
 * exit). Only the runner prints.
 */
#include "net_test.h"

#include "quartz_net/board_eth.h"
#include "quartz_net/sys_net.h"

#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define RUNNER_PRIORITY 4
/* In words; the runner uses about 500 (Cortex-M and RV32), the receive task about 100. */
#define RUNNER_STACK 1024u
#define RX_STACK 512u

struct qnet_eth net_test_eth;

static const struct net_case *run_cases;
static size_t run_count;

static int have_lease(void)
{
    return qnet_eth_has_lease(&net_test_eth);
}

/* The lease the namespace's DHCP server gives, with the DNS server the DNS cases need. */
static void test_dhcp_lease_on_tap(void)
{
    char addr[16], dns[16];

    QT_ASSERT(net_wait_for(have_lease, NET_WAIT_TICKS));
    LOCK_TCPIP_CORE();
    ip4addr_ntoa_r(netif_ip4_addr(&net_test_eth.netif), addr, sizeof(addr));
    ipaddr_ntoa_r(dns_getserver(0), dns, sizeof(dns));
    UNLOCK_TCPIP_CORE();
    printf("net: lease %s, dns server %s\n", addr, dns);
    QT_ASSERT(strcmp(addr, NET_LEASE4) == 0);
    QT_ASSERT(strcmp(dns, NET_HOST4) == 0);
}

static void runner(void *arg)
{
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .ip6_autoconfig = 1,
                                     .make_default = 1,
                                     .rx_priority = RX_PRIORITY,
                                     .rx_stack_words = RX_STACK,
                                     .name = {'e', 'n'}};
    unsigned passed = 0, failed = 0;

    (void)arg;
    qnet_start();
    if (qnet_board_eth_add(&net_test_eth, &config) != ERR_OK) {
        printf("net: the board's NIC did not start\n");
        exit(1);
    }
    if (net_add_quartz6(&net_test_eth.netif) != 0) {
        printf("net: " NET_QUARTZ6 " did not become valid\n");
        exit(1);
    }
    for (size_t i = 0; i < run_count; i++) {
        unsigned before = qtest_failures();
        TickType_t start = xTaskGetTickCount();

        run_cases[i].fn();
        if (qtest_failures() == before) {
            passed++;
            printf("ok   %s (%lu ticks)\n", run_cases[i].name,
                   (unsigned long)(xTaskGetTickCount() - start));
        } else {
            failed++;
            printf("FAIL %s\n", run_cases[i].name);
        }
        if (i == 0 && failed != 0) {
            break; /* no lease: every other case would only time out */
        }
    }
    printf("%u passed, %u failed\n", passed, failed);
    exit(failed == 0 ? 0 : 1);
}

int net_test_run(const struct net_case *cases, size_t count, unsigned flags)
{
    (void)flags; /* always DHCP: the lease is the first case */
    run_cases = cases;
    run_count = count;
    xTaskCreate(runner, "runner", RUNNER_STACK, NULL, RUNNER_PRIORITY, NULL);
    vTaskStartScheduler();
    return 1;
}

NET_TEST_MAIN(NET_CASE(test_dhcp_lease_on_tap), NET_CASE(test_udp_echo_ipv4),
              NET_CASE(test_udp_echo_ipv6), NET_CASE(test_icmp_echo_to_host),
              NET_CASE(test_icmp6_echo_to_host), NET_CASE(test_icmp_echo_from_host),
              NET_CASE(test_icmp6_echo_from_host), NET_CASE(test_getaddrinfo_name_resolves),
              NET_CASE(test_getaddrinfo_unknown_name_fails), NET_CASE(test_tcp_send_1mib_to_host),
              NET_CASE(test_tcp_send_1mib_to_host_ipv6), NET_CASE(test_tcp_receive_1mib_from_host),
              NET_CASE(test_tcp_receive_1mib_from_host_ipv6),
              NET_CASE(test_tcp_concurrent_connections), NET_CASE(test_connect_closed_port_refused),
              NET_CASE(test_recv_after_peer_reset_fails), NET_CASE(test_recv_timeout_expires),
              NET_CASE(test_connect_unreachable_times_out))
