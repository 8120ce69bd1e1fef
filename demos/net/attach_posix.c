/* SPDX-License-Identifier: MIT */
/*
 * attach_posix.c: the demo's seam (net_demo.h) for the POSIX host: the TAP driver of
 * libs/net/port/posix on the device named by $NET_DEMO_TAP (default qtap0), which must exist with
 * an address on the host side (demos/net/README.md; the test's namespace has it). The interface has
 * a fixed, locally administered MAC address: a TAP device's own address belongs to the host side.
 */
#include "net_demo.h"

#include "netif_tap.h"

#include <stdlib.h>

#define TAP_IRQ 5 /* the POSIX port's simulated interrupt line for the receive thread */

const char net_demo_target[] = "posix";

static struct qnet_eth eth;

struct netif *net_demo_attach(const struct qnet_eth_config *config)
{
    static const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x02};
    const char *tap = getenv("NET_DEMO_TAP");

    return qnet_tap_add(&eth, tap != NULL ? tap : "qtap0", TAP_IRQ, mac, config) == ERR_OK
               ? &eth.netif
               : NULL;
}

enum qnet_address_state net_demo_address(void)
{
    return qnet_eth_address(&eth);
}
