/* SPDX-License-Identifier: MIT */
/*
 * net_demo.h: the networked demo's one platform seam. net_demo.c is the same on every target;
 * it starts lwIP and hands the interface configuration to net_demo_attach(), which adds the
 * target's Ethernet interface: the TAP device on the POSIX host (attach_posix.c), the board's
 * own controller on a QEMU board (attach_board.c, through the driver the board's board.cmake
 * names in QUARTZ_BOARD_NET_DRIVER). Nothing else in the demo knows the target.
 */
#ifndef NET_DEMO_H
#define NET_DEMO_H

#include "quartz_net/eth_netif.h"

/* Add the target's interface as eth with config (qnet_start() has run); ERR_OK or an error. */
err_t net_demo_attach(struct qnet_eth *eth, const struct qnet_eth_config *config);

/* What the target is called in the demo's banner ("qemu-mps2-an385", "posix"). */
extern const char net_demo_target[];

#endif /* NET_DEMO_H */
