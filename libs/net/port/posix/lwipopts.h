/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h for the POSIX host port: lwIP's options for Quartz on Linux, talking through a TAP
 * device (port/posix/netif_tap.c). lwIP reads it through lwip/opt.h, which gives every option
 * not set here its default; what every Quartz build shares (threads, APIs, statistics,
 * protocols) is in port/include/lwipopts_sys.h. Memory is plentiful on the host, so the sizes
 * below are chosen for the network tests' worst case (16 TCP connections at once plus 1 MiB
 * transfers) with room to spare; a board's lwipopts.h sizes the same items for its RAM. Each
 * size says what it bounds. The POSIX port needs large stacks (ports/posix/README.md).
 */
#ifndef QUARTZ_LWIPOPTS_H
#define QUARTZ_LWIPOPTS_H

/* ---- Threads ---- */
#define TCPIP_THREAD_STACKSIZE 4096
#define TCPIP_MBOX_SIZE 128 /* frames and callbacks waiting for the tcpip thread */
#define DEFAULT_THREAD_STACKSIZE 4096
#define DEFAULT_RAW_RECVMBOX_SIZE 16
#define DEFAULT_UDP_RECVMBOX_SIZE 32
#define DEFAULT_TCP_RECVMBOX_SIZE 64
#define DEFAULT_ACCEPTMBOX_SIZE 32

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
/* 64-bit pointers do not fit in the IPv6 fragment header lwIP reuses for reassembly. */
#define IPV6_FRAG_COPYHEADER 1

/* ---- TCP ---- */
#define TCP_WND (16 * TCP_MSS) /* 23 KiB receive window per connection */
#define TCP_SND_BUF (16 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)

/* ---- Interfaces and statistics ---- */
#define LWIP_LOOPBACK_MAX_PBUFS 64
#define LWIP_STATS_DISPLAY 1

#include "lwipopts_sys.h"

#endif /* QUARTZ_LWIPOPTS_H */
