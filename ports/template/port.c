/* SPDX-License-Identifier: MIT */
/*
 * port.c of the port template: every function a Quartz port provides, each a
 * TODO(port) that fails loudly until it is written: port_todo() prints which
 * function is missing and trips configASSERT, then stops, so a half-written
 * port never silently does nothing. docs/porting/port-layer.md describes what
 * each function must guarantee; ports/armv7m/ (with ports/arm_common/) and
 * ports/riscv32/ are complete examples.
 *
 * The kernel's side of the contract (kernel/private/port_contract.h):
 * sched_current (its first word is the task's saved stack pointer),
 * sched_switch_context() (choose the next task, interrupts masked),
 * sched_tick_isr() (one tick; pdTRUE when a switch is due) and
 * sched_task_exit_error() (a task function returned).
 */
#include "FreeRTOS.h"
#include "port_contract.h"

#include <stdio.h>

/*
 * The nesting depth of portENTER_CRITICAL; the outermost exit unmasks. Until the first task
 * runs it holds a value that never counts down to 0, so the critical sections of main()
 * (creating tasks and queues) leave interrupts masked and no tick sees a half-built system;
 * xPortStartScheduler sets it to 0 as the first task starts.
 */
#define NESTING_BEFORE_START 0xAAAAAAAAu
static volatile UBaseType_t critical_nesting = NESTING_BEFORE_START;

/* Names the unwritten function, then stops in configASSERT (or here, without one). */
static void port_todo(const char *function)
{
    printf("\nports/template: %s() is not written yet (docs/porting/port-layer.md)\n", function);
    fflush(stdout);
    configASSERT(function == NULL);
    for (;;) {
    }
}

/*
 * TODO(port): build the frame the first switch to this task unwinds, so that it runs
 * code(params) with interrupts enabled in task mode, and returns into sched_task_exit_error()
 * if code ever returns. Return the new top of stack (the value the switch code will load from
 * sched_current). Keep the ABI's stack alignment.
 */
StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params)
{
    (void)code;
    (void)params;
    port_todo("pxPortInitialiseStack");
    return top_of_stack;
}

/*
 * TODO(port): give the tick and switch interrupts the lowest priority, start a periodic tick
 * at configTICK_RATE_HZ whose handler calls port_tick(), then load sched_current's context and
 * run it. Return pdFALSE only after vPortEndScheduler(), if the port supports ending.
 */
BaseType_t xPortStartScheduler(void)
{
    port_todo("xPortStartScheduler");
    return pdFALSE;
}

/* TODO(port): stop the tick and return to xPortStartScheduler's caller, or leave it failing. */
void vPortEndScheduler(void)
{
    port_todo("vPortEndScheduler");
}

/* The tick interrupt's body: call it from the timer handler once the timer is acknowledged. */
void port_tick(void);
void port_tick(void)
{
    const UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();

    if (sched_tick_isr() != pdFALSE) {
        vPortYieldFromIsr();
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

/* TODO(port): mask the kernel-aware interrupts, then count the nesting. */
void vPortEnterCritical(void)
{
    port_todo("vPortEnterCritical");
    critical_nesting++;
}

/* TODO(port): at the outermost exit unmask, and let a yield pended meanwhile happen now. */
void vPortExitCritical(void)
{
    configASSERT(critical_nesting > 0u);
    critical_nesting--;
    port_todo("vPortExitCritical");
}

/* TODO(port): mask the kernel-aware interrupts; return the mask as it was. Any context. */
UBaseType_t uxPortSetInterruptMask(void)
{
    port_todo("uxPortSetInterruptMask");
    return 0;
}

/* TODO(port): restore the mask uxPortSetInterruptMask returned. */
void vPortClearInterruptMask(UBaseType_t previous)
{
    (void)previous;
    port_todo("vPortClearInterruptMask");
}

/* TODO(port): mask the kernel-aware interrupts, without nesting. */
void vPortDisableInterrupts(void)
{
    port_todo("vPortDisableInterrupts");
}

/* TODO(port): unmask them, without nesting. */
void vPortEnableInterrupts(void)
{
    port_todo("vPortEnableInterrupts");
}

/*
 * TODO(port): from a task, save its context into sched_current, call sched_switch_context()
 * with interrupts masked and resume the new sched_current; inside a critical section, only
 * pend the switch for the outermost vPortExitCritical. The usual way is a software interrupt
 * at the lowest priority (PendSV on Cortex-M), whose handler does the switch.
 */
void vPortYield(void)
{
    port_todo("vPortYield");
}

/* TODO(port): pend the switch so that it happens when the outermost interrupt returns. */
void vPortYieldFromIsr(void)
{
    port_todo("vPortYieldFromIsr");
}

/* TODO(port): pdTRUE while an interrupt handler runs (the kernel's configASSERT checks). */
BaseType_t xPortIsInsideInterrupt(void)
{
    port_todo("xPortIsInsideInterrupt");
    return pdFALSE;
}
