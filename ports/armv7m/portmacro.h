/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h for ARMv7-M: Cortex-M3 (FreeRTOS port name GCC_ARM_CM3) and
 * Cortex-M4F/M7 with the single-precision FPU (GCC_ARM_CM4F).
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
#ifndef PORTMACRO_H
#define PORTMACRO_H

/* ---- Which variant: set by ports/armv7m/port.cmake from the FreeRTOS port name ---- */
#ifndef QUARTZ_ARMV7M_FPU
#define QUARTZ_ARMV7M_FPU 0
#endif
#if QUARTZ_ARMV7M_FPU && (!defined(__ARM_FP) || defined(__SOFTFP__))
/* GCC_ARM_CM4F saves FPU registers: compile with -mfpu=fpv4-sp-d16 -mfloat-abi=hard (or softfp). */
#error "GCC_ARM_CM4F needs a build with the FPU enabled (-mfpu=fpv4-sp-d16 -mfloat-abi=hard)."
#endif
#if !QUARTZ_ARMV7M_FPU && defined(__ARM_FP) && !defined(__SOFTFP__)
#error "GCC_ARM_CM3 saves no FPU registers, but this build uses them: use GCC_ARM_CM4F."
#endif

/* Everything else is common to the Cortex-M cores with BASEPRI. */
#include "arm_portmacro_basepri.h"
#include "arm_stack_guard.h"

#if QUARTZ_ARMV7M_FPU
#define portARCH_NAME "ARMv7-M (Cortex-M4F)"
#else
#define portARCH_NAME "ARMv7-M (Cortex-M3)"
#endif

#endif /* PORTMACRO_H */
