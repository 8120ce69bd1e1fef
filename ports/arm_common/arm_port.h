/* SPDX-License-Identifier: MIT */
/*
 * arm_port.h: what the Cortex-M ports offer applications and tests beyond
 * the FreeRTOS API. Include it explicitly (after FreeRTOS.h).
 */
#ifndef ARM_PORT_H
#define ARM_PORT_H

#include "FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Called with a one-line explanation just before one of the port's
 * configASSERT checks fails (an interrupt above the syscall ceiling calling a
 * FromISR function, SysTick or PendSV not at the lowest priority, ...), from
 * whatever context the check ran in, often an interrupt. The port's weak
 * definition discards the message; boards and applications define their own
 * to print it, without locks or blocking (a polled UART write is ideal).
 */
void arm_port_report(const char *message);

/*
 * The lowest interrupt priority the core implements, as an 8-bit register
 * value (0xE0 with 3 priority bits, 0xFF with 8). Measured on first use.
 */
uint8_t arm_port_lowest_priority(void);

#ifdef __cplusplus
}
#endif

#endif /* ARM_PORT_H */
