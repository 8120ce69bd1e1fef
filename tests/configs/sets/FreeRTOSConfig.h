/* SPDX-License-Identifier: MIT */
/* Test configuration "sets": the default configuration with queue sets. */
#define configUSE_QUEUE_SETS 1
#include "../default/FreeRTOSConfig.h"
