/* SPDX-License-Identifier: MIT */
/*
 * Mutex ownership: take and give, the holder query, timeouts, hand-over to
 * the highest-priority waiter (first come first served among equals), a
 * deleted holder handing its mutexes on, deleting a held mutex, static
 * creation, and misuse (configASSERT).
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static SemaphoreHandle_t m, m2;

/* Takes m, traces its id, gives m back and parks. */
static void take_give(void *arg)
{
    if (xSemaphoreTake(m, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
        QT_EQ(xSemaphoreGive(m), pdPASS);
    }
    tt_park();
}

/* Takes m and parks holding it. */
static void take_and_park(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTake(m, portMAX_DELAY), pdPASS);
    tt_mark('h');
    tt_park();
}

static void test_mutex_take_and_give(void)
{
    m = qu_mutex();
    QT_EQ(uxSemaphoreGetCount(m), 1);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    QT_EQ(uxSemaphoreGetCount(m), 0);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), xTaskGetCurrentTaskHandle());
    QT_EQ(xSemaphoreGive(m), pdPASS);
    QT_EQ(uxSemaphoreGetCount(m), 1);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_EQ(xSemaphoreGive(m), pdFAIL); /* giving a free mutex fails, as in FreeRTOS */
    vSemaphoreDelete(m);
}

static void test_mutex_take_times_out_after_exact_ticks(void)
{
    TaskHandle_t h;
    TickType_t t0;

    m = qu_mutex();
    h = tt_spawn(take_and_park, "h", LO, NULL);
    qu_settle();
    t0 = xTaskGetTickCount();
    QT_EQ(xSemaphoreTake(m, 15), pdFAIL);
    QT_EQ(xTaskGetTickCount() - t0, 15);
    QT_EQ(xSemaphoreTake(m, 0), pdFAIL);
    vTaskDelete(h); /* hands m on to nobody: it becomes free */
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    QT_EQ(xSemaphoreGive(m), pdPASS);
    vSemaphoreDelete(m);
}

static void test_mutex_give_hands_to_highest_priority_then_first_waiter(void)
{
    TaskHandle_t t[3];

    tt_trace_reset();
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    t[0] = tt_spawn(take_give, "a", LO - 1, (void *)'a');
    t[1] = tt_spawn(take_give, "b", LO, (void *)'b');
    t[2] = tt_spawn(take_give, "c", LO, (void *)'c');
    qu_settle();
    QT_EQ(xSemaphoreGive(m), pdPASS);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), t[1]); /* owned before it even runs */
    QT_EQ(uxSemaphoreGetCount(m), 0);
    qu_settle();
    TT_EXPECT_TRACE("b c a");
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    for (int i = 0; i < 3; i++) {
        vTaskDelete(t[i]);
    }
    vSemaphoreDelete(m);
}

static void test_mutex_give_to_higher_priority_waiter_switches_at_once(void)
{
    TaskHandle_t w;

    tt_trace_reset();
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    w = tt_spawn(take_give, "w", HI, (void *)'w');
    qu_yield_if_coop();
    QT_EQ(xSemaphoreGive(m), pdPASS);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("w");
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("w");
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

static void test_deleted_holder_hands_mutex_to_waiter(void)
{
    TaskHandle_t h, w;

    tt_trace_reset();
    m = qu_mutex();
    h = tt_spawn(take_and_park, "h", LO, NULL);
    qu_settle();
    w = tt_spawn(take_give, "w", LO, (void *)'w');
    qu_settle();
    QT_EQ(eTaskGetState(w), eBlocked);
    vTaskDelete(h);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), w);
    qu_settle();
    TT_EXPECT_TRACE("h w");
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

static void test_deleted_holder_lets_higher_priority_waiter_run_at_once(void)
{
    TaskHandle_t h, w;

    tt_trace_reset();
    m = qu_mutex();
    h = tt_spawn(take_and_park, "h", LO, NULL);
    qu_settle();
    w = tt_spawn(take_give, "w", HI, (void *)'w');
    qu_yield_if_coop();
    vTaskDelete(h);
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("h w");
    }
    qu_yield_if_coop();
    TT_EXPECT_TRACE("h w");
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

/* Takes m within 20 ticks; traces 'T' or 't' and gives it back. */
static void take_20(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(m, 20) == pdPASS) {
        tt_trace('T');
        QT_EQ(xSemaphoreGive(m), pdPASS);
    } else {
        tt_trace('t');
    }
    tt_park();
}

