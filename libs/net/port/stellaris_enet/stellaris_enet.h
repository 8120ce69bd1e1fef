/* SPDX-License-Identifier: MIT */
/*
 * stellaris_enet.h: the driver for the Ethernet controller of TI's Stellaris LM3S6965 (a MAC
 * with a 2 KiB receive FIFO, a one-frame transmit FIFO and an internal PHY), as in QEMU's
 * lm3s6965evb machine (`-nic user,...`, QEMU's stellaris_enet). It plugs into lwIP through
 * the shared seam (quartz_net/eth_netif.h): interrupt-driven receive (the handler only wakes
 * the interface's receive task), transmit through the FIFO, link state from the PHY's MR1 when
 * the PHY answers (QEMU models no PHY: the link then counts as always up, eth->link_fixed).
 * One controller per program: the interrupt handler takes no argument. qnet_board_eth_add()
 * (quartz_net/board_eth.h) is qnet_stellaris_enet_add() at BOARD_ETH_BASE and BOARD_ETH_IRQ.
 */
#ifndef QUARTZ_NET_STELLARIS_ENET_H
#define QUARTZ_NET_STELLARIS_ENET_H

#include "quartz_net/eth_netif.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Reset the controller at `base`, whose interrupt is NVIC line `irq` (board_defs.h:
 * BOARD_ETH_BASE, BOARD_ETH_IRQ), and add it to lwIP as eth with config (qnet_start() must
 * have run). The MAC address is the controller's own (QEMU: -nic ...,mac=). Returns ERR_OK or
 * qnet_eth_add()'s error. Call once.
 */
err_t qnet_stellaris_enet_add(struct qnet_eth *eth, uintptr_t base, unsigned irq,
                              const struct qnet_eth_config *config);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_STELLARIS_ENET_H */
