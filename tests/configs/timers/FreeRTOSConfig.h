/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "timers": the default configuration with software
 * timers on. The daemon outranks every other task, has a short command
 * queue (so tests can fill it) and announces its start; pended function
 * calls (and so the event-group FromISR functions) are enabled. The
 * timers_* variants include this file and change one more option.
 */
#define configUSE_TIMERS 1
#ifndef configTIMER_TASK_PRIORITY
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#endif
#define configTIMER_QUEUE_LENGTH 4
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define configUSE_DAEMON_TASK_STARTUP_HOOK 1
#define INCLUDE_xTimerPendFunctionCall 1
#include "../default/FreeRTOSConfig.h"
