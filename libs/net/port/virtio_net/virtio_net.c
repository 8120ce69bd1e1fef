/* SPDX-License-Identifier: MIT */
/*
 * virtio_net.c: the virtio-net driver over virtio-mmio behind struct qnet_eth_ops (see
 * virtio_net.h). Register, ring and feature facts are the virtio specification's (1.1: 4.2
 * virtio over MMIO, 2.6 split virtqueues, 5.1 network device; its legacy interface sections
 * for transport version 1); QEMU's hw/virtio models both versions.
 *
 * Two split virtqueues in static memory: receive (queue 0) and transmit (queue 1).
 * - Receive: each of the RX_SIZE descriptors always holds one lwIP pool pbuf, header and frame
 *   in one device-writable buffer (VIRTIO_F_ANY_LAYOUT in legacy mode, implied in modern).
 *   The receive task (rx_drain) takes filled buffers off the used ring, hands each one to lwIP
 *   as it is and posts a fresh pbuf in its place; with no pbuf to spare it drops the frame and
 *   posts the same buffer again, so the ring never runs dry.
 * - Transmit: descriptor chains of TX_SEGMENTS (the shared zero header, then each pbuf of the
 *   frame) in fixed slots; the pbuf chain is referenced until the device has used it, and
 *   reclaimed by the next transmit. Transmit interrupts are suppressed.
 *
 * Contexts: the interrupt handler acknowledges the device, asks for no more receive
 * interrupts (VRING_AVAIL_F_NO_INTERRUPT) and wakes the receive task; it touches nothing else.
 * rx_drain (receive task) owns the receive queue; transmit and link_is_up run with lwIP's core
 * lock held and own the transmit queue and the configuration space. The receive queue's avail
 * flags are written by both the handler and the task: a lost "no interrupt" only costs one
 * extra wake-up, and the task checks the used ring again after re-enabling interrupts.
 *
 * Ordering (spec 2.6.13, 2.6.14): descriptors and ring entries are written before the avail
 * index (barrier), the index before the device is notified or the notify-suppression flag is
 * read (barrier), and the used index is read before the used entries and buffers (barrier).
 */
#include "virtio_net.h"
#include "quartz_net/board_eth.h"

#include "FreeRTOS.h"
#include "task.h"

#include "board.h"

#include "lwip/pbuf.h"

#include <string.h>

/* virtio-mmio registers (byte offsets); (L) legacy only, (M) modern only. */
#define MMIO_MAGIC 0x000u
#define MMIO_VERSION 0x004u
#define MMIO_DEVICE_ID 0x008u
#define MMIO_DEVICE_FEATURES 0x010u
#define MMIO_DEVICE_FEATURES_SEL 0x014u
#define MMIO_DRIVER_FEATURES 0x020u
#define MMIO_DRIVER_FEATURES_SEL 0x024u
#define MMIO_GUEST_PAGE_SIZE 0x028u /* (L) */
#define MMIO_QUEUE_SEL 0x030u
#define MMIO_QUEUE_NUM_MAX 0x034u
#define MMIO_QUEUE_NUM 0x038u
#define MMIO_QUEUE_ALIGN 0x03cu /* (L) */
#define MMIO_QUEUE_PFN 0x040u   /* (L) */
#define MMIO_QUEUE_READY 0x044u /* (M) */
#define MMIO_QUEUE_NOTIFY 0x050u
#define MMIO_INTERRUPT_STATUS 0x060u
#define MMIO_INTERRUPT_ACK 0x064u
#define MMIO_STATUS 0x070u
#define MMIO_QUEUE_DESC 0x080u        /* (M) low word; high word at +4 */
#define MMIO_QUEUE_DRIVER 0x090u      /* (M) the avail ring */
#define MMIO_QUEUE_DEVICE 0x0a0u      /* (M) the used ring */
#define MMIO_CONFIG_GENERATION 0x0fcu /* (M) */
#define MMIO_CONFIG 0x100u

