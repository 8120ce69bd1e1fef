/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h: lwIP's options on the micro:bit (nRF51822: 16 KiB of RAM for the kernel, lwIP,
 * every task stack and newlib), whose network is IP over the UART with SLIP
 * (libs/net/port/nrf51_slip, src/board_netif_slip.c). board.cmake names this file as
 * QUARTZ_BOARD_LWIPOPTS. Every size is here with what it bounds; the rest is the shared board
 * file's (libs/net/port/lwipopts_board.h), included at the end.
 *
 * Memory: no static pools. lwIP's heap and every memp pool (PCBs, segments, pool pbufs,
 * netconns, mailbox messages) are allocations from the kernel heap (pvPortMalloc), which the
 * tasks share; what bounds the memory in flight is the windows and mailboxes below. What stays
 * static (.bss, 534 bytes in the network test) is lwIP's bookkeeping: the socket table
 * (MEMP_NUM_NETCONN entries), the DNS and ARP tables, the interfaces, the timers. The budget
 * (boards/qemu-microbit/README.md): after start-up about 5.3 KiB of the test configuration's
 * 8 KiB heap is free, and a TCP connection with its task takes about 2.3 KiB of it.
 *
 * The link: SLIP MTU 296 (the classic size for slow serial lines: a 40-byte header and 256
 * bytes of data), no link header (PBUF_LINK_HLEN 0: a SLIP frame is the IP packet alone).
 * TCP_MSS is 128, not the 256 the MTU allows: a connection holds up to two segments each way
 * (TCP_WND, TCP_SND_BUF), and halving the segment halves what one connection can pin.
 *
 * Left out to fit: IPv6 (its neighbour, destination and prefix tables alone are about 1 KiB of
 * .bss), IGMP, DHCP (no DHCP on a point-to-point line), TCP's out-of-order queue (a serial line
 * does not reorder), lwIP's statistics.
 */
#ifndef QUARTZ_BOARD_LWIPOPTS_H
#define QUARTZ_BOARD_LWIPOPTS_H

/* lwIP's memory from the kernel heap; "../" from libs/net/port/include, on the include path. */
#include "../lwipopts_kernel_heap.h"

/* ---- Threads (stacks in words) ---- */
/* Deepest use measured in net_slip (uxTaskGetStackHighWaterMark): tcpip 122 words, slip 56. */
#define TCPIP_THREAD_STACKSIZE 192 /* input, timers, TCP output down to sio_send */
#define DEFAULT_THREAD_STACKSIZE 192
#define SLIPIF_THREAD_NAME "slip"
#define SLIPIF_THREAD_STACKSIZE 96 /* sio_read, SLIP decoding, pbuf_alloc, tcpip_input */
/*
 * Below the tcpip thread (6), unlike the Ethernet receive tasks: the slipif thread allocates a
 * packet's pbufs before the tcpip thread takes them, so above it, it would fill the mailbox
 * (and the heap) whenever the tcpip thread waits for the core lock. Below it, a packet is
 * decoded only when the stack has taken the last one, and the line's flow control (the UART
 * is left unread: nrf51_slip.c) holds the sender back meanwhile; nothing is lost.
 */
#define SLIPIF_THREAD_PRIO 5
#define TCPIP_MBOX_SIZE 4 /* packets and callbacks waiting for the tcpip thread */
#define DEFAULT_RAW_RECVMBOX_SIZE 2
#define DEFAULT_UDP_RECVMBOX_SIZE 2
#define DEFAULT_TCP_RECVMBOX_SIZE 4 /* 2 segments of window, plus FIN and an error */
#define DEFAULT_ACCEPTMBOX_SIZE 2

/* ---- The serial link ---- */
#define SLIP_MAX_SIZE 296
#define PBUF_LINK_HLEN 0
/*
 * Pool pbufs (slipif receives into them, chaining more for a bigger packet) the size of one
 * full TCP segment, TCP_MSS + 40: a segment held in a socket's receive mailbox costs one pbuf
 * (192 bytes of heap with its headers), not a 296-byte MTU's worth.
 */
#define PBUF_POOL_BUFSIZE 168
#define IP_REASS_MAX_PBUFS 10 /* pbufs held in reassembly: a 500-byte datagram in 2 fragments */

/* ---- Sockets and tables ---- */
#define MEMP_NUM_NETCONN 8 /* sockets at once: the static socket table's size */
#define DNS_TABLE_SIZE 1
#define DNS_MAX_NAME_LENGTH 32
#define ARP_TABLE_SIZE 1 /* no ARP on SLIP; lwIP's Ethernet code is built but unused */

/* ---- TCP: two segments each way per connection ---- */
#define TCP_WND (2 * TCP_MSS)
#define TCP_SND_BUF (2 * TCP_MSS)
/* A socket polls writable once one segment's room is free, not (lwIP's default) only when the
 * send buffer is all but empty: with a 2-segment buffer that default would keep one segment in
 * flight at a time for a sender that polls (the networked demo's client). */
#define TCP_SNDLOWAT TCP_MSS
#define LWIP_LOOPBACK_MAX_PBUFS 2

#include "../lwipopts_board.h"

/* Protocols the shared file turns on that do not fit or do not apply (see the top). */
#undef LWIP_IPV6
#define LWIP_IPV6 0
#undef LWIP_IPV6_MLD
#define LWIP_IPV6_MLD 0
#undef LWIP_IPV6_AUTOCONFIG
#define LWIP_IPV6_AUTOCONFIG 0
#undef LWIP_IGMP
#define LWIP_IGMP 0
#undef TCP_QUEUE_OOSEQ
#define TCP_QUEUE_OOSEQ 0
#undef TCP_MSS
#define TCP_MSS 128
#undef LWIP_DHCP
#define LWIP_DHCP 0 /* no DHCP on a point-to-point line: the static address (board_netif.h) */
/* lwIP's statistics (about 300 bytes of .bss) off; the driver keeps its own line counters. */
#undef LWIP_STATS
#define LWIP_STATS 0
#undef LINK_STATS
#undef ETHARP_STATS
#undef IP_STATS
#undef ICMP_STATS
#undef UDP_STATS
#undef TCP_STATS
#undef MEM_STATS
#undef MEMP_STATS
#undef SYS_STATS

#endif /* QUARTZ_BOARD_LWIPOPTS_H */
