/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h of the port template: every type and macro a Quartz port
 * provides (kernel/private/port_contract.h is the contract, and
 * docs/porting/port-layer.md explains each item). Copy ports/template/ to
 * ports/<arch>/ and replace each TODO(port). The macros that need code call
 * the functions in port.c, which fail loudly until they are written.
 *
 * TickType_t is defined by portable.h after this file: macros may name it,
 * declarations here may not.
 */
#ifndef PORTMACRO_H
#define PORTMACRO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Types: TODO(port) the machine word, which must hold a pointer ---- */
#define portCHAR char
#define portFLOAT float
#define portDOUBLE double
#define portLONG long
#define portSHORT short
#define portSTACK_TYPE uintptr_t
#define portBASE_TYPE long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

/* TODO(port): -1 if the stack grows down; the ABI's stack alignment; an integer as wide as a
 * pointer; 1 only if a TickType_t of configTICK_TYPE_WIDTH_IN_BITS is read in one access. */
#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 8
#define portPOINTER_SIZE_TYPE uintptr_t
#define portTICK_TYPE_IS_ATOMIC 0
#define portARCH_NAME "template (not a real port)"

#define portTASK_FUNCTION_PROTO(fn, params) void fn(void *params)
#define portTASK_FUNCTION(fn, params) void fn(void *params)

/* ---- The functions behind the macros (port.c) ---- */
void vPortEnterCritical(void);
void vPortExitCritical(void);
UBaseType_t uxPortSetInterruptMask(void);
void vPortClearInterruptMask(UBaseType_t previous);
void vPortDisableInterrupts(void);
void vPortEnableInterrupts(void);
void vPortYield(void);
void vPortYieldFromIsr(void);
BaseType_t xPortIsInsideInterrupt(void);

/*
 * ---- Critical sections and interrupt masking ----
 * The kernel lock: mask every interrupt that may call the kernel. portENTER_CRITICAL nests
 * (count it) and is used from task context only; the FromISR pair returns the previous mask
 * and restores it, so it nests without a count; DISABLE/ENABLE do not nest.
 */
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#define portSET_INTERRUPT_MASK_FROM_ISR() uxPortSetInterruptMask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vPortClearInterruptMask(x)
#define portDISABLE_INTERRUPTS() vPortDisableInterrupts()
#define portENABLE_INTERRUPTS() vPortEnableInterrupts()

/*
 * ---- Yield ----
 * From a task: switch before portYIELD returns, or, inside a critical section, at the
 * outermost exit. From an interrupt: switch when the interrupt returns.
 */
#define portYIELD() vPortYield()
#define portYIELD_WITHIN_API() portYIELD()
#define portEND_SWITCHING_ISR(switch_required)                                                     \
    do {                                                                                           \
        if ((switch_required) != 0) {                                                              \
            vPortYieldFromIsr();                                                                   \
        }                                                                                          \
    } while (0)
#define portYIELD_FROM_ISR(switch_required) portEND_SWITCHING_ISR(switch_required)

/* Optional, but it lets configASSERT catch task-only calls made from interrupts. */
#define portIS_INSIDE_INTERRUPT() (xPortIsInsideInterrupt() != 0)

/*
 * ---- Optional hooks (kernel/include/FreeRTOS.h gives the defaults) ----
 * TODO(port), if wanted: portIDLE_HOOK() (each idle pass, e.g. wait for an interrupt),
 * portSUPPRESS_TICKS_AND_SLEEP(ticks) with portSUPPRESS_TICKS_AND_SLEEP_PROVIDED (tickless
 * idle), portCLEAN_UP_TCB(tcb), portPRE_TASK_DELETE_HOOK(tcb, yield_pending),
 * portASSERT_IF_INTERRUPT_PRIORITY_INVALID() (FromISR called from an interrupt the lock does
 * not mask), portHAS_STACK_OVERFLOW_CHECKING (hardware stack limit).
 */

/* ---- Barriers: TODO(port) the architecture's, if the compiler barrier is not enough ---- */
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portNOP() __asm volatile("nop")

#ifdef __cplusplus
}
#endif

#endif /* PORTMACRO_H */
