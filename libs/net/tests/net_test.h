/* SPDX-License-Identifier: MIT */
/*
 * net_test.h: the runner and helpers of the network tests (host, and the board test
 * test_net_board_tap.c, which has its own runner). netns_driver.py starts each
 * test program inside a network namespace with TAP device qtap0 and the host peers; the
 * program attaches to qtap0 as 192.0.2.2 / fd00:51::2 and runs its cases.
 *
 * Why not qtest_run(): qtest starts a fresh scheduler per case and checks the heap after each,
 * but lwIP cannot be shut down or started twice. So one scheduler runs every case in order on
 * one task, after the stack is up; the cases use qtest's QT_* assertions, and the runner
 * prints "ok"/"FAIL" per case and "N passed, N failed" like qtest.
 *
 * Time: the programs use the POSIX port's real-time mode (tests/configs/realtime), because
 * their peers are host processes running in real time. In simulated time the idle task would
 * advance the tick at once while a peer is still answering, so lwIP's retransmission and the
 * tests' timeouts would expire in no real time at all. Cases still measure in ticks. On a board
 * QEMU's -icount runs with sleep=on when it has a network card, so an idle guest's time follows
 * the host's for the same reason.
 */
#ifndef NET_TEST_H
#define NET_TEST_H

#include "FreeRTOS.h"
#include "task.h"

#include "qtest.h"
#include "quartz_net/eth_netif.h"

#include "lwip/sockets.h"

#include <stddef.h>
#include <stdint.h>

#define NET_HOST4 "192.0.2.1"
#define NET_QUARTZ4 "192.0.2.2"
#define NET_HOST6 "fd00:51::1"
#define NET_QUARTZ6 "fd00:51::2"
#define NET_LEASE4 "192.0.2.50"           /* what the driver's DHCP server leases on qtap0 */
#define NET_HOST1 "198.51.100.1"          /* the host on qtap1, which has no DHCP server */
#define NET_SNTP_TIME 1767225600u         /* the host's SNTP server's time, + 0.5 s */
#define NET_PATTERN_BYTES (1024u * 1024u) /* the most the host's TCP source sends */
#define NET_ECHO_PORT 7                   /* the program's own TCP echo server, any address */
#define NET_TASK_STACK 4096u
#define NET_WAIT_TICKS pdMS_TO_TICKS(20000) /* upper bound for any one exchange */
/*
 * The shared cases' sizes (net_cases.c), defaults for the host: libs/net/boards/CMakeLists.txt
 * gives every board smaller ones, and a board whose RAM needs its own sets them in its
 * board.cmake (QUARTZ_BOARD_NET_TEST_SIZES, which says why), over both.
 *   NET_CONCURRENT        connections at once (test_tcp_concurrent_connections)
 *   NET_CONCURRENT_BYTES  each one's bytes, a multiple of NET_CONCURRENT_CHUNK
 *   NET_CONCURRENT_CHUNK  what each sends and checks at a time, on its task's stack
 *   NET_CLIENT_STACK      each one's task stack, in words
 *   NET_SELECT_CONNECTIONS, NET_SELECT_BYTES, NET_SELECT_ROUND: connections at once from one
 *                         task through select (test_tcp_connections_one_task_select), each
 *                         one's bytes (a multiple of the round) and what each has in flight
 *   NET_STREAM_BYTES      each stream to and from the host, at most NET_PATTERN_BYTES
 *   NET_STREAM_CHUNK      the streams' buffer (static, one stream at a time)
 *   NET_HOST_ECHO_BYTES   what the host sends through the program's echo server
 *   NET_ECHO_CHUNK, NET_ECHO_STACK, NET_ECHO_PRIORITY: that server's (net_echo_server_start)
 *                         buffer per connection, its tasks' stack (words) and priority
 */
#ifndef NET_CONCURRENT
#define NET_CONCURRENT 16u
#endif
#ifndef NET_CONCURRENT_BYTES
#define NET_CONCURRENT_BYTES (16u * 1024u)
#endif
#ifndef NET_CONCURRENT_CHUNK
#define NET_CONCURRENT_CHUNK 512u
#endif
#ifndef NET_CLIENT_STACK
#define NET_CLIENT_STACK NET_TASK_STACK
#endif
#ifndef NET_SELECT_CONNECTIONS
#define NET_SELECT_CONNECTIONS 16u
#endif
#ifndef NET_SELECT_BYTES
#define NET_SELECT_BYTES (8u * 1024u)
#endif
#ifndef NET_SELECT_ROUND
#define NET_SELECT_ROUND 512u
#endif
#ifndef NET_STREAM_BYTES
#define NET_STREAM_BYTES NET_PATTERN_BYTES
#endif
#ifndef NET_STREAM_CHUNK
#define NET_STREAM_CHUNK 8192u
#endif
#ifndef NET_HOST_ECHO_BYTES
#define NET_HOST_ECHO_BYTES 100000u
#endif
#ifndef NET_ECHO_CHUNK
#define NET_ECHO_CHUNK 2048u
#endif
#ifndef NET_ECHO_STACK
#define NET_ECHO_STACK NET_TASK_STACK
#endif
#ifndef NET_ECHO_PRIORITY
#define NET_ECHO_PRIORITY 5
#endif

struct net_case {
    const char *name;
    void (*fn)(void); /* NULL: a case that cannot apply here, reported as skipped */
    const char *skip; /* why, when fn is NULL */
};
#define NET_CASE(fn)                                                                               \
    {                                                                                              \
#fn, fn, NULL                                                                              \
    }
