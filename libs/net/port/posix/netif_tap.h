/* SPDX-License-Identifier: MIT */
/*
 * netif_tap.h: the POSIX port's Ethernet driver, a Linux TAP device. Frames the host sends to
 * the TAP device arrive on a Quartz interface, and frames lwIP sends leave through it, so a
 * Quartz program on the host talks to real sockets (normally inside a network namespace the
 * test or the user created; no traffic needs to leave the machine).
 *
 * How frames come in: a host thread (not a task) waits for frames on the TAP file descriptor,
 * puts each frame into a single-producer single-consumer ring and raises a simulated interrupt
 * line (posix_irq_raise()). The line's handler wakes the interface's receive task
 * (qnet_eth_rx_isr()), which drains the ring into lwIP. The host thread never calls the kernel
 * or lwIP. A frame arriving when the ring is full is dropped and counted (rx_overrun).
 *
 * Needs CAP_NET_ADMIN (root, or inside a user namespace that owns the network namespace).
 */
#ifndef QUARTZ_NET_NETIF_TAP_H
#define QUARTZ_NET_NETIF_TAP_H

#include "quartz_net/eth_netif.h"

#ifdef __cplusplus
extern "C" {
#endif

#define QNET_TAP_MAX 4 /* TAP interfaces per program */

/*
 * Attach to (or create) the TAP device `ifname` and add it to lwIP as eth with config
 * (qnet_start() must have run). irq is a free simulated interrupt line (1..31) this interface
 * will own. mac is the interface's address (the host side of a TAP device has its own).
 * Returns ERR_OK, or ERR_IF when the device cannot be opened (the reason is printed).
 */
err_t qnet_tap_add(struct qnet_eth *eth, const char *ifname, unsigned irq, const uint8_t mac[6],
                   const struct qnet_eth_config *config);

/*
 * Plug (1) or unplug (0) the virtual cable: sets the TAP device's carrier, which the host
 * sees (NO-CARRIER), and lwIP's link state, as a PHY interrupt would on a board. While
 * unplugged no frame is sent or delivered.
 */
void qnet_tap_set_link(struct qnet_eth *eth, int up);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_NETIF_TAP_H */
