/* SPDX-License-Identifier: MIT */
/*
 * arm_portmacro_common.h: what every Cortex-M portmacro.h shares (ARMv6-M,
 * ARMv7-M, ARMv8-M): 32-bit stack words, long base types, a full descending
 * stack aligned to 8 bytes (AAPCS), the yield through PendSV, idle sleep,
 * tickless idle and barriers. Included by each portmacro.h (directly, or
 * through arm_portmacro_basepri.h) after its own kernel-lock definitions
 * are declared or before them: everything here is a macro or a type.
 */
#ifndef ARM_PORTMACRO_COMMON_H
#define ARM_PORTMACRO_COMMON_H

#include <stdint.h>

#ifndef configCPU_CLOCK_HZ
#error "Missing definition: configCPU_CLOCK_HZ must be defined in FreeRTOSConfig.h."
#endif

/* ---- Types ---- */
#define portCHAR char
#define portFLOAT float
#define portDOUBLE double
#define portLONG long
#define portSHORT short
#define portSTACK_TYPE uint32_t
#define portBASE_TYPE long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 8
#define portPOINTER_SIZE_TYPE uint32_t
/* A 16- or 32-bit tick count is read in one access; 64-bit ticks are read under the lock. */
#define portTICK_TYPE_IS_ATOMIC (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_64_BITS)

#define portTASK_FUNCTION_PROTO(fn, params) void fn(void *params)
#define portTASK_FUNCTION(fn, params) void fn(void *params)

/* ---- Critical sections: the kernel lock plus the running task's nesting count ---- */
/*
 * The count lives in ports/arm_common/arm_port.c; a switch only happens at nesting 0, so one
 * global serves every task. Each portmacro.h defines arm_port_lock_save() (raise the mask to the
 * kernel lock, return the previous one) and arm_port_lock_restore(mask) (BASEPRI or PRIMASK);
 * these macros expand where they are used, after it has. The outermost entry keeps the mask it
 * found and the outermost exit puts it back, rather than unmasking outright: the kernel's own
 * lock (portKERNEL_LOCK below) is saved and restored without the count, and a critical section
 * may run inside it (a trace or application hook, or kernel code that takes the counted one).
 * Inline in optimised-for-speed builds (a call and return per section is a third of the cost of
 * a short one); -Os builds call vPortEnterCritical/vPortExitCritical, which are these same
 * macros, to keep the kernel small. Handlers use portSET_INTERRUPT_MASK_FROM_ISR instead: the
 * count belongs to the running task, so entering from a handler is asserted.
 */
extern volatile UBaseType_t arm_port_nesting;
extern uint32_t arm_port_outer_mask; /* the mask the outermost critical section found */

#define ARM_PORT_ENTER_CRITICAL()                                                                  \
    do {                                                                                           \
        uint32_t arm_prev_ = arm_port_lock_save();                                                 \
        if (arm_port_nesting++ == 0) {                                                             \
            arm_port_outer_mask = arm_prev_;                                                       \
        }                                                                                          \
        configASSERT(!portIS_INSIDE_INTERRUPT());                                                  \
    } while (0)
/* Unbalanced exits trip the assertion and, if it returns, leave the count at 0. */
#define ARM_PORT_EXIT_CRITICAL()                                                                   \
    do {                                                                                           \
        UBaseType_t arm_nesting_ = arm_port_nesting;                                               \
        configASSERT(arm_nesting_ > 0);                                                            \
        if (arm_nesting_ != 0) {                                                                   \
            arm_port_nesting = --arm_nesting_;                                                     \
            if (arm_nesting_ == 0) {                                                               \
                arm_port_lock_restore(arm_port_outer_mask);                                        \
            }                                                                                      \
        }                                                                                          \
    } while (0)
