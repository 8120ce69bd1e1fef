/* SPDX-License-Identifier: MIT */
/*
 * Recursive mutexes: the holder may take again, each take needs a give, and
 * the mutex is released (to a waiter, with inheritance undone) only by the
 * last give. Only the holder may give.
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static SemaphoreHandle_t m;

static void take_give(void *arg)
{
    if (xSemaphoreTakeRecursive(m, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
        QT_EQ(xSemaphoreGiveRecursive(m), pdPASS);
    }
    tt_park();
}

static void take_twice_and_park(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTakeRecursive(m, portMAX_DELAY), pdPASS);
    QT_EQ(xSemaphoreTakeRecursive(m, portMAX_DELAY), pdPASS);
    tt_park();
}

static void test_recursive_mutex_nests(void)
{
    m = qu_recursive_mutex();
    for (int i = 0; i < 3; i++) {
        QT_EQ(xSemaphoreTakeRecursive(m, 0), pdPASS);
        QT_EQ(uxSemaphoreGetCount(m), 0);
    }
    for (int i = 0; i < 3; i++) {
        QT_PTR_EQ(xSemaphoreGetMutexHolder(m), xTaskGetCurrentTaskHandle());
        QT_EQ(xSemaphoreGiveRecursive(m), pdPASS);
    }
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_EQ(uxSemaphoreGetCount(m), 1);
    QT_EQ(xSemaphoreGiveRecursive(m), pdFAIL); /* not held */
    vSemaphoreDelete(m);
}

static void test_recursive_give_by_non_holder_fails(void)
{
    TaskHandle_t h;
    TickType_t t0;

    m = qu_recursive_mutex();
    h = tt_spawn(take_twice_and_park, "h", LO, NULL);
    qu_settle();
    QT_EQ(xSemaphoreGiveRecursive(m), pdFAIL);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), h);
    t0 = xTaskGetTickCount();
    QT_EQ(xSemaphoreTakeRecursive(m, 6), pdFAIL);
    QT_EQ(xTaskGetTickCount() - t0, 6);
    vTaskDelete(h); /* released whatever its nesting depth */
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_EQ(xSemaphoreTakeRecursive(m, 0), pdPASS);
    QT_EQ(xSemaphoreGiveRecursive(m), pdPASS);
    vSemaphoreDelete(m);
}

static void test_waiter_gets_recursive_mutex_after_last_give(void)
{
    TaskHandle_t w;

    tt_trace_reset();
    m = qu_recursive_mutex();
    QT_EQ(xSemaphoreTakeRecursive(m, 0), pdPASS);
    QT_EQ(xSemaphoreTakeRecursive(m, 0), pdPASS);
    w = tt_spawn(take_give, "w", HI, (void *)'w');
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(NULL), HI); /* inherited */
    QT_EQ(xSemaphoreGiveRecursive(m), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(uxTaskPriorityGet(NULL), HI);
    QT_EQ(xSemaphoreGiveRecursive(m), pdPASS);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("w");
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

/* ---- Misuse (configASSERT) ---- */

static void take_recursive_on_plain_mutex(void *arg)
{
    (void)xSemaphoreTakeRecursive((SemaphoreHandle_t)arg, 0);
}

static void give_recursive_on_plain_mutex(void *arg)
{
    (void)xSemaphoreGiveRecursive((SemaphoreHandle_t)arg);
}

static void test_recursive_mutex_misuse_asserts(void)
{
    SemaphoreHandle_t plain = qu_mutex();

    QT_EXPECT_ASSERT(take_recursive_on_plain_mutex, plain);
    QT_EXPECT_ASSERT(give_recursive_on_plain_mutex, plain);
    vSemaphoreDelete(plain);
}

QTEST_MAIN(QTEST_CASE(test_recursive_mutex_nests),
           QTEST_CASE(test_recursive_give_by_non_holder_fails),
           QTEST_CASE(test_waiter_gets_recursive_mutex_after_last_give),
           QTEST_CASE(test_recursive_mutex_misuse_asserts))
