/* SPDX-License-Identifier: MIT */
/*
 * quartz_net/board_netif.h: the board's own network interface, whatever kind of link its
 * board.cmake names (QUARTZ_BOARD_NET_LINK): an Ethernet controller (QUARTZ_BOARD_NET_DRIVER
 * implements qnet_board_eth_add(), quartz_net/board_eth.h, and src/board_netif_eth.c adds it
 * here), or a serial line carrying IP with SLIP (RFC 1055; the driver implements this header
 * itself over lwIP's slipif). Board-neutral code (the board network tests) starts the board's
 * network through this header only, so it runs on either kind.
 *
 * Addresses: an Ethernet link asks DHCP when config->use_dhcp says so, with config's static
 * address as the fallback (qnet_eth_add()). A serial link is point to point and has no DHCP:
 * it always takes config's static address, at once, and uses config->gateway (the peer) as
 * its DNS server too.
 */
#ifndef QUARTZ_NET_BOARD_NETIF_H
#define QUARTZ_NET_BOARD_NETIF_H

#include "quartz_net/eth_netif.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Start the board's interface and add it to lwIP with config (qnet_start() must have run;
 * config->name names it). Returns lwIP's interface, or NULL when the hardware is absent or does
 * not start. Call once.
 */
struct netif *qnet_board_netif_add(const struct qnet_eth_config *config);

/* From a task: how the interface got its IPv4 address, QNET_ADDRESS_NONE while it has none
 * yet (DHCP still asking; quartz_net/eth_netif.h). A serial link's is always static. */
enum qnet_address_state qnet_board_netif_address(void);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_BOARD_NETIF_H */
