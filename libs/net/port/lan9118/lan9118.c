/* SPDX-License-Identifier: MIT */
/*
 * lan9118.c: the SMSC LAN9118 driver behind struct qnet_eth_ops (see lan9118.h). Register
 * facts are the LAN9118 datasheet's; QEMU's model (hw/net/lan9118.c) implements the subset
 * used here.
 *
 * Contexts and what each may touch:
 * - The interrupt handler reads INT_STS, masks the sources it saw in INT_EN (receive status,
 *   PHY) and wakes the receive task; it never touches the FIFOs or the MAC CSRs.
 * - rx_drain (receive task) owns the RX status and data FIFOs, and unmasks the receive sources
 *   when the status FIFO is empty. A frame arriving in between sets RSFL again, so the
 *   level-triggered line fires as soon as it is unmasked: no frame waits for the next one.
 * - transmit (lwIP core lock held) owns the TX data FIFO.
 * - The MAC CSRs and, through them, the PHY's MII registers are used by start (before the
 *   interface exists) and then only with the core lock held (link_is_up and set_loopback are
 *   called under it), so one indirect access runs at a time.
 * - INT_EN is read-modified-written by the handler and by tasks (inside a critical section).
 */
#include "lan9118.h"
#include "quartz_net/board_eth.h"

#include "FreeRTOS.h"
#include "task.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

#include "lwip/pbuf.h"

/* System control and status registers (byte offsets). */
#define RX_DATA_FIFO 0x00u
#define TX_DATA_FIFO 0x20u
#define RX_STATUS_FIFO 0x40u
#define ID_REV 0x50u
#define IRQ_CFG 0x54u
#define INT_STS 0x58u
#define INT_EN 0x5cu
#define BYTE_TEST 0x64u
#define FIFO_INT 0x68u
#define RX_CFG 0x6cu
#define TX_CFG 0x70u
#define HW_CFG 0x74u
#define RX_FIFO_INF 0x7cu
#define TX_FIFO_INF 0x80u
#define PMT_CTRL 0x84u
#define RX_DROP 0xa0u
#define MAC_CSR_CMD 0xa4u
#define MAC_CSR_DATA 0xa8u

#define BYTE_TEST_VALUE 0x87654321u
#define IRQ_CFG_EN 0x100u      /* drive the IRQ pin */
#define IRQ_CFG_POL_HIGH 0x10u /* active high ... */
#define IRQ_CFG_PUSH_PULL 0x1u /* ... push-pull: what the NVIC line expects */
#define INT_PHY (1u << 18)     /* the PHY's interrupt source register has a bit set */
#define INT_RXDF (1u << 6)     /* a frame was dropped: RX FIFO full */
#define INT_RSFL (1u << 3)     /* RX status FIFO above its level (0: one frame) */
#define INT_RX (INT_RSFL | INT_RXDF)
#define HW_CFG_SRST 0x1u
#define PMT_CTRL_READY 0x1u
#define TX_CFG_TX_ON 0x2u
#define TX_CFG_TXSAO 0x4u /* let the TX status FIFO overflow: nobody reads it */
#define MAC_CSR_BUSY (1u << 31)
#define MAC_CSR_READ (1u << 30)
#define RX_STS_LENGTH(s) (((s) >> 16) & 0x3fffu) /* bytes, the 4-byte FCS included */
#define RX_STS_ERROR (1u << 15)
#define TX_CMD_A_FIRST (1u << 13)
#define TX_CMD_A_LAST (1u << 12)
#define TX_CMD_A_OFFSET(n) ((uint32_t)(n) << 16) /* bytes to skip in the first word */

/* MAC CSRs, reached through MAC_CSR_CMD/DATA. */
#define MAC_CR 1u
#define MAC_ADDRH 2u
#define MAC_ADDRL 3u
#define MAC_MII_ACC 6u
#define MAC_MII_DATA 7u
#define MAC_CR_FDPX (1u << 20)
#define MAC_CR_MCPAS (1u << 19) /* all multicast: IPv6 neighbour discovery, MLD, IGMP */
#define MAC_CR_TXEN (1u << 3)
#define MAC_CR_RXEN (1u << 2)
#define MII_ACC_BUSY 0x1u
#define MII_ACC_WRITE 0x2u
#define PHY_ADDRESS 1u /* the internal PHY */

/* PHY registers. */
#define PHY_BCR 0u
#define PHY_BSR 1u
#define PHY_INT_SOURCE 29u
#define PHY_INT_MASK 30u
#define PHY_BCR_LOOPBACK 0x4000u
#define PHY_BCR_AUTONEG 0x1000u
#define PHY_BCR_RESTART_AUTONEG 0x0200u
#define PHY_BSR_LINK 0x0004u
#define PHY_INT_LINK_DOWN 0x10u
#define PHY_INT_AUTONEG_DONE 0x40u

