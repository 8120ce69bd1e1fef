/* SPDX-License-Identifier: MIT */
/*
 * test_net_ip.c: lwIP on Quartz below TCP, over the POSIX TAP driver against the host in a
 * network namespace (netns_driver.py): ICMP echo both ways and UDP echo over IPv4 and IPv6,
 * DNS success and failure (shared with the boards: net_cases.c), poll, the loopback interface,
 * link down/up, malformed frames and the counters that record them, receive-ring overrun,
 * SNTP.
 */
#include "net_test.h"

#include "netif_tap.h"
#include "quartz_net/net_time.h"
#include "quartz_net/sys_net.h"

#include "lwip/apps/sntp.h"
#include "lwip/sockets.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"

#include <string.h>

/* lwip_poll() wakes when the echo arrives, and reports only what happened. */
static void test_poll_reports_readable_datagram(void)
{
    struct sockaddr_in host = {.sin_family = AF_INET, .sin_port = PP_HTONS(7)};
    struct pollfd pfd;
    char buf[8];
    int s = lwip_socket(AF_INET, SOCK_DGRAM, 0);

    lwip_inet_pton(AF_INET, NET_HOST4, &host.sin_addr);
    pfd.fd = s;
    pfd.events = POLLIN;
    pfd.revents = 0;
    QT_EQ(lwip_poll(&pfd, 1, 0), 0);
    QT_EQ(lwip_sendto(s, "poll", 4, 0, (struct sockaddr *)&host, sizeof(host)), 4);
    QT_EQ(lwip_poll(&pfd, 1, 5000), 1);
    QT_EQ(pfd.revents, POLLIN);
    QT_EQ(lwip_recv(s, buf, sizeof(buf), 0), 4);
    lwip_close(s);
}

/* 127.0.0.1 reaches the program's own echo server through lwIP's loopback interface. */
static void test_tcp_echo_over_loopback(void)
{
    uint8_t out[4000], in[4000];
    int s = net_tcp_connect("127.0.0.1", NET_ECHO_PORT);

    QT_ASSERT(s >= 0);
    net_pattern_fill(out, 3, sizeof(out));
    QT_EQ(net_send_all(s, out, sizeof(out)), 0);
    QT_EQ(net_recv_all(s, in, sizeof(in)), sizeof(in));
    QT_EQ(memcmp(in, out, sizeof(in)), 0);
    lwip_close(s);
}

static int link_is_down(void)
{
    int up;

    LOCK_TCPIP_CORE();
    up = netif_is_link_up(&net_test_eth.netif);
    UNLOCK_TCPIP_CORE();
    return !up;
}

static int link_is_up(void)
{
    return !link_is_down();
}

static void test_link_down_then_up(void)
{
    struct sockaddr_in host = {.sin_family = AF_INET, .sin_port = PP_HTONS(7)};
    uint32_t changes = net_test_eth.stats.link_changes;
    char reply[16];
    int s = lwip_socket(AF_INET, SOCK_DGRAM, 0);

    lwip_inet_pton(AF_INET, NET_HOST4, &host.sin_addr);
    qnet_tap_set_link(&net_test_eth, 0);
    QT_ASSERT(net_wait_for(link_is_down, pdMS_TO_TICKS(1000)));
    QT_ASSERT(net_link_down_frame_counted(&net_test_eth));
    /* No route while unplugged: the datagram is refused at once. */
    QT_EQ(lwip_sendto(s, "x", 1, 0, (struct sockaddr *)&host, sizeof(host)), -1);
    QT_EQ(qnet_errno(), EHOSTUNREACH);
    lwip_close(s);
    qnet_tap_set_link(&net_test_eth, 1);
    QT_ASSERT(net_wait_for(link_is_up, pdMS_TO_TICKS(1000)));
    QT_EQ(net_test_eth.stats.link_changes, changes + 2);
    QT_EQ(net_control("carrier", reply, sizeof(reply)), 0);
    QT_ASSERT(strcmp(reply, "1") == 0);
    QT_EQ(net_udp_echo(NET_HOST4, 100), 0);
}

static int two_malformed(void)
{
    return net_test_eth.stats.rx_malformed >= 2;
}

/*
 * An oversized frame from the host and a runt are dropped by the driver layer and counted.
 * Linux will not send a frame shorter than an Ethernet header, so the runt goes in through
 * the driver's input function, inside a critical section so the receive task (the counters'
 * only writer) cannot run meanwhile.
 */
static void test_rx_malformed_frames_dropped_and_counted(void)
{
    static const uint8_t runt[10] = {0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0};
    uint32_t frames = net_test_eth.stats.rx_frames;

    QT_EQ(net_test_eth.stats.rx_malformed, 0);
    QT_ASSERT(net_control_ok(NET_CONTROL_PORT, "bigframe"));
    taskENTER_CRITICAL();
    qnet_eth_input_copy(&net_test_eth, runt, sizeof(runt));
    taskEXIT_CRITICAL();
    QT_ASSERT(net_wait_for(two_malformed, pdMS_TO_TICKS(2000)));
    QT_EQ(net_test_eth.stats.rx_malformed, 2);
    QT_ASSERT(net_test_eth.stats.rx_frames > frames); /* the control reply, at least */
    QT_EQ(net_udp_echo(NET_HOST4, 64), 0);
}

