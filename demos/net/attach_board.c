/* SPDX-License-Identifier: MIT */
/*
 * attach_board.c: net_demo_attach() for every QEMU board that declares a network driver: the
 * driver the board's board.cmake names (QUARTZ_BOARD_NET_DRIVER) implements
 * qnet_board_eth_add() from the board's own data (quartz_net/board_eth.h), so a new networked
 * board needs no code here.
 */
#include "net_demo.h"

#include "quartz_net/board_eth.h"

#define NET_DEMO_STR2(x) #x
#define NET_DEMO_STR(x) NET_DEMO_STR2(x)

const char net_demo_target[] = NET_DEMO_STR(NET_DEMO_BOARD);

err_t net_demo_attach(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    return qnet_board_eth_add(eth, config);
}
