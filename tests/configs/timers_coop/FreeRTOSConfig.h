/* SPDX-License-Identifier: MIT */
/* Test configuration "timers_coop": the "timers" configuration without preemption. */
#define configUSE_PREEMPTION 0
#include "../timers/FreeRTOSConfig.h"
