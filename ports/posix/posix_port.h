/* SPDX-License-Identifier: MIT */
/*
 * posix_port.h: what the POSIX host port offers applications and tests
 * beyond the FreeRTOS API. Include it explicitly (after FreeRTOS.h).
 *
 * Interrupt lines: line 0 is the tick; lines 1..POSIX_IRQ_COUNT-1 are free
 * for the application. A handler runs like an interrupt service routine: on
 * the kernel thread, with interrupts masked, xPortIsInsideInterrupt() true,
 * using only FromISR APIs, and requesting a switch with portYIELD_FROM_ISR().
 * Handlers never nest: a line raised while a handler runs is taken after it
 * (tail-chained), the tick first, then the other lines in ascending order.
 */
#ifndef POSIX_PORT_H
#define POSIX_PORT_H

#include "FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

#define POSIX_IRQ_COUNT 32

/*
 * Install (or, with NULL, remove) the handler of line irq (1..31). Handlers
 * stay installed across scheduler runs, like a vector table.
 */
void posix_irq_set_handler(unsigned irq, void (*handler)(void));

/*
 * Make line irq pending. From a task with interrupts unmasked the handler runs
 * (and any switch it asks for happens) before this returns; inside a critical
 * section it runs when the outermost one is left; from a handler it is
 * tail-chained. Any other thread may call it too (it is async-signal-safe):
 * in real-time mode it wakes the kernel thread, in simulated mode the line is
 * taken at the kernel thread's next unmask or idle pass. Raising a line with
 * no handler, or irq >= POSIX_IRQ_COUNT, trips configASSERT.
 */
void posix_irq_raise(unsigned irq);

/*
 * The calling task uses n ticks of CPU time. Simulated time delivers n tick
 * interrupts one after another, and the caller may be preempted by each; real
 * time holds the CPU until n host timer ticks have passed.
 */
void posix_busy_ticks(TickType_t n);

/* pdTRUE when built with configPOSIX_SIMULATED_TIME 1. */
BaseType_t posix_time_is_simulated(void);

#ifdef __cplusplus
}
#endif

#endif /* POSIX_PORT_H */
