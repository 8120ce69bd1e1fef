/* SPDX-License-Identifier: MIT */
/*
 * net_test.c: the host network tests' runner (see net_test.h; the helpers are in net_util.c). The
 * runner task starts lwIP, attaches qtap0 with static IPv4 and IPv6 addresses, starts a TCP echo
 * server task (used by the loopback case and by the host's connections in), then runs the cases in
 * order. Only the runner prints, so no two tasks are ever inside printf at once (the POSIX
 * port's real-time mode may preempt a task anywhere).
 */
#include "net_test.h"

#include "netif_tap.h"
#include "quartz_net/sys_net.h"

#include "lwip/dns.h"
#include "lwip/netif.h"
#include "lwip/sockets.h"
#include "lwip/tcpip.h"

#include <stdio.h>
#include <string.h>

#define TAP_IRQ 5
#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define RUNNER_PRIORITY 4

struct qnet_eth net_test_eth;
const char net_test_address4[] = NET_QUARTZ4;

static const struct net_case *run_cases;
static size_t run_count;
static unsigned run_flags;
static int run_status = 1;

/* qtap0 with 192.0.2.2/24 or DHCP (gateway and DNS server: the host) and fd00:51::2/64. */
static int bring_up(void)
{
    static const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x02};
    struct qnet_eth_config config = {.make_default = 1,
                                     .ip6_autoconfig = 1,
                                     .use_dhcp = (run_flags & NET_TEST_DHCP) != 0,
                                     .rx_priority = RX_PRIORITY,
                                     .rx_stack_words = NET_TASK_STACK,
                                     .name = {'t', 'p'}};
    ip_addr_t dns;

    ip4addr_aton(NET_QUARTZ4, &config.ip);
    ip4addr_aton("255.255.255.0", &config.netmask);
    ip4addr_aton(NET_HOST4, &config.gateway);
    if (qnet_tap_add(&net_test_eth, "qtap0", TAP_IRQ, mac, &config) != ERR_OK) {
        return -1;
    }
    ipaddr_aton(NET_HOST4, &dns);
    if (!config.use_dhcp) {
        LOCK_TCPIP_CORE();
        dns_setserver(0, &dns); /* with DHCP, the lease names it */
        UNLOCK_TCPIP_CORE();
    }
    if (net_add_quartz6(&net_test_eth.netif) != 0) {
        printf(NET_QUARTZ6 " did not become valid\n");
        return -1;
    }
    return 0;
}

static void runner(void *arg)
{
    unsigned passed = 0, failed = 0;

    (void)arg;
    qnet_start();
    if (bring_up() != 0) {
        printf("cannot bring up qtap0\n");
        vTaskEndScheduler();
    }
    net_echo_server_start();
    for (size_t i = 0; i < run_count; i++) {
        const int r = net_run_case(&run_cases[i]);

        passed += r > 0;
        failed += r == 0;
    }
    printf("%u passed, %u failed\n", passed, failed);
    run_status = failed == 0 ? 0 : 1;
    vTaskEndScheduler();
}

int net_test_run(const struct net_case *cases, size_t count, unsigned flags)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    run_cases = cases;
    run_count = count;
    run_flags = flags;
    xTaskCreate(runner, "runner", NET_TASK_STACK * 2, NULL, RUNNER_PRIORITY, NULL);
    vTaskStartScheduler();
    return run_status;
}
