/* SPDX-License-Identifier: MIT */
/*
 * arm_portmacro_basepri.h: the part of portmacro.h that every Cortex-M core
 * with BASEPRI shares (ARMv7-M: ports/armv7m/, ARMv8-M Mainline:
 * ports/armv8m/): types, the BASEPRI kernel lock, critical sections, yield
 * through PendSV, CLZ task selection, idle sleep. Each architecture's
 * portmacro.h checks its own configuration first, then includes this file,
 * then adds what is its own (portARCH_NAME, ...).
 *
 * Tasks run in Thread mode on the process stack (PSP); interrupts run on the
 * main stack (MSP). The context switch is PendSV at the lowest priority, so it
 * only ever interrupts a task. The kernel lock is BASEPRI raised to
 * configMAX_SYSCALL_INTERRUPT_PRIORITY: interrupts at or below that priority
 * (numerically >= it) are held off, those above it are never masked and must
 * not call the kernel. See ports/armv7m/README.md for the whole model.
 *
 * TickType_t is defined by portable.h after this file: macros may name it,
 * declarations here may not.
 */
#ifndef ARM_PORTMACRO_BASEPRI_H
#define ARM_PORTMACRO_BASEPRI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Interrupt priorities (FreeRTOSConfig.h, in the core's 8-bit register format) ---- */
#if !defined(configMAX_SYSCALL_INTERRUPT_PRIORITY) && defined(configMAX_API_CALL_INTERRUPT_PRIORITY)
#define configMAX_SYSCALL_INTERRUPT_PRIORITY configMAX_API_CALL_INTERRUPT_PRIORITY
#endif
#ifndef configMAX_SYSCALL_INTERRUPT_PRIORITY
/* The BASEPRI value of the kernel lock, e.g. (5 << (8 - configPRIO_BITS)). */
#error "Missing definition: configMAX_SYSCALL_INTERRUPT_PRIORITY (FreeRTOSConfig.h)."
#endif
/*
 * configKERNEL_INTERRUPT_PRIORITY is accepted and not needed: PendSV and SysTick always get the
 * lowest priority the core implements (a value copied from a 3-bit part stays correct on an
 * 8-bit one).
 */
#include "arm_portmacro_common.h"

/* ---- Port functions behind the macros (ports/arm_common/, ports/<arch>/) ---- */
void vPortEnterCritical(void);
void vPortExitCritical(void);
void vPortValidateInterruptPriority(void);
/* The exception handlers: put them in the vector table, or #define them to the CMSIS names. */
void vPortSVCHandler(void);
void xPortPendSVHandler(void);
void xPortSysTickHandler(void);
/* Weak: set up SysTick for configTICK_RATE_HZ. An application may replace it with its own timer. */
void vPortSetupTimerInterrupt(void);

/* ---- BASEPRI: the kernel lock ---- */
#define portFORCE_INLINE inline __attribute__((always_inline))
#define portINLINE inline

/* Raise BASEPRI to the syscall ceiling; returns the previous value. */
static portFORCE_INLINE uint32_t ulPortRaiseBASEPRI(void)
{
    uint32_t previous;
    uint32_t ceiling = (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY);

    __asm volatile("mrs %0, basepri\n\t"
                   "msr basepri, %1\n\t"
                   "isb\n\t"
                   "dsb"
                   : "=&r"(previous)
                   : "r"(ceiling)
                   : "memory");
    return previous;
}

static portFORCE_INLINE void vPortRaiseBASEPRI(void)
{
    uint32_t ceiling = (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY);

    __asm volatile("msr basepri, %0\n\t"
                   "isb\n\t"
                   "dsb" ::"r"(ceiling)
                   : "memory");
}

static portFORCE_INLINE void vPortSetBASEPRI(uint32_t value)
{
    __asm volatile("msr basepri, %0" ::"r"(value) : "memory");
}

/*
 * The kernel lock's save and restore (arm_portmacro_common.h). No barrier after the raise: an
 * MSR that raises the execution priority takes effect from the next instruction.
 */
static portFORCE_INLINE uint32_t arm_port_lock_save(void)
{
    uint32_t previous;
    uint32_t ceiling = (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY);

    __asm volatile("mrs %0, basepri\n\t"
                   "msr basepri, %1"
                   : "=&r"(previous)
                   : "r"(ceiling)
                   : "memory");
    return previous;
}
#define arm_port_lock_restore(mask) vPortSetBASEPRI(mask)

/* The lock again, its previous mask known (portKERNEL_RELOCK): no read, and no barriers, which
 * a masked region entered from a task needs no more than arm_port_lock_save's does. */
static portFORCE_INLINE void arm_port_lock_raise(void)
{
    __asm volatile("msr basepri, %0" ::"r"((uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY))
                   : "memory");
}

/*
 * The lock found nothing masked (portKERNEL_LOCK_WAS_OPEN): neither BASEPRI (a critical section,
 * or taskDISABLE_INTERRUPTS) nor PRIMASK, which would hold the switch back past the release too.
 */
