/* SPDX-License-Identifier: MIT */
/* Test configuration "coop": the default configuration with one change. */
#define configUSE_PREEMPTION 0
#include "../default/FreeRTOSConfig.h"
