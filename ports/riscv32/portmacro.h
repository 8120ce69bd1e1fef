/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h for 32-bit RISC-V in machine mode (FreeRTOS port name
 * GCC_RISC_V): RV32IMAC (integer only, -mabi=ilp32) and RV32IMAFC / RV32GC
 * (-mabi=ilp32f / ilp32d), whose F/D registers are saved only for tasks that
 * use them (mstatus.FS).
 *
 * Tasks and handlers all run in M-mode. A trap saves the interrupted context
 * on the task's own stack and runs the handler on a separate interrupt stack.
 * Handlers never nest (the hart clears mstatus.MIE on trap entry). The kernel
 * lock is mstatus.MIE = 0: a critical section masks every interrupt. A yield
 * is the machine software interrupt (CLINT msip), which like Cortex-M's
 * PendSV waits while interrupts are masked, so a yield inside a critical
 * section happens at the outermost exit. See ports/riscv32/README.md.
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

#if !defined(__riscv) || __riscv_xlen != 32
#error "GCC_RISC_V in Quartz is the RV32 port: compile with -march=rv32... -mabi=ilp32..."
#endif
#if defined(__riscv_flen) && !defined(__riscv_float_abi_soft) && __riscv_flen > 64
#error "GCC_RISC_V saves F and D registers only (FLEN 32 or 64)."
#endif
#if defined(__riscv_32e)
#error "GCC_RISC_V does not support RV32E (16 integer registers)."
#endif

/* ---- Machine timer (FreeRTOSConfig.h) ---- */
#if !defined(configMTIME_BASE_ADDRESS) || !defined(configMTIMECMP_BASE_ADDRESS)
/* The CLINT's mtime and hart 0's mtimecmp, e.g. 0x0200BFF8 and 0x02004000 on QEMU virt. */
#error "Missing definition: configMTIME_BASE_ADDRESS and configMTIMECMP_BASE_ADDRESS."
#endif
#ifndef configCPU_CLOCK_HZ
#error "Missing definition: configCPU_CLOCK_HZ must be defined in FreeRTOSConfig.h."
#endif
/* mtime's frequency (the device tree's timebase-frequency); defaults to the CPU clock. */
#ifndef configMTIME_CLOCK_HZ
#define configMTIME_CLOCK_HZ configCPU_CLOCK_HZ
#endif
/* Hart 0's msip word: the CLINT's base, 0xBFF8 below mtime in the standard CLINT layout. */
#ifndef configMSIP_BASE_ADDRESS
#define configMSIP_BASE_ADDRESS ((configMTIME_BASE_ADDRESS) - 0xBFF8u)
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
/*
 * 8: the largest alignment any RV32 type needs, and what picolibc's malloc gives heap_3. The
 * psABI's 16-byte stack alignment is the port's business (pxPortInitialiseStack).
 */
#define portBYTE_ALIGNMENT 8
#define portPOINTER_SIZE_TYPE uint32_t
/* A 16- or 32-bit tick count is read in one access; 64-bit ticks are read under the lock. */
#define portTICK_TYPE_IS_ATOMIC (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_64_BITS)
#if defined(__riscv_flen) && __riscv_flen == 64
#define portARCH_NAME "RISC-V RV32 with F and D"
#elif defined(__riscv_flen)
#define portARCH_NAME "RISC-V RV32 with F"
#else
#define portARCH_NAME "RISC-V RV32"
#endif

#define portTASK_FUNCTION_PROTO(fn, params) void fn(void *params)
#define portTASK_FUNCTION(fn, params) void fn(void *params)

/* ---- Port functions behind the macros (ports/riscv32/) ---- */
void vPortEnterCritical(void);
void vPortExitCritical(void);
void vPortYield(void);
/* Weak: program mtimecmp for configTICK_RATE_HZ. An application may supply its own tick. */
void vPortSetupTimerInterrupt(void);
/* The trap entry the port installs in mtvec (direct mode) when the scheduler starts. */
void freertos_risc_v_trap_handler(void);

/* Non-zero while a trap handler runs (handlers never nest). */
extern volatile uint32_t riscv_port_isr_depth;
/* Set by portYIELD_FROM_ISR: the trap exit switches tasks. */
extern volatile uint32_t riscv_port_yield_from_isr;