#define POLL_LIMIT 100000u         /* register polls before a busy bit counts as stuck */
#define RX_MAX_STATUS_LENGTH 2048u /* larger is no frame the FIFO can hold: resynchronise */

/*
 * A legal frame, rounded up to a word, fits one pool pbuf, so received frames are never chained.
 * Longer ones (read only to be counted) may chain: rx_frame's word loop handles that, since
 * every pool pbuf but the last holds a multiple of MEM_ALIGNMENT bytes.
 */
_Static_assert(PBUF_POOL_BUFSIZE >= ((QNET_ETH_MAX_FRAME + 3u) & ~3u),
               "lwipopts.h: PBUF_POOL_BUFSIZE must hold a whole frame rounded up to a word");
_Static_assert(MEM_ALIGNMENT % 4 == 0, "lwipopts.h: pbuf payloads must be word aligned");

struct lan9118 {
    uintptr_t base;
    unsigned irq;
    struct qnet_eth *eth;
    uint16_t tx_tag;
};

static struct lan9118 the_dev; /* one controller: the handler takes no argument */

static inline uint32_t rd(const struct lan9118 *dev, uint32_t reg)
{
    return *(volatile uint32_t *)(dev->base + reg);
}

static inline void wr(const struct lan9118 *dev, uint32_t reg, uint32_t value)
{
    *(volatile uint32_t *)(dev->base + reg) = value;
}

/* Task context: INT_EN is shared with the handler. */
static void int_enable(const struct lan9118 *dev, uint32_t bits)
{
    taskENTER_CRITICAL();
    wr(dev, INT_EN, rd(dev, INT_EN) | bits);
    taskEXIT_CRITICAL();
}

static int poll_clear(const struct lan9118 *dev, uint32_t reg, uint32_t mask)
{
    for (unsigned i = 0; i < POLL_LIMIT; i++) {
        if ((rd(dev, reg) & mask) == 0) {
            return 0;
        }
    }
    return -1;
}

static uint32_t mac_read(const struct lan9118 *dev, uint32_t reg)
{
    (void)poll_clear(dev, MAC_CSR_CMD, MAC_CSR_BUSY);
    wr(dev, MAC_CSR_CMD, MAC_CSR_BUSY | MAC_CSR_READ | reg);
    (void)poll_clear(dev, MAC_CSR_CMD, MAC_CSR_BUSY);
    return rd(dev, MAC_CSR_DATA);
}

static void mac_write(const struct lan9118 *dev, uint32_t reg, uint32_t value)
{
    (void)poll_clear(dev, MAC_CSR_CMD, MAC_CSR_BUSY);
    wr(dev, MAC_CSR_DATA, value);
    wr(dev, MAC_CSR_CMD, MAC_CSR_BUSY | reg);
    (void)poll_clear(dev, MAC_CSR_CMD, MAC_CSR_BUSY);
}

static void mii_wait(const struct lan9118 *dev)
{
    for (unsigned i = 0; i < POLL_LIMIT; i++) {
        if ((mac_read(dev, MAC_MII_ACC) & MII_ACC_BUSY) == 0) {
            return;
        }
    }
}

static uint16_t phy_read(const struct lan9118 *dev, uint32_t reg)
{
    mii_wait(dev);
    mac_write(dev, MAC_MII_ACC, (PHY_ADDRESS << 11) | (reg << 6) | MII_ACC_BUSY);
    mii_wait(dev);
    return (uint16_t)mac_read(dev, MAC_MII_DATA);
}

static void phy_write(const struct lan9118 *dev, uint32_t reg, uint16_t value)
{
    mii_wait(dev);
    mac_write(dev, MAC_MII_DATA, value);
    mac_write(dev, MAC_MII_ACC, (PHY_ADDRESS << 11) | (reg << 6) | MII_ACC_WRITE | MII_ACC_BUSY);
    mii_wait(dev);
}

/* Receive status or PHY events: mask them until the receive task has dealt with them. */
static void lan9118_irq(void)
{
    struct lan9118 *dev = &the_dev;
    uint32_t enabled = rd(dev, INT_EN);
    uint32_t pending = rd(dev, INT_STS) & enabled;
    BaseType_t woken = pdFALSE;

    wr(dev, INT_EN, enabled & ~(pending & (INT_RX | INT_PHY)));
    wr(dev, INT_STS, pending & INT_RX); /* PHY_INT clears when its source register is read */
    if (pending & INT_PHY) {
        qnet_eth_link_isr(dev->eth, &woken);
    }
    if (pending & INT_RX) {
        qnet_eth_rx_isr(dev->eth, &woken);
    }
    portYIELD_FROM_ISR(woken);
}

