/* SPDX-License-Identifier: MIT */
/*
 * queue_test_util.h: helpers shared by the queue, semaphore and mutex tests,
 * on top of tests/unit/task/task_test_util.h (trace, tt_spawn, tt_interrupt).
 *
 * The qu_* constructors create objects dynamically, or from a static pool
 * when the configuration has no dynamic allocation, so every case runs in
 * both kinds of configuration. A pooled slot is free again once its object
 * is deleted (qtest_pool_take).
 *
 * qu_settle() lets every ready task of any priority run: in a cooperative
 * configuration nothing preempts the test task, so cases call it where a
 * preemptive kernel would already have switched.
 */
#ifndef QUEUE_TEST_UTIL_H
#define QUEUE_TEST_UTIL_H

#include "FreeRTOS.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#include "../task/task_test_util.h"

/* Largest queue storage a pooled static queue gets. */
#define QU_POOL_BYTES ((UBaseType_t)QTEST_POOL_QUEUE_BYTES)

QueueHandle_t qu_queue(UBaseType_t length, UBaseType_t item_size);
SemaphoreHandle_t qu_binary(void);
#if configUSE_COUNTING_SEMAPHORES
SemaphoreHandle_t qu_counting(UBaseType_t max_count, UBaseType_t initial_count);
#endif
#if configUSE_MUTEXES
SemaphoreHandle_t qu_mutex(void);
#endif
#if configUSE_RECURSIVE_MUTEXES
SemaphoreHandle_t qu_recursive_mutex(void);
#endif

/* In a cooperative configuration, let higher-priority ready tasks run now. */
void qu_yield_if_coop(void);

/* Let every other task run until all are blocked: sleep one tick. */
void qu_settle(void);

#endif /* QUEUE_TEST_UTIL_H */
