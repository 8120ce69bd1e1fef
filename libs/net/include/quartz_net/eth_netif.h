/* SPDX-License-Identifier: MIT */
/*
 * quartz_net/eth_netif.h: the seam between lwIP and an Ethernet driver. A driver (the POSIX
 * TAP device, the LAN9118 on MPS2, virtio-net on RV32) implements struct qnet_eth_ops; this
 * module (src/eth_netif.c, src/eth_rx.c) does everything else: the lwIP netif, a receive task,
 * link changes, frame checks and the counters.
 *
 * Contexts, which keep lwIP out of interrupt handlers:
 * - The driver's interrupt handler only calls qnet_eth_rx_isr() / qnet_eth_link_isr(). They
 *   wake the interface's receive task.
 * - The receive task calls ops->rx_drain(), which hands every waiting frame to
 *   qnet_eth_input() (a pbuf the driver filled, possibly its own buffer: zero copy) or
 *   qnet_eth_input_copy() (bytes this module copies into a pool pbuf), and then re-enables the
 *   receive interrupt. Frames go on to the tcpip thread through its mailbox.
 * - ops->transmit() runs with lwIP's core lock held (tcpip thread or a core-locked API call).
 *
 * Counters are written by the receive task and the core-locked transmit path only (one writer
 * each), and read by anyone.
 */
#ifndef QUARTZ_NET_ETH_NETIF_H
#define QUARTZ_NET_ETH_NETIF_H

#include "FreeRTOS.h"
#include "task.h"

#include "lwip/err.h"
#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define QNET_ETH_HEADER 14u      /* destination, source, EtherType */
#define QNET_ETH_MAX_FRAME 1518u /* 14 + 1500 + an 802.1Q tag, without the FCS */

struct qnet_eth;

struct qnet_eth_ops {
    /*
     * Bring the hardware up: reset, fill eth->mac, enable receive and its interrupt. Called once
     * from qnet_eth_add(), in task context, before the interface is up. Returns ERR_OK or an
     * error that makes qnet_eth_add() fail.
     */
    err_t (*start)(struct qnet_eth *eth);
    /*
     * Send one frame, the pbuf chain p (p->tot_len <= QNET_ETH_MAX_FRAME). Core lock held. The
     * driver copies p, or takes a reference (pbuf_ref) it drops once the hardware is done.
     * Returns ERR_OK, or ERR_IF / ERR_MEM when the frame was dropped (this module counts it).
     */
    err_t (*transmit)(struct qnet_eth *eth, struct pbuf *p);
    /*
     * From the receive task: pass every waiting frame to qnet_eth_input*(), count frames the
     * hardware lost in eth->stats.rx_overrun, then re-enable the receive interrupt.
     */
    void (*rx_drain)(struct qnet_eth *eth);
    /* Current link state (1 up, 0 down), read at start and after qnet_eth_link_isr(). */
    int (*link_is_up)(struct qnet_eth *eth);
    /*
     * Optional, NULL when the hardware cannot: diagnostics for tests. 1 loops frames sent back
     * as received ones, none reaching the wire; 0 ends it. Core lock held.
     */
    void (*set_loopback)(struct qnet_eth *eth, int on);
};

struct qnet_eth_stats {
    uint32_t rx_frames;      /* handed to lwIP */
    uint32_t rx_malformed;   /* shorter than an Ethernet header or longer than the maximum */
    uint32_t rx_nomem;       /* no pbuf to hold a frame */
    uint32_t rx_rejected;    /* lwIP's input queue was full */
    uint32_t rx_overrun;     /* lost by the driver or hardware before it could be drained */
    uint32_t tx_frames;      /* accepted by ops->transmit */
    uint32_t tx_dropped;     /* refused by ops->transmit, or longer than the maximum */
    /*
     * Dropped because lwIP offered them while the link was down: routed traffic stops, but its
     * ARP retries, multicast reports and DHCP's own sends do not look at the link. Expected
     * after a cable pull, unlike tx_dropped.
     */
    uint32_t tx_link_down;
    uint32_t link_changes;   /* link up/down transitions seen */
    uint32_t dhcp_fallbacks; /* times DHCP gave no lease in time and the fallback was used */
};

