/* SPDX-License-Identifier: MIT */
/*
 * Binary semaphores: created empty (vSemaphoreCreateBinary: given), a give
 * when given fails, takes block with exact timeouts, and a give hands the
 * semaphore straight to the highest-priority waiting taker (first come first
 * served among equals), so the count never rises while someone waits.
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static SemaphoreHandle_t sem;

static void take_once(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
    }
    tt_park();
}

static void test_xSemaphoreCreateBinary_starts_empty(void)
{
    sem = qu_binary();
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    QT_EQ(xSemaphoreTake(sem, 0), pdFAIL);
    vSemaphoreDelete(sem);
}

static void test_xSemaphoreGive_then_take(void)
{
    sem = qu_binary();
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(uxSemaphoreGetCount(sem), 1);
    QT_EQ(xSemaphoreGive(sem), pdFAIL); /* already given */
    QT_EQ(uxSemaphoreGetCount(sem), 1);
    QT_EQ(xSemaphoreTake(sem, 0), pdPASS);
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    QT_EQ(xSemaphoreTake(sem, 0), pdFAIL);
    vSemaphoreDelete(sem);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_vSemaphoreCreateBinary_starts_given(void)
{
    vSemaphoreCreateBinary(sem);
    QT_ASSERT(sem != NULL);
    QT_EQ(uxSemaphoreGetCount(sem), 1);
    QT_EQ(xSemaphoreTake(sem, 0), pdPASS);
    QT_EQ(xSemaphoreTake(sem, 0), pdFAIL);
    vSemaphoreDelete(sem);
}
#endif

static void test_xSemaphoreTake_times_out_after_exact_ticks(void)
{
    TickType_t t0;

    sem = qu_binary();
    t0 = xTaskGetTickCount();
    QT_EQ(xSemaphoreTake(sem, 12), pdFAIL);
    QT_EQ(xTaskGetTickCount() - t0, 12);
    vSemaphoreDelete(sem);
}

static void test_xSemaphoreGive_hands_to_waiting_taker(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    sem = qu_binary();
    t = tt_spawn(take_once, "hi", HI, (void *)'H');
    qu_yield_if_coop();
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("H");
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("H");
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

static void test_takers_served_by_priority_then_arrival(void)
{
    TaskHandle_t t[4];

    tt_trace_reset();
    sem = qu_binary();
    t[0] = tt_spawn(take_once, "a", LO - 1, (void *)'a');
    t[1] = tt_spawn(take_once, "b", LO, (void *)'b');
    t[2] = tt_spawn(take_once, "c", LO, (void *)'c');
    t[3] = tt_spawn(take_once, "d", LO - 1, (void *)'d');
    qu_settle();
    for (int i = 0; i < 4; i++) {
        QT_EQ(xSemaphoreGive(sem), pdPASS); /* goes to the next taker */
        QT_EQ(uxSemaphoreGetCount(sem), 0);
        QT_EQ(xSemaphoreGive(sem), pdFAIL); /* as in FreeRTOS: given until the taker runs */
        qu_settle();
    }
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(uxSemaphoreGetCount(sem), 1); /* nobody left waiting */
    TT_EXPECT_TRACE("b c a d");
    for (int i = 0; i < 4; i++) {
        vTaskDelete(t[i]);
    }
    vSemaphoreDelete(sem);
}

/* ---- Misuse (configASSERT) ---- */

static void take_null(void *arg)
{
    (void)arg;
    (void)xSemaphoreTake(NULL, 0);
}

static void semaphore_take_on_queue(void *arg)
{
    (void)xSemaphoreTake((QueueHandle_t)arg, 0);
}

static void test_semaphore_misuse_asserts(void)
{
    QueueHandle_t q = qu_queue(1, 4);

    QT_EXPECT_ASSERT(take_null, NULL);
    QT_EXPECT_ASSERT(semaphore_take_on_queue, q);
    vQueueDelete(q);
}

static const struct qtest_case cases[] = {
    QTEST_CASE(test_xSemaphoreCreateBinary_starts_empty),
    QTEST_CASE(test_xSemaphoreGive_then_take),
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_vSemaphoreCreateBinary_starts_given),
#endif
    QTEST_CASE(test_xSemaphoreTake_times_out_after_exact_ticks),
    QTEST_CASE(test_xSemaphoreGive_hands_to_waiting_taker),
    QTEST_CASE(test_takers_served_by_priority_then_arrival),
    QTEST_CASE(test_semaphore_misuse_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
