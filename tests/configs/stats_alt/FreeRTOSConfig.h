/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "stats_alt": run-time statistics through
 * portALT_GET_RUN_TIME_COUNTER_VALUE with a 64-bit counter (the simulated
 * tick count times 10).
 */
#define configGENERATE_RUN_TIME_STATS 1
#define configUSE_STATS_FORMATTING_FUNCTIONS 1
#define configRUN_TIME_COUNTER_TYPE uint64_t
#define portCONFIGURE_TIMER_FOR_RUN_TIME_STATS() stats_test_configure_timer()
#define portALT_GET_RUN_TIME_COUNTER_VALUE(x) ((x) = (uint64_t)xTaskGetTickCount() * 10u)
void stats_test_configure_timer(void); /* counts calls (tests/unit/stats) */
#include "../default/FreeRTOSConfig.h"
