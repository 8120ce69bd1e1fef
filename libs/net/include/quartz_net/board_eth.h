/* SPDX-License-Identifier: MIT */
/*
 * quartz_net/board_eth.h: the board's own Ethernet interface, whichever driver its board.cmake
 * names (QUARTZ_BOARD_NET_DRIVER). That driver implements qnet_board_eth_add() from the facts in
 * the board's board_defs.h (where the controller is, its interrupt), so board-neutral code (the
 * board network test, demos) starts networking the same way on every board.
 */
#ifndef QUARTZ_NET_BOARD_ETH_H
#define QUARTZ_NET_BOARD_ETH_H

#include "quartz_net/eth_netif.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Start the board's NIC and add it to lwIP as eth with config (qnet_start() must have run):
 * the driver's own add function with the board's addresses. Returns ERR_OK, or ERR_IF when
 * the NIC is absent or does not start, or qnet_eth_add()'s error. Call once.
 */
err_t qnet_board_eth_add(struct qnet_eth *eth, const struct qnet_eth_config *config);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_BOARD_ETH_H */
