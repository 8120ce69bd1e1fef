/* SPDX-License-Identifier: MIT */
/*
 * board_net.c: board_net_up (see board_net.h) on any board with a network driver: the driver
 * implements qnet_board_eth_add() from the board's data (quartz_net/board_eth.h).
 */
#include "board_net.h"

#include "quartz_net/board_eth.h"
#include "quartz_net/sys_net.h"
#include "task.h"

#include "lwip/dhcp.h"
#include "lwip/tcpip.h"

#include <stdio.h>

#define RX_STACK_WORDS 1024u

static struct qnet_eth eth;


int board_net_up(UBaseType_t rx_priority, TickType_t lease_ticks)
{
    struct qnet_eth_config config = {.use_dhcp = 1,
                                     .make_default = 1,
                                     .rx_priority = rx_priority,
                                     .rx_stack_words = RX_STACK_WORDS,
                                     .name = {'e', 'n'}};
    TickType_t start = xTaskGetTickCount();

    qnet_start();
    if (qnet_board_eth_add(&eth, &config) != ERR_OK) {
        printf("net: the board's network controller did not start\n");
        return -1;
    }
    while (!qnet_eth_has_lease(&eth)) {
        if (xTaskGetTickCount() - start >= lease_ticks) {
            printf("net: no DHCP lease\n");
            return -1;
        }
        vTaskDelay(pdMS_TO_TICKS(10));
    }
    printf("net: up as %s\n", ip4addr_ntoa(netif_ip4_addr(&eth.netif)));
    return 0;
}