#define MAGIC_VALUE 0x74726976u /* "virt" */
#define DEVICE_ID_NET 1u
#define INT_USED_BUFFER 0x1u
#define INT_CONFIG_CHANGE 0x2u

#define STATUS_ACKNOWLEDGE 1u
#define STATUS_DRIVER 2u
#define STATUS_DRIVER_OK 4u
#define STATUS_FEATURES_OK 8u
#define STATUS_FAILED 128u

/* Feature bits; only these are ever accepted, so the device uses no offloads. */
#define F_NET_MAC 5u
#define F_NET_STATUS 16u
#define F_ANY_LAYOUT 27u
#define F_VERSION_1 32u

/* virtio_net_config: the MAC address, then the link status. */
#define NET_CONFIG_MAC 0u
#define NET_CONFIG_STATUS 6u
#define NET_S_LINK_UP 1u

#define VRING_DESC_F_NEXT 1u
#define VRING_DESC_F_WRITE 2u
#define VRING_AVAIL_F_NO_INTERRUPT 1u
#define VRING_USED_F_NO_NOTIFY 1u

#define RX_QUEUE 0u
#define TX_QUEUE 1u
#define RX_SIZE 16u                      /* receive buffers posted: pool pbufs held by the device */
#define TX_SIZE 32u                      /* transmit descriptors ... */
#define TX_SEGMENTS 4u                   /* ... in chains of the header and up to 3 pbufs ... */
#define TX_SLOTS (TX_SIZE / TX_SEGMENTS) /* ... so 8 frames in flight */
#define PAGE 4096u /* legacy: the guest page size and the used ring's alignment */

#if defined(__riscv)
#define barrier() __asm volatile("fence iorw, iorw" ::: "memory")
#else
#define barrier() __sync_synchronize()
#endif

_Static_assert(PBUF_POOL_BUFSIZE >= QNET_VIRTIO_NET_RX_BUF,
               "lwipopts.h: PBUF_POOL_BUFSIZE must hold a virtio-net header and a whole frame");
_Static_assert(PBUF_POOL_SIZE > 2 * RX_SIZE,
               "lwipopts.h: PBUF_POOL_SIZE must exceed the receive buffers the device holds");

struct vring_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
};

struct vring_used_elem {
    uint32_t id;
    uint32_t len;
};

struct vring_avail {
    uint16_t flags;
    uint16_t idx;
    uint16_t ring[];
};

struct vring_used {
    uint16_t flags;
    uint16_t idx;
    struct vring_used_elem ring[];
};

/*
 * One split virtqueue, laid out as the legacy interface computes it from the queue size (and
 * as the modern one accepts): the descriptor table, the avail ring right after it, the used
 * ring at the next PAGE boundary.
 */
struct vq {
    volatile struct vring_desc *desc;
    volatile struct vring_avail *avail;
    volatile struct vring_used *used;
    uint16_t size;
    uint16_t next_avail;         /* the avail index the device has not been shown yet */
    uint16_t used_seen;          /* used entries taken off */
    struct pbuf *pbufs[TX_SIZE]; /* by head descriptor: the buffer the device holds */
};

_Static_assert(TX_SIZE * sizeof(struct vring_desc) + (3 + TX_SIZE) * sizeof(uint16_t) <= PAGE &&
                   (3 + TX_SIZE * 2) * sizeof(uint32_t) <= PAGE && RX_SIZE <= TX_SIZE,
               "each queue's rings fit two pages");

struct virtio_net {
    uintptr_t base;
    unsigned irq;
    int modern;        /* transport version 2 */
    uint32_t hdr_len;  /* QNET_VIRTIO_NET_HDR_LEGACY or _MODERN */
    uint64_t features; /* negotiated */
    struct qnet_eth *eth;
    struct vq rx, tx;
};

