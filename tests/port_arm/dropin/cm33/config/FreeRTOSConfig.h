/* SPDX-License-Identifier: MIT */
/*
 * The drop-in application's FreeRTOSConfig.h for a Cortex-M33 (GCC_ARM_CM33_NTZ_NONSECURE) on
 * QEMU's mps2-an505: the common one plus the ARMv8-M port's options. The core boots Secure and
 * the application makes no TrustZone calls, so it runs Secure only.
 */
#include "../../config/FreeRTOSConfig.h"

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 20000000
#define configENABLE_MPU 0
#define configENABLE_TRUSTZONE 0
#define configENABLE_FPU 1
#define configRUN_FREERTOS_SECURE_ONLY 1
