/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h of the receive-path fuzz target: the protocols every Quartz build has
 * (port/include/lwipopts_protocols.h) with the POSIX port's sizes, but NO_SYS=1 so the harness
 * calls lwIP directly and deterministically, one frame after another, on a virtual clock. The
 * socket and netconn APIs need threads and are left out; everything a received frame can
 * reach is in. The pool's pbufs hold a virtio-net header and a whole frame, as on the boards,
 * since the virtio-net receive path runs here too.
 */
#ifndef QUARTZ_FUZZ_LWIPOPTS_H
#define QUARTZ_FUZZ_LWIPOPTS_H

#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0

#define MEM_ALIGNMENT 8
#define MEM_SIZE (256 * 1024)
#define MEMP_NUM_PBUF 64
#define PBUF_POOL_BUFSIZE 1536
#define PBUF_POOL_SIZE 256
#define MEMP_NUM_UDP_PCB 8
#define MEMP_NUM_TCP_PCB 16
#define MEMP_NUM_TCP_PCB_LISTEN 4
#define MEMP_NUM_TCP_SEG 256
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)
#define IPV6_FRAG_COPYHEADER 1

#define TCP_WND (16 * TCP_MSS)
#define TCP_SND_BUF (16 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)

/* The leak check reads pool and heap use from lwIP's statistics. */
#define LWIP_STATS 1
#define MEM_STATS 1
#define MEMP_STATS 1

#include "lwipopts_protocols.h"

#endif /* QUARTZ_FUZZ_LWIPOPTS_H */
