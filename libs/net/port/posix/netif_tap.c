/* SPDX-License-Identifier: MIT */
/*
 * netif_tap.c: the POSIX port's Ethernet driver over a Linux TAP device (see netif_tap.h).
 *
 * Threads and ownership:
 * - One host reader thread per device owns ring[head] and `head`: it reads a frame into the
 *   next free slot, publishes it by advancing head (release), then raises the device's
 *   interrupt line. It never touches the kernel or lwIP, and runs with every signal blocked
 *   so the port's tick signal always lands on the kernel thread.
 * - The interface's receive task (tap_rx_drain) owns ring[tail] and `tail`: it copies each
 *   published slot into lwIP and hands the slot back by advancing tail (release).
 * - Transmit runs under lwIP's core lock, so the device's transmit buffer has one user.
 * - The carrier flag is written by qnet_tap_set_link() and read by every context: atomic.
 * The reader thread and the device live until the program ends (lwIP has no teardown).
 */
#include "netif_tap.h"

#include "FreeRTOS.h"
#include "posix_port.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define RING_SLOTS 128u  /* a power of two: indices run freely and wrap */
#define SLOT_BYTES 2048u /* larger than any legal frame, so oversized ones are seen whole */

struct tap_slot {
    size_t len;
    uint8_t data[SLOT_BYTES];
};

struct tap_dev {
    struct qnet_eth *eth;
    int fd;
    unsigned irq;
    uint8_t mac[6];
    atomic_uint head;
    atomic_uint tail;
    atomic_uint overruns;
    atomic_int carrier;
    atomic_int link_event; /* qnet_tap_set_link() asks the handler to post a link event */
    pthread_t reader;
    uint8_t tx[SLOT_BYTES];
    struct tap_slot ring[RING_SLOTS];
};

static struct tap_dev taps[QNET_TAP_MAX];
static unsigned tap_count;

/* The interrupt handler of device i: wake its receive task (handlers take no argument). */
static void tap_irq(struct tap_dev *dev)
{
    BaseType_t woken = pdFALSE;

    if (atomic_exchange(&dev->link_event, 0)) {
        qnet_eth_link_isr(dev->eth, &woken);
    }
    qnet_eth_rx_isr(dev->eth, &woken);
    portYIELD_FROM_ISR(woken);
}

static void tap_irq0(void)
{
    tap_irq(&taps[0]);
}
static void tap_irq1(void)
{
    tap_irq(&taps[1]);
}
static void tap_irq2(void)
{
    tap_irq(&taps[2]);
}
static void tap_irq3(void)
{
    tap_irq(&taps[3]);
}
static void (*const tap_handlers[QNET_TAP_MAX])(void) = {tap_irq0, tap_irq1, tap_irq2, tap_irq3};

static void *reader_thread(void *arg)
{
    struct tap_dev *dev = arg;
    struct pollfd ready = {.fd = dev->fd, .events = POLLIN};
    uint8_t discard[SLOT_BYTES];

    for (;;) {
        /*
         * Wait for a frame before choosing where it goes: judged before a long wait, a full
         * ring would still look full after the receive task had emptied it.
         */
        if (poll(&ready, 1, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            perror("netif_tap: poll");
            return NULL;
        }
        unsigned head = atomic_load_explicit(&dev->head, memory_order_relaxed);
        unsigned tail = atomic_load_explicit(&dev->tail, memory_order_acquire);
        int full = head - tail >= RING_SLOTS;
        struct tap_slot *slot = &dev->ring[head % RING_SLOTS];
        ssize_t n = read(dev->fd, full ? discard : slot->data, SLOT_BYTES);

        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            perror("netif_tap: read");
            return NULL;
        }
        if (full) {
            atomic_fetch_add(&dev->overruns, 1u);
            continue;
        }
        if (!atomic_load(&dev->carrier)) {
            continue; /* an unplugged cable delivers nothing */
        }
        slot->len = (size_t)n;
        atomic_store_explicit(&dev->head, head + 1, memory_order_release);
        posix_irq_raise(dev->irq);
    }
}

static err_t tap_start(struct qnet_eth *eth)
{
    struct tap_dev *dev = eth->dev;
    sigset_t all, old;
    int rc;

    memcpy(eth->mac, dev->mac, sizeof(dev->mac));
    posix_irq_set_handler(dev->irq, tap_handlers[dev - taps]);
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    rc = pthread_create(&dev->reader, NULL, reader_thread, dev);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        fprintf(stderr, "netif_tap: cannot start the reader thread: %s\n", strerror(rc));
        return ERR_IF;
    }
    return ERR_OK;
}

static void tap_rx_drain(struct qnet_eth *eth)
{
    struct tap_dev *dev = eth->dev;
    unsigned tail = atomic_load_explicit(&dev->tail, memory_order_relaxed);

    while (tail != atomic_load_explicit(&dev->head, memory_order_acquire)) {
        struct tap_slot *slot = &dev->ring[tail % RING_SLOTS];

        qnet_eth_input_copy(eth, slot->data, slot->len);
        tail++;
        atomic_store_explicit(&dev->tail, tail, memory_order_release);
    }
    eth->stats.rx_overrun = atomic_load(&dev->overruns);
}

static err_t tap_transmit(struct qnet_eth *eth, struct pbuf *p)
{
    struct tap_dev *dev = eth->dev;
    u16_t len = pbuf_copy_partial(p, dev->tx, p->tot_len, 0);

    if (!atomic_load(&dev->carrier) || write(dev->fd, dev->tx, len) != (ssize_t)len) {
        return ERR_IF;
    }
    return ERR_OK;
}

static int tap_link_is_up(struct qnet_eth *eth)
{
    struct tap_dev *dev = eth->dev;

    return atomic_load(&dev->carrier);
}

static const struct qnet_eth_ops tap_ops = {
    .start = tap_start,
    .transmit = tap_transmit,
    .rx_drain = tap_rx_drain,
    .link_is_up = tap_link_is_up,
};

static int tap_open(const char *ifname)
{
    struct ifreq ifr;
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

    if (fd < 0) {
        perror("netif_tap: open /dev/net/tun");
        return -1;
    }
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        fprintf(stderr, "netif_tap: cannot attach to TAP device %s: %s\n", ifname, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

err_t qnet_tap_add(struct qnet_eth *eth, const char *ifname, unsigned irq, const uint8_t mac[6],
                   const struct qnet_eth_config *config)
{
    struct tap_dev *dev;
    int fd;

    configASSERT(tap_count < QNET_TAP_MAX && irq >= 1 && irq < POSIX_IRQ_COUNT);
    fd = tap_open(ifname);
    if (fd < 0) {
        return ERR_IF;
    }
    dev = &taps[tap_count++];
    dev->eth = eth;
    dev->fd = fd;
    dev->irq = irq;
    memcpy(dev->mac, mac, sizeof(dev->mac));
    atomic_init(&dev->carrier, 1);
    return qnet_eth_add(eth, &tap_ops, dev, config);
}

void qnet_tap_set_link(struct qnet_eth *eth, int up)
{
    struct tap_dev *dev = eth->dev;
    int carrier = up ? 1 : 0;

    if (ioctl(dev->fd, TUNSETCARRIER, &carrier) < 0) {
        perror("netif_tap: TUNSETCARRIER");
    }
    atomic_store(&dev->carrier, carrier);
    atomic_store(&dev->link_event, 1);
    posix_irq_raise(dev->irq);
}
