/* SPDX-License-Identifier: MIT */
/*
 * eth_netif.c: an Ethernet interface's life in the running system: adding it to lwIP, its
 * receive task, and link changes. The driver's interrupt handler only sets an event bit and
 * wakes the task (qnet_eth_rx_isr / qnet_eth_link_isr); the task drains the driver and takes
 * lwIP's core lock for link changes. So lwIP is never entered from an interrupt, and each
 * interface's frames reach lwIP in the order the hardware received them. With DHCP, an optional
 * timer on the tcpip thread falls back to the configured static address if no lease came.
 *
 * eth->events is shared with interrupt handlers: it is read and cleared inside a critical
 * section, set inside the handler (interrupts masked).
 */
#include "quartz_net/eth_netif.h"
#include "quartz_net/sys_net.h"

#include "FreeRTOS.h"
#include "task.h"

#include "lwip/dhcp.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "lwip/timeouts.h"

#define QNET_ETH_EV_RX 0x1u
#define QNET_ETH_EV_LINK 0x2u

static void post_event_isr(struct qnet_eth *eth, uint32_t event, BaseType_t *woken)
{
    UBaseType_t mask = taskENTER_CRITICAL_FROM_ISR();

    eth->events |= event;
    taskEXIT_CRITICAL_FROM_ISR(mask);
    if (eth->rx_task != NULL) {
        vTaskNotifyGiveFromISR(eth->rx_task, woken);
    }
}

void qnet_eth_rx_isr(struct qnet_eth *eth, BaseType_t *higher_priority_woken)
{
    post_event_isr(eth, QNET_ETH_EV_RX, higher_priority_woken);
}

void qnet_eth_link_isr(struct qnet_eth *eth, BaseType_t *higher_priority_woken)
{
    post_event_isr(eth, QNET_ETH_EV_LINK, higher_priority_woken);
}

/* Core lock held: make lwIP's view of the link match the driver's. */
static void sync_link_locked(struct qnet_eth *eth)
{
    int up = eth->ops->link_is_up(eth);

    if (up && !netif_is_link_up(&eth->netif)) {
        eth->stats.link_changes++;
        netif_set_link_up(&eth->netif);
    } else if (!up && netif_is_link_up(&eth->netif)) {
        eth->stats.link_changes++;
        netif_set_link_down(&eth->netif);
    }
}

static void rx_task(void *arg)
{
    struct qnet_eth *eth = arg;

    for (;;) {
        uint32_t events;

        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        taskENTER_CRITICAL();
        events = eth->events;
        eth->events = 0;
        taskEXIT_CRITICAL();
        if (events & QNET_ETH_EV_LINK) {
            LOCK_TCPIP_CORE();
            sync_link_locked(eth);
            UNLOCK_TCPIP_CORE();
        }
        if (events & QNET_ETH_EV_RX) {
            eth->ops->rx_drain(eth);
        }
    }
}

int qnet_eth_has_lease(struct qnet_eth *eth)
{
    int leased = 0;

#if LWIP_DHCP
    LOCK_TCPIP_CORE();
    leased = dhcp_supplied_address(&eth->netif);
    UNLOCK_TCPIP_CORE();
#else
    (void)eth;
#endif
    return leased;
}

enum qnet_address_state qnet_eth_address(struct qnet_eth *eth)
{
    enum qnet_address_state state = QNET_ADDRESS_NONE;

    if (qnet_eth_has_lease(eth)) {
        return QNET_ADDRESS_DHCP;
    }
    LOCK_TCPIP_CORE();
    if (netif_is_up(&eth->netif) && !ip4_addr_isany_val(*netif_ip4_addr(&eth->netif)) &&
        (!eth->config.use_dhcp || eth->stats.dhcp_fallbacks > 0)) {
        state = QNET_ADDRESS_STATIC;
    }
    UNLOCK_TCPIP_CORE();
    return state;
}

