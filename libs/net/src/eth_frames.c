/* SPDX-License-Identifier: MIT */
/*
 * eth_frames.c: the frame path between an Ethernet driver and lwIP, without the kernel: the
 * lwIP netif set-up, the transmit hook, and the checks every received frame passes before lwIP
 * sees it. eth_netif.c adds the receive task and link handling on top; the fuzz harness drives
 * this file directly (NO_SYS build), so what it tests is exactly what the drivers run.
 *
 * Received frames are checked here only for what the driver layer owns (a whole Ethernet
 * header, no more than the largest frame). Everything inside the frame is lwIP's to judge.
 * Ownership: qnet_eth_input() always consumes its pbuf, on every path.
 */
#include "quartz_net/eth_netif.h"

#include "lwip/etharp.h"
#include "lwip/ethip6.h"
#include "lwip/snmp.h"
#include "netif/ethernet.h"

#include <string.h>

void qnet_eth_input(struct qnet_eth *eth, struct pbuf *p)
{
    if (p->tot_len < QNET_ETH_HEADER || p->tot_len > QNET_ETH_MAX_FRAME) {
        eth->stats.rx_malformed++;
        pbuf_free(p);
        return;
    }
    if (eth->netif.input(p, &eth->netif) != ERR_OK) {
        eth->stats.rx_rejected++;
        pbuf_free(p);
        return;
    }
    eth->stats.rx_frames++;
}

void qnet_eth_input_copy(struct qnet_eth *eth, const void *frame, size_t len)
{
    struct pbuf *p;

    if (len < QNET_ETH_HEADER || len > QNET_ETH_MAX_FRAME) {
        eth->stats.rx_malformed++;
        return;
    }
    p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);
    if (p == NULL) {
        eth->stats.rx_nomem++;
        return;
    }
    (void)pbuf_take(p, frame, (u16_t)len);
    qnet_eth_input(eth, p);
}

int qnet_eth_mac_unpack(uint8_t mac[6], uint32_t lo, uint32_t hi, const uint8_t fallback[6])
{
    for (unsigned i = 0; i < 4; i++) {
        mac[i] = (uint8_t)(lo >> (8 * i));
    }
    mac[4] = (uint8_t)hi;
    mac[5] = (uint8_t)(hi >> 8);
    if ((lo == 0 && (hi & 0xffffu) == 0) || (mac[0] & 1u)) { /* none, or multicast */
        memcpy(mac, fallback, ETH_HWADDR_LEN);
        return 0;
    }
    return 1;
}

void qnet_eth_mac_pack(const uint8_t mac[6], uint32_t *lo, uint32_t *hi)
{
    *lo =
        (uint32_t)mac[0] | (uint32_t)mac[1] << 8 | (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24;
    *hi = (uint32_t)mac[4] | (uint32_t)mac[5] << 8;
}

/* lwIP's linkoutput: p is one whole frame; the core lock is held. */
static err_t eth_linkoutput(struct netif *netif, struct pbuf *p)
{
    struct qnet_eth *eth = netif->state;

    if (!netif_is_link_up(netif)) {
        eth->stats.tx_link_down++;
        return ERR_IF;
    }
    if (p->tot_len > QNET_ETH_MAX_FRAME || eth->ops->transmit(eth, p) != ERR_OK) {
        eth->stats.tx_dropped++;
        return ERR_IF;
    }
    eth->stats.tx_frames++;
    return ERR_OK;
}

err_t qnet_eth_netif_init(struct netif *netif)
{
    struct qnet_eth *eth = netif->state;

    netif->hwaddr_len = ETH_HWADDR_LEN;
    memcpy(netif->hwaddr, eth->mac, ETH_HWADDR_LEN);
    netif->mtu = 1500;
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET |
                   NETIF_FLAG_IGMP | NETIF_FLAG_MLD6;
#if LWIP_IPV4
    netif->output = etharp_output;
#endif /* LWIP_IPV4 */
#if LWIP_IPV6
    netif->output_ip6 = ethip6_output;
#endif /* LWIP_IPV6 */
    netif->linkoutput = eth_linkoutput;
    MIB2_INIT_NETIF(netif, snmp_ifType_ethernet_csmacd, 0);
    return ERR_OK;
}
