/* SPDX-License-Identifier: MIT */
/* Test configuration "static_only": the default configuration with one change. */
#define configSUPPORT_DYNAMIC_ALLOCATION 0
#include "../default/FreeRTOSConfig.h"
