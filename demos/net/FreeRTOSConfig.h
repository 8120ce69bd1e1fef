/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h of the networked demo: the target's own FreeRTOSConfig.h (the next one on
 * the include path: boards/<board>/, or boards/posix/ with real host time), plus what lwIP's
 * OS layer needs that a starting configuration may leave off (libs/net/README.md): one
 * thread-local-storage slot beyond QUARTZ_NET_ERRNO_TLS_INDEX (1 in every lwipopts.h) for the
 * per-task errno, the mutex-holder query of its core-lock check, and priorities for lwIP's
 * threads. Mutexes, counting semaphores and dynamic
 * allocation are on in every board's configuration already; sys_arch.c checks them with
 * #error.
 */
#ifndef NET_DEMO_FREERTOS_CONFIG_H
#define NET_DEMO_FREERTOS_CONFIG_H

#include_next <FreeRTOSConfig.h>

#undef configNUM_THREAD_LOCAL_STORAGE_POINTERS
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 2
#undef INCLUDE_xSemaphoreGetMutexHolder
#define INCLUDE_xSemaphoreGetMutexHolder 1

/* lwIP's tcpip thread runs at 6 and a receive task above it (lwipopts.h): a starting
 * configuration with fewer priorities (the micro:bit's 5) gets 8. */
#if configMAX_PRIORITIES < 8
#undef configMAX_PRIORITIES
#define configMAX_PRIORITIES 8
#endif

#endif /* NET_DEMO_FREERTOS_CONFIG_H */
