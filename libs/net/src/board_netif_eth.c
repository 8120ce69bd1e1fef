/* SPDX-License-Identifier: MIT */
/*
 * board_netif_eth.c: quartz_net/board_netif.h on a board with an Ethernet controller: the one
 * interface is a struct qnet_eth that the board's driver starts (qnet_board_eth_add()). Built
 * into a board's lwIP when board.cmake names no other kind of link (QUARTZ_BOARD_NET_LINK).
 */
#include "quartz_net/board_eth.h"
#include "quartz_net/board_netif.h"

static struct qnet_eth board_eth;

struct netif *qnet_board_netif_add(const struct qnet_eth_config *config)
{
    return qnet_board_eth_add(&board_eth, config) == ERR_OK ? &board_eth.netif : NULL;
}

enum qnet_address_state qnet_board_netif_address(void)
{
    return qnet_eth_address(&board_eth);
}
