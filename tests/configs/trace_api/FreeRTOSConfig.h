/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "trace_api": the default configuration with every optional
 * API family on (timers, queue sets, co-routines), and every FreeRTOS V11
 * per-API hook (traceENTER_<fn>, traceRETURN_<fn>) routed to the test recorder
 * of tests/unit/trace by the generated trace_api_recorder.h.
 */
#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_QUEUE_LENGTH 4
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define INCLUDE_xTimerPendFunctionCall 1
#define configUSE_QUEUE_SETS 1
#define configUSE_CO_ROUTINES 1
#define configMAX_CO_ROUTINE_PRIORITIES 3
#include "../default/FreeRTOSConfig.h"
#include "trace_api_recorder.h"
