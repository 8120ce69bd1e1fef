/* SPDX-License-Identifier: MIT */
/* Test configuration "timers_tick16": the "timers" configuration with 16-bit ticks. */
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_16_BITS
#include "../timers/FreeRTOSConfig.h"
