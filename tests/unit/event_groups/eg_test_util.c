/* SPDX-License-Identifier: MIT */
/*
 * eg_test_util.c: the constructor and scheduling helper of eg_test_util.h.
 */
#include "eg_test_util.h"

#if !configSUPPORT_DYNAMIC_ALLOCATION
#define POOL 8

static StaticEventGroup_t pool[POOL];
static unsigned pool_next;
#endif

EventGroupHandle_t eg_group(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    EventGroupHandle_t g = xEventGroupCreate();
#else
    EventGroupHandle_t g = xEventGroupCreateStatic(&pool[pool_next]);

    pool_next = (pool_next + 1) % POOL;
#endif
    QT_ASSERT(g != NULL);
    return g;
}

void eg_yield_if_coop(void)
{
    if (!configUSE_PREEMPTION) {
        taskYIELD();
    }
}
