/* SPDX-License-Identifier: MIT */
/*
 * port_arm_util.h: helpers shared by the Cortex-M port tests: expected
 * configASSERT failures (port_test_asserts.h), capturing the port's report
 * line, and interrupt priorities on either side of the syscall ceiling.
 */
#ifndef PORT_ARM_UTIL_H
#define PORT_ARM_UTIL_H

#include "FreeRTOS.h"

#include "arm_regs.h"
#include "port_test_asserts.h"

#include <stdint.h>

#if ARM_HAS_BASEPRI
/* Priorities (8-bit register values) relative to configMAX_SYSCALL_INTERRUPT_PRIORITY. */
#define PRIO_ABOVE_CEILING ((uint8_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY - 0x40)) /* unmasked */
#define PRIO_BELOW_CEILING ((uint8_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY + 0x20)) /* masked */
#else
/*
 * PRIMASK cores (ARMv6-M) have no ceiling: the kernel masks every interrupt. "Above" is then
 * just a higher priority (it preempts "below"), valid with the 2 bits ARMv6-M implements.
 */
#define PRIO_ABOVE_CEILING ((uint8_t)0x40)
#define PRIO_BELOW_CEILING ((uint8_t)0x80)
#endif


/* The last line the port passed to arm_port_report (empty if none since the last clear). */
const char *port_test_last_report(void);
void port_test_clear_report(void);

/* Route a spare line (index 0..) to handler at priority prio, enabled; returns the IRQ number. */
unsigned port_test_irq_setup(unsigned spare, uint8_t prio, void (*handler)(void));
void port_test_irq_teardown(unsigned irq);

#endif /* PORT_ARM_UTIL_H */
