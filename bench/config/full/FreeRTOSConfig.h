/* SPDX-License-Identifier: MIT */
/*
 * The "full" benchmark configuration, the one the published comparison uses (FreeRTOS's own
 * MPS2 QEMU demo configuration): configASSERT on, stack-overflow check 2, trace facility and
 * queue sets on, every object kind, static and dynamic allocation, heap 4 (the build's
 * FREERTOS_HEAP), 1 kHz tick. All timings in bench/README.md are taken with this file.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define BENCH_ASSERT 1
#define configCHECK_FOR_STACK_OVERFLOW 2
#define configUSE_MALLOC_FAILED_HOOK 1
#define configUSE_TRACE_FACILITY 1
#define configUSE_QUEUE_SETS 1
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_TASK_NOTIFICATIONS 1
#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_QUEUE_LENGTH 8
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define configUSE_EVENT_GROUPS 1
#define configUSE_STREAM_BUFFERS 1
#define configSUPPORT_STATIC_ALLOCATION 1

#include "../bench_config_base.h"

#endif /* FREERTOS_CONFIG_H */
