/* SPDX-License-Identifier: MIT */
/*
 * lwipopts_board.h: lwIP's options for the QEMU boards that have networking (the MPS2 boards
 * with the LAN9118 driver, the virt RV32 boards with virtio-net): a board's board.cmake names
 * it as QUARTZ_BOARD_LWIPOPTS. What every Quartz build shares is in
 * port/include/lwipopts_sys.h; the sizes here are for a small board that runs a few
 * connections at a time, and each says what it bounds.
 *
 * RAM it takes, outside the kernel heap (lwIP's own static pools), about 170 KiB as linked:
 *   MEM_SIZE 64 KiB (lwIP heap: TCP send data, ICMP replies),
 *   PBUF_POOL 64 x 1.5 KiB = 96 KiB (received frames in flight, and virtio-net's 16 posted
 *   receive buffers),
 *   TCP segments, PCBs, netconns, messages and the rest: about 8 KiB.
 * Task stacks come from the kernel heap: the tcpip thread 1024 words (4 KiB on 32-bit), each
 * socket task what the application gives it. Under QEMU's user networking one connection's
 * window (4 segments) is as fast as a bigger one: slirp acknowledges at once.
 *
 * A board with less RAM defines the sizes it changes in its own lwipopts.h and then includes
 * this file (as boards/qemu-lm3s6965evb/lwipopts.h does): every size here is a default.
 */
#ifndef QUARTZ_LWIPOPTS_H
#define QUARTZ_LWIPOPTS_H

/* ---- Threads ---- */
#ifndef TCPIP_THREAD_STACKSIZE
#define TCPIP_THREAD_STACKSIZE 1024 /* words */
#endif
#ifndef TCPIP_MBOX_SIZE
#define TCPIP_MBOX_SIZE 32 /* frames and callbacks waiting for the tcpip thread */
#endif
#ifndef DEFAULT_THREAD_STACKSIZE
#define DEFAULT_THREAD_STACKSIZE 1024
#endif
#ifndef DEFAULT_RAW_RECVMBOX_SIZE
#define DEFAULT_RAW_RECVMBOX_SIZE 8
#endif
#ifndef DEFAULT_UDP_RECVMBOX_SIZE
#define DEFAULT_UDP_RECVMBOX_SIZE 8
#endif
#ifndef DEFAULT_TCP_RECVMBOX_SIZE
#define DEFAULT_TCP_RECVMBOX_SIZE 16
#endif
#ifndef DEFAULT_ACCEPTMBOX_SIZE
#define DEFAULT_ACCEPTMBOX_SIZE 8
#endif

/* ---- Memory ---- */
#ifndef MEM_ALIGNMENT
#define MEM_ALIGNMENT 4
#endif
#ifndef MEM_SIZE
#define MEM_SIZE (64 * 1024)
#endif
#ifndef MEMP_NUM_PBUF
#define MEMP_NUM_PBUF 16
#endif
/*
 * One pool pbuf holds a whole frame (1518 bytes) behind a 12-byte virtio-net header, rounded up
 * to a word, so received frames are never chained: the LAN9118 driver reads its FIFO a word at
 * a time straight into the pbuf, and virtio-net has the device write header and frame into it.
 */
#ifndef PBUF_POOL_BUFSIZE
#define PBUF_POOL_BUFSIZE 1532
#endif
/* 4 connections' windows of 4 segments, twice; ARP, ND, DHCP; virtio-net's 16 posted buffers */
#ifndef PBUF_POOL_SIZE
#define PBUF_POOL_SIZE 64
#endif
#ifndef MEMP_NUM_RAW_PCB
#define MEMP_NUM_RAW_PCB 2
#endif
#ifndef MEMP_NUM_UDP_PCB
#define MEMP_NUM_UDP_PCB 6 /* DHCP, DNS, SNTP and a few application sockets */
#endif
#ifndef MEMP_NUM_TCP_PCB
#define MEMP_NUM_TCP_PCB 20 /* the TAP board test opens 16 connections at once */
#endif
#ifndef MEMP_NUM_TCP_PCB_LISTEN
#define MEMP_NUM_TCP_PCB_LISTEN 4
#endif
#ifndef MEMP_NUM_TCP_SEG
#define MEMP_NUM_TCP_SEG 64
#endif
#ifndef MEMP_NUM_NETBUF
#define MEMP_NUM_NETBUF 16
#endif
#ifndef MEMP_NUM_NETCONN
#define MEMP_NUM_NETCONN 24 /* sockets: those 16, a listener, UDP and DNS besides */
#endif
#ifndef MEMP_NUM_TCPIP_MSG_INPKT
#define MEMP_NUM_TCPIP_MSG_INPKT TCPIP_MBOX_SIZE
#endif
#ifndef MEMP_NUM_TCPIP_MSG_API
#define MEMP_NUM_TCPIP_MSG_API 8
#endif
#ifndef MEMP_NUM_SYS_TIMEOUT
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)
#endif
#ifndef IP_REASS_MAX_PBUFS
#define IP_REASS_MAX_PBUFS 12 /* under PBUF_POOL_SIZE, so reassembly cannot starve receive */
#endif

/* ---- TCP ---- */
#ifndef TCP_WND
#define TCP_WND (4 * TCP_MSS)
#endif
#ifndef TCP_SND_BUF
#define TCP_SND_BUF (4 * TCP_MSS)
#endif
#ifndef TCP_SND_QUEUELEN
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)
#endif

/* ---- Interfaces and statistics ---- */
#ifndef LWIP_LOOPBACK_MAX_PBUFS
#define LWIP_LOOPBACK_MAX_PBUFS 8
#endif
#ifndef LWIP_STATS_DISPLAY
#define LWIP_STATS_DISPLAY 0
#endif

#include "lwipopts_sys.h"

#endif /* QUARTZ_LWIPOPTS_H */