static portFORCE_INLINE BaseType_t arm_port_lock_was_open(uint32_t mask)
{
    uint32_t primask;

    __asm volatile("mrs %0, primask" : "=r"(primask)::"memory");
    return (mask | primask) == 0u;
}

/* pdTRUE in an exception handler (IPSR non-zero), pdFALSE in a task or main(). */
static portFORCE_INLINE BaseType_t xPortIsInsideInterrupt(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr)::"memory");
    return ipsr != 0u ? 1 : 0;
}

/*
 * Quartz extension (kernel/queue.c's fast paths): a word loaded and stored exclusively. The core
 * clears its exclusive monitor on every exception entry and return, so on this single core the
 * store fails (stores nothing, returns non-zero) exactly when something may have run since the
 * load: what is read between the two is as consistent as under the kernel lock, at the cost of
 * the store's result test and without masking anything.
 */
static portFORCE_INLINE UBaseType_t arm_port_load_exclusive(volatile UBaseType_t *word)
{
    UBaseType_t value;

    __asm volatile("ldrex %0, [%1]" : "=r"(value) : "r"(word) : "memory");
    return value;
}

static portFORCE_INLINE uint32_t arm_port_store_exclusive(volatile UBaseType_t *word,
                                                          UBaseType_t value)
{
    uint32_t failed;

    __asm volatile("strex %0, %2, [%1]" : "=&r"(failed) : "r"(word), "r"(value) : "memory");
    return failed;
}
#define portLOAD_EXCLUSIVE(word) arm_port_load_exclusive(word)
#define portSTORE_EXCLUSIVE(word, value) arm_port_store_exclusive(word, value)

/* ---- Critical sections and interrupt masking ---- */
#define portDISABLE_INTERRUPTS() vPortRaiseBASEPRI()
#define portENABLE_INTERRUPTS() vPortSetBASEPRI(0)
#define portSET_INTERRUPT_MASK_FROM_ISR() ((UBaseType_t)arm_port_lock_save())
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vPortSetBASEPRI((uint32_t)(x))

/*
 * Every FromISR call checks its interrupt's priority. Speed builds inline the common case (an
 * external interrupt at or below the ceiling, grouping within the limit arm_basepri.c has
 * accepted) and call vPortValidateInterruptPriority, which checks everything again and
 * reports, for anything else; -Os builds always call it.
 */
#ifdef __OPTIMIZE_SIZE__
#define portASSERT_IF_INTERRUPT_PRIORITY_INVALID() vPortValidateInterruptPriority()
#else
extern uint32_t arm_port_prigroup_limit; /* arm_basepri.c; 0 until a grouping is accepted */

/*
 * The common case, checked with branches only: an external interrupt at or below the ceiling,
 * and a grouping that leaves every priority bit to preemption: PRIGROUP 0 (the reset value,
 * accepted whatever the core implements) with no load of the limit, or up to the limit.
 */
static portFORCE_INLINE int arm_port_priority_ok_inline(void)
{
    /*
     * One base register for both (the empty asm keeps GCC from making each address a constant
     * of its own): IRQ n's priority byte is at 0xE000E400 + n (exception n + 16).
     */
    const volatile uint8_t *ipr = (const volatile uint8_t *)(0xE000E400u - 16u);
    uint32_t exception;
    uint32_t group;

    __asm volatile("mrs %0, ipsr" : "=r"(exception));
    __asm("" : "+r"(ipr));
    if (exception < 16u || ipr[exception] < (uint32_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY)) {
        return 0;
    }
    group = *(const volatile uint32_t *)(ipr + (0xE000ED0Cu - (0xE000E400u - 16u))) & (7u << 8);
    return group == 0u || group <= arm_port_prigroup_limit;
}

static portFORCE_INLINE void arm_port_validate_priority_inline(void)
{
    if (!arm_port_priority_ok_inline()) {
        vPortValidateInterruptPriority();
    }
}
#define portASSERT_IF_INTERRUPT_PRIORITY_INVALID() arm_port_validate_priority_inline()
/*
 * Quartz extension: non-zero when the calling handler's priority certainly passes
 * portASSERT_IF_INTERRUPT_PRIORITY_INVALID(), tested without a call (a FromISR fast path uses
 * it; zero sends the caller to its general path, which asserts).
 */
#define portISR_PRIORITY_OK() arm_port_priority_ok_inline()
#endif

/* ---- Optimised task selection: the kernel uses CLZ (__builtin_clz) itself ---- */
/* Quartz: CLZ is one instruction here, so the kernel keeps a ready bitmap whatever the option. */
#define portHAS_CLZ_INSTRUCTION 1
#define portRECORD_READY_PRIORITY(priority, ready) (ready) |= (1UL << (priority))
#define portRESET_READY_PRIORITY(priority, ready) (ready) &= ~(1UL << (priority))
#define portGET_HIGHEST_PRIORITY(top, ready) (top) = (31UL - (uint32_t)__builtin_clz(ready))

#ifdef __cplusplus
}
#endif

#endif /* ARM_PORTMACRO_BASEPRI_H */
