/* SPDX-License-Identifier: MIT */
/*
 * The "typical" benchmark configuration (footprint only): what a small application keeps on:
 * configASSERT, stack-overflow check 2, mutexes, counting semaphores and notifications, dynamic
 * allocation with heap 4; no software timers, trace facility, queue sets, event groups or
 * stream buffers.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define BENCH_ASSERT 1
#define configCHECK_FOR_STACK_OVERFLOW 2
#define configUSE_MALLOC_FAILED_HOOK 0
#define configUSE_TRACE_FACILITY 0
#define configUSE_QUEUE_SETS 0
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_TASK_NOTIFICATIONS 1
#define configUSE_TIMERS 0
#define configUSE_EVENT_GROUPS 0
#define configUSE_STREAM_BUFFERS 0
#define configSUPPORT_STATIC_ALLOCATION 0

#include "../bench_config_base.h"

#endif /* FREERTOS_CONFIG_H */
