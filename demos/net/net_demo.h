/* SPDX-License-Identifier: MIT */
/*
 * net_demo.h: the networked demo's one platform seam. net_demo.c is the same on every target;
 * it starts lwIP and hands the interface configuration to net_demo_attach(), which adds the
 * target's interface: the TAP device on the POSIX host (attach_posix.c), the board's own
 * network interface on a QEMU board (attach_board.c: an Ethernet controller, or a serial line
 * carrying SLIP, whichever the board's board.cmake names; quartz_net/board_netif.h). Nothing
 * else in the demo knows the target.
 */
#ifndef NET_DEMO_H
#define NET_DEMO_H

#include "quartz_net/eth_netif.h"

/* Add the target's interface with config (qnet_start() has run); lwIP's interface or NULL. */
struct netif *net_demo_attach(const struct qnet_eth_config *config);

/* From a task: whether the interface has its IPv4 address yet, and how. */
enum qnet_address_state net_demo_address(void);

/* What the target is called in the demo's banner ("qemu-mps2-an385", "posix"). */
extern const char net_demo_target[];

#endif /* NET_DEMO_H */
