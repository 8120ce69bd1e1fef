/* SPDX-License-Identifier: MIT */
/*
 * fuzz_eth_rx.c: libFuzzer target for the receive path every Quartz Ethernet driver shares:
 * arbitrary frames go through qnet_eth_input_copy() (src/eth_frames.c, the checks and
 * counters drivers run) into lwIP's Ethernet, ARP, IPv4/IPv6, ICMP, ND, MLD, IGMP, UDP and TCP
 * input, with a UDP and a TCP echo service listening so frames reach application callbacks
 * and provoke replies (which the fake driver discards, counting them). Frames may instead take
 * the virtio-net driver's path (port/virtio_net/virtio_net_rx.c): the bytes are then what the
 * device wrote into a receive buffer, its header first, and their count is the length the
 * device reported.
 *
 * Input format, repeated to the end of the data: a 16-bit big-endian header, then the frame's
 * bytes. The header's low 11 bits are the frame length (up to 2047, so oversized frames occur);
 * bits 11-13 advance the virtual clock by that many 250 ms steps first; bit 14 set sends the
 * frame through virtio-net's path, with the modern header if bit 15 is set too, the legacy
 * one if not (bit 15 alone: the common path).
 *
 * After each input the harness aborts every TCP connection and runs lwIP's timers through two
 * virtual minutes, after which nothing may still hold a pbuf or lwIP heap memory: anything
 * left is a leak, reported by abort(). The driver's counters must account for every frame.
 * lwIP is built NO_SYS=1 here (fuzz/lwipopts.h): one thread, deterministic.
 */
#include "quartz_net/eth_netif.h"
#include "virtio_net.h"

#include "lwip/init.h"
#include "lwip/ip6_addr.h"
#include "lwip/memp.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/stats.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "lwip/udp.h"
#include "netif/ethernet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STEP_MS 250u
#define DRAIN_MS (2u * 60u * 1000u) /* past every reassembly, ARP and ND queue timeout */

static struct qnet_eth eth;
static u32_t now_ms;
static uint32_t tx_frames;

u32_t sys_now(void)
{
    return now_ms;
}

void qnet_set_errno(int err)
{
    (void)err;
}

uint32_t qnet_rand(void)
{
    static uint32_t x = 1;
    x = x * 1103515245u + 12345u; /* deterministic: a crash must replay */
    return x;
}

void qnet_platform_assert(const char *msg, int line, const char *file)
{
    fprintf(stderr, "lwIP assertion \"%s\" failed at %s:%d\n", msg, file, line);
    abort();
}

static err_t fake_transmit(struct qnet_eth *e, struct pbuf *p)
{
    (void)e;
    (void)p;
    tx_frames++;
    return ERR_OK;
}

static const struct qnet_eth_ops fake_ops = {.transmit = fake_transmit};

static void advance(u32_t ms, u32_t step)
{
    for (u32_t t = 0; t < ms; t += step) {
        now_ms += step;
        sys_check_timeouts();
        netif_poll_all();
    }
}

static void on_udp_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr,
                        u16_t port)
{
    (void)arg;
    (void)udp_sendto(pcb, p, addr, port);
    pbuf_free(p);
}

static err_t on_tcp_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    (void)arg;
    (void)err;
    if (p == NULL) {
        return tcp_close(pcb);
    }
    for (struct pbuf *q = p; q != NULL; q = q->next) {
        (void)tcp_write(pcb, q->payload, q->len, TCP_WRITE_FLAG_COPY);
    }
    tcp_recved(pcb, p->tot_len);
    pbuf_free(p);
    return ERR_OK;
}

static err_t on_tcp_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg;
    if (err != ERR_OK || pcb == NULL) {
        return ERR_VAL;
    }
    tcp_recv(pcb, on_tcp_recv);
    return ERR_OK;
}

