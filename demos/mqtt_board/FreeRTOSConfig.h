/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h of the board MQTT demo: the board's own configuration plus what lwIP's OS
 * layer needs (a thread-local slot for its per-task errno, the mutex-holder query of its
 * core-lock check) and room for its tasks' stacks.
 */
#ifndef DEMO_MQTT_BOARD_FREERTOS_CONFIG_H
#define DEMO_MQTT_BOARD_FREERTOS_CONFIG_H

#include_next <FreeRTOSConfig.h>

#undef configNUM_THREAD_LOCAL_STORAGE_POINTERS
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 2 /* > QUARTZ_NET_ERRNO_TLS_INDEX (1) */
#undef INCLUDE_xSemaphoreGetMutexHolder
#define INCLUDE_xSemaphoreGetMutexHolder 1
#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE (512 * 1024)

#endif /* DEMO_MQTT_BOARD_FREERTOS_CONFIG_H */
