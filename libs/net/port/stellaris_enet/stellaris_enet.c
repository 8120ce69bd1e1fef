/* SPDX-License-Identifier: MIT */
/*
 * stellaris_enet.c: the LM3S6965 Ethernet controller driver behind struct qnet_eth_ops (see
 * stellaris_enet.h). Register facts are the LM3S6965 data sheet's; QEMU's model
 * (stellaris_enet) implements the FIFOs, the interrupt registers and MACNP, but no PHY.
 *
 * FIFO formats (data sheet): a received frame is read as words, the first holding the 16-bit
 * frame length (the 2 length bytes, the frame and its 4-byte FCS) in its low half and the
 * frame's first two bytes in its high half. A frame to send is written the same way, except
 * that the length is the data length (the frame without its 14-byte header), and MACTR starts
 * it; the MAC pads it to 60 bytes and appends the FCS.
 *
 * Contexts and what each may touch:
 * - The interrupt handler reads MACRIS, masks the receive sources it saw in MACIM and wakes the
 *   receive task; it never touches the FIFO.
 * - rx_drain (receive task) owns the receive FIFO: it acknowledges the receive sources, reads
 *   every frame MACNP counts, then unmasks them. A frame arriving after the acknowledgement
 *   sets MACRIS again, so the line fires as soon as it is unmasked: no frame waits.
 * - transmit (lwIP core lock held) owns the transmit FIFO.
 * - The MII registers are used by start (before the interface exists) and then only with the
 *   core lock held (link_is_up), so one PHY access runs at a time.
 * - MACIM is read-modified-written by the handler and by tasks (inside a critical section).
 *
 * Receive buffers are lwIP heap pbufs (PBUF_RAM) of each frame's own size, not pool pbufs: the
 * LM3S6965's lwIP takes its pools from the kernel heap (its lwipopts.h), where a pool pbuf is a
 * whole 1.5 KiB frame even for a 60-byte ACK. With several connections' send and receive data
 * holding most of that heap, pool-sized receive buffers could not be had at all, so no ACK got
 * in to release the unacknowledged data holding the memory: every connection stalled for good.
 * A frame-sized buffer still fits when only a few hundred bytes are left.
 */
#include "stellaris_enet.h"
#include "quartz_net/board_eth.h"

#include "FreeRTOS.h"
#include "task.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

#include "lwip/pbuf.h"

/* MAC registers (byte offsets). */
#define MACRIS 0x00u /* read: raw interrupt status; write: MACIACK, clear those bits */
#define MACIM 0x04u
#define MACRCTL 0x08u
#define MACTCTL 0x0cu
#define MACDATA 0x10u
#define MACIA0 0x14u
#define MACIA1 0x18u
#define MACMCTL 0x20u
#define MACMDV 0x24u
#define MACMRXD 0x30u
#define MACNP 0x34u
#define MACTR 0x38u

#define INT_RX 0x01u   /* a frame is in the receive FIFO */
#define INT_FOV 0x08u  /* a frame was lost: receive FIFO full */
#define INT_RXER 0x10u /* a frame was received with an error (and dropped) */
#define INT_RX_ALL (INT_RX | INT_FOV | INT_RXER)
#define RCTL_RXEN 0x01u
#define RCTL_AMUL 0x02u   /* all multicast: IPv6 neighbour discovery, MLD, IGMP */
#define RCTL_BADCRC 0x08u /* reject frames with a bad FCS */
#define RCTL_RSTFIFO 0x10u
#define TCTL_TXEN 0x01u
#define TCTL_PADEN 0x02u
#define TCTL_CRC 0x04u
#define TCTL_DUPLEX 0x10u
#define MCTL_START 0x01u
#define MCTL_REGADR(r) ((uint32_t)(r) << 3)
#define MDV_DIVIDER 10u /* MDC = 50 MHz / (2 * (10 + 1)), under the PHY's 2.5 MHz */
#define TR_NEWTX 0x01u

#define PHY_MR1 1u /* IEEE basic status */
#define PHY_MR1_LINK 0x0004u

#define RX_LENGTH_OVERHEAD 6u /* the length field and the FCS */
#define RX_FIFO_BYTES 2048u   /* no length beyond it is real: resynchronise */
#define POLL_LIMIT 100000u    /* register polls before a busy bit counts as stuck */

_Static_assert(MEM_ALIGNMENT % 4 == 0, "lwipopts.h: pbuf payloads must be word aligned");

struct stellaris_enet {
    uintptr_t base;
    unsigned irq;
    struct qnet_eth *eth;
};

