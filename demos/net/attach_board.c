/* SPDX-License-Identifier: MIT */
/*
 * attach_board.c: the demo's seam (net_demo.h) for every QEMU board that declares a network
 * driver: the board's own interface through quartz_net/board_netif.h, which the driver the
 * board's board.cmake names provides with its kind of link (an Ethernet controller, or a
 * serial line carrying SLIP), so a new networked board needs no code here.
 */
#include "net_demo.h"

#include "quartz_net/board_netif.h"

#define NET_DEMO_STR2(x) #x
#define NET_DEMO_STR(x) NET_DEMO_STR2(x)

const char net_demo_target[] = NET_DEMO_STR(NET_DEMO_BOARD);

struct netif *net_demo_attach(const struct qnet_eth_config *config)
{
    return qnet_board_netif_add(config);
}

enum qnet_address_state net_demo_address(void)
{
    return qnet_board_netif_address();
}
