/* SPDX-License-Identifier: MIT */
/* Test configuration "timers_tick64": the "timers" configuration with 64-bit ticks. */
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_64_BITS
#include "../timers/FreeRTOSConfig.h"