static struct stellaris_enet the_dev; /* one controller: the handler takes no argument */

static inline uint32_t rd(const struct stellaris_enet *dev, uint32_t reg)
{
    return *(volatile uint32_t *)(dev->base + reg);
}

static inline void wr(const struct stellaris_enet *dev, uint32_t reg, uint32_t value)
{
    *(volatile uint32_t *)(dev->base + reg) = value;
}

static int poll_clear(const struct stellaris_enet *dev, uint32_t reg, uint32_t mask)
{
    for (unsigned i = 0; i < POLL_LIMIT; i++) {
        if ((rd(dev, reg) & mask) == 0) {
            return 0;
        }
    }
    return -1;
}

/* 0 when the PHY does not answer (no MII, as in QEMU) or the access does not complete. */
static uint16_t phy_read(const struct stellaris_enet *dev, uint32_t reg)
{
    wr(dev, MACMCTL, MCTL_REGADR(reg) | MCTL_START);
    if (poll_clear(dev, MACMCTL, MCTL_START) != 0) {
        return 0;
    }
    return (uint16_t)rd(dev, MACMRXD);
}

/* Receive events: mask them until the receive task has drained the FIFO. */
static void stellaris_enet_irq(void)
{
    struct stellaris_enet *dev = &the_dev;
    uint32_t enabled = rd(dev, MACIM);
    uint32_t pending = rd(dev, MACRIS) & enabled & INT_RX_ALL;
    BaseType_t woken = pdFALSE;

    wr(dev, MACIM, enabled & ~pending);
    if (pending != 0) {
        qnet_eth_rx_isr(dev->eth, &woken);
    }
    portYIELD_FROM_ISR(woken);
}

/* The address QEMU (or the boot loader, from flash) put in MACIA0/1; a local one if none. */
static void read_mac(const struct stellaris_enet *dev, uint8_t mac[6])
{
    static const uint8_t fallback[6] = {0x02, 0x00, 0x51, 0x65, 0x96, 0x01};
    uint32_t lo = rd(dev, MACIA0);
    uint32_t hi = rd(dev, MACIA1);

    if (!qnet_eth_mac_unpack(mac, lo, hi, fallback)) {
        qnet_eth_mac_pack(mac, &lo, &hi);
        wr(dev, MACIA0, lo);
        wr(dev, MACIA1, hi);
    }
}

static err_t stellaris_enet_start(struct qnet_eth *eth)
{
    struct stellaris_enet *dev = eth->dev;
    uint16_t status;

    wr(dev, MACIM, 0);
    wr(dev, MACRCTL, RCTL_RSTFIFO); /* receiver off while the FIFO is emptied */
    wr(dev, MACRIS, 0x7fu);
    read_mac(dev, eth->mac);
    wr(dev, MACMDV, MDV_DIVIDER);
    status = phy_read(dev, PHY_MR1);
    eth->link_fixed = status == 0 || status == 0xffffu; /* a real PHY sets capability bits */
    wr(dev, MACTCTL, TCTL_TXEN | TCTL_PADEN | TCTL_CRC | TCTL_DUPLEX);
    wr(dev, MACRCTL, RCTL_RXEN | RCTL_AMUL | RCTL_BADCRC);
    wr(dev, MACIM, INT_RX_ALL);
    board_irq_set_handler(dev->irq, stellaris_enet_irq);
    arm_nvic_set_priority(dev->irq, arm_port_lowest_priority());
    arm_nvic_enable(dev->irq);
    return ERR_OK;
}

static void rx_discard(const struct stellaris_enet *dev, uint32_t words)
{
    while (words-- > 0) {
        (void)rd(dev, MACDATA);
    }
}

/*
 * One frame: its first word (length and two bytes) is already read. The frame goes a word at
 * a time into a heap pbuf of its size behind the 2 length bytes, which are then dropped from
 * the pbuf (so the IP header lands word aligned); the FCS stays behind and is discarded.
 * qnet_eth_input() judges frames too short; those too long to buffer are dropped and counted
 * here.
 */