static uint8_t ring_memory[2][2 * PAGE] __attribute__((aligned(PAGE)));
static struct virtio_net the_dev; /* one device: the handler takes no argument */
static const uint8_t tx_header[QNET_VIRTIO_NET_HDR_MODERN]; /* no offloads: all zero */

static inline uint32_t rd(const struct virtio_net *dev, uint32_t reg)
{
    return *(volatile uint32_t *)(dev->base + reg);
}

static inline void wr(const struct virtio_net *dev, uint32_t reg, uint32_t value)
{
    *(volatile uint32_t *)(dev->base + reg) = value;
}

static int has_feature(const struct virtio_net *dev, unsigned bit)
{
    return (dev->features >> bit) & 1u;
}

/* Used buffers are announced by the interrupt; configuration changes by the status field. */
static void virtio_net_irq(void)
{
    struct virtio_net *dev = &the_dev;
    uint32_t pending = rd(dev, MMIO_INTERRUPT_STATUS);
    BaseType_t woken = pdFALSE;

    wr(dev, MMIO_INTERRUPT_ACK, pending);
    if (pending & INT_CONFIG_CHANGE) {
        qnet_eth_link_isr(dev->eth, &woken);
    }
    if (pending & INT_USED_BUFFER) {
        dev->rx.avail->flags = VRING_AVAIL_F_NO_INTERRUPT; /* rx_drain turns it back on */
        qnet_eth_rx_isr(dev->eth, &woken);
    }
    portYIELD_FROM_ISR(woken);
}

/* Show the device what was added to the avail ring, and notify it unless it declines. */
static void vq_publish(const struct virtio_net *dev, struct vq *q, uint32_t queue)
{
    barrier();
    q->avail->idx = q->next_avail;
    barrier();
    if ((q->used->flags & VRING_USED_F_NO_NOTIFY) == 0) {
        wr(dev, MMIO_QUEUE_NOTIFY, queue);
    }
}

static void vq_add(struct vq *q, uint16_t head)
{
    q->avail->ring[q->next_avail % q->size] = head;
    q->next_avail++;
}

/* Take the next used entry if there is one; the barrier orders its contents after the index. */
static int vq_take_used(struct vq *q, struct vring_used_elem *elem)
{
    if (q->used->idx == q->used_seen) {
        return 0;
    }
    barrier();
    elem->id = q->used->ring[q->used_seen % q->size].id;
    elem->len = q->used->ring[q->used_seen % q->size].len;
    q->used_seen++;
    return 1;
}

/* Receive descriptor id holds p from now on (not yet published). */
static void rx_post(struct virtio_net *dev, uint16_t id, struct pbuf *p)
{
    volatile struct vring_desc *d = &dev->rx.desc[id];

    dev->rx.pbufs[id] = p;
    d->addr = (uintptr_t)p->payload;
    d->len = p->len;
    d->flags = VRING_DESC_F_WRITE;
    d->next = 0;
    vq_add(&dev->rx, id);
}

static struct pbuf *rx_buffer(void)
{
    return pbuf_alloc(PBUF_RAW, (u16_t)QNET_VIRTIO_NET_RX_BUF, PBUF_POOL);
}

/* One used receive buffer: hand it to lwIP with a fresh one in its place, or drop it. */
static void rx_one(struct qnet_eth *eth, struct virtio_net *dev, const struct vring_used_elem *e)
{
    struct pbuf *p, *fresh;

    if (e->id >= dev->rx.size || dev->rx.pbufs[e->id] == NULL) {
        eth->stats.rx_malformed++; /* not a buffer the device holds: nothing to give back */
        return;
    }
    p = dev->rx.pbufs[e->id];
    fresh = rx_buffer();
    if (fresh == NULL) {
        eth->stats.rx_nomem++;
        rx_post(dev, (uint16_t)e->id, p);
        return;
    }
    if (qnet_virtio_net_rx(eth, p, e->len, dev->hdr_len)) {
        p = fresh;
    } else {
        pbuf_free(fresh);
    }
    rx_post(dev, (uint16_t)e->id, p);
}

