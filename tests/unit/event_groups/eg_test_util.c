/* SPDX-License-Identifier: MIT */
/*
 * eg_test_util.c: the constructor and scheduling helper of eg_test_util.h.
 */
#include "eg_test_util.h"

#if !configSUPPORT_DYNAMIC_ALLOCATION
static StaticEventGroup_t pool_group[QTEST_POOL_EVENT_GROUPS];
static struct qtest_pool pool =
    QTEST_POOL_INIT("event group (QTEST_POOL_EVENT_GROUPS)", pool_group);
#endif

EventGroupHandle_t eg_group(void)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    EventGroupHandle_t g = xEventGroupCreate();
#else
    EventGroupHandle_t g = xEventGroupCreateStatic(&pool_group[qtest_pool_take(&pool)]);
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
