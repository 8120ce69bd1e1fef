/* SPDX-License-Identifier: MIT */
/*
 * Priority inheritance: a holder runs at max(base priority, the highest
 * waiter of every mutex it holds), transitively along chains of holders that
 * wait for other mutexes. It is recomputed when a waiter arrives, times out,
 * is aborted, suspended, resumed or deleted, or has its priority changed,
 * and when the holder gives one of several mutexes it drops at once to what
 * the others still need.
 *
 * Helper tasks take their mutexes and then wait for a notification before
 * each further step, so the case task (QTEST_PRIORITY) inspects priorities
 * while they are blocked. Without preemption a giver runs on until it blocks,
 * so some traces differ in order (never in content) in that configuration.
 */
#include "../queue/queue_test_util.h"

#define P1 ((UBaseType_t)1)
#define P2 ((UBaseType_t)2)
#define P3 ((UBaseType_t)3)
#define P5 ((UBaseType_t)(QTEST_PRIORITY + 1))
#define P6 ((UBaseType_t)(QTEST_PRIORITY + 2))

static SemaphoreHandle_t m1, m2;

static void wait_step(void)
{
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
}

/* Let a task that is waiting in wait_step() do its next step. */
static void step(TaskHandle_t t)
{
    (void)xTaskNotifyGive(t);
    qu_yield_if_coop();
}

/* Takes m1, waits for a step, gives m1, parks. */
static void hold_m1(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTake(m1, portMAX_DELAY), pdPASS);
    tt_mark('l');
    wait_step();
    QT_EQ(xSemaphoreGive(m1), pdPASS);
    tt_mark('g');
    tt_park();
}

/* Takes m1 (forever), traces, gives it back, parks. */
static void take_m1(void *arg)
{
    if (xSemaphoreTake(m1, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
        QT_EQ(xSemaphoreGive(m1), pdPASS);
    }
    tt_park();
}

/* Takes m2 (forever), traces, gives it back, parks. */
static void take_m2(void *arg)
{
    if (xSemaphoreTake(m2, portMAX_DELAY) == pdPASS) {
        tt_mark((char)(intptr_t)arg);
        QT_EQ(xSemaphoreGive(m2), pdPASS);
    }
    tt_park();
}

static void test_holder_inherits_waiter_priority_until_it_gives(void)
{
    TaskHandle_t l, h;

    tt_trace_reset();
    m1 = qu_mutex();
    l = tt_spawn(hold_m1, "L", P1, NULL);
    qu_settle();
    h = tt_spawn(take_m1, "H", P5, (void *)'H');
    qu_yield_if_coop();
    QT_EQ(eTaskGetState(h), eBlocked);
    QT_EQ(uxTaskPriorityGet(l), P5);
    QT_EQ(uxTaskBasePriorityGet(l), P1);
    step(l); /* L runs at P5, gives: H gets m1 and preempts L, which is back at P1 */
    if (configUSE_PREEMPTION) {
        TT_EXPECT_TRACE("l H");
    }
    QT_EQ(uxTaskPriorityGet(l), P1);
    qu_settle();
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m1), NULL);
    vTaskDelete(l);
    vTaskDelete(h);
    vSemaphoreDelete(m1);
}

static void test_holder_with_higher_base_keeps_its_priority(void)
{
    TaskHandle_t w;

    m1 = qu_mutex();
    QT_EQ(xSemaphoreTake(m1, 0), pdPASS);
    w = tt_spawn(take_m1, "w", P2, (void *)'w');
    qu_settle();
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    QT_EQ(xSemaphoreGive(m1), pdPASS);
    QT_EQ(uxTaskPriorityGet(NULL), QTEST_PRIORITY);
    qu_settle();
    vTaskDelete(w);
    vSemaphoreDelete(m1);
}

/* B: takes m2, then waits for m1 (held by A); once it has both, waits for a step, gives both. */
static void hold_m2_want_m1(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTake(m2, portMAX_DELAY), pdPASS);
    QT_EQ(xSemaphoreTake(m1, portMAX_DELAY), pdPASS);
    tt_mark('B');
    wait_step();
    QT_EQ(xSemaphoreGive(m1), pdPASS);
    QT_EQ(xSemaphoreGive(m2), pdPASS);
    tt_park();
}

