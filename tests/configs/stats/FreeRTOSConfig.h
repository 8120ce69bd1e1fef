/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "stats": the default configuration with run-time
 * statistics and the formatting functions. The run-time counter is the
 * simulated tick count times 10, so every measured time is exact.
 */
#define configGENERATE_RUN_TIME_STATS 1
#define configUSE_STATS_FORMATTING_FUNCTIONS 1
#define portCONFIGURE_TIMER_FOR_RUN_TIME_STATS() stats_test_configure_timer()
#define portGET_RUN_TIME_COUNTER_VALUE() (xTaskGetTickCount() * 10u)
void stats_test_configure_timer(void); /* counts calls (tests/unit/stats) */
#include "../default/FreeRTOSConfig.h"
