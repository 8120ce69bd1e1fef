/* SPDX-License-Identifier: MIT */
/* Test configuration "croutine": the default configuration with co-routines. */
#define configUSE_CO_ROUTINES 1
#define configMAX_CO_ROUTINE_PRIORITIES 3
#include "../default/FreeRTOSConfig.h"