/* C: waits 10 ticks for m2. */
static void want_m2_for_10(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(m2, 10) == pdPASS) {
        tt_mark('C');
        QT_EQ(xSemaphoreGive(m2), pdPASS);
    } else {
        tt_mark('c');
    }
    tt_park();
}

static void test_inheritance_follows_a_chain_of_three(void)
{
    TaskHandle_t a, b, c;

    tt_trace_reset();
    m1 = qu_mutex();
    m2 = qu_mutex();
    a = tt_spawn(hold_m1, "A", P1, NULL);
    qu_settle();
    b = tt_spawn(hold_m2_want_m1, "B", P2, NULL);
    qu_settle();
    QT_EQ(uxTaskPriorityGet(a), P2);
    c = tt_spawn(want_m2_for_10, "C", P5, NULL);
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(b), P5);
    QT_EQ(uxTaskPriorityGet(a), P5); /* through B, which waits on A's m1 */
    vTaskDelay(9);
    QT_EQ(uxTaskPriorityGet(a), P5);
    vTaskDelay(1); /* C times out: the whole chain drops back */
    TT_EXPECT_TRACE("l c");
    QT_EQ(uxTaskPriorityGet(b), P2);
    QT_EQ(uxTaskPriorityGet(a), P2);
    step(a);
    qu_settle(); /* A (P2) gives m1 to B and drops to its base */
    QT_EQ(uxTaskPriorityGet(a), P1);
    TT_EXPECT_TRACE(configUSE_PREEMPTION ? "l c B g" : "l c g B");
    step(b);
    qu_settle();
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m1), NULL);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m2), NULL);
    QT_EQ(uxTaskPriorityGet(b), P2);
    vTaskDelete(a);
    vTaskDelete(b);
    vTaskDelete(c);
    vSemaphoreDelete(m1);
    vSemaphoreDelete(m2);
}

static void test_chain_releases_hand_priority_down_the_line(void)
{
    TaskHandle_t a, b, c;

    tt_trace_reset();
    m1 = qu_mutex();
    m2 = qu_mutex();
    a = tt_spawn(hold_m1, "A", P1, NULL);
    qu_settle();
    b = tt_spawn(hold_m2_want_m1, "B", P2, NULL);
    qu_settle();
    c = tt_spawn(take_m2, "C", P5, (void *)'C');
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(a), P5);
    step(a); /* A gives m1 to B (P5, still needed by C): B preempts */
    QT_EQ(uxTaskPriorityGet(a), P1);
    QT_EQ(uxTaskPriorityGet(b), P5);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m1), b);
    step(b); /* B gives m1 (stays P5), then m2 to C, dropping to P2 */
    QT_EQ(uxTaskPriorityGet(b), P2);
    qu_settle();
    TT_EXPECT_TRACE(configUSE_PREEMPTION ? "l B C g" : "l g B C");
    vTaskDelete(a);
    vTaskDelete(b);
    vTaskDelete(c);
    vSemaphoreDelete(m1);
    vSemaphoreDelete(m2);
}

static int give_m2_first;

/* Takes m1 and m2, then gives them one per step in the order give_m2_first says. */
static void hold_both(void *arg)
{
    (void)arg;
    QT_EQ(xSemaphoreTake(m1, portMAX_DELAY), pdPASS);
    QT_EQ(xSemaphoreTake(m2, portMAX_DELAY), pdPASS);
    wait_step();
    QT_EQ(xSemaphoreGive(give_m2_first ? m2 : m1), pdPASS);
    wait_step();
    QT_EQ(xSemaphoreGive(give_m2_first ? m1 : m2), pdPASS);
    tt_park();
}

