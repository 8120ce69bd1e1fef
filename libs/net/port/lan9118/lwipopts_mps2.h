/* SPDX-License-Identifier: MIT */
/*
 * lwipopts_mps2.h: lwIP's options for the MPS2 boards (qemu-mps2-an385/an386: Cortex-M3/M4 at
 * 25 MHz, 4 MiB of data RAM, the LAN9118 driver in this directory). The OS-integration section
 * is the POSIX port's (libs/net/port/posix/lwipopts.h says why each line is there); the sizes
 * are for a small board that runs a few connections at a time, and each says what it bounds.
 *
 * RAM it takes, outside the kernel heap (lwIP's own static pools), about 144 KiB as linked:
 *   MEM_SIZE 64 KiB (lwIP heap: TCP send data, ICMP replies),
 *   PBUF_POOL 48 x 1.5 KiB = 72 KiB (received frames in flight),
 *   TCP segments, PCBs, netconns, messages and the rest: about 8 KiB.
 * Task stacks come from the kernel heap: the tcpip thread 1024 words (4 KiB), each socket
 * task what the application gives it. Under QEMU's user networking one connection's window
 * (4 segments) is as fast as a bigger one: slirp acknowledges at once.
 */
#ifndef QUARTZ_LWIPOPTS_H
#define QUARTZ_LWIPOPTS_H

/* ---- OS integration (as on the POSIX port) ---- */
#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
#define LWIP_ASSERT_CORE_LOCKED() qnet_assert_core_locked()
void qnet_assert_core_locked(void);
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE 1024 /* words */
#define TCPIP_THREAD_PRIO 6 /* below the driver's receive task (7), above application tasks */
#define TCPIP_MBOX_SIZE 32  /* frames and callbacks waiting for the tcpip thread */
#define DEFAULT_THREAD_STACKSIZE 1024
#define DEFAULT_RAW_RECVMBOX_SIZE 8
#define DEFAULT_UDP_RECVMBOX_SIZE 8
#define DEFAULT_TCP_RECVMBOX_SIZE 16
#define DEFAULT_ACCEPTMBOX_SIZE 8
#define QUARTZ_NET_ERRNO_TLS_INDEX 1

/* ---- Memory ---- */
#define MEM_ALIGNMENT 4
#define MEM_SIZE (64 * 1024)
#define MEMP_NUM_PBUF 16
/*
 * One pool pbuf holds a whole frame (1518 bytes, rounded up to a word: the LAN9118 driver reads
 * its FIFO a word at a time straight into the pbuf), so received frames are never chained.
 */
#define PBUF_POOL_BUFSIZE 1520
#define PBUF_POOL_SIZE 48 /* 4 connections' windows of 4 segments, twice, plus ARP/ND/DHCP */
#define MEMP_NUM_RAW_PCB 2
#define MEMP_NUM_UDP_PCB 6 /* DHCP, DNS, SNTP and a few application sockets */
#define MEMP_NUM_TCP_PCB 10
#define MEMP_NUM_TCP_PCB_LISTEN 4
#define MEMP_NUM_TCP_SEG 64
#define MEMP_NUM_NETBUF 16
#define MEMP_NUM_NETCONN 16
#define MEMP_NUM_TCPIP_MSG_INPKT 32 /* = TCPIP_MBOX_SIZE */
#define MEMP_NUM_TCPIP_MSG_API 8
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)

/* ---- Protocols ---- */
#define LWIP_IPV4 1
#define LWIP_IPV6 1
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 1
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_AUTOIP 0
#define LWIP_IGMP 1
#define LWIP_DNS 1
#define DNS_MAX_SERVERS 2
#define LWIP_IPV6_AUTOCONFIG 1
#define LWIP_IPV6_MLD 1
#define LWIP_IPV6_DHCP6 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define IP_REASS_MAX_PBUFS 12 /* under PBUF_POOL_SIZE, so reassembly cannot starve receive */
#define ARP_QUEUEING 1
#define SNTP_SET_SYSTEM_TIME_US(sec, us) qnet_sntp_set_time((sec), (us))
#define SNTP_STARTUP_DELAY 0

/* ---- TCP ---- */
#define TCP_MSS 1460
#define TCP_WND (4 * TCP_MSS)
#define TCP_SND_BUF (4 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)
#define TCP_QUEUE_OOSEQ 1
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_WND_SCALE 0

/* ---- Interfaces ---- */
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_HOSTNAME 1
#define LWIP_NETIF_API 1
#define LWIP_HAVE_LOOPIF 1
#define LWIP_NETIF_LOOPBACK 1
#define LWIP_LOOPBACK_MAX_PBUFS 8
#define ETH_PAD_SIZE 0

/* ---- APIs ---- */
#define LWIP_NETCONN 1
#define LWIP_SOCKET 1
#define LWIP_SOCKET_SELECT 1
#define LWIP_SOCKET_POLL 1
#define LWIP_COMPAT_SOCKETS 1
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVBUF 1
#define LWIP_SO_LINGER 1
#define SO_REUSE 1
#define LWIP_TCP_CLOSE_TIMEOUT_MS_DEFAULT 5000

/* ---- Statistics and checks ---- */
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 0
#define LINK_STATS 1
#define ETHARP_STATS 1
#define IP_STATS 1
#define ICMP_STATS 1
#define UDP_STATS 1
#define TCP_STATS 1
#define MEM_STATS 1
#define MEMP_STATS 1
#define SYS_STATS 1
#define LWIP_CHECKSUM_CTRL_PER_NETIF 0

#endif /* QUARTZ_LWIPOPTS_H */
