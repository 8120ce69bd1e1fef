/* SPDX-License-Identifier: MIT */
/*
 * test_net_dhcp.c: lwIP's DHCP client on Quartz, over the POSIX TAP driver: qtap0 leases its
 * address from the host's DHCP server (netns_driver.py), which also names the DNS server; a
 * second interface, qtap1, where nobody answers DHCP, falls back to its static address after
 * the configured time (src/eth_netif.c).
 */
#include "net_test.h"

#include "netif_tap.h"
#include "quartz_net/sys_net.h"

#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/netdb.h"
#include "lwip/sockets.h"
#include "lwip/tcpip.h"

#include <string.h>

#define FALLBACK_MS 3000u

static struct qnet_eth second; /* qtap1 */

static int has_lease(void)
{
    return qnet_eth_has_lease(&net_test_eth);
}

/* One UDP datagram to host:7 and back, from whichever interface routes there. */
static int udp_echo(const char *host)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = PP_HTONS(7)};
    struct timeval tv = {.tv_sec = 5, .tv_usec = 0};
    char buf[16];
    int s = lwip_socket(AF_INET, SOCK_DGRAM, 0);
    ssize_t n = -1;

    lwip_inet_pton(AF_INET, host, &to.sin_addr);
    (void)lwip_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    if (lwip_sendto(s, "dhcp", 4, 0, (struct sockaddr *)&to, sizeof(to)) == 4) {
        n = lwip_recv(s, buf, sizeof(buf), 0);
    }
    lwip_close(s);
    return n == 4 && memcmp(buf, "dhcp", 4) == 0 ? 0 : -1;
}

static void test_dhcp_lease_configures_interface(void)
{
    ip4_addr_t lease, host;
    struct addrinfo hints = {.ai_family = AF_INET};
    struct addrinfo *res = NULL;

    QT_ASSERT(net_wait_for(has_lease, pdMS_TO_TICKS(15000)));
    ip4addr_aton(NET_LEASE4, &lease);
    ip4addr_aton(NET_HOST4, &host);
    LOCK_TCPIP_CORE();
    QT_ASSERT(ip4_addr_cmp(netif_ip4_addr(&net_test_eth.netif), &lease));
    QT_ASSERT(ip4_addr_cmp(netif_ip4_gw(&net_test_eth.netif), &host));
    QT_EQ(ip4_addr_get_u32(netif_ip4_netmask(&net_test_eth.netif)), PP_HTONL(0xffffff00ul));
    QT_ASSERT(ip4_addr_cmp(ip_2_ip4(dns_getserver(0)), &host));
    UNLOCK_TCPIP_CORE();
    QT_EQ(udp_echo(NET_HOST4), 0);
    /* The DNS server the lease named answers. */
    QT_EQ(lwip_getaddrinfo("echo.quartz.test", NULL, &hints, &res), 0);
    if (res != NULL) {
        lwip_freeaddrinfo(res);
    }
}

static int second_has_fallback(void)
{
    int fell_back;

    LOCK_TCPIP_CORE();
    fell_back = second.stats.dhcp_fallbacks == 1;
    UNLOCK_TCPIP_CORE();
    return fell_back;
}

static void test_dhcp_without_server_falls_back_to_static(void)
{
    static const uint8_t mac[6] = {0x02, 0, 0, 0, 1, 0x02};
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .dhcp_fallback_ms = FALLBACK_MS,
                                     .rx_priority = configMAX_PRIORITIES - 1,
                                     .rx_stack_words = NET_TASK_STACK,
                                     .name = {'t', 'q'}};
    TickType_t start = xTaskGetTickCount();

    ip4addr_aton("198.51.100.2", &config.ip);
    ip4addr_aton("255.255.255.0", &config.netmask);
    ip4addr_aton(NET_HOST1, &config.gateway);
    QT_EQ(qnet_tap_add(&second, "qtap1", 6, mac, &config), ERR_OK);
    QT_ASSERT(net_wait_for(second_has_fallback, pdMS_TO_TICKS(FALLBACK_MS + 5000)));
    QT_ASSERT(xTaskGetTickCount() - start >= pdMS_TO_TICKS(FALLBACK_MS));
    LOCK_TCPIP_CORE();
    QT_ASSERT(ip4_addr_cmp(netif_ip4_addr(&second.netif), &config.ip));
    QT_ASSERT(!dhcp_supplied_address(&second.netif));
    UNLOCK_TCPIP_CORE();
    QT_EQ(udp_echo(NET_HOST1), 0); /* routed out of qtap1: its subnet */
}

NET_TEST_MAIN_FLAGS(NET_TEST_DHCP, NET_CASE(test_dhcp_lease_configures_interface),
                    NET_CASE(test_dhcp_without_server_falls_back_to_static))
