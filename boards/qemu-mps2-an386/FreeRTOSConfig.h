/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for applications on QEMU's mps2-an386 (Cortex-M4F,
 * FREERTOS_PORT GCC_ARM_CM4F). The AN386 is the AN385 system with a
 * Cortex-M4F: same 25 MHz clock, memory map, UART and 3 implemented priority
 * bits, so it uses the AN385's settings unchanged (the FPU needs none).
 * Copy both files next to your application, or this one with the other's
 * contents pasted in, and adjust.
 */
#include "../qemu-mps2-an385/FreeRTOSConfig.h"