static void several_mutexes_given_in_order(int m2_first)
{
    TaskHandle_t l, w1, w2;

    give_m2_first = m2_first;
    m1 = qu_mutex();
    m2 = qu_mutex();
    l = tt_spawn(hold_both, "L", P1, NULL);
    qu_settle();
    w1 = tt_spawn(take_m1, "w1", P3, (void *)'1');
    qu_settle();
    QT_EQ(uxTaskPriorityGet(l), P3);
    w2 = tt_spawn(take_m2, "w2", P5, (void *)'2');
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(l), P5);
    step(l);
    /* Dropped at once to what the mutex still held needs. */
    QT_EQ(uxTaskPriorityGet(l), m2_first ? P3 : P5);
    step(l);
    qu_settle(); /* L may be below the case task now */
    QT_EQ(uxTaskPriorityGet(l), P1);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m1), NULL);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(m2), NULL);
    vTaskDelete(l);
    vTaskDelete(w1);
    vTaskDelete(w2);
    vSemaphoreDelete(m1);
    vSemaphoreDelete(m2);
}

static void test_several_mutexes_given_high_waiter_first(void)
{
    several_mutexes_given_in_order(1);
}

static void test_several_mutexes_given_low_waiter_first(void)
{
    several_mutexes_given_in_order(0);
}

/* Takes m1 for 10 ticks. */
static void want_m1_for_10(void *arg)
{
    (void)arg;
    tt_mark(xSemaphoreTake(m1, 10) == pdPASS ? 'T' : 't');
    tt_park();
}

static void test_waiter_timeout_lowers_the_holder(void)
{
    TaskHandle_t l, w;

    tt_trace_reset();
    m1 = qu_mutex();
    l = tt_spawn(hold_m1, "L", P1, NULL);
    qu_settle();
    w = tt_spawn(want_m1_for_10, "W", P5, NULL);
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(l), P5);
    vTaskDelay(9);
    QT_EQ(uxTaskPriorityGet(l), P5);
    vTaskDelay(1);
    TT_EXPECT_TRACE("l t");
    QT_EQ(uxTaskPriorityGet(l), P1);
    step(l);
    qu_settle();
    vTaskDelete(l);
    vTaskDelete(w);
    vSemaphoreDelete(m1);
}

static void test_vTaskPrioritySet_on_waiter_moves_the_holder(void)
{
    TaskHandle_t l, w;

    tt_trace_reset();
    m1 = qu_mutex();
    l = tt_spawn(hold_m1, "L", P1, NULL);
    qu_settle();
    w = tt_spawn(take_m1, "W", P2, (void *)'W');
    qu_settle();
    QT_EQ(uxTaskPriorityGet(l), P2);
    vTaskPrioritySet(w, P6);
    QT_EQ(uxTaskPriorityGet(l), P6);
    vTaskPrioritySet(w, P1);
    QT_EQ(uxTaskPriorityGet(l), P1);
    vTaskPrioritySet(w, P3);
    QT_EQ(uxTaskPriorityGet(l), P3);
    step(l);
    qu_settle();
    TT_EXPECT_TRACE(configUSE_PREEMPTION ? "l W g" : "l g W");
    vTaskDelete(l);
    vTaskDelete(w);
    vSemaphoreDelete(m1);
}

static void test_vTaskPrioritySet_on_holder_keeps_inherited_priority(void)
{
    TaskHandle_t l, w;

    tt_trace_reset();
    m1 = qu_mutex();
    l = tt_spawn(hold_m1, "L", P1, NULL);
    qu_settle();
    w = tt_spawn(take_m1, "W", P3, (void *)'W');
    qu_settle();
    QT_EQ(uxTaskPriorityGet(l), P3);
    vTaskPrioritySet(l, P2); /* below what W needs: the inherited priority stays */
    QT_EQ(uxTaskPriorityGet(l), P3);
    QT_EQ(uxTaskBasePriorityGet(l), P2);
    vTaskPrioritySet(l, P6); /* above: the base wins */
    QT_EQ(uxTaskPriorityGet(l), P6);
    vTaskPrioritySet(l, P2);
    QT_EQ(uxTaskPriorityGet(l), P3);
    step(l);
    qu_settle();
    QT_EQ(uxTaskPriorityGet(l), P2); /* gave m1: back to its new base */
    TT_EXPECT_TRACE(configUSE_PREEMPTION ? "l W g" : "l g W");
    vTaskDelete(l);
    vTaskDelete(w);
    vSemaphoreDelete(m1);
}

