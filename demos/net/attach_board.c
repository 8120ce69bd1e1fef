/* SPDX-License-Identifier: MIT */
/*
 * attach_board.c: net_demo_attach() for every QEMU board that declares a network driver. The
 * board build passes the driver's name (QUARTZ_BOARD_NET_DRIVER) as NET_DEMO_DRIVER and its
 * header as NET_DEMO_DRIVER_HEADER; every driver follows the porting guide's convention
 * (docs/porting/network-driver.md): <driver>.h declares qnet_<driver>_add(eth, base, irq,
 * config), and the board's board_defs.h says where the controller is (BOARD_ETH_BASE,
 * BOARD_ETH_IRQ). So a new networked board needs no code here.
 */
#include "net_demo.h"

#include "board.h"

#define NET_DEMO_STR2(x) #x
#define NET_DEMO_STR(x) NET_DEMO_STR2(x)
#define NET_DEMO_ADD2(driver) qnet_##driver##_add
#define NET_DEMO_ADD(driver) NET_DEMO_ADD2(driver)

#include NET_DEMO_DRIVER_HEADER

const char net_demo_target[] = NET_DEMO_STR(NET_DEMO_BOARD);

err_t net_demo_attach(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    return NET_DEMO_ADD(NET_DEMO_DRIVER)(eth, BOARD_ETH_BASE, BOARD_ETH_IRQ, config);
}