static void virtio_net_rx_drain(struct qnet_eth *eth)
{
    struct virtio_net *dev = eth->dev;
    struct vring_used_elem e;

    for (;;) {
        uint16_t posted = dev->rx.next_avail;

        while (vq_take_used(&dev->rx, &e)) {
            rx_one(eth, dev, &e);
        }
        if (dev->rx.next_avail != posted) {
            vq_publish(dev, &dev->rx, RX_QUEUE);
        }
        dev->rx.avail->flags = 0;
        barrier(); /* a buffer used before this line interrupted nobody: look again */
        if (dev->rx.used->idx == dev->rx.used_seen) {
            return;
        }
    }
}

/* Core lock held: drop the references to frames the device has sent. */
static void tx_reclaim(struct virtio_net *dev)
{
    struct vring_used_elem e;

    while (vq_take_used(&dev->tx, &e)) {
        if (e.id < dev->tx.size && dev->tx.pbufs[e.id] != NULL) {
            pbuf_free(dev->tx.pbufs[e.id]);
            dev->tx.pbufs[e.id] = NULL;
        }
    }
}

/* The chain as the device may read it later: referenced, or copied if it cannot wait. */
static struct pbuf *tx_hold(struct pbuf *p)
{
    unsigned segments = 0;
    int copy = 0;

    for (struct pbuf *q = p; q != NULL; q = q->next) {
        segments += q->len != 0;
        copy |= PBUF_NEEDS_COPY(q) != 0;
    }
    if (copy || segments > TX_SEGMENTS - 1u) {
        return pbuf_clone(PBUF_RAW, PBUF_RAM, p);
    }
    pbuf_ref(p);
    return p;
}

/* Core lock held. */
static err_t virtio_net_transmit(struct qnet_eth *eth, struct pbuf *p)
{
    struct virtio_net *dev = eth->dev;
    volatile struct vring_desc *d;
    uint16_t head = TX_SIZE, i;
    struct pbuf *held;

    tx_reclaim(dev);
    for (uint16_t slot = 0; slot < TX_SLOTS && head == TX_SIZE; slot++) {
        if (dev->tx.pbufs[slot * TX_SEGMENTS] == NULL) {
            head = (uint16_t)(slot * TX_SEGMENTS);
        }
    }
    if (head == TX_SIZE || (held = tx_hold(p)) == NULL) {
        return ERR_MEM;
    }
    d = dev->tx.desc;
    d[head].addr = (uintptr_t)tx_header;
    d[head].len = dev->hdr_len;
    i = head;
    for (struct pbuf *q = held; q != NULL; q = q->next) {
        if (q->len != 0) {
            d[i].flags = VRING_DESC_F_NEXT;
            d[i].next = (uint16_t)(i + 1u);
            i++;
            d[i].addr = (uintptr_t)q->payload;
            d[i].len = q->len;
        }
    }
    d[i].flags = 0;
    dev->tx.pbufs[head] = held;
    vq_add(&dev->tx, head);
    vq_publish(dev, &dev->tx, TX_QUEUE);
    return ERR_OK;
}

/* Core lock held (or before the interface exists). */
static int virtio_net_link_is_up(struct qnet_eth *eth)
{
    const struct virtio_net *dev = eth->dev;
    volatile const uint16_t *status =
        (volatile const uint16_t *)(dev->base + MMIO_CONFIG + NET_CONFIG_STATUS);

    return !has_feature(dev, F_NET_STATUS) || (*status & NET_S_LINK_UP) != 0;
}