static void test_suspended_waiter_takes_mutex_freed_meanwhile(void)
{
    TaskHandle_t w;

    tt_trace_reset();
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    w = tt_spawn(take_20, "w", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(w);
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY); /* nobody waits any more */
    QT_EQ(xSemaphoreGive(m), pdPASS);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    vTaskDelay(2);
    vTaskResume(w);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("T7");
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

static void test_suspended_waiter_resumed_while_held_waits_out_its_time(void)
{
    TaskHandle_t w;

    tt_trace_reset();
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    w = tt_spawn(take_20, "w", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(w);
    vTaskDelay(5);
    vTaskResume(w);
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(NULL), HI); /* it waits, and lends its priority, again */
    vTaskDelay(20);
    TT_EXPECT_TRACE("t20");
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    QT_EQ(xSemaphoreGive(m), pdPASS);
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

static void test_suspended_waiter_resumed_after_its_deadline_fails_at_once(void)
{
    TaskHandle_t w;

    tt_trace_reset();
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    w = tt_spawn(take_20, "w", HI, NULL);
    qu_yield_if_coop();
    vTaskDelay(5);
    vTaskSuspend(w);
    vTaskDelay(20);
    vTaskResume(w);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("t25");
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    QT_EQ(xSemaphoreGive(m), pdPASS);
    vTaskDelete(w);
    vSemaphoreDelete(m);
}

/* Takes m2 and blocks on m until the case ends. */
static void hold_m2_wait_m(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTake(m2, portMAX_DELAY), pdPASS);
    (void)xSemaphoreTake(m, portMAX_DELAY);
    tt_park();
}

static void test_deleting_a_held_mutex_detaches_it_from_the_holder(void)
{
    TaskHandle_t h, w;

    m = qu_mutex();
    m2 = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    QT_EQ(xSemaphoreTake(m2, 0), pdPASS);
    vSemaphoreDelete(m2); /* held, nobody waiting: allowed */
    /* Inheritance still walks this task's held list: it must not meet m2. */
    m2 = qu_mutex();
    h = tt_spawn(hold_m2_wait_m, "h", HI, NULL);
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(NULL), HI);
    QT_EQ(xSemaphoreGive(m), pdPASS);
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    w = xSemaphoreGetMutexHolder(m);
    QT_PTR_EQ(w, h);
    vTaskDelete(h); /* frees m and m2 */
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m), NULL);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m2), NULL);
    vSemaphoreDelete(m);
    vSemaphoreDelete(m2);
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_xSemaphoreCreateMutexStatic_uses_the_buffer(void)
{
    static StaticSemaphore_t buffer;
    StaticSemaphore_t *got = NULL;

    m = xSemaphoreCreateMutexStatic(&buffer);
    QT_PTR_EQ(m, &buffer);
    QT_EQ(xSemaphoreGetStaticBuffer(m, &got), pdTRUE);
    QT_PTR_EQ(got, &buffer);
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    QT_EQ(xSemaphoreGive(m), pdPASS);
    vSemaphoreDelete(m);
}
#endif

static TaskHandle_t isr_holder;

static void isr_get_holder(void)
{
    isr_holder = xSemaphoreGetMutexHolderFromISR(m);
}

static void test_mutex_holder_queries(void)
{
    SemaphoreHandle_t b = qu_binary();

    QT_EQ(xSemaphoreGive(b), pdPASS);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(b), NULL); /* not a mutex */
    m = qu_mutex();
    QT_EQ(xSemaphoreTake(m, 0), pdPASS);
    tt_interrupt(isr_get_holder);
    QT_PTR_EQ(isr_holder, xTaskGetCurrentTaskHandle());
    QT_EQ(xSemaphoreGive(m), pdPASS);
    tt_interrupt(isr_get_holder);
    QT_PTR_EQ(isr_holder, NULL);
    vSemaphoreDelete(m);
    vSemaphoreDelete(b);
}

/* ---- Misuse (configASSERT) ---- */

static void give_foreign_mutex(void *arg)
{
    (void)arg;
    (void)xSemaphoreGive(m);
}

static void receive_on_mutex(void *arg)
{
    (void)arg;
    (void)xQueueReceive(m, NULL, 0);
}

static void delete_mutex_with_waiter(void *arg)
{
    (void)arg;
    vSemaphoreDelete(m);
}

static void test_mutex_misuse_asserts(void)
{
    TaskHandle_t h, w;

    m = qu_mutex();
    QT_EXPECT_ASSERT(receive_on_mutex, NULL);
    h = tt_spawn(take_and_park, "h", LO, NULL);
    qu_settle();
    QT_EXPECT_ASSERT(give_foreign_mutex, NULL);
    w = tt_spawn(take_give, "w", LO, (void *)'w');
    qu_settle();
    QT_EXPECT_ASSERT(delete_mutex_with_waiter, NULL);
    vTaskDelete(w);
    vTaskDelete(h);
    vSemaphoreDelete(m);
}

static const struct qtest_case cases[] = {
    QTEST_CASE(test_mutex_take_and_give),
    QTEST_CASE(test_mutex_take_times_out_after_exact_ticks),
    QTEST_CASE(test_mutex_give_hands_to_highest_priority_then_first_waiter),
    QTEST_CASE(test_mutex_give_to_higher_priority_waiter_switches_at_once),
    QTEST_CASE(test_deleted_holder_hands_mutex_to_waiter),
    QTEST_CASE(test_deleted_holder_lets_higher_priority_waiter_run_at_once),
    QTEST_CASE(test_suspended_waiter_takes_mutex_freed_meanwhile),
    QTEST_CASE(test_suspended_waiter_resumed_while_held_waits_out_its_time),
    QTEST_CASE(test_suspended_waiter_resumed_after_its_deadline_fails_at_once),
    QTEST_CASE(test_deleting_a_held_mutex_detaches_it_from_the_holder),
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xSemaphoreCreateMutexStatic_uses_the_buffer),
#endif
    QTEST_CASE(test_mutex_holder_queries),
    QTEST_CASE(test_mutex_misuse_asserts),
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
