/* SPDX-License-Identifier: MIT */
/*
 * cmsdk.h: drivers for the two Arm Cortex-M System Design Kit peripherals
 * the MPS2 boards use (Cortex-M System Design Kit TRM, ARM DDI 0479): the
 * APB UART (polled transmit only) and the APB timer (a 32-bit down-counter
 * that interrupts and reloads when it reaches zero). Each function takes the
 * peripheral's base address, so one driver serves every instance and board.
 * No state, no locking: each peripheral has one user.
 */
#ifndef CMSDK_H
#define CMSDK_H

#include <stdint.h>

void cmsdk_uart_init(uintptr_t base, uint32_t pclk_hz, uint32_t baud);
void cmsdk_uart_putc(uintptr_t base, char c);

void cmsdk_timer_start(uintptr_t base, uint32_t period_cycles);
void cmsdk_timer_stop(uintptr_t base);
void cmsdk_timer_ack(uintptr_t base);
uint32_t cmsdk_timer_value(uintptr_t base);

#endif /* CMSDK_H */