/* A case the board runner (test_net_board_tap.c) reports as "skip <name>: <why>". */
#define NET_SKIP(name, why)                                                                        \
    {                                                                                              \
        name, NULL, why                                                                            \
    }
/* A case over IPv6: on a board whose lwIP has none, reported as skipped. */
#if LWIP_IPV6
#define NET_CASE_IPV6(fn) NET_CASE(fn)
#else
#define NET_CASE_IPV6(fn) NET_SKIP(#fn, "LWIP_IPV6 is off in the board's lwipopts.h")
#endif /* LWIP_IPV6 */

/* qtap0 asks DHCP for its IPv4 address instead of using 192.0.2.2 (IPv6 stays static). */
#define NET_TEST_DHCP 0x1u

/* Start the stack and qtap0, run the cases in order in one scheduler; the exit status. */
int net_test_run(const struct net_case *cases, size_t count, unsigned flags);
#define NET_TEST_MAIN(...) NET_TEST_MAIN_FLAGS(0u, __VA_ARGS__)
#define NET_TEST_MAIN_FLAGS(flags, ...)                                                            \
    int main(void)                                                                                 \
    {                                                                                              \
        static const struct net_case cases_[] = {__VA_ARGS__};                                     \
        return net_test_run(cases_, sizeof(cases_) / sizeof(cases_[0]), (flags));                  \
    }

extern struct qnet_eth net_test_eth; /* qtap0 (the host's runner) */
/* The program's own IPv4 address as the host reaches it, defined by each runner. */
extern const char net_test_address4[];

/*
 * Start the program's TCP echo server on NET_ECHO_PORT, any address, unless it runs already: a
 * listening task and one task per connection (NET_ECHO_CHUNK bytes at a time). From the
 * runner's task (the host's runner starts it at once; the cases that need it start it too).
 */
void net_echo_server_start(void);

/* The test pattern, byte i = (i * 7 + i / 251) mod 256 (as netns_driver.py computes it). */
uint8_t net_pattern_byte(size_t i);
void net_pattern_fill(uint8_t *buf, size_t offset, size_t len);
/* The index of the first byte that differs from the pattern, or len when all match. */
size_t net_pattern_mismatch(const uint8_t *buf, size_t offset, size_t len);

/*
 * With eth's link down: a frame lwIP offers (a gratuitous ARP, as its ARP timer sends for a
 * pending entry) is not sent and is counted in tx_link_down, not tx_dropped. 1 when the
 * counters say so.
 */
int net_link_down_frame_counted(struct qnet_eth *eth);

/* netns_driver.py's control port: commands the host carries out, one datagram each way. */
#define NET_CONTROL_PORT 5000

/* Send one command to the driver's control port and wait for its reply (NUL-terminated). */
int net_control(const char *command, char *reply, size_t capacity);
/* The same to another control port on the host (slip_bridge.py's link control, 5001). */
int net_control_at(uint16_t port, const char *command, char *reply, size_t capacity);
/*
 * A command whose success the host answers with "ok": 1 when it did. Otherwise 0, after
 * printing the command and the host's answer ("fail ..." says what it saw) or that none came,
 * so the failing case's log tells why.
 */
int net_control_ok(uint16_t port, const char *command);

/* A socket address for an IPv4 or IPv6 literal and port (IPv6 where lwIP has it); its length,
 * 0 if not a literal. */
socklen_t net_make_addr(const char *addr, uint16_t port, struct sockaddr_storage *ss);

/* Add NET_QUARTZ6/64 to netif (address slot 1: slot 0 is the link-local address) and wait for
 * duplicate address detection to pass; 0 once the address is valid. Only with LWIP_IPV6. */
int net_add_quartz6(struct netif *netif);

/* Connected TCP socket to addr:port (IPv4 or IPv6 literal), or -1 with qnet_errno() set. */
int net_tcp_connect(const char *addr, uint16_t port);
int net_send_all(int sock, const void *buf, size_t len);
/* Receive exactly len bytes; returns how many arrived before EOF or an error. */
size_t net_recv_all(int sock, void *buf, size_t len);

/* One UDP datagram of len bytes (up to NET_UDP_MAX) to the host's echo port and back; 0 when
 * it came back intact. */
#define NET_UDP_MAX 512u
int net_udp_echo(const char *host, size_t len);

/* Wait (polling every tick) until cond() holds or `ticks` pass; returns cond()'s last value. */
int net_wait_for(int (*cond)(void), TickType_t ticks);

/* Runs one case and prints "ok", "FAIL" or "skip" for it: 1 passed, 0 failed, -1 skipped. */
int net_run_case(const struct net_case *c);

/* The cases shared by the host tests and the board test (net_cases.c). */
void test_udp_echo_ipv4(void);
void test_udp_echo_ipv6(void);
void test_icmp_echo_to_host(void);
void test_icmp6_echo_to_host(void);
void test_icmp_echo_from_host(void);
void test_icmp6_echo_from_host(void);
void test_getaddrinfo_name_resolves(void);
void test_getaddrinfo_unknown_name_fails(void);
void test_tcp_echo_server_host_client(void);
void test_tcp_stream_to_host(void);
void test_tcp_stream_to_host_ipv6(void);
void test_tcp_stream_from_host(void);
void test_tcp_stream_from_host_ipv6(void);
void test_tcp_concurrent_connections(void);
void test_tcp_connections_one_task_select(void);
void test_connect_closed_port_refused(void);
void test_recv_after_peer_reset_fails(void);
void test_recv_timeout_expires(void);
void test_connect_unreachable_times_out(void);

#endif /* NET_TEST_H */