#ifdef __OPTIMIZE_SIZE__
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#else
#define portENTER_CRITICAL() ARM_PORT_ENTER_CRITICAL()
#define portEXIT_CRITICAL() ARM_PORT_EXIT_CRITICAL()
#endif
#define portCRITICAL_NESTING_IN_TCB 0

/*
 * Quartz extension (kernel/private/kernel.h, kernel_lock): the kernel's own operations take the
 * lock by saving and restoring the mask, without the count or its checks; the task-context APIs
 * assert that they are not called from a handler themselves. Inside it, portYIELD_LOCKED()
 * requests the switch, which is taken as the lock is released (the DSB makes sure the pend has
 * reached the NVIC by then).
 */
#define portKERNEL_LOCK() ((UBaseType_t)arm_port_lock_save())
#define portKERNEL_UNLOCK(mask) arm_port_lock_restore((uint32_t)(mask))
#define portKERNEL_LOCK_WAS_OPEN(mask) arm_port_lock_was_open((uint32_t)(mask))
#define portKERNEL_RELOCK(mask) ((void)(mask), arm_port_lock_raise())
#define portYIELD_LOCKED()                                                                         \
    do {                                                                                           \
        portNVIC_INT_CTRL_REG = portNVIC_PENDSVSET_BIT;                                            \
        __asm volatile("dsb" ::: "memory");                                                        \
    } while (0)

/* ---- Yield: pend PendSV; it runs as soon as the kernel lock and the active handlers allow ---- */
#define portNVIC_INT_CTRL_REG (*(volatile uint32_t *)0xE000ED04UL)
#define portNVIC_PENDSVSET_BIT (1UL << 28UL)

#define portYIELD()                                                                                \
    do {                                                                                           \
        portNVIC_INT_CTRL_REG = portNVIC_PENDSVSET_BIT;                                            \
        __asm volatile("dsb\n\tisb" ::: "memory");                                                 \
    } while (0)
#define portYIELD_WITHIN_API() portYIELD()
#define portEND_SWITCHING_ISR(switch_required)                                                     \
    do {                                                                                           \
        if ((switch_required) != 0) {                                                              \
            portNVIC_INT_CTRL_REG = portNVIC_PENDSVSET_BIT;                                        \
        }                                                                                          \
    } while (0)
#define portYIELD_FROM_ISR(switch_required) portEND_SWITCHING_ISR(switch_required)

#define portIS_INSIDE_INTERRUPT() (xPortIsInsideInterrupt() != 0)

/*
 * Quartz extension: 1 = the idle task sleeps (WFI) at the end of each pass while no other
 * task at the idle priority is ready, until the next interrupt. Saves power on hardware and
 * host time under QEMU (whose -icount sleep=off jumps to the next timer). 0 (the default)
 * keeps FreeRTOS's spinning idle task, whose idle hook runs continuously.
 */
#ifndef configARM_IDLE_SLEEP
#define configARM_IDLE_SLEEP 0
#endif
#if configARM_IDLE_SLEEP
void arm_port_idle_sleep(void);
#define portIDLE_HOOK() arm_port_idle_sleep()
#endif

/*
 * Tickless idle (ports/arm_common/arm_tickless.c, which needs only SysTick, PRIMASK and WFI):
 * configUSE_TICKLESS_IDLE 1 uses the port's weak vPortSuppressTicksAndSleep; 2 means
 * FreeRTOSConfig.h defines portSUPPRESS_TICKS_AND_SLEEP.
 */
#if configUSE_TICKLESS_IDLE == 1
#define portSUPPRESS_TICKS_AND_SLEEP(idle_ticks) vPortSuppressTicksAndSleep(idle_ticks)
#endif
#ifdef portSUPPRESS_TICKS_AND_SLEEP
#define portSUPPRESS_TICKS_AND_SLEEP_PROVIDED 1
#endif

/* ---- Barriers and misc ---- */
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portNOP() __asm volatile("nop")
#define portDONT_DISCARD __attribute__((used))

#endif /* ARM_PORTMACRO_COMMON_H */
