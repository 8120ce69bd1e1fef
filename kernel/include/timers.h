/* SPDX-License-Identifier: MIT */
/*
 * timers.h: FreeRTOS software timers are not implemented in Quartz yet.
 * configUSE_TIMERS 1 is an #error in FreeRTOS.h; with it 0 (the default) this
 * header declares nothing, as FreeRTOS's timer API is then unavailable too.
 */
#ifndef TIMERS_H
#define TIMERS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before timers.h"
#endif

#include "task.h"

#endif /* TIMERS_H */
