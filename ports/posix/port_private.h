/* SPDX-License-Identifier: MIT */
/*
 * port_private.h: state and functions shared by the POSIX port's files
 * (port.c: interrupts, critical sections, start and end; port_context.c:
 * task contexts; port_time.c: the tick source). Never included by the kernel
 * or applications.
 *
 * Concurrency: everything except `lines`, `running` and `kickers` is touched
 * only by the kernel thread, either by task code or by the tick signal
 * handler that interrupts it (real-time mode). The handler takes interrupts
 * only when `mask` is clear and `in_isr` is not set, so task code that has set
 * `mask` owns the rest of the state. Other threads only set bits in `lines`
 * and, in real-time mode, signal the kernel thread.
 */
#ifndef PORT_PRIVATE_H
#define PORT_PRIVATE_H

#include "FreeRTOS.h"
#include "port_contract.h"
#include "posix_port.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>

struct port_state {
    volatile int mask;            /* interrupts masked (task code or a handler runs) */
    volatile UBaseType_t nesting; /* portENTER_CRITICAL depth */
    volatile int in_isr;          /* a handler (or the tick) is running */
    volatile int switch_pending;  /* a context switch was requested (PendSV) */
    atomic_int running;           /* between xPortStartScheduler and vPortEndScheduler */
    atomic_int kickers;           /* foreign threads inside posix_irq_raise's signal */
    atomic_uint lines;            /* pending interrupt lines, bit n = line n (n >= 1) */
    atomic_ulong ticks;           /* tick interrupts pending */
    atomic_ulong ticks_raised;    /* tick interrupts raised since the scheduler started */
    pthread_t kernel_thread;      /* the thread that runs the scheduler */
    sigset_t task_sigmask;        /* signal mask every task starts with */
};

extern struct port_state port;

/* Compiler barrier: orders task code against the tick handler on the same thread. */
#define PORT_BARRIER() atomic_signal_fence(memory_order_seq_cst)

/* ---- port.c ---- */
/*
 * Kernel thread: if interrupts may be taken here (scheduler running, unmasked,
 * not in a handler) deliver the pending ones, then perform a pending switch
 * when no critical section is open. Returns with interrupts unmasked.
 */
void port_run_pending(void);
/* Something port_run_pending() would act on. */
bool port_work_pending(void);
/* Pend n tick interrupts (kernel thread, any context). */
void port_raise_ticks(unsigned long n);

/* ---- port_context.c ---- */
/* Kernel thread, masked: run sched_current; returns after port_context_exit(). */
void port_context_run(void);
/* From the running task, masked: go back to port_context_run()'s caller for good. */
void port_context_exit(void) __attribute__((noreturn));
/* Masked: suspend task `from` and resume (or start) task `to`; returns when `from` runs again. */
void port_context_switch(void *from, void *to);

/* ---- port_time.c ---- */
/* Start the tick source and record the task signal mask (kernel thread, masked). */
void port_time_start(void);
/* Stop the tick source and restore the signal state (kernel thread, after the end). */
void port_time_stop(void);
/* Real time: wake the kernel thread from another thread (async-signal-safe). */
void port_time_kick(void);
/* Real time: sleep until the tick signal arrives, unless `ready` already holds. */
void port_time_wait(bool (*ready)(void));

#endif /* PORT_PRIVATE_H */
