/* SPDX-License-Identifier: MIT */
/*
 * portmacro.h for ARMv8-M Mainline: Cortex-M33 (and M35P) without TrustZone
 * calls, FreeRTOS port name GCC_ARM_CM33_NTZ_NONSECURE. The kernel lock,
 * critical sections, yield and task selection are those of ARMv7-M
 * (ports/arm_common/arm_portmacro_basepri.h); what ARMv8-M adds is a stack
 * limit per task (PSPLIM), which the port sets from each task's stack base so
 * that an overflow faults instead of corrupting memory (see ports/armv8m/
 * README.md).
 *
 * The FreeRTOS configuration names of the ARMv8-M ports are checked here:
 *   configENABLE_MPU                0 (1 is an #error: no MPU support yet)
 *   configENABLE_TRUSTZONE          0 (1 is an #error: this port makes no secure calls)
 *   configENABLE_FPU                follows the compiler flags when undefined; a value that
 *                                   disagrees with them is an #error
 *   configENABLE_MVE                0 (Cortex-M55/M85 only)
 *   configRUN_FREERTOS_SECURE_ONLY  0: the application runs Non-secure (or the core has no
 *                                   Security Extension); 1: it runs entirely in the Secure
 *                                   state, as on QEMU's mps2-an505, which boots Secure. The
 *                                   port checks the choice against the state the scheduler
 *                                   starts in and reports a mismatch.
 */
#ifndef PORTMACRO_H
#define PORTMACRO_H

#ifndef configENABLE_MPU
#define configENABLE_MPU 0
#endif
#if configENABLE_MPU
#error "configENABLE_MPU 1: Quartz's ARMv8-M port has no MPU support yet; set it to 0."
#endif

#ifndef configENABLE_TRUSTZONE
#define configENABLE_TRUSTZONE 0
#endif
#if configENABLE_TRUSTZONE
#error "configENABLE_TRUSTZONE 1: this port (NTZ) makes no secure-side calls; set it to 0."
#endif

#ifndef configRUN_FREERTOS_SECURE_ONLY
#define configRUN_FREERTOS_SECURE_ONLY 0
#endif

#ifndef configENABLE_MVE
#define configENABLE_MVE 0
#endif
#if configENABLE_MVE
#error "configENABLE_MVE 1: the Cortex-M33 has no M-profile vector extension; set it to 0."
#endif

#if defined(__ARM_FP) && !defined(__SOFTFP__)
#define QUARTZ_ARMV8M_FP_BUILD 1
#else
#define QUARTZ_ARMV8M_FP_BUILD 0
#endif
#ifndef configENABLE_FPU
#define configENABLE_FPU QUARTZ_ARMV8M_FP_BUILD
#endif
#if configENABLE_FPU && !QUARTZ_ARMV8M_FP_BUILD
#error "configENABLE_FPU 1 needs a build with the FPU enabled (-mfpu=fpv5-sp-d16 -mfloat-abi=hard)."
#endif
#if !configENABLE_FPU && QUARTZ_ARMV8M_FP_BUILD
/* The compiler would keep values in FP registers that no switch saves. */
#error "configENABLE_FPU 0, but this build uses FP registers: set it to 1 (or -mfloat-abi=soft)."
#endif

#include "arm_portmacro_basepri.h"
#include "arm_stack_guard.h"

#if configENABLE_FPU
#define portARCH_NAME "ARMv8-M Mainline (Cortex-M33, FPU)"
#else
#define portARCH_NAME "ARMv8-M Mainline (Cortex-M33)"
#endif

/*
 * The hardware checks every task's stack pointer against its stack base (PSPLIM), so the
 * kernel passes the base to pxPortInitialiseStack, as FreeRTOS does for these ports.
 */
#define portHAS_STACK_OVERFLOW_CHECKING 1

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Quartz extension: the UsageFault handler that catches a task's stack overflow (PSPLIM). Put
 * it in the vector table's UsageFault slot (the Quartz boards do); it hands any other
 * UsageFault on to the HardFault handler with the fault status intact.
 */
void arm_port_usage_fault_handler(void);

#ifdef __cplusplus
}
#endif

#endif /* PORTMACRO_H */
