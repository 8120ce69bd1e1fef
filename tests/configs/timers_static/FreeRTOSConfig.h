/* SPDX-License-Identifier: MIT */
/* Test configuration "timers_static": the "timers" configuration with static allocation only. */
#define configSUPPORT_DYNAMIC_ALLOCATION 0
#include "qtest_pool_trace.h" /* deletions free the test utilities' pool slots */
#include "../timers/FreeRTOSConfig.h"
