/* SPDX-License-Identifier: MIT */
/* Test configuration "tick16": the default configuration with one change. */
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_16_BITS
#include "../default/FreeRTOSConfig.h"