static void rx_frame(struct qnet_eth *eth, const struct stellaris_enet *dev, uint32_t first)
{
    uint32_t length = first & 0xffffu;
    uint32_t words = (length + 3u) / 4u;
    uint32_t frame = length - RX_LENGTH_OVERHEAD;
    uint32_t data_words = (frame + 2u + 3u) / 4u;
    struct pbuf *p;
    uint32_t *dst;

    if (length < RX_LENGTH_OVERHEAD || length > RX_FIFO_BYTES) {
        eth->stats.rx_malformed++; /* not a length the FIFO can hold: start it afresh */
        wr(dev, MACRCTL, RCTL_RSTFIFO);
        wr(dev, MACRCTL, RCTL_RXEN | RCTL_AMUL | RCTL_BADCRC);
        return;
    }
    if (frame > QNET_ETH_MAX_FRAME) {
        eth->stats.rx_malformed++;
        rx_discard(dev, words - 1u);
        return;
    }
    p = pbuf_alloc(PBUF_RAW, (u16_t)(data_words * 4u), PBUF_RAM);
    if (p == NULL) {
        eth->stats.rx_nomem++;
        rx_discard(dev, words - 1u);
        return;
    }
    dst = p->payload; /* PBUF_RAM: one buffer, its payload aligned to MEM_ALIGNMENT */
    dst[0] = first;
    for (uint32_t i = 1; i < data_words; i++) {
        dst[i] = rd(dev, MACDATA);
    }
    rx_discard(dev, words - data_words);
    pbuf_realloc(p, (u16_t)(frame + 2u));
    (void)pbuf_remove_header(p, 2u);
    qnet_eth_input(eth, p);
}

static void stellaris_enet_rx_drain(struct qnet_eth *eth)
{
    struct stellaris_enet *dev = eth->dev;
    uint32_t status = rd(dev, MACRIS);

    wr(dev, MACRIS, status & INT_RX_ALL);
    if (status & INT_FOV) {
        eth->stats.rx_overrun++;
    }
    if (status & INT_RXER) {
        eth->stats.rx_malformed++; /* only the controller knows: bad FCS, runt, too long */
    }
    while (rd(dev, MACNP) != 0) {
        rx_frame(eth, dev, rd(dev, MACDATA));
    }
    taskENTER_CRITICAL(); /* MACIM is shared with the handler */
    wr(dev, MACIM, rd(dev, MACIM) | INT_RX_ALL);
    taskEXIT_CRITICAL();
}

/*
 * The chain as one byte stream behind the 16-bit data length, packed into words: pbufs start
 * at any address and end at any length, and the FIFO takes only words.
 */
static err_t stellaris_enet_transmit(struct qnet_eth *eth, struct pbuf *p)
{
    struct stellaris_enet *dev = eth->dev;
    uint32_t word = (uint32_t)(p->tot_len - QNET_ETH_HEADER);
    unsigned filled = 2;

    if (p->tot_len < QNET_ETH_HEADER || poll_clear(dev, MACTR, TR_NEWTX) != 0) {
        return ERR_IF; /* no header, or the previous frame never left */
    }
    for (const struct pbuf *q = p; q != NULL; q = q->next) {
        const uint8_t *b = q->payload;
        for (u16_t i = 0; i < q->len; i++) {
            word |= (uint32_t)b[i] << (8u * filled);
            if (++filled == 4u) {
                wr(dev, MACDATA, word);
                word = 0;
                filled = 0;
            }
        }
    }
    if (filled != 0) {
        wr(dev, MACDATA, word);
    }
    wr(dev, MACTR, TR_NEWTX);
    return ERR_OK;
}

/* Core lock held (see the file comment). The link bit latches low: the second read is current. */
static int stellaris_enet_link_is_up(struct qnet_eth *eth)
{
    struct stellaris_enet *dev = eth->dev;

    if (eth->link_fixed) {
        return 1;
    }
    (void)phy_read(dev, PHY_MR1);
    return (phy_read(dev, PHY_MR1) & PHY_MR1_LINK) != 0;
}

static const struct qnet_eth_ops stellaris_enet_ops = {
    .start = stellaris_enet_start,
    .transmit = stellaris_enet_transmit,
    .rx_drain = stellaris_enet_rx_drain,
    .link_is_up = stellaris_enet_link_is_up,
    .set_loopback = NULL, /* the MAC has no loopback, and QEMU models no PHY */
};

err_t qnet_stellaris_enet_add(struct qnet_eth *eth, uintptr_t base, unsigned irq,
                              const struct qnet_eth_config *config)
{
    configASSERT(the_dev.eth == NULL && irq < BOARD_IRQ_COUNT);
    the_dev.base = base;
    the_dev.irq = irq;
    the_dev.eth = eth;
    return qnet_eth_add(eth, &stellaris_enet_ops, &the_dev, config);
}

err_t qnet_board_eth_add(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    return qnet_stellaris_enet_add(eth, BOARD_ETH_BASE, BOARD_ETH_IRQ, config);
}
