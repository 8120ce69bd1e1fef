/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h for ARMv6-M: Cortex-M0, M0+ and M1 (FreeRTOS port name
 * GCC_ARM_CM0).
 *
 * Tasks run in Thread mode on the process stack (PSP); interrupts run on the
 * main stack (MSP). The context switch is PendSV at the lowest priority, so it
 * only ever interrupts a task. ARMv6-M has no BASEPRI: the kernel lock is
 * PRIMASK, which holds off every interrupt whatever its priority (only NMI
 * and HardFault get through). So every interrupt may call FromISR functions,
 * and none runs while the kernel holds its lock. See ports/armv6m/README.md.
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

#if defined(__ARM_ARCH_ISA_THUMB) && __ARM_ARCH_ISA_THUMB >= 2
/* A Thumb-2 core has BASEPRI: use its own port, which masks only kernel-aware interrupts. */
#error "GCC_ARM_CM0 is for ARMv6-M (-mcpu=cortex-m0/m0plus): use GCC_ARM_CM3 on this core."
#endif

/* ARMv6-M has no CLZ instruction, so the kernel's optimised ready-list lookup is not offered. */
#if configUSE_PORT_OPTIMISED_TASK_SELECTION
#error "configUSE_PORT_OPTIMISED_TASK_SELECTION 1: GCC_ARM_CM0 has no CLZ (ARMv6-M), set it to 0."
#endif

/*
 * configKERNEL_INTERRUPT_PRIORITY and configMAX_SYSCALL_INTERRUPT_PRIORITY are accepted and not
 * needed: PendSV and SysTick always get the lowest priority, and there is no ceiling to set.
 */

#include "arm_portmacro_common.h"

#define portARCH_NAME "ARMv6-M (Cortex-M0)"

/* ---- Port functions behind the macros (ports/arm_common/, ports/armv6m/) ---- */
void vPortEnterCritical(void);
void vPortExitCritical(void);
/* The exception handlers: put them in the vector table, or #define them to the CMSIS names. */
void vPortSVCHandler(void);
void xPortPendSVHandler(void);
void xPortSysTickHandler(void);
/* Weak: set up SysTick for configTICK_RATE_HZ. An application may replace it with its own timer. */
void vPortSetupTimerInterrupt(void);

#define portFORCE_INLINE inline __attribute__((always_inline))
#define portINLINE inline

/* ---- PRIMASK: the kernel lock ---- */

/* Mask every interrupt; returns the previous PRIMASK (1 if they were already masked). */
static portFORCE_INLINE uint32_t ulSetInterruptMask(void)
{
    uint32_t previous;

    __asm volatile("mrs %0, primask\n\t"
                   "cpsid i"
                   : "=r"(previous)::"memory");
    return previous;
}

/* Restore a PRIMASK returned by ulSetInterruptMask. */
static portFORCE_INLINE void vClearInterruptMask(uint32_t previous)
{
    __asm volatile("msr primask, %0" ::"r"(previous) : "memory");
}

/* The lock again, the previous PRIMASK known (portKERNEL_RELOCK). */
static portFORCE_INLINE void arm_port_lock_raise(void)
{
    __asm volatile("cpsid i" ::: "memory");
}

/* The kernel lock's save and restore (arm_portmacro_common.h). */
#define arm_port_lock_save() ulSetInterruptMask()
#define arm_port_lock_restore(mask) vClearInterruptMask(mask)
/* The lock found every interrupt unmasked (arm_portmacro_common.h, portKERNEL_LOCK_WAS_OPEN). */
#define arm_port_lock_was_open(mask) ((mask) == 0u)

/* pdTRUE in an exception handler (IPSR non-zero), pdFALSE in a task or main(). */
static portFORCE_INLINE BaseType_t xPortIsInsideInterrupt(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr)::"memory");
    return ipsr != 0u ? 1 : 0;
}

/* ---- Critical sections and interrupt masking ---- */
#define portDISABLE_INTERRUPTS() __asm volatile("cpsid i" ::: "memory")
#define portENABLE_INTERRUPTS() __asm volatile("cpsie i" ::: "memory")
#define portSET_INTERRUPT_MASK_FROM_ISR() ((UBaseType_t)ulSetInterruptMask())
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vClearInterruptMask((uint32_t)(x))

#ifdef __cplusplus
}
#endif

#endif /* PORTMACRO_H */
