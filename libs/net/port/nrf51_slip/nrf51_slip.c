/* SPDX-License-Identifier: MIT */
/*
 * nrf51_slip.c: lwIP's serial I/O layer (lwip/sio.h) over the nRF51 UART, for the SLIP
 * interface (see nrf51_slip.h). Register facts are the nRF51 Series Reference Manual's
 * (UART chapter); QEMU 7.2's model (nrf51_soc.uart) implements ENABLE, STARTRX/STARTTX,
 * the RXDRDY and TXDRDY events, RXD, TXD and INTENSET/INTENCLR, ignores BAUDRATE and the pin
 * selection, and keeps a 6-byte receive FIFO. It takes bytes from its chardev only while that
 * FIFO has room, so a UART the program does not read holds the host back instead of losing
 * bytes: the flow control below relies on that (on silicon, enable RTS/CTS for the same).
 *
 * Receive: the interrupt handler moves bytes from RXD into a ring (RING_BYTES) and wakes the
 * reader, lwIP's slipif thread blocked in sio_read(). When the ring is full the handler
 * masks RXDRDY and leaves the bytes in the UART; the reader unmasks it
 * once it has made room, and the pending event raises the interrupt again at once.
 * The ring's head is written by the handler only, its tail by the reader only.
 *
 * The console is on semihosting whenever this file is linked (console_off_the_line()).
 *
 * Transmit: sio_send() writes TXD and waits for TXDRDY (polled: the model completes a byte as
 * soon as the chardev takes it). lwIP calls it from slipif_output(), with the core lock held,
 * so one sender at a time.
 */
#include "nrf51_slip.h"

#include "FreeRTOS.h"
#include "task.h"

#include "arm_port.h"
#include "arm_regs.h"
#include "board.h"

#include "lwip/sio.h"

#define REG(off) (*(volatile uint32_t *)(uintptr_t)(BOARD_SLIP_UART_BASE + (off)))

#define UART_TASKS_STARTRX 0x000u
#define UART_TASKS_STARTTX 0x008u
#define UART_EVENTS_RXDRDY 0x108u
#define UART_EVENTS_TXDRDY 0x11Cu
#define UART_INTENSET 0x304u
#define UART_INTENCLR 0x308u
#define UART_ENABLE 0x500u
#define UART_PSELTXD 0x50Cu
#define UART_PSELRXD 0x514u
#define UART_RXD 0x518u
#define UART_TXD 0x51Cu
#define UART_BAUDRATE 0x524u
#define UART_INT_RXDRDY (1u << 2)
#define UART_ENABLE_ON 4u
#define UART_BAUDRATE_115200 0x01D7E000u

/* A power of two, about one maximum-size packet (MTU 296): the UART holds the rest back. */
#define RING_BYTES 256u

static struct {
    uint8_t ring[RING_BYTES];
    volatile uint32_t head; /* handler: bytes ever stored */
    volatile uint32_t tail; /* reader: bytes ever taken */
    volatile int paused;    /* handler set it with RXDRDY masked; the reader clears it */
    volatile int aborted;   /* sio_read_abort() */
    TaskHandle_t volatile reader;
} line;

static void uart_irq(void)
{
    BaseType_t woken = pdFALSE;

    while (REG(UART_EVENTS_RXDRDY) != 0u) {
        if (line.head - line.tail == RING_BYTES) {
            REG(UART_INTENCLR) = UART_INT_RXDRDY;
            line.paused = 1;
            break;
        }
        REG(UART_EVENTS_RXDRDY) = 0; /* before RXD: the read raises it again if more wait */
        line.ring[line.head % RING_BYTES] = (uint8_t)REG(UART_RXD);
        line.head++;
    }
    if (line.reader != NULL) {
        vTaskNotifyGiveFromISR(line.reader, &woken);
    }
    portYIELD_FROM_ISR(woken);
}

/* Reader: up to len bytes from the ring; unmasks the UART if the handler paused it. */
static u32_t ring_take(u8_t *data, u32_t len)
{
    u32_t n = 0;

    while (n < len && line.tail != line.head) {
        data[n++] = line.ring[line.tail % RING_BYTES];
        line.tail++;
    }
    if (n != 0 && line.paused) {
        line.paused = 0;
        REG(UART_INTENSET) = UART_INT_RXDRDY;
    }
    return n;
}

/*
 * An image that has the line never writes its console to the UART, not even before the line
 * opens: the peer would take those bytes for a SLIP frame, and a message from before (an
 * assertion failing during start-up) would be lost in the bridge instead of shown. So the
 * console moves to semihosting as the program starts (the start-up code runs constructors
 * before main), in every image that links this file, that is every image with networking.
 */
__attribute__((constructor)) static void console_off_the_line(void)
{
    board_console_to_semihost();
}

sio_fd_t sio_open(u8_t devnum)
{
    if (devnum != 0) {
        return NULL;
    }
    REG(UART_ENABLE) = UART_ENABLE_ON;
    REG(UART_BAUDRATE) = UART_BAUDRATE_115200;
    REG(UART_PSELTXD) = BOARD_SLIP_UART_TX_PIN;
    REG(UART_PSELRXD) = BOARD_SLIP_UART_RX_PIN;
    REG(UART_EVENTS_RXDRDY) = 0;
    board_irq_set_handler(BOARD_SLIP_UART_IRQ, uart_irq);
    arm_nvic_set_priority(BOARD_SLIP_UART_IRQ, arm_port_lowest_priority());
    REG(UART_INTENSET) = UART_INT_RXDRDY;
    arm_nvic_enable(BOARD_SLIP_UART_IRQ);
    REG(UART_TASKS_STARTTX) = 1;
    REG(UART_TASKS_STARTRX) = 1;
    return &line;
}

void sio_send(u8_t c, sio_fd_t fd)
{
    (void)fd;
    REG(UART_EVENTS_TXDRDY) = 0;
    REG(UART_TXD) = c;
    while (REG(UART_EVENTS_TXDRDY) == 0u) {
    }
}

/* Blocks until at least one byte is there (or sio_read_abort()); slipif asks for one. */
u32_t sio_read(sio_fd_t fd, u8_t *data, u32_t len)
{
    u32_t n;

    (void)fd;
    line.reader = xTaskGetCurrentTaskHandle();
    while ((n = ring_take(data, len)) == 0 && !line.aborted) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    }
    line.aborted = 0;
    return n;
}

u32_t sio_tryread(sio_fd_t fd, u8_t *data, u32_t len)
{
    (void)fd;
    return ring_take(data, len);
}

void sio_read_abort(sio_fd_t fd)
{
    (void)fd;
    line.aborted = 1;
    if (line.reader != NULL) {
        xTaskNotifyGive(line.reader);
    }
}