/* The device's MAC address, read until the configuration generation holds still. */
static void read_mac(const struct virtio_net *dev, uint8_t mac[6])
{
    static const uint8_t fallback[6] = {0x02, 0x00, 0x51, 0x91, 0x00, 0x01};
    volatile const uint8_t *config = (volatile const uint8_t *)(dev->base + MMIO_CONFIG);
    uint32_t generation;

    if (!has_feature(dev, F_NET_MAC)) {
        memcpy(mac, fallback, sizeof(fallback)); /* locally administered */
        return;
    }
    do {
        generation = rd(dev, MMIO_CONFIG_GENERATION); /* legacy: always 0 */
        for (unsigned i = 0; i < 6; i++) {
            mac[i] = config[NET_CONFIG_MAC + i];
        }
    } while (rd(dev, MMIO_CONFIG_GENERATION) != generation);
}

/* Accept MAC, STATUS and what the transport version needs; nothing that changes frames. */
static int negotiate(struct virtio_net *dev)
{
    uint64_t offered, wanted = (1ull << F_NET_MAC) | (1ull << F_NET_STATUS);

    wr(dev, MMIO_DEVICE_FEATURES_SEL, 1);
    offered = (uint64_t)rd(dev, MMIO_DEVICE_FEATURES) << 32;
    wr(dev, MMIO_DEVICE_FEATURES_SEL, 0);
    offered |= rd(dev, MMIO_DEVICE_FEATURES);
    wanted |= dev->modern ? 1ull << F_VERSION_1 : 1ull << F_ANY_LAYOUT;
    if (dev->modern && !((offered >> F_VERSION_1) & 1u)) {
        return -1;
    }
    dev->features = offered & wanted;
    wr(dev, MMIO_DRIVER_FEATURES_SEL, 1);
    wr(dev, MMIO_DRIVER_FEATURES, (uint32_t)(dev->features >> 32));
    wr(dev, MMIO_DRIVER_FEATURES_SEL, 0);
    wr(dev, MMIO_DRIVER_FEATURES, (uint32_t)dev->features);
    if (!dev->modern) {
        return 0; /* legacy has no FEATURES_OK handshake */
    }
    wr(dev, MMIO_STATUS, rd(dev, MMIO_STATUS) | STATUS_FEATURES_OK);
    return (rd(dev, MMIO_STATUS) & STATUS_FEATURES_OK) ? 0 : -1;
}

static void wr64(const struct virtio_net *dev, uint32_t reg, uintptr_t addr)
{
    wr(dev, reg, (uint32_t)addr);
    wr(dev, reg + 4u, (uint32_t)((uint64_t)addr >> 32));
}

static int queue_setup(struct virtio_net *dev, struct vq *q, uint32_t queue, uint16_t size)
{
    uint8_t *mem = ring_memory[queue];

    wr(dev, MMIO_QUEUE_SEL, queue);
    if (rd(dev, MMIO_QUEUE_NUM_MAX) < size ||
        rd(dev, dev->modern ? MMIO_QUEUE_READY : MMIO_QUEUE_PFN) != 0) {
        return -1;
    }
    q->desc = (volatile struct vring_desc *)mem;
    q->avail = (volatile struct vring_avail *)(mem + size * sizeof(struct vring_desc));
    q->used = (volatile struct vring_used *)(mem + PAGE);
    q->size = size;
    wr(dev, MMIO_QUEUE_NUM, size);
    if (dev->modern) {
        wr64(dev, MMIO_QUEUE_DESC, (uintptr_t)q->desc);
        wr64(dev, MMIO_QUEUE_DRIVER, (uintptr_t)q->avail);
        wr64(dev, MMIO_QUEUE_DEVICE, (uintptr_t)q->used);
        wr(dev, MMIO_QUEUE_READY, 1);
    } else {
        /* The legacy layout puts the used ring at the first PAGE boundary after the avail ring. */
        wr(dev, MMIO_QUEUE_ALIGN, PAGE);
        wr(dev, MMIO_QUEUE_PFN, (uint32_t)((uintptr_t)mem / PAGE));
    }
    return 0;
}

/* Post a pool pbuf in every receive descriptor. */
static int rx_fill(struct virtio_net *dev)
{
    for (uint16_t id = 0; id < RX_SIZE; id++) {
        struct pbuf *p = rx_buffer();
        if (p == NULL) {
            return -1;
        }
        rx_post(dev, id, p);
    }
    return 0;
}