static int clock_synced(void)
{
    uint32_t sec, usec;

    return qnet_time_get(&sec, &usec) == 0;
}

/* lwIP's SNTP client sets the network clock, which then runs on the tick. */
static void test_sntp_sets_network_clock(void)
{
    ip_addr_t server;
    uint32_t sec, usec, sec2, usec2;
    TickType_t start, ticks;

    QT_EQ(qnet_time_get(&sec, &usec), -1);
    ipaddr_aton(NET_HOST4, &server);
    LOCK_TCPIP_CORE();
    sntp_setoperatingmode(SNTP_OPMODE_POLL);
    sntp_setserver(0, &server);
    sntp_init();
    UNLOCK_TCPIP_CORE();
    QT_ASSERT(net_wait_for(clock_synced, pdMS_TO_TICKS(5000)));
    LOCK_TCPIP_CORE();
    sntp_stop();
    UNLOCK_TCPIP_CORE();
    QT_EQ(qnet_time_get(&sec, &usec), 0);
    QT_EQ(sec, NET_SNTP_TIME); /* the answer was .5 s past; at most a few ticks went by */
    QT_ASSERT(usec >= 500000u && usec < 600000u);
    /* Read clock and tick together (no tick comes inside a critical section). */
    taskENTER_CRITICAL();
    (void)qnet_time_get(&sec, &usec);
    start = xTaskGetTickCount();
    taskEXIT_CRITICAL();
    vTaskDelay(pdMS_TO_TICKS(1000));
    taskENTER_CRITICAL();
    (void)qnet_time_get(&sec2, &usec2);
    ticks = xTaskGetTickCount() - start;
    taskEXIT_CRITICAL();
    QT_ASSERT(ticks >= pdMS_TO_TICKS(1000));
    QT_EQ((sec2 - sec) * 1000000ull + usec2 - usec, ticks * (1000000ull / configTICK_RATE_HZ));
}

/* lwIP's own statistics saw the traffic, and no frame was lost for want of memory. */
static void test_stats_count_traffic(void)
{
    QT_ASSERT(lwip_stats.link.recv > 0);
    QT_ASSERT(lwip_stats.link.xmit > 0);
    QT_ASSERT(lwip_stats.udp.recv > 0);
    QT_ASSERT(lwip_stats.icmp.recv > 0);
    QT_ASSERT(lwip_stats.sys.sem.used > 0 || lwip_stats.sys.mbox.used > 0);
    QT_EQ(lwip_stats.sys.mbox.err, 0);
    QT_EQ(net_test_eth.stats.rx_nomem, 0);
    QT_EQ(net_test_eth.stats.rx_overrun, 0);
    QT_ASSERT(net_test_eth.stats.tx_frames > 0);
}

/*
 * With the receive task stopped, a flood from the host fills the TAP driver's ring: the frames
 * it cannot hold are dropped and counted, and the interface works normally once drained.
 */
static void test_rx_ring_overrun_dropped_and_counted(void)
{
    struct sockaddr_in host = {.sin_family = AF_INET, .sin_port = PP_HTONS(5000)};
    const char request[] = "flood 600";
    int s = lwip_socket(AF_INET, SOCK_DGRAM, 0);

    lwip_inet_pton(AF_INET, NET_HOST4, &host.sin_addr);
    vTaskSuspend(net_test_eth.rx_task);
    QT_EQ(lwip_sendto(s, request, sizeof(request) - 1, 0, (struct sockaddr *)&host, sizeof(host)),
          sizeof(request) - 1);
    vTaskDelay(pdMS_TO_TICKS(2000)); /* the host sends meanwhile; nothing drains the ring */
    vTaskResume(net_test_eth.rx_task);
    vTaskDelay(pdMS_TO_TICKS(100));
    QT_ASSERT(net_test_eth.stats.rx_overrun > 0);
    QT_ASSERT(net_test_eth.stats.rx_overrun <= 600);
    QT_EQ(net_test_eth.stats.rx_nomem, 0);
    lwip_close(s);
    QT_EQ(net_udp_echo(NET_HOST4, 64), 0);
}

NET_TEST_MAIN(NET_CASE(test_udp_echo_ipv4), NET_CASE(test_udp_echo_ipv6),
              NET_CASE(test_poll_reports_readable_datagram), NET_CASE(test_icmp_echo_to_host),
              NET_CASE(test_icmp6_echo_to_host), NET_CASE(test_icmp_echo_from_host),
              NET_CASE(test_icmp6_echo_from_host), NET_CASE(test_getaddrinfo_name_resolves),
              NET_CASE(test_getaddrinfo_unknown_name_fails), NET_CASE(test_tcp_echo_over_loopback),
              NET_CASE(test_link_down_then_up),
              NET_CASE(test_rx_malformed_frames_dropped_and_counted),
              NET_CASE(test_sntp_sets_network_clock), NET_CASE(test_stats_count_traffic),
              NET_CASE(test_rx_ring_overrun_dropped_and_counted))
