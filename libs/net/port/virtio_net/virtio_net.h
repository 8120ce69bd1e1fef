/* SPDX-License-Identifier: MIT */
/*
 * virtio_net.h: the driver for a virtio network device on the virtio-mmio transport, as on
 * QEMU's virt machines (`-netdev user,id=n0 -device virtio-net-device,netdev=n0`). It plugs into
 * lwIP through the shared seam (quartz_net/eth_netif.h): the device's receive queue holds lwIP
 * pool pbufs the device writes frames straight into (zero copy), transmit hands the pbuf chain
 * to the device (zero copy; a reference is held until the device is done), the interrupt
 * handler only wakes the interface's receive task, and the link state follows the device's
 * status field through its configuration-change interrupt.
 *
 * Both transport versions QEMU offers work: legacy (version 1, QEMU's default for virtio-mmio)
 * and modern (version 2, `-global virtio-mmio.force-legacy=false`, feature VIRTIO_F_VERSION_1).
 * One device per program: the interrupt handler takes no argument.
 */
#ifndef QUARTZ_NET_VIRTIO_NET_H
#define QUARTZ_NET_VIRTIO_NET_H

#include "quartz_net/eth_netif.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Find the first virtio network device among `slots` virtio-mmio transports, the first at
 * `base`, the next each `stride` bytes on, slot i interrupting on PLIC source first_irq + i
 * (board_defs.h: BOARD_VIRTIO_MMIO_*), reset it, set up its queues and add it to lwIP as eth
 * with config (qnet_start() must have run). The MAC address is the device's own (QEMU:
 * -device virtio-net-device,mac=...). Returns ERR_OK, ERR_IF when no slot holds a network
 * device or it refuses the features and queues offered, or qnet_eth_add()'s error. Call once.
 */
err_t qnet_virtio_net_add(struct qnet_eth *eth, uintptr_t base, unsigned slots, uintptr_t stride,
                          unsigned first_irq, const struct qnet_eth_config *config);

/* Bytes of the virtio-net header before each frame: legacy 10, modern (VERSION_1) 12. */
#define QNET_VIRTIO_NET_HDR_LEGACY 10u
#define QNET_VIRTIO_NET_HDR_MODERN 12u
/* A receive buffer: the header and the largest frame. */
#define QNET_VIRTIO_NET_RX_BUF (QNET_VIRTIO_NET_HDR_MODERN + QNET_ETH_MAX_FRAME)

/*
 * The receive path after the device (virtio_net_rx.c, free of hardware so the fuzz target
 * runs it on the host). p is one pool pbuf of p->len bytes the device wrote used_len bytes
 * into: a virtio-net header of hdr_len bytes, then the frame. A frame whose header or length
 * the driver cannot accept is counted in eth->stats.rx_malformed and 0 is returned: p stays
 * the caller's, to give back to the device. Otherwise p, trimmed to the frame, goes to
 * qnet_eth_input() (which judges the frame's own length) and 1 is returned.
 */
int qnet_virtio_net_rx(struct qnet_eth *eth, struct pbuf *p, uint32_t used_len, uint32_t hdr_len);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_VIRTIO_NET_H */
