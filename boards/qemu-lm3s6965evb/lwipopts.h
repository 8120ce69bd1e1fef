/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h: lwIP's options on the LM3S6965 (64 KiB of SRAM for everything): the shared board
 * options (libs/net/port/lwipopts_board.h, about 170 KiB of static pools) cut down to one
 * connection's worth at a time. board.cmake names this file as QUARTZ_BOARD_LWIPOPTS.
 *
 * No static pools at all: lwIP's heap and every memp pool (PCBs, segments, pool pbufs) are
 * allocations from the kernel heap (pvPortMalloc), so the network and the tasks share the one
 * 40 KiB heap instead of each reserving its worst case. lwIP allocates in task context only
 * (the receive task, the tcpip thread, socket calls), where pvPortMalloc is safe. The MEMP_NUM_*
 * limits do not apply then; what bounds memory in flight is the windows below (2 segments
 * each way per connection) and the tcpip mailbox. The Stellaris driver receives into heap
 * pbufs of each frame's size (no pool pbufs), so an ACK still gets in when the heap is low.
 */
#ifndef QUARTZ_BOARD_LWIPOPTS_H
#define QUARTZ_BOARD_LWIPOPTS_H

/* lwIP's memory from the kernel heap; "../" from libs/net/port/include, on the include path. */
#include "../lwipopts_kernel_heap.h"

#define TCPIP_THREAD_STACKSIZE 512 /* words */
#define DEFAULT_THREAD_STACKSIZE 512
#define TCPIP_MBOX_SIZE 16
#define DEFAULT_TCP_RECVMBOX_SIZE 8
#define DEFAULT_ACCEPTMBOX_SIZE 4
#define IP_REASS_MAX_PBUFS 4
#define TCP_WND (2 * TCP_MSS)
#define TCP_SND_BUF (2 * TCP_MSS)
#define LWIP_LOOPBACK_MAX_PBUFS 2

/* The rest as every board has it; "../" from libs/net/port/include, on the include path. */
#include "../lwipopts_board.h"

#endif /* QUARTZ_BOARD_LWIPOPTS_H */
