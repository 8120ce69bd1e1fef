/* SPDX-License-Identifier: MIT */
/* Test configuration "optimised": the default configuration with one change. */
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 1
#include "../default/FreeRTOSConfig.h"
