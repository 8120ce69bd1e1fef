/* SPDX-License-Identifier: MIT */
/* Test configuration "static_only": the default configuration with one change. */
#define configSUPPORT_DYNAMIC_ALLOCATION 0
#include "qtest_pool_trace.h" /* deletions free the test utilities' pool slots */
#include "../default/FreeRTOSConfig.h"
