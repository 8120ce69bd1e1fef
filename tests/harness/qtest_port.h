/* SPDX-License-Identifier: MIT */
/*
 * qtest_port.h: the few facilities kernel tests need from the machine they
 * run on, so that the same test sources run on the POSIX host and on every
 * QEMU board. Each port of the harness implements them in
 * tests/harness/qtest_port_<arch>.c.
 *
 *   qtest_busy_ticks(n)  the calling task uses the CPU for n ticks; the tick
 *                        interrupt may preempt it meanwhile.
 *   qtest_irq_*          spare interrupt lines (1 .. QTEST_IRQ_COUNT-1) a
 *                        test installs handlers on and raises; a raised line
 *                        runs as a real interrupt (FromISR calls allowed) as
 *                        soon as interrupts are unmasked.
 */
#ifndef QTEST_PORT_H
#define QTEST_PORT_H

#include "FreeRTOS.h"

#define QTEST_IRQ_COUNT 8

void qtest_busy_ticks(TickType_t n);
void qtest_irq_set_handler(unsigned irq, void (*handler)(void));
void qtest_irq_raise(unsigned irq);

#endif /* QTEST_PORT_H */
