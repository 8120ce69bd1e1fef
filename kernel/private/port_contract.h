/* SPDX-License-Identifier: MIT */
/*
 * port_contract.h: everything a Quartz port provides and everything the
 * kernel provides to it. A port is ports/<arch>/portmacro.h plus its .c/.S
 * files; nothing else in the kernel knows an architecture.
 *
 * The port provides (portmacro.h):
 *   Types       portSTACK_TYPE/StackType_t, BaseType_t, UBaseType_t,
 *               portBYTE_ALIGNMENT, portSTACK_GROWTH (-1 down, 1 up),
 *               portPOINTER_SIZE_TYPE.
 *   Critical    portENTER_CRITICAL()/portEXIT_CRITICAL(): mask interrupts up to
 *               the syscall ceiling, nesting counted; task context only.
 *               portSET_INTERRUPT_MASK_FROM_ISR() returns the previous mask and
 *               portCLEAR_INTERRUPT_MASK_FROM_ISR(x) restores it; they nest.
 *               portDISABLE_INTERRUPTS()/portENABLE_INTERRUPTS(): no nesting.
 *   Yield       portYIELD(): request a switch. Inside a critical section the
 *               switch is deferred until the outermost exit (like PendSV);
 *               outside, it happens before portYIELD returns.
 *               portYIELD_FROM_ISR(x)/portEND_SWITCHING_ISR(x): request a
 *               switch on interrupt exit when x is non-zero.
 *   Optional    portKERNEL_LOCK()/portKERNEL_UNLOCK(mask): the kernel lock saved
 *               and restored (returns and takes the previous mask), uncounted,
 *               for the kernel's own short operations; the counted critical
 *               section must then restore, at its outermost exit, the mask its
 *               outermost entry found, so that either nests in the other.
 *               portYIELD_LOCKED(): request a switch from inside that lock; it
 *               is taken as the lock is released to an unmasked state.
 *               Without them the kernel uses the counted critical section.
 *               portLOAD_EXCLUSIVE(p)/portSTORE_EXCLUSIVE(p, v) (single core):
 *               load a UBaseType_t, then store to it only if nothing can have run
 *               in between (returns 0 if stored, non-zero otherwise): the
 *               queue fast paths then update a count without the lock.
 *               portIS_INSIDE_INTERRUPT() (for configASSERT checks),
 *               portIDLE_HOOK() (called on every idle-loop pass),
 *               portCLEAN_UP_TCB(tcb), portSUPPRESS_TICKS_AND_SLEEP(ticks)
 *               with portSUPPRESS_TICKS_AND_SLEEP_PROVIDED,
 *               portSTACK_GUARD_INTACT(g, fill) (non-zero when the 16 bytes at g
 *               all hold the fill word: stack-overflow check 2 at each switch).
 * The port provides (functions, portable.h):
 *   pxPortInitialiseStack(top, code, arg): build the first frame of a task so
 *       the first switch to it calls code(arg); returns the new top of stack,
 *       which the kernel stores in tcb->top_of_stack. If code returns, the
 *       port calls sched_task_exit_error(). A port that defines
 *       portHAS_STACK_OVERFLOW_CHECKING 1 gets the stack's lowest address too,
 *       pxPortInitialiseStack(top, stack, code, arg), as in FreeRTOS.
 *   xPortStartScheduler(): set up the tick at configTICK_RATE_HZ and run
 *       sched_current. Returns only after vPortEndScheduler() (ports that
 *       support ending) with pdFALSE... or never.
 *   vPortEndScheduler(): stop the tick and return control to the code that
 *       called xPortStartScheduler (where supported).
 *
 * The kernel provides to the port:
 *   sched_current          the running task; its first word is top_of_stack.
 *   sched_switch_context() choose the next task into sched_current. Called
 *                          with interrupts masked, from the switch handler.
 *   sched_switch_stack(sp) the same for a port whose saved context is all on
 *                          the task's stack: stores sp as the outgoing task's
 *                          top_of_stack, switches, and returns the top_of_stack
 *                          of the task to run (the same sp if none other runs).
 *   sched_tick_isr()       advance time by one tick; returns pdTRUE when a
 *                          switch is needed. Called from the tick interrupt
 *                          inside portSET_INTERRUPT_MASK_FROM_ISR().
 *   sched_task_exit_error() a task function returned (a bug): asserts.
 */
#ifndef QUARTZ_PORT_CONTRACT_H
#define QUARTZ_PORT_CONTRACT_H

#include "FreeRTOS.h"

struct tskTaskControlBlock;
#ifndef sched_current /* the kernel's own sources name it as a field of sched (kernel.h) */
extern struct tskTaskControlBlock *volatile sched_current;
#endif
void sched_switch_context(void);
StackType_t *sched_switch_stack(StackType_t *sp);
BaseType_t sched_tick_isr(void);
void sched_task_exit_error(void);

#endif /* QUARTZ_PORT_CONTRACT_H */
