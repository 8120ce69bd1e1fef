/* SPDX-License-Identifier: MIT */
/*
 * eg_test_util.h: helpers shared by the event group tests, on top of
 * tests/unit/task/task_test_util.h (trace, tt_spawn, tt_interrupt).
 *
 * eg_group creates a group dynamically, or from a static pool when the
 * configuration has no dynamic allocation (a slot is free again once its
 * group is deleted: qtest_pool_take).
 * EG_USABLE is every bit an application may use: all but the top byte of
 * EventBits_t, which follows the tick width.
 */
#ifndef EG_TEST_UTIL_H
#define EG_TEST_UTIL_H

#include "FreeRTOS.h"
#include "event_groups.h"
#include "task.h"

#include "../task/task_test_util.h"

#define EG_BITS (sizeof(EventBits_t) * 8u)
#define EG_USABLE ((EventBits_t)(((EventBits_t)1 << (EG_BITS - 8u)) - 1u))
#define EG_TOP_BIT ((EventBits_t)1 << (EG_BITS - 9u)) /* highest usable bit */

EventGroupHandle_t eg_group(void);

/* In a cooperative configuration, let higher-priority ready tasks run now. */
void eg_yield_if_coop(void);

#endif /* EG_TEST_UTIL_H */
