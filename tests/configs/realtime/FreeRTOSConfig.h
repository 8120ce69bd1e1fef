/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "realtime": the default configuration with real host
 * time (a POSIX timer ticks at configTICK_RATE_HZ) instead of simulated time.
 * Tests built with it assert on tick counts only, never on wall-clock time.
 */
#define configPOSIX_SIMULATED_TIME 0
#include "../default/FreeRTOSConfig.h"