static void test_vTaskPrioritySet_propagates_along_a_chain(void)
{
    TaskHandle_t a, b, c;

    tt_trace_reset();
    m1 = qu_mutex();
    m2 = qu_mutex();
    a = tt_spawn(hold_m1, "A", P1, NULL);
    qu_settle();
    b = tt_spawn(hold_m2_want_m1, "B", P1, NULL);
    qu_settle();
    c = tt_spawn(take_m2, "C", P2, (void *)'C');
    qu_settle();
    QT_EQ(uxTaskPriorityGet(a), P2);
    vTaskPrioritySet(c, P3);
    QT_EQ(uxTaskPriorityGet(b), P3);
    QT_EQ(uxTaskPriorityGet(a), P3);
    vTaskPrioritySet(c, P1);
    QT_EQ(uxTaskPriorityGet(b), P1);
    QT_EQ(uxTaskPriorityGet(a), P1);
    vTaskDelete(c);
    vTaskDelete(b);
    vTaskDelete(a);
    vSemaphoreDelete(m1);
    vSemaphoreDelete(m2);
}

/* Tries m1 forever, again after each failure; traces 'f' per failure, 'W' on success. */
static void keep_wanting_m1(void *arg)
{
    (void)arg;
    while (xSemaphoreTake(m1, portMAX_DELAY) != pdPASS) {
        tt_mark('f');
    }
    tt_mark('W');
    QT_EQ(xSemaphoreGive(m1), pdPASS);
    tt_park();
}

static void test_abort_suspend_and_delete_of_waiter_lower_the_holder(void)
{
    TaskHandle_t l, w;

    tt_trace_reset();
    m1 = qu_mutex();
    l = tt_spawn(hold_m1, "L", P1, NULL);
    qu_settle();
    w = tt_spawn(keep_wanting_m1, "W", P5, NULL);
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(l), P5);
    QT_EQ(xTaskAbortDelay(w), pdPASS); /* W fails once and waits again */
    QT_EQ(uxTaskPriorityGet(l), configUSE_PREEMPTION ? P5 : P1);
    qu_yield_if_coop();
    TT_EXPECT_TRACE("l f");
    QT_EQ(uxTaskPriorityGet(l), P5);
    vTaskSuspend(w);
    QT_EQ(uxTaskPriorityGet(l), P1);
    vTaskResume(w); /* W waits again */
    qu_yield_if_coop();
    QT_EQ(uxTaskPriorityGet(l), P5);
    vTaskDelete(w);
    QT_EQ(uxTaskPriorityGet(l), P1);
    step(l);
    qu_settle();
    TT_EXPECT_TRACE("l f g");
    vTaskDelete(l);
    vSemaphoreDelete(m1);
}

QTEST_MAIN(QTEST_CASE(test_holder_inherits_waiter_priority_until_it_gives),
           QTEST_CASE(test_holder_with_higher_base_keeps_its_priority),
           QTEST_CASE(test_inheritance_follows_a_chain_of_three),
           QTEST_CASE(test_chain_releases_hand_priority_down_the_line),
           QTEST_CASE(test_several_mutexes_given_high_waiter_first),
           QTEST_CASE(test_several_mutexes_given_low_waiter_first),
           QTEST_CASE(test_waiter_timeout_lowers_the_holder),
           QTEST_CASE(test_vTaskPrioritySet_on_waiter_moves_the_holder),
           QTEST_CASE(test_vTaskPrioritySet_on_holder_keeps_inherited_priority),
           QTEST_CASE(test_vTaskPrioritySet_propagates_along_a_chain),
           QTEST_CASE(test_abort_suspend_and_delete_of_waiter_lower_the_holder))
