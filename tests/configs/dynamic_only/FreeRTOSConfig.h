/* SPDX-License-Identifier: MIT */
/* Test configuration "dynamic_only": the default configuration with one change. */
#define configSUPPORT_STATIC_ALLOCATION 0
#include "../default/FreeRTOSConfig.h"
