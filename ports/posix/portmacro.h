/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h for the POSIX host port (FreeRTOS port name GCC_POSIX).
 *
 * Tasks run one at a time as ucontext coroutines on the thread that called
 * vTaskStartScheduler ("the kernel thread"), each on its kernel-provided
 * stack. Interrupts are simulated: a mask flag, a critical nesting count,
 * pending interrupt lines and a pending switch that is performed when the
 * mask drops, like PendSV on Cortex-M. See ports/posix/README.md and
 * posix_port.h (interrupt lines, simulated time) for the whole model.
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

/*
 * Quartz extension: 1 = simulated time (no host timer; time moves only on idle
 * passes and posix_busy_ticks(), so runs are repeatable), 0 = real time (a
 * POSIX timer ticks at configTICK_RATE_HZ).
 */
#ifndef configPOSIX_SIMULATED_TIME
#define configPOSIX_SIMULATED_TIME 0
#endif

/* ---- Types ---- */
#define portCHAR char
#define portFLOAT float
#define portDOUBLE double
#define portLONG long
#define portSHORT short
#define portSTACK_TYPE unsigned long
#define portBASE_TYPE long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 16
#define portPOINTER_SIZE_TYPE uintptr_t
/* A 64-bit host reads and writes ticks of up to 64 bits in one access. */
#define portTICK_TYPE_IS_ATOMIC 1
#define portARCH_NAME "POSIX"

#define portTASK_FUNCTION_PROTO(fn, params) void fn(void *params)
#define portTASK_FUNCTION(fn, params) void fn(void *params)

/* ---- Port functions behind the macros (port.c, port_context.c, port_time.c) ---- */
void vPortEnterCritical(void);
void vPortExitCritical(void);
void vPortYield(void);
UBaseType_t uxPortSetInterruptMask(void);
void vPortClearInterruptMask(UBaseType_t previous);
void vPortDisableInterrupts(void);
void vPortEnableInterrupts(void);
BaseType_t xPortIsInsideInterrupt(void);
void posix_port_idle_hook(void);
void posix_port_task_deleting(void *tcb);
void posix_port_tcb_clean_up(void *tcb);

/* ---- Critical sections and interrupt masking ---- */
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#define portDISABLE_INTERRUPTS() vPortDisableInterrupts()
#define portENABLE_INTERRUPTS() vPortEnableInterrupts()
#define portSET_INTERRUPT_MASK_FROM_ISR() uxPortSetInterruptMask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vPortClearInterruptMask(x)
#define portCRITICAL_NESTING_IN_TCB 0

/* ---- Yield: deferred while masked or inside a handler, immediate otherwise ---- */
#define portYIELD() vPortYield()
#define portYIELD_WITHIN_API() vPortYield()
#define portEND_SWITCHING_ISR(switch_required)                                                     \
    do {                                                                                           \
        if ((switch_required) != 0) {                                                              \
            vPortYield();                                                                          \
        }                                                                                          \
    } while (0)
#define portYIELD_FROM_ISR(switch_required) portEND_SWITCHING_ISR(switch_required)

#define portIS_INSIDE_INTERRUPT() (xPortIsInsideInterrupt() != 0)

/* ---- Kernel hooks ---- */
/* Each idle-loop pass: one simulated tick, or sleep until the host timer fires. */
#define portIDLE_HOOK() posix_port_idle_hook()
/* The running task deletes itself: it will never be resumed. */
#define portPRE_TASK_DELETE_HOOK(tcb, yield_pending)                                               \
    do {                                                                                           \
        (void)(yield_pending);                                                                     \
        posix_port_task_deleting(tcb);                                                             \
    } while (0)
/* A task's memory is about to be freed or handed back to the application. */
#define portCLEAN_UP_TCB(tcb) posix_port_tcb_clean_up(tcb)

/* ---- Barriers and misc ---- */
/* Only the kernel thread runs kernel code, so ordering against the compiler suffices. */
#define portMEMORY_BARRIER() __asm__ volatile("" ::: "memory")
#define portSOFTWARE_BARRIER() __asm__ volatile("" ::: "memory")
#define portNOP() __asm__ volatile("nop")

#ifdef __cplusplus
}
#endif

#endif /* PORTMACRO_H */