/* Reset the device and bring it up as spec 3.1.1 orders it (legacy: 4.2.4 / 3.1.2). */
static err_t virtio_net_start(struct qnet_eth *eth)
{
    struct virtio_net *dev = eth->dev;

    wr(dev, MMIO_STATUS, 0);
    wr(dev, MMIO_STATUS, STATUS_ACKNOWLEDGE);
    wr(dev, MMIO_STATUS, STATUS_ACKNOWLEDGE | STATUS_DRIVER);
    if (!dev->modern) {
        wr(dev, MMIO_GUEST_PAGE_SIZE, PAGE);
    }
    /* Legacy's header is struct virtio_net_hdr; modern's adds num_buffers. */
    dev->hdr_len = dev->modern ? QNET_VIRTIO_NET_HDR_MODERN : QNET_VIRTIO_NET_HDR_LEGACY;
    if (negotiate(dev) != 0 || queue_setup(dev, &dev->rx, RX_QUEUE, RX_SIZE) != 0 ||
        queue_setup(dev, &dev->tx, TX_QUEUE, TX_SIZE) != 0 || rx_fill(dev) != 0) {
        wr(dev, MMIO_STATUS, rd(dev, MMIO_STATUS) | STATUS_FAILED);
        return ERR_IF;
    }
    dev->tx.avail->flags = VRING_AVAIL_F_NO_INTERRUPT; /* reclaimed by transmit instead */
    read_mac(dev, eth->mac);
    board_irq_set_handler(dev->irq, virtio_net_irq);
    board_irq_enable(dev->irq, 1);
    wr(dev, MMIO_STATUS, rd(dev, MMIO_STATUS) | STATUS_DRIVER_OK);
    vq_publish(dev, &dev->rx, RX_QUEUE);
    return ERR_OK;
}

static const struct qnet_eth_ops virtio_net_ops = {
    .start = virtio_net_start,
    .transmit = virtio_net_transmit,
    .rx_drain = virtio_net_rx_drain,
    .link_is_up = virtio_net_link_is_up,
};

/* The first slot whose transport is virtio-mmio (version 1 or 2) with a network device. */
static int find_device(uintptr_t base, unsigned slots, uintptr_t stride)
{
    for (unsigned i = 0; i < slots; i++) {
        volatile const uint32_t *regs = (volatile const uint32_t *)(base + i * stride);
        uint32_t version = regs[MMIO_VERSION / 4u];

        if (regs[MMIO_MAGIC / 4u] == MAGIC_VALUE && (version == 1u || version == 2u) &&
            regs[MMIO_DEVICE_ID / 4u] == DEVICE_ID_NET) {
            return (int)i;
        }
    }
    return -1;
}

err_t qnet_virtio_net_add(struct qnet_eth *eth, uintptr_t base, unsigned slots, uintptr_t stride,
                          unsigned first_irq, const struct qnet_eth_config *config)
{
    int slot = find_device(base, slots, stride);

    configASSERT(the_dev.eth == NULL);
    if (slot < 0) {
        return ERR_IF;
    }
    the_dev.base = base + (uintptr_t)slot * stride;
    the_dev.irq = first_irq + (unsigned)slot;
    the_dev.modern = rd(&the_dev, MMIO_VERSION) == 2u;
    the_dev.eth = eth;
    return qnet_eth_add(eth, &virtio_net_ops, &the_dev, config);
}

err_t qnet_board_eth_add(struct qnet_eth *eth, const struct qnet_eth_config *config)
{
    return qnet_virtio_net_add(eth, BOARD_VIRTIO_MMIO_BASE, BOARD_VIRTIO_MMIO_COUNT,
                               BOARD_VIRTIO_MMIO_STRIDE, BOARD_VIRTIO_MMIO_IRQ, config);
}
