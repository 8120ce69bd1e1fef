/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h for the POSIX host port: lwIP's options for Quartz on Linux, talking through a TAP
 * device (port/posix/netif_tap.c). lwIP reads it through lwip/opt.h, which gives every option
 * not set here its default. Memory is plentiful on the host, so the sizes below are chosen for
 * the network tests' worst case (16 TCP connections at once plus 1 MiB transfers) with room to
 * spare; a board's lwipopts.h sizes the same items for its RAM. Each size says what it bounds.
 *
 * Threading: NO_SYS=0 with the tcpip thread, and lwIP's core locking, so socket and netconn
 * calls run lwIP's code in the calling task under one mutex (lock_tcpip_core) instead of
 * posting every call to the tcpip thread. Received frames still go through the tcpip thread's
 * mailbox. Stack sizes are in StackType_t words (sys_thread_new()); the POSIX port needs large
 * stacks (ports/posix/README.md).
 */
#ifndef QUARTZ_LWIPOPTS_H
#define QUARTZ_LWIPOPTS_H

/* ---- OS integration ---- */
#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
#define LWIP_ASSERT_CORE_LOCKED() qnet_assert_core_locked()
void qnet_assert_core_locked(void);
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE 4096
#define TCPIP_THREAD_PRIO 6 /* below the tests' receive task (7), above application tasks */
#define TCPIP_MBOX_SIZE 128 /* frames and callbacks waiting for the tcpip thread */
#define DEFAULT_THREAD_STACKSIZE 4096
#define DEFAULT_RAW_RECVMBOX_SIZE 16
#define DEFAULT_UDP_RECVMBOX_SIZE 32
#define DEFAULT_TCP_RECVMBOX_SIZE 64
#define DEFAULT_ACCEPTMBOX_SIZE 32
/* Thread-local storage slot (per task) holding the socket errno: see quartz_net/sys_net.h. */
#define QUARTZ_NET_ERRNO_TLS_INDEX 1

/* ---- Memory ---- */
#define MEM_ALIGNMENT 8
#define MEM_SIZE (512 * 1024) /* lwIP's heap: PBUF_RAM (TCP send data, ICMP replies) */
#define MEMP_NUM_PBUF 64      /* PBUF_REF/ROM headers (zero-copy sends) */
#define PBUF_POOL_SIZE 512    /* received frames held: 16 full windows of 16 segments, twice */
#define MEMP_NUM_RAW_PCB 4
#define MEMP_NUM_UDP_PCB 16 /* UDP sockets + DNS */
#define MEMP_NUM_TCP_PCB 40 /* 16 test connections both ends, plus TIME_WAIT ones */
#define MEMP_NUM_TCP_PCB_LISTEN 8
#define MEMP_NUM_TCP_SEG 512 /* unacknowledged or queued TCP segments, all connections */
#define MEMP_NUM_NETBUF 64
#define MEMP_NUM_NETCONN 64          /* every socket: TCP + UDP + RAW + listening */
#define MEMP_NUM_TCPIP_MSG_INPKT 128 /* = TCPIP_MBOX_SIZE: one per queued frame */
#define MEMP_NUM_TCPIP_MSG_API 32
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)

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
/* 64-bit pointers do not fit in the IPv6 fragment header lwIP reuses for reassembly. */
#define IPV6_FRAG_COPYHEADER 1
#define ARP_QUEUEING 1
/* SNTP (lwip/apps/sntp.h): each answer sets Quartz's network clock (quartz_net/net_time.h). */
#define SNTP_SET_SYSTEM_TIME_US(sec, us) qnet_sntp_set_time((sec), (us))
#define SNTP_STARTUP_DELAY 0

/* ---- TCP ---- */
#define TCP_MSS 1460
#define TCP_WND (16 * TCP_MSS) /* 23 KiB receive window per connection */
#define TCP_SND_BUF (16 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)
#define TCP_QUEUE_OOSEQ 1
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_WND_SCALE 0

/* ---- Interfaces ---- */
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_HOSTNAME 1
#define LWIP_NETIF_API 1
#define LWIP_HAVE_LOOPIF 1    /* 127.0.0.1 and ::1 */
#define LWIP_NETIF_LOOPBACK 1 /* packets to an interface's own address loop back */
#define LWIP_LOOPBACK_MAX_PBUFS 64
#define ETH_PAD_SIZE 0

/* ---- APIs ---- */
#define LWIP_NETCONN 1
#define LWIP_SOCKET 1
#define LWIP_SOCKET_SELECT 1
#define LWIP_SOCKET_POLL 1
#define LWIP_COMPAT_SOCKETS 1
/* No close()/read()/ioctl() macros: on the host they would shadow the C library's own. */
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVBUF 1
#define LWIP_SO_LINGER 1
#define SO_REUSE 1
#define LWIP_TCP_CLOSE_TIMEOUT_MS_DEFAULT 5000

/* ---- Statistics and checks ---- */
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 1
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
