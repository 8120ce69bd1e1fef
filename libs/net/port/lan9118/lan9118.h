/* SPDX-License-Identifier: MIT */
/*
 * lan9118.h: the driver for the SMSC LAN9118 Ethernet controller (and its software-compatible
 * LAN9220), as on Arm's MPS2 boards and in QEMU's mps2-an385/an386 machines (`-nic
 * user,model=lan9118`). It plugs into lwIP through the shared seam (quartz_net/eth_netif.h):
 * interrupt-driven receive (the handler only wakes the interface's receive task), transmit
 * straight from the pbuf chain into the TX data FIFO, and link state from the internal PHY's
 * interrupt; ops->set_loopback puts the PHY in loopback. One controller per program: the
 * interrupt handler takes no argument. qnet_board_eth_add() (quartz_net/board_eth.h) is
 * qnet_lan9118_add() at the board's BOARD_ETH_BASE and BOARD_ETH_IRQ.
 */
#ifndef QUARTZ_NET_LAN9118_H
#define QUARTZ_NET_LAN9118_H

#include "quartz_net/eth_netif.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Reset the controller at `base`, whose interrupt is NVIC line `irq` (board_defs.h:
 * BOARD_ETH_BASE, BOARD_ETH_IRQ), and add it to lwIP as eth with config (qnet_start() must
 * have run). The MAC address is the controller's own (QEMU: -nic ...,mac=). Returns ERR_OK,
 * ERR_IF when no LAN9118 answers at base or the reset does not complete, or qnet_eth_add()'s
 * error. Call once.
 */
err_t qnet_lan9118_add(struct qnet_eth *eth, uintptr_t base, unsigned irq,
                       const struct qnet_eth_config *config);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_LAN9118_H */
