/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h of the full demo: the board's own FreeRTOSConfig.h (the
 * next one on the include path, boards/<board>/), plus the kernel features
 * the demo uses that a board's starting configuration may leave off:
 * software timers, and xTimerPendFunctionCall, which the event-group FromISR
 * functions defer to. Sizes stay the board's (DEMO_* in demo.h).
 */
#ifndef DEMO_FULL_FREERTOS_CONFIG_H
#define DEMO_FULL_FREERTOS_CONFIG_H

#include_next <FreeRTOSConfig.h>

#undef configUSE_TIMERS
#define configUSE_TIMERS 1
#undef INCLUDE_xTimerPendFunctionCall
#define INCLUDE_xTimerPendFunctionCall 1

#endif /* DEMO_FULL_FREERTOS_CONFIG_H */
