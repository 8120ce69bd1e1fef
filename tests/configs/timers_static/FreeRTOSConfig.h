/* SPDX-License-Identifier: MIT */
/* Test configuration "timers_static": the "timers" configuration with static allocation only. */
#define configSUPPORT_DYNAMIC_ALLOCATION 0
#include "../timers/FreeRTOSConfig.h"
