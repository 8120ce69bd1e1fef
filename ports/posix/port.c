/* SPDX-License-Identifier: MIT */
/*
 * port.c: the POSIX port's interrupt model, critical sections, yield, the
 * interrupt-line API and scheduler start and end.
 *
 * The model is a single-core microcontroller with PendSV. `mask` is the
 * interrupt mask; `nesting` counts portENTER_CRITICAL. Interrupts (the tick
 * counter and the line bitmask) pend while masked or while a handler runs,
 * and are taken when the mask drops, in port_run_pending(): all pending
 * handlers run back to back (tail-chaining, tick first, then lines in
 * ascending order) with `in_isr` set, then a pending switch is performed if
 * no critical section is open. A switch happens only there, with the mask
 * held, so every task is suspended and resumed inside port_run_pending() (or
 * starts in port_context.c's entry, which drops the mask the switcher held).
 *
 * Before xPortStartScheduler and after the end nothing is delivered: raised
 * lines and requested yields wait for the next start.
 */
#include "port_private.h"

struct port_state port;

static void (*volatile irq_handlers[POSIX_IRQ_COUNT])(void);

bool port_work_pending(void)
{
    return atomic_load(&port.ticks) != 0 || atomic_load(&port.lines) != 0 ||
           (port.switch_pending && port.nesting == 0);
}

void port_raise_ticks(unsigned long n)
{
    atomic_fetch_add(&port.ticks, n);
    atomic_fetch_add(&port.ticks_raised, n);
}

/* Masked, in_isr: run one pending interrupt, the tick first; false when none is pending. */
static bool take_one_interrupt(void)
{
    unsigned lines;
    unsigned irq;
    void (*handler)(void);

    if (atomic_load(&port.ticks) != 0) {
        atomic_fetch_sub(&port.ticks, 1);
        if (sched_tick_isr() != pdFALSE) {
            port.switch_pending = 1;
        }
        return true;
    }
    lines = atomic_load(&port.lines);
    if (lines == 0) {
        return false;
    }
    irq = (unsigned)__builtin_ctz(lines);
    /* Only this thread clears bits, so the bit is still set; others may add bits. */
    atomic_fetch_and(&port.lines, ~(1u << irq));
    handler = irq_handlers[irq];
    if (handler != NULL) {
        handler();
    }
    return true;
}

/* Masked: run every pending interrupt, including those raised meanwhile. */
static void dispatch(void)
{
    port.in_isr = 1;
    PORT_BARRIER();
    while (take_one_interrupt()) {
    }
    PORT_BARRIER();
    port.in_isr = 0;
}

/* Masked, no critical section: let the kernel choose, and switch if it chose another task. */
static void switch_now(void)
{
    struct tskTaskControlBlock *prev = sched_current;

    port.switch_pending = 0;
    sched_switch_context();
    if (sched_current != prev) {
        port_context_switch(prev, sched_current);
    }
}

void port_run_pending(void)
{
    if (!atomic_load(&port.running) || port.mask || port.in_isr) {
        return;
    }
    /*
     * A tick signal that lands after the mask drops finds it clear and runs
     * this itself; one that lands while it is set only pends, and the loop
     * condition catches it.
     */
    do {
        port.mask = 1;
        PORT_BARRIER();
        dispatch();
        if (port.switch_pending && port.nesting == 0) {
            switch_now(); /* returns when this task runs again, still masked */
        }
        PORT_BARRIER();
        port.mask = 0;
        PORT_BARRIER();
    } while (port_work_pending());
}

void vPortEnterCritical(void)
{
    configASSERT(!port.in_isr); /* handlers use taskENTER_CRITICAL_FROM_ISR */
    port.mask = 1;
    PORT_BARRIER();
    port.nesting++;
}

void vPortExitCritical(void)
{
    configASSERT(!port.in_isr);
    configASSERT(port.nesting > 0); /* more exits than entries */
    if (port.nesting == 0) {
        return;
    }
    port.nesting--;
    if (port.nesting == 0) {
        PORT_BARRIER();
        port.mask = 0;
        port_run_pending();
    }
}

UBaseType_t uxPortSetInterruptMask(void)
{
    UBaseType_t previous = (UBaseType_t)port.mask;

    port.mask = 1;
    PORT_BARRIER();
    return previous;
}

void vPortClearInterruptMask(UBaseType_t previous)
{
    PORT_BARRIER();
    port.mask = previous != 0;
    if (previous == 0) {
        port_run_pending();
    }
}

void vPortDisableInterrupts(void)
{
    port.mask = 1;
    PORT_BARRIER();
}

void vPortEnableInterrupts(void)
{
    PORT_BARRIER();
    port.mask = 0;
    port_run_pending();
}

void vPortYield(void)
{
    /* Like setting PendSV: taken now if possible, otherwise when the mask drops. */
    port.switch_pending = 1;
    port_run_pending();
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return port.in_isr ? pdTRUE : pdFALSE;
}

void posix_irq_set_handler(unsigned irq, void (*handler)(void))
{
    configASSERT(irq >= 1 && irq < POSIX_IRQ_COUNT);
    if (irq >= 1 && irq < POSIX_IRQ_COUNT) {
        irq_handlers[irq] = handler;
    }
}

void posix_irq_raise(unsigned irq)
{
    configASSERT(irq >= 1 && irq < POSIX_IRQ_COUNT && irq_handlers[irq] != NULL);
    if (irq < 1 || irq >= POSIX_IRQ_COUNT) {
        return;
    }
    atomic_fetch_or(&port.lines, 1u << irq);
    if (!atomic_load(&port.running)) {
        return; /* taken once a scheduler runs */
    }
    if (pthread_equal(pthread_self(), port.kernel_thread)) {
        port_run_pending();
    } else {
        port_time_kick();
    }
}

/* Everything but the handler table goes back to its state before the first start. */
static void reset_state(void)
{
    port.mask = 0;
    port.nesting = 0;
    port.in_isr = 0;
    port.switch_pending = 0;
    atomic_store(&port.lines, 0);
    atomic_store(&port.ticks, 0);
    atomic_store(&port.ticks_raised, 0);
}

BaseType_t xPortStartScheduler(void)
{
    configASSERT(sched_current != NULL);
    configASSERT(!atomic_load(&port.running));
    /* The first task starts with interrupts masked and drops the mask itself. */
    port.mask = 1;
    port.nesting = 0;
    port.in_isr = 0;
    port.switch_pending = 0;
    atomic_store(&port.ticks, 0);
    atomic_store(&port.ticks_raised, 0);
    port.kernel_thread = pthread_self();
    port_time_start();
    atomic_store(&port.running, 1);
    port_context_run();
    /* vPortEndScheduler() brought us back; no task will run again. */
    port_time_stop();
    reset_state();
    return pdFALSE;
}

void vPortEndScheduler(void)
{
    configASSERT(!port.in_isr);
    port.mask = 1;
    PORT_BARRIER();
    atomic_store(&port.running, 0);
    port_context_exit();
}
