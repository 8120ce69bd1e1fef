/* SPDX-License-Identifier: MIT */
/*
 * Counting semaphores: initial and maximum counts, gives beyond the maximum
 * fail, gives hand counts straight to waiting takers, static creation.
 */
#include "../queue/queue_test_util.h"

#define LO (QTEST_PRIORITY - 1)

static SemaphoreHandle_t sem;

static void take_once(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
    }
    tt_park();
}

static void test_counting_semaphore_counts_between_zero_and_max(void)
{
    sem = qu_counting(3, 2);
    QT_EQ(uxSemaphoreGetCount(sem), 2);
    QT_EQ(xSemaphoreTake(sem, 0), pdPASS);
    QT_EQ(xSemaphoreTake(sem, 0), pdPASS);
    QT_EQ(xSemaphoreTake(sem, 0), pdFAIL);
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    for (UBaseType_t i = 1; i <= 3; i++) {
        QT_EQ(xSemaphoreGive(sem), pdPASS);
        QT_EQ(uxSemaphoreGetCount(sem), i);
    }
    QT_EQ(xSemaphoreGive(sem), pdFAIL);
    QT_EQ(uxSemaphoreGetCount(sem), 3);
    QT_EQ(uxQueueSpacesAvailable(sem), 0);
    vSemaphoreDelete(sem);
}

static void test_counting_gives_go_to_waiting_takers_first(void)
{
    TaskHandle_t t[3];

    tt_trace_reset();
    sem = qu_counting(5, 0);
    t[0] = tt_spawn(take_once, "a", LO - 1, (void *)'a');
    t[1] = tt_spawn(take_once, "b", LO, (void *)'b');
    t[2] = tt_spawn(take_once, "c", LO - 1, (void *)'c');
    qu_settle();
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    qu_settle();
    TT_EXPECT_TRACE("b a");
    QT_EQ(eTaskGetState(t[2]), eBlocked);
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    QT_EQ(uxSemaphoreGetCount(sem), 1);
    qu_settle();
    TT_EXPECT_TRACE("b a c");
    for (int i = 0; i < 3; i++) {
        vTaskDelete(t[i]);
    }
    vSemaphoreDelete(sem);
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_xSemaphoreCreateCountingStatic_uses_the_buffer(void)
{
    static StaticSemaphore_t buffer;
    StaticSemaphore_t *got = NULL;

    sem = xSemaphoreCreateCountingStatic(10, 4, &buffer);
    QT_PTR_EQ(sem, &buffer);
    QT_EQ(uxSemaphoreGetCount(sem), 4);
    QT_EQ(xSemaphoreGetStaticBuffer(sem, &got), pdTRUE);
    QT_PTR_EQ(got, &buffer);
    vSemaphoreDelete(sem);
}
#endif

/* ---- Misuse (configASSERT) ---- */

static void create_zero_max(void *arg)
{
    (void)arg;
    (void)qu_counting(0, 0);
}

static void create_initial_above_max(void *arg)
{
    (void)arg;
    (void)qu_counting(2, 3);
}

static void test_counting_semaphore_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(create_zero_max, NULL);
    QT_EXPECT_ASSERT(create_initial_above_max, NULL);
}

static const struct qtest_case cases[] = {
    QTEST_CASE(test_counting_semaphore_counts_between_zero_and_max),
    QTEST_CASE(test_counting_gives_go_to_waiting_takers_first),
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xSemaphoreCreateCountingStatic_uses_the_buffer),
#endif
    QTEST_CASE(test_counting_semaphore_misuse_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
