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
 *
 * Interrupt lines behave alike everywhere: a handler runs in interrupt
 * context at a priority the kernel's critical sections mask, no higher than
 * the tick's, and handlers never nest. Raised from a task with interrupts
 * unmasked, the handler (and any switch it asks for) runs before
 * qtest_irq_raise returns; inside a critical section, when the outermost one
 * is left; from a handler, after that handler. A line with no handler trips
 * configASSERT.
 */
#ifndef QTEST_PORT_H
#define QTEST_PORT_H

#include "FreeRTOS.h"

#define QTEST_IRQ_COUNT 8

/*
 * 1 where the idle task's passes are what moves time (the POSIX port in
 * simulated time: each idle pass is one tick). A schedule in which idle
 * shares the CPU with an idle-priority task then differs in detail from one
 * driven by a real tick interrupt, where idle yields at once and the other
 * task gets nearly every tick. Only such tests need to know.
 */
#if defined(QTEST_HOST) && configPOSIX_SIMULATED_TIME
#define QTEST_IDLE_MOVES_TIME 1
#else
#define QTEST_IDLE_MOVES_TIME 0
#endif

void qtest_busy_ticks(TickType_t n);
void qtest_irq_set_handler(unsigned irq, void (*handler)(void));
void qtest_irq_raise(unsigned irq);

#endif /* QTEST_PORT_H */