/* Read the MAC address QEMU (or the EEPROM) loaded; a locally administered one if none. */
static void read_mac(const struct lan9118 *dev, uint8_t mac[6])
{
    static const uint8_t fallback[6] = {0x02, 0x00, 0x51, 0x91, 0x18, 0x01};
    uint32_t lo = mac_read(dev, MAC_ADDRL);
    uint32_t hi = mac_read(dev, MAC_ADDRH);

    if (!qnet_eth_mac_unpack(mac, lo, hi, fallback)) {
        qnet_eth_mac_pack(mac, &lo, &hi);
        mac_write(dev, MAC_ADDRL, lo);
        mac_write(dev, MAC_ADDRH, hi);
    }
}

static int chip_present(const struct lan9118 *dev)
{
    uint32_t id = rd(dev, ID_REV) >> 16;

    /* LAN9115..LAN9118 and the LAN921x/LAN9220 family, which MPS2 hardware carries. */
    return rd(dev, BYTE_TEST) == BYTE_TEST_VALUE &&
           ((id >= 0x0115u && id <= 0x0118u) || (id >= 0x9210u && id <= 0x9221u));
}

static err_t lan9118_start(struct qnet_eth *eth)
{
    struct lan9118 *dev = eth->dev;

    if (!chip_present(dev)) {
        return ERR_IF;
    }
    wr(dev, HW_CFG, HW_CFG_SRST);
    if (poll_clear(dev, HW_CFG, HW_CFG_SRST) != 0 || (rd(dev, PMT_CTRL) & PMT_CTRL_READY) == 0) {
        return ERR_IF;
    }
    read_mac(dev, eth->mac);
    phy_write(dev, PHY_BCR, PHY_BCR_AUTONEG | PHY_BCR_RESTART_AUTONEG);
    (void)phy_read(dev, PHY_INT_SOURCE); /* drop events from before the reset */
    phy_write(dev, PHY_INT_MASK, PHY_INT_LINK_DOWN | PHY_INT_AUTONEG_DONE);
    mac_write(dev, MAC_CR, MAC_CR_FDPX | MAC_CR_MCPAS | MAC_CR_TXEN | MAC_CR_RXEN);
    wr(dev, RX_CFG, 0);   /* frames start at the first word, no padding */
    wr(dev, FIFO_INT, 0); /* RSFL as soon as one frame's status is waiting */
    wr(dev, TX_CFG, TX_CFG_TX_ON | TX_CFG_TXSAO);
    wr(dev, INT_STS, 0xffffffffu);
    wr(dev, INT_EN, INT_RX | INT_PHY);
    board_irq_set_handler(dev->irq, lan9118_irq);
    arm_nvic_set_priority(dev->irq, arm_port_lowest_priority());
    wr(dev, IRQ_CFG, IRQ_CFG_EN | IRQ_CFG_POL_HIGH | IRQ_CFG_PUSH_PULL);
    arm_nvic_enable(dev->irq);
    return ERR_OK;
}

/* Pop and forget n words of the RX data FIFO. */
static void rx_discard(const struct lan9118 *dev, uint32_t words)
{
    while (words-- > 0) {
        (void)rd(dev, RX_DATA_FIFO);
    }
}

/*
 * One frame whose status word is `status`: read it a word at a time straight into a pool pbuf
 * (the one copy the FIFO needs) and hand it on. Lengths are judged by qnet_eth_input(), which
 * drops and counts frames too short or too long; the FCS stays behind in the FIFO.
 */
static void rx_frame(struct qnet_eth *eth, const struct lan9118 *dev, uint32_t status)
{
    uint32_t length = RX_STS_LENGTH(status);
    uint32_t words = (length + 3u) / 4u;
    uint32_t frame = length >= 4u ? length - 4u : 0u;
    uint32_t data_words = (frame + 3u) / 4u;
    struct pbuf *p;

    if ((status & RX_STS_ERROR) || length > RX_MAX_STATUS_LENGTH) {
        eth->stats.rx_malformed++; /* only the controller knows: CRC, runt, too long */
        rx_discard(dev, words);
        return;
    }
    p = pbuf_alloc(PBUF_RAW, (u16_t)(data_words * 4u), PBUF_POOL);
    if (p == NULL) {
        eth->stats.rx_nomem++;
        rx_discard(dev, words);
        return;
    }
    for (struct pbuf *q = p; q != NULL; q = q->next) {
        uint32_t *dst = q->payload; /* word aligned; every q->len is a multiple of 4 */
        for (uint32_t i = 0; i < q->len / 4u; i++) {
            dst[i] = rd(dev, RX_DATA_FIFO);
        }
    }
    rx_discard(dev, words - data_words);
    pbuf_realloc(p, (u16_t)frame);
    qnet_eth_input(eth, p);
}

