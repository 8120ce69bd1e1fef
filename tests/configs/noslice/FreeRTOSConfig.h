/* SPDX-License-Identifier: MIT */
/* Test configuration "noslice": the default configuration with one change. */
#define configUSE_TIME_SLICING 0
#include "../default/FreeRTOSConfig.h"
