/* SPDX-License-Identifier: MIT */
/*
 * board_net.h: brings up a QEMU board's network for the protocol libraries' board tests and
 * demos: lwIP, the board's Ethernet driver, a DHCP lease from QEMU's user networking.
 *
 * Under QEMU user networking in restrict=on mode (libs/net/README.md) the guest is 10.0.2.15
 * and reaches the host's services only at BOARD_NET_HOST (10.0.2.100), through the guestfwd
 * forwards that libs/net/tests/qemu_net_driver.py --forward sets up.
 */
#ifndef BOARD_NET_H
#define BOARD_NET_H

#include "FreeRTOS.h"

#define BOARD_NET_HOST "10.0.2.100"

/*
 * Starts lwIP (once per boot: it cannot be restarted) and the board's interface with DHCP,
 * and waits up to lease_ticks for a lease. The receive task runs at rx_priority, which must be
 * above the tcpip thread's (lwipopts.h). Returns 0 when the interface has an address.
 */
int board_net_up(UBaseType_t rx_priority, TickType_t lease_ticks);

#endif /* BOARD_NET_H */