struct qnet_eth_config {
    ip4_addr_t ip; /* static IPv4 address (with use_dhcp: the fallback) */
    ip4_addr_t netmask;
    ip4_addr_t gateway;
    int use_dhcp;              /* start lwIP's DHCP client; ip, netmask, gateway are the fallback */
    unsigned dhcp_fallback_ms; /* with use_dhcp: no lease this long, use the fallback (0: never) */
    int ip6_autoconfig;        /* link-local address plus SLAAC from router advertisements */
    int make_default;          /* the default route */
    unsigned rx_priority;      /* receive task priority, above the application's network tasks */
    unsigned rx_stack_words;
    char name[2]; /* lwIP's two-letter interface name, e.g. "tp", "en" */
};

struct qnet_eth {
    struct netif netif; /* first: a struct netif * is a struct qnet_eth * */
    const struct qnet_eth_ops *ops;
    void *dev;                     /* the driver's own state */
    uint8_t mac[6];                /* filled by ops->start */
    int link_fixed;                /* set by ops->start: no link state to report, always up */
    TaskHandle_t rx_task;          /* the receive task */
    volatile uint32_t events;      /* QNET_ETH_EV_* waiting for the receive task */
    struct qnet_eth_config config; /* as given to qnet_eth_add() */
    struct qnet_eth_stats stats;
};

/*
 * Add an Ethernet interface run by ops/dev (qnet_start() must have run). eth must live as long
 * as the program. Starts the hardware, adds the netif to lwIP (set up, link as the driver
 * reports it), configures the addresses and starts the receive task. Returns ERR_OK or an error.
 */
err_t qnet_eth_add(struct qnet_eth *eth, const struct qnet_eth_ops *ops, void *dev,
                   const struct qnet_eth_config *config);

/* From the driver's interrupt handler: frames are waiting. Wakes the receive task. */
void qnet_eth_rx_isr(struct qnet_eth *eth, BaseType_t *higher_priority_woken);

/* From the driver's interrupt handler (or a task): the link state may have changed. */
void qnet_eth_link_isr(struct qnet_eth *eth, BaseType_t *higher_priority_woken);

/*
 * From ops->rx_drain (receive task) or a test: hand one received frame to lwIP. Takes
 * ownership of p. Frames too short or too long are dropped and counted; so is a frame lwIP's
 * input queue cannot take.
 */
void qnet_eth_input(struct qnet_eth *eth, struct pbuf *p);

/* Like qnet_eth_input() for a frame in the driver's memory: copies it into a pool pbuf. */
void qnet_eth_input_copy(struct qnet_eth *eth, const void *frame, size_t len);

/* From a task: 1 when the interface holds a DHCP lease (0 without one, or without DHCP). */
int qnet_eth_has_lease(struct qnet_eth *eth);

/* How an interface got its IPv4 address (also quartz_net/board_netif.h's answer). */
enum qnet_address_state {
    QNET_ADDRESS_NONE,   /* not yet: DHCP still asking */
    QNET_ADDRESS_DHCP,   /* a lease */
    QNET_ADDRESS_STATIC, /* the static address: asked for, DHCP's fallback, or no DHCP there */
};

/* From a task: eth's, from its lease, its configuration and its fallback counter. */
enum qnet_address_state qnet_eth_address(struct qnet_eth *eth);

/*
 * For ops->start: the MAC address as controllers hold it, two little-endian register words
 * (bytes 0-3 in lo, 4-5 in hi's low half). Returns 1 when it is a unicast address; otherwise
 * mac is `fallback` (a locally administered one the driver then writes back) and 0.
 */
int qnet_eth_mac_unpack(uint8_t mac[6], uint32_t lo, uint32_t hi, const uint8_t fallback[6]);

/* The inverse, to write an address back into the two words. */
void qnet_eth_mac_pack(const uint8_t mac[6], uint32_t *lo, uint32_t *hi);

/*
 * The netif init function lwIP calls from netif_add() (netif->state is the struct qnet_eth);
 * qnet_eth_add() uses it, and the fuzz harness adds an interface with it directly.
 */
err_t qnet_eth_netif_init(struct netif *netif);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_ETH_NETIF_H */
