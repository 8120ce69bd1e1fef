/* SPDX-License-Identifier: MIT */
/*
 * virtio_net_rx.c: what the virtio-net driver does with one buffer the device has filled,
 * kept apart from the hardware so the fuzz target (libs/net/fuzz) runs exactly this code on
 * the host. The device is trusted no further than the virtio spec binds it: the length it
 * reports may be anything, and the header must ask for nothing the driver did not negotiate
 * (no checksum offload, no segmentation offload), since such a frame would reach lwIP
 * incomplete.
 */
#include "virtio_net.h"

#define HDR_FLAGS 0u /* byte offsets in struct virtio_net_hdr */
#define HDR_GSO_TYPE 1u
#define HDR_F_NEEDS_CSUM 0x1u
#define HDR_GSO_NONE 0u

int qnet_virtio_net_rx(struct qnet_eth *eth, struct pbuf *p, uint32_t used_len, uint32_t hdr_len)
{
    const uint8_t *hdr = p->payload;

    if (p->next != NULL || hdr_len > p->len || used_len < hdr_len || used_len > p->len ||
        (hdr[HDR_FLAGS] & HDR_F_NEEDS_CSUM) != 0 || hdr[HDR_GSO_TYPE] != HDR_GSO_NONE) {
        eth->stats.rx_malformed++;
        return 0;
    }
    (void)pbuf_remove_header(p, hdr_len);
    pbuf_realloc(p, (u16_t)(used_len - hdr_len));
    qnet_eth_input(eth, p);
    return 1;
}