#if LWIP_DHCP
/* tcpip thread: DHCP has had config.dhcp_fallback_ms; without a lease, use the static address. */
static void dhcp_fallback(void *arg)
{
    struct qnet_eth *eth = arg;

    if (dhcp_supplied_address(&eth->netif)) {
        return;
    }
    dhcp_release_and_stop(&eth->netif);
    netif_set_addr(&eth->netif, &eth->config.ip, &eth->config.netmask, &eth->config.gateway);
    eth->stats.dhcp_fallbacks++;
}

/* tcpip thread: timeouts are armed there, so its next wait already accounts for this one. */
static void arm_dhcp_fallback(void *arg)
{
    struct qnet_eth *eth = arg;

    sys_timeout(eth->config.dhcp_fallback_ms, dhcp_fallback, eth);
}

/* Core lock held. */
static err_t start_dhcp_locked(struct qnet_eth *eth)
{
    err_t err = dhcp_start(&eth->netif);

    if (err == ERR_OK && eth->config.dhcp_fallback_ms != 0) {
        err = tcpip_callback(arm_dhcp_fallback, eth);
    }
    return err;
}
#endif /* LWIP_DHCP */

/* Core lock held. */
static err_t add_locked(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    struct netif *netif = &eth->netif;
    int dhcp = config->use_dhcp; /* then the addresses are DHCP's fallback, not used yet */
    const ip4_addr_t *ip = dhcp ? IP4_ADDR_ANY4 : &config->ip;
    const ip4_addr_t *netmask = dhcp ? IP4_ADDR_ANY4 : &config->netmask;
    const ip4_addr_t *gateway = dhcp ? IP4_ADDR_ANY4 : &config->gateway;

    netif->name[0] = config->name[0];
    netif->name[1] = config->name[1];
    if (netif_add(netif, ip, netmask, gateway, eth, qnet_eth_netif_init, tcpip_input) == NULL) {
        return ERR_IF;
    }
#if LWIP_IPV6
    if (config->ip6_autoconfig) {
        netif_create_ip6_linklocal_address(netif, 1);
        netif_set_ip6_autoconfig_enabled(netif, 1);
    }
#endif /* LWIP_IPV6 */
    if (config->make_default) {
        netif_set_default(netif);
    }
    netif_set_up(netif);
    sync_link_locked(eth);
#if LWIP_DHCP
    if (dhcp) {
        return start_dhcp_locked(eth);
    }
#endif /* LWIP_DHCP */
    return ERR_OK;
}

err_t qnet_eth_add(struct qnet_eth *eth, const struct qnet_eth_ops *ops, void *dev,
                   const struct qnet_eth_config *config)
{
    err_t err;

    eth->ops = ops;
    eth->dev = dev;
    eth->config = *config;
    eth->link_fixed = 0; /* until ops->start finds the hardware cannot tell */
    configASSERT(eth->ops != NULL && eth->ops->start != NULL && eth->ops->transmit != NULL &&
                 eth->ops->rx_drain != NULL && eth->ops->link_is_up != NULL);
    configASSERT(!config->use_dhcp || LWIP_DHCP);
    err = eth->ops->start(eth);
    if (err != ERR_OK) {
        return err;
    }
    LOCK_TCPIP_CORE();
    err = add_locked(eth, config);
    UNLOCK_TCPIP_CORE();
    if (err != ERR_OK) {
        return err;
    }
    if (xTaskCreate(rx_task, "eth_rx", (configSTACK_DEPTH_TYPE)config->rx_stack_words, eth,
                    (UBaseType_t)config->rx_priority, &eth->rx_task) != pdPASS) {
        return ERR_MEM;
    }
    /* Frames or link changes from before the task existed woke nobody: look at them now. */
    taskENTER_CRITICAL();
    eth->events |= QNET_ETH_EV_RX | QNET_ETH_EV_LINK;
    taskEXIT_CRITICAL();
    xTaskNotifyGive(eth->rx_task);
    return ERR_OK;
}