static void lan9118_rx_drain(struct qnet_eth *eth)
{
    struct lan9118 *dev = eth->dev;

    while (((rd(dev, RX_FIFO_INF) >> 16) & 0xffu) != 0) {
        rx_frame(eth, dev, rd(dev, RX_STATUS_FIFO));
    }
    eth->stats.rx_overrun += rd(dev, RX_DROP); /* clears on read */
    int_enable(dev, INT_RX);
}

/* Wait (briefly: the core lock is held) for room for `bytes` in the TX data FIFO. */
static int tx_room(const struct lan9118 *dev, uint32_t bytes)
{
    for (unsigned i = 0; i < POLL_LIMIT; i++) {
        if ((rd(dev, TX_FIFO_INF) & 0xffffu) >= bytes) {
            return 0;
        }
    }
    return -1;
}

/*
 * One TX buffer per pbuf of the chain, read from the word-aligned address at or below its
 * payload: command word A says how many leading bytes to skip, so no pbuf is copied first.
 */
static err_t lan9118_transmit(struct qnet_eth *eth, struct pbuf *p)
{
    struct lan9118 *dev = eth->dev;
    uint32_t sent = 0;
    uint32_t tag = ++dev->tx_tag;

    /* Worst case: every buffer has two command words and two partial words. */
    if (tx_room(dev, p->tot_len + 16u * pbuf_clen(p)) != 0) {
        return ERR_MEM;
    }
    for (const struct pbuf *q = p; q != NULL; q = q->next) {
        uintptr_t start = (uintptr_t)q->payload;
        uint32_t offset = (uint32_t)(start & 3u);
        const volatile uint32_t *src = (const volatile uint32_t *)(start - offset);
        uint32_t cmd_a = TX_CMD_A_OFFSET(offset) | q->len;

        if (q->len == 0) {
            continue;
        }
        cmd_a |= sent == 0 ? TX_CMD_A_FIRST : 0u;
        sent += q->len;
        cmd_a |= sent == p->tot_len ? TX_CMD_A_LAST : 0u;
        wr(dev, TX_DATA_FIFO, cmd_a);
        wr(dev, TX_DATA_FIFO, (tag << 16) | p->tot_len);
        for (uint32_t i = 0; i < (offset + q->len + 3u) / 4u; i++) {
            wr(dev, TX_DATA_FIFO, src[i]);
        }
    }
    return ERR_OK;
}

/* Core lock held (see the file comment). Reading the source register re-arms PHY_INT. */
static int lan9118_link_is_up(struct qnet_eth *eth)
{
    struct lan9118 *dev = eth->dev;
    int up;

    (void)phy_read(dev, PHY_INT_SOURCE);
    (void)phy_read(dev, PHY_BSR); /* the link bit latches low: the second read is current */
    up = (phy_read(dev, PHY_BSR) & PHY_BSR_LINK) != 0;
    int_enable(dev, INT_PHY);
    return up;
}

/* Core lock held (see the file comment). */
static void lan9118_set_loopback(struct qnet_eth *eth, int on)
{
    struct lan9118 *dev = eth->dev;
    uint16_t bcr = phy_read(dev, PHY_BCR);

    bcr = on ? (uint16_t)(bcr | PHY_BCR_LOOPBACK) : (uint16_t)(bcr & ~PHY_BCR_LOOPBACK);
    phy_write(dev, PHY_BCR, bcr);
}

static const struct qnet_eth_ops lan9118_ops = {
    .start = lan9118_start,
    .transmit = lan9118_transmit,
    .rx_drain = lan9118_rx_drain,
    .link_is_up = lan9118_link_is_up,
    .set_loopback = lan9118_set_loopback,
};

err_t qnet_lan9118_add(struct qnet_eth *eth, uintptr_t base, unsigned irq,
                       const struct qnet_eth_config *config)
{
    configASSERT(the_dev.eth == NULL && irq < BOARD_IRQ_COUNT);
    the_dev.base = base;
    the_dev.irq = irq;
    the_dev.eth = eth;
    return qnet_eth_add(eth, &lan9118_ops, &the_dev, config);
}

err_t qnet_board_eth_add(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    return qnet_lan9118_add(eth, BOARD_ETH_BASE, BOARD_ETH_IRQ, config);
}
