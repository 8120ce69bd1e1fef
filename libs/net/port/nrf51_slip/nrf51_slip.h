/* SPDX-License-Identifier: MIT */
/*
 * nrf51_slip.h: the nRF51 UART as a serial network line (QUARTZ_BOARD_NET_DRIVER nrf51_slip,
 * QUARTZ_BOARD_NET_LINK serial): lwIP's serial I/O functions (lwip/sio.h: sio_open, sio_send,
 * sio_read, sio_tryread, sio_read_abort) that lwIP's SLIP interface (netif/slipif.c) runs on,
 * for the UART at BOARD_SLIP_UART_BASE, interrupt BOARD_SLIP_UART_IRQ (board_defs.h). One UART
 * per program: sio_open() accepts device 0 only. src/board_netif_slip.c adds the interface.
 *
 * An image with the line has its console on semihosting from the start
 * (board_console_to_semihost(), called by a constructor here): every UART byte is SLIP.
 */
#ifndef QUARTZ_NET_NRF51_SLIP_H
#define QUARTZ_NET_NRF51_SLIP_H

#include "lwip/sio.h"

#endif /* QUARTZ_NET_NRF51_SLIP_H */
