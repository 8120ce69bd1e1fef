/* SPDX-License-Identifier: MIT */
/*
 * The "stress_all" test configuration: the default one plus the optional
 * services the sets/stats/co-routine stress test (tests/stress/stress_sets.c)
 * runs together: queue sets, run-time statistics (counter = ticks x 10, so
 * the figures follow the simulated time exactly) and co-routines.
 */
#define configUSE_QUEUE_SETS 1
#define configGENERATE_RUN_TIME_STATS 1
#define configUSE_STATS_FORMATTING_FUNCTIONS 1
#define portCONFIGURE_TIMER_FOR_RUN_TIME_STATS()
#define portGET_RUN_TIME_COUNTER_VALUE() (xTaskGetTickCount() * 10u)
#define configUSE_CO_ROUTINES 1
#define configMAX_CO_ROUTINE_PRIORITIES 2
#include "../default/FreeRTOSConfig.h"
