/* SPDX-License-Identifier: MIT */
/*
 * board_netif_slip.c: quartz_net/board_netif.h on a board whose network is a serial line:
 * lwIP's own SLIP interface (netif/slipif.c) over the serial I/O functions the board's driver
 * implements (lwip/sio.h; libs/net/port/nrf51_slip). Built into a board's lwIP when its
 * board.cmake says QUARTZ_BOARD_NET_LINK serial.
 *
 * Threads (lwIP's SLIP_USE_RX_THREAD, the default with NO_SYS=0): slipif_init() starts
 * lwIP's slipif thread (SLIPIF_THREAD_PRIO, SLIPIF_THREAD_STACKSIZE in lwipopts.h), which
 * blocks in sio_read(), decodes SLIP byte by byte into pool pbufs and hands each packet to
 * the tcpip thread's mailbox (tcpip_input). Output runs in the sending context with the core
 * lock held (slipif_output calls sio_send for every byte).
 *
 * A SLIP link is point to point, with no link-layer addresses, no DHCP and no carrier: the
 * interface takes the static address at once, its link is up from the start, and the peer
 * (config->gateway) is the DNS server.
 */
#include "quartz_net/board_netif.h"

#include "lwip/dns.h"
#include "lwip/tcpip.h"
#include "netif/slipif.h"

static struct netif slip;
static int slip_added;

struct netif *qnet_board_netif_add(const struct qnet_eth_config *config)
{
    struct netif *added;
    ip_addr_t dns;

    LOCK_TCPIP_CORE();
    /* state NULL: serial device 0 (slipif_init() reads the device number from it). */
    added = netif_add(&slip, &config->ip, &config->netmask, &config->gateway, NULL, slipif_init,
                      tcpip_input);
    if (added != NULL) {
        slip.name[0] = config->name[0];
        slip.name[1] = config->name[1];
        if (config->make_default) {
            netif_set_default(&slip);
        }
        ip_addr_copy_from_ip4(dns, config->gateway);
        dns_setserver(0, &dns);
        netif_set_link_up(&slip);
        netif_set_up(&slip);
        slip_added = 1;
    }
    UNLOCK_TCPIP_CORE();
    return added;
}

enum qnet_address_state qnet_board_netif_address(void)
{
    int up;

    LOCK_TCPIP_CORE();
    up = slip_added && netif_is_up(&slip) && !ip4_addr_isany_val(*netif_ip4_addr(&slip));
    UNLOCK_TCPIP_CORE();
    return up ? QNET_ADDRESS_STATIC : QNET_ADDRESS_NONE;
}