static void add_services(void)
{
    struct udp_pcb *u = udp_new_ip_type(IPADDR_TYPE_ANY);
    struct tcp_pcb *t = tcp_new_ip_type(IPADDR_TYPE_ANY);

    if (u == NULL || t == NULL || udp_bind(u, IP_ANY_TYPE, 7) != ERR_OK ||
        tcp_bind(t, IP_ANY_TYPE, 7) != ERR_OK) {
        abort();
    }
    udp_recv(u, on_udp_recv, NULL);
    t = tcp_listen(t);
    tcp_accept(t, on_tcp_accept);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x02};
    ip4_addr_t ip, mask, gw;
    ip6_addr_t ip6;
    s8_t index;

    (void)argc;
    (void)argv;
    lwip_init();
    IP4_ADDR(&ip, 192, 0, 2, 2);
    IP4_ADDR(&mask, 255, 255, 255, 0);
    IP4_ADDR(&gw, 192, 0, 2, 1);
    eth.ops = &fake_ops;
    memcpy(eth.mac, mac, sizeof(mac));
    if (netif_add(&eth.netif, &ip, &mask, &gw, &eth, qnet_eth_netif_init, ethernet_input) == NULL) {
        abort();
    }
    netif_create_ip6_linklocal_address(&eth.netif, 1);
    ip6addr_aton("fd00:51::2", &ip6);
    (void)netif_add_ip6_address(&eth.netif, &ip6, &index);
    netif_ip6_addr_set_state(&eth.netif, 0, IP6_ADDR_PREFERRED);
    netif_ip6_addr_set_state(&eth.netif, 1, IP6_ADDR_PREFERRED);
    netif_set_default(&eth.netif);
    netif_set_up(&eth.netif);
    netif_set_link_up(&eth.netif);
    add_services();
    return 0;
}

/* Nothing may hold memory once connections are gone and every timer has run out. */
static void check_no_leak(uint32_t fed)
{
    const struct qnet_eth_stats *s = &eth.stats;

    while (tcp_active_pcbs != NULL) {
        tcp_abort(tcp_active_pcbs);
    }
    while (tcp_tw_pcbs != NULL) {
        tcp_abort(tcp_tw_pcbs);
    }
    advance(DRAIN_MS, 1000u);
    if (lwip_stats.memp[MEMP_PBUF_POOL]->used != 0 || lwip_stats.mem.used != 0) {
        fprintf(stderr, "leak: %u pool pbufs, %lu heap bytes still in use\n",
                (unsigned)lwip_stats.memp[MEMP_PBUF_POOL]->used,
                (unsigned long)lwip_stats.mem.used);
        abort();
    }
    if (s->rx_frames + s->rx_malformed + s->rx_nomem + s->rx_rejected != fed) {
        fprintf(stderr, "counters miss frames: %u fed\n", (unsigned)fed);
        abort();
    }
}

/* As the virtio-net driver does with a buffer the device filled: a fresh one if lwIP took it. */
static void virtio_rx(const uint8_t *data, size_t len, uint32_t hdr_len)
{
    struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)QNET_VIRTIO_NET_RX_BUF, PBUF_POOL);

    if (p == NULL) {
        eth.stats.rx_nomem++;
        return;
    }
    memcpy(p->payload, data, len < p->len ? len : p->len); /* the device writes no further */
    if (!qnet_virtio_net_rx(&eth, p, (uint32_t)len, hdr_len)) {
        pbuf_free(p); /* the driver gives it back to the device */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t fed = 0;

    memset(&eth.stats, 0, sizeof(eth.stats));
    while (size >= 2) {
        unsigned header = (unsigned)data[0] << 8 | data[1];
        size_t len = header & 0x7ffu;

        data += 2;
        size -= 2;
        advance(((header >> 11) & 7u) * STEP_MS, STEP_MS);
        if (len > size) {
            len = size;
        }
        if (header & 0x4000u) {
            virtio_rx(data, len,
                      header & 0x8000u ? QNET_VIRTIO_NET_HDR_MODERN : QNET_VIRTIO_NET_HDR_LEGACY);
        } else {
            qnet_eth_input_copy(&eth, data, len);
        }
        netif_poll_all();
        fed++;
        data += len;
        size -= len;
    }
    check_no_leak(fed);
    return 0;
}