#define portFORCE_INLINE inline __attribute__((always_inline))
#define portINLINE inline

#define portMSTATUS_MIE 0x8u

/* Clear mstatus.MIE; returns the previous mstatus.MIE bit (0 or portMSTATUS_MIE). */
static portFORCE_INLINE UBaseType_t uxPortSetInterruptMask(void)
{
    UBaseType_t previous;

    __asm volatile("csrrci %0, mstatus, 8" : "=r"(previous)::"memory");
    return previous & portMSTATUS_MIE;
}

static portFORCE_INLINE void vPortClearInterruptMask(UBaseType_t previous)
{
    if (previous & portMSTATUS_MIE) {
        __asm volatile("csrsi mstatus, 8" ::: "memory");
    }
}

/* pdTRUE in a trap handler, pdFALSE in a task or main(). */
static portFORCE_INLINE BaseType_t xPortIsInsideInterrupt(void)
{
    return riscv_port_isr_depth != 0u ? 1 : 0;
}

/* ---- Critical sections and interrupt masking ---- */
#define portDISABLE_INTERRUPTS() __asm volatile("csrci mstatus, 8" ::: "memory")
#define portENABLE_INTERRUPTS() __asm volatile("csrsi mstatus, 8" ::: "memory")
#define portENTER_CRITICAL() vPortEnterCritical()
#define portEXIT_CRITICAL() vPortExitCritical()
#define portSET_INTERRUPT_MASK_FROM_ISR() uxPortSetInterruptMask()
#define portCLEAR_INTERRUPT_MASK_FROM_ISR(x) vPortClearInterruptMask(x)
/* Each task's nesting count is kept in its saved context, not the TCB. */
#define portCRITICAL_NESTING_IN_TCB 0

/* ---- Yield: the machine software interrupt; it waits while MIE is 0 ---- */
#define portYIELD() vPortYield()
#define portYIELD_WITHIN_API() vPortYield()
#define portEND_SWITCHING_ISR(switch_required)                                                     \
    do {                                                                                           \
        if ((switch_required) != 0) {                                                              \
            riscv_port_yield_from_isr = 1u;                                                        \
        }                                                                                          \
    } while (0)
#define portYIELD_FROM_ISR(switch_required) portEND_SWITCHING_ISR(switch_required)

#define portIS_INSIDE_INTERRUPT() (xPortIsInsideInterrupt() != 0)

/* ---- Optimised task selection (__builtin_clz: libgcc's __clzsi2 without Zbb) ---- */
#define portRECORD_READY_PRIORITY(priority, ready) (ready) |= (1UL << (priority))
#define portRESET_READY_PRIORITY(priority, ready) (ready) &= ~(1UL << (priority))
#define portGET_HIGHEST_PRIORITY(top, ready) (top) = (31UL - (uint32_t)__builtin_clz(ready))

/*
 * Quartz extension: 1 = the idle task sleeps (WFI) at the end of each pass while no other
 * task at the idle priority is ready, until the next interrupt (under QEMU's -icount
 * sleep=off, virtual time jumps to the next timer). 0 (the default) keeps FreeRTOS's
 * spinning idle task.
 */
#ifndef configRISCV_IDLE_SLEEP
#define configRISCV_IDLE_SLEEP 0
#endif
#if configRISCV_IDLE_SLEEP
void riscv_port_idle_sleep(void);
#define portIDLE_HOOK() riscv_port_idle_sleep()
#endif

/*
 * Quartz extension: 1 (the default, as FreeRTOS) = ticks missed while the hart could not take
 * the timer interrupt are all counted, one interrupt each, as soon as it can; 0 = they are
 * dropped (time in the system slows instead), which keeps a burst of ticks from expiring every
 * timeout at once when an emulator runs on real time and the host stalls it.
 */
#ifndef configRISCV_TICK_CATCH_UP
#define configRISCV_TICK_CATCH_UP 1
#endif

/* ---- Barriers and misc ---- */
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")
#define portSOFTWARE_BARRIER() __asm volatile("" ::: "memory")
#define portNOP() __asm volatile("nop")
#define portDONT_DISCARD __attribute__((used))

#ifdef __cplusplus
}
#endif

#endif /* PORTMACRO_H */
