/* SPDX-License-Identifier: MIT */
/*
 * Semaphores from interrupts: xSemaphoreGiveFromISR wakes the first waiting
 * taker and reports whether it outranks the interrupted task,
 * xSemaphoreTakeFromISR never blocks, and mutexes are refused. A binary
 * semaphore given to a waiting taker stays given until the taker runs, also
 * within the handler that gave it.
 */
#include "../queue/queue_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static SemaphoreHandle_t sem;
static BaseType_t isr_result, isr_result2, isr_woken;
static UBaseType_t isr_count;

static void take_once(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
    }
    tt_park();
}

static void isr_give(void)
{
    isr_woken = pdFALSE;
    isr_result = xSemaphoreGiveFromISR(sem, &isr_woken);
    isr_count = uxSemaphoreGetCountFromISR(sem);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void take_each(void *arg)
{
    for (;;) {
        if (xSemaphoreTake(sem, portMAX_DELAY) == pdPASS) {
            tt_mark((char)(intptr_t)arg);
        }
    }
}

static void isr_give_twice(void)
{
    isr_woken = pdFALSE;
    isr_result = xSemaphoreGiveFromISR(sem, &isr_woken);
    isr_result2 = xSemaphoreGiveFromISR(sem, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_take(void)
{
    isr_woken = pdFALSE;
    isr_result = xSemaphoreTakeFromISR(sem, &isr_woken);
}

static void test_xSemaphoreGiveFromISR_wakes_higher_priority_taker(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    sem = qu_binary();
    t = tt_spawn(take_once, "hi", HI, (void *)'H');
    qu_yield_if_coop();
    tt_interrupt(isr_give);
    qu_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE);
    QT_EQ(isr_count, 0);
    TT_EXPECT_TRACE("I H");
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

static void test_xSemaphoreGiveFromISR_lower_priority_taker_sets_no_woken(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    sem = qu_binary();
    t = tt_spawn(take_once, "lo", LO, (void *)'L');
    qu_settle();
    tt_interrupt(isr_give);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    TT_EXPECT_TRACE("I");
    qu_settle();
    TT_EXPECT_TRACE("I L");
    tt_interrupt(isr_give); /* nobody waits: the count goes up */
    QT_EQ(isr_count, 1);
    tt_interrupt(isr_give); /* and a binary semaphore stops at 1 */
    QT_EQ(isr_result, pdFAIL);
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

/* As in FreeRTOS, where the count stays 1 until the woken taker runs: the second give fails
 * and the taker takes once, though it outranks the interrupted task and runs next. */
static void test_xSemaphoreGiveFromISR_twice_in_one_handler_gives_once(void)
{
    TaskHandle_t t;

    tt_trace_reset();
    sem = qu_binary();
    t = tt_spawn(take_each, "hi", HI, (void *)'H');
    qu_yield_if_coop();
    tt_interrupt(isr_give_twice);
    qu_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_result2, pdFAIL);
    QT_EQ(isr_woken, pdTRUE);
    qu_settle();
    TT_EXPECT_TRACE("I H");
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

static void test_xSemaphoreTakeFromISR_never_blocks(void)
{
    sem = qu_binary();
    tt_interrupt(isr_take);
    QT_EQ(isr_result, pdFAIL);
    QT_EQ(xSemaphoreGive(sem), pdPASS);
    tt_interrupt(isr_take);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(uxSemaphoreGetCount(sem), 0);
    vSemaphoreDelete(sem);
}

/* ---- Misuse (configASSERT) ---- */

#if configUSE_MUTEXES
static void give_mutex_in_isr(void *arg)
{
    sem = (SemaphoreHandle_t)arg;
    tt_interrupt(isr_give);
}

static void take_mutex_in_isr(void *arg)
{
    sem = (SemaphoreHandle_t)arg;
    tt_interrupt(isr_take);
}

static void isr_take_blocking(void)
{
    (void)xSemaphoreTake(sem, 5);
}

static void take_blocking_in_isr(void *arg)
{
    sem = (SemaphoreHandle_t)arg;
    tt_interrupt(isr_take_blocking);
}

static void test_semaphore_isr_misuse_asserts(void)
{
    SemaphoreHandle_t m = qu_mutex();
    SemaphoreHandle_t b = qu_binary();

    QT_EXPECT_ASSERT(give_mutex_in_isr, m);
    QT_EXPECT_ASSERT(take_mutex_in_isr, m);
    QT_EXPECT_ASSERT(take_blocking_in_isr, b);
    vSemaphoreDelete(m);
    vSemaphoreDelete(b);
}
#endif

static const struct qtest_case cases[] = {
    QTEST_CASE(test_xSemaphoreGiveFromISR_wakes_higher_priority_taker),
    QTEST_CASE(test_xSemaphoreGiveFromISR_lower_priority_taker_sets_no_woken),
    QTEST_CASE(test_xSemaphoreGiveFromISR_twice_in_one_handler_gives_once),
    QTEST_CASE(test_xSemaphoreTakeFromISR_never_blocks),
#if configUSE_MUTEXES
    QTEST_CASE(test_semaphore_isr_misuse_asserts),
#endif
};

int main(void)
{
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
