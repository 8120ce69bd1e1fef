/* SPDX-License-Identifier: MIT */
/*
 * xEventGroupWaitBits: waiting for any or all bits, with and without clear on
 * exit; the value returned when the condition holds at once, when a setter
 * completes the wait, on timeout, and when the group is deleted; one set
 * releasing several waiters, all judged before any bit is cleared; waits
 * that survive suspension and end on xTaskAbortDelay.
 */
#include "eg_test_util.h"

#include <stdbool.h>

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

struct waiter {
    EventGroupHandle_t group;
    EventBits_t want;
    BaseType_t clear, all;
    TickType_t ticks;
    EventBits_t result;
    TickType_t when;
    bool done;
};

static void wait_task(void *arg)
{
    struct waiter *w = arg;

    w->result = xEventGroupWaitBits(w->group, w->want, w->clear, w->all, w->ticks);
    w->when = xTaskGetTickCount();
    w->done = true;
    tt_mark(pcTaskGetName(NULL)[0]);
    tt_park();
}

static TaskHandle_t spawn_waiter(const char *name, UBaseType_t prio, struct waiter *w)
{
    TaskHandle_t h;

    w->done = false;
    h = tt_spawn(wait_task, name, prio, w);
    eg_yield_if_coop();
    return h;
}

static void test_wait_returns_at_once_when_the_condition_holds(void)
{
    EventGroupHandle_t g = eg_group();

    (void)xEventGroupSetBits(g, 0x3);
    QT_EQ(xEventGroupWaitBits(g, 0x6, pdFALSE, pdFALSE, 10), 0x3);
    QT_EQ(xEventGroupGetBits(g), 0x3);
    QT_EQ(xEventGroupWaitBits(g, 0x3, pdFALSE, pdTRUE, 10), 0x3);
    QT_EQ(xEventGroupWaitBits(g, 0x6, pdTRUE, pdFALSE, 10), 0x3);
    QT_EQ(xEventGroupGetBits(g), 0x1); /* only the bits waited for are cleared */
    QT_EQ(xTaskGetTickCount(), 0);
    vEventGroupDelete(g);
}

static void test_wait_times_out_with_the_current_bits(void)
{
    EventGroupHandle_t g = eg_group();

    (void)xEventGroupSetBits(g, 0x1);
    QT_EQ(xEventGroupWaitBits(g, 0x3, pdTRUE, pdTRUE, 7), 0x1);
    QT_EQ(xTaskGetTickCount(), 7);
    QT_EQ(xEventGroupWaitBits(g, 0x4, pdTRUE, pdFALSE, 0), 0x1); /* a poll */
    QT_EQ(xTaskGetTickCount(), 7);
    QT_EQ(xEventGroupGetBits(g), 0x1); /* a timeout clears nothing */
    vEventGroupDelete(g);
}

static void test_wait_for_all_blocks_until_the_last_bit(void)
{
    struct waiter w = {.want = 0x3, .clear = pdTRUE, .all = pdTRUE, .ticks = portMAX_DELAY};
    TaskHandle_t h;

    tt_trace_reset();
    w.group = eg_group();
    h = spawn_waiter("W", HI, &w);
    vTaskDelay(2);
    QT_EQ(xEventGroupSetBits(w.group, 0x1), 0x1);
    QT_ASSERT(!w.done);
    vTaskDelay(3);
    tt_mark('S');
    QT_EQ(xEventGroupSetBits(w.group, 0x6), 0x4); /* the waiter cleared 0x3 on its way out */
    eg_yield_if_coop();
    TT_EXPECT_TRACE("S W");
    QT_ASSERT(w.done);
    QT_EQ(w.result, 0x7); /* the bits when the wait was satisfied, before its clear */
    QT_EQ(w.when, 5);
    vTaskDelete(h);
    vEventGroupDelete(w.group);
}

static void test_wait_for_any_wakes_on_the_first_bit(void)
{
    struct waiter w = {.want = 0x6, .clear = pdFALSE, .all = pdFALSE, .ticks = 50};
    TaskHandle_t h;

    w.group = eg_group();
    h = spawn_waiter("W", HI, &w);
    vTaskDelay(4);
    (void)xEventGroupSetBits(w.group, 0x9); /* neither wanted bit */
    QT_ASSERT(!w.done);
    QT_EQ(xEventGroupSetBits(w.group, 0x4), 0xd); /* no clear on exit */
    eg_yield_if_coop();
    QT_ASSERT(w.done);
    QT_EQ(w.result, 0xd);
    QT_EQ(w.when, 4);
    vTaskDelete(h);
    vEventGroupDelete(w.group);
}

static void test_one_set_releases_every_satisfied_waiter(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x1, .clear = pdTRUE, .all = pdFALSE, .ticks = 100};
    struct waiter b = {.group = g, .want = 0x3, .clear = pdFALSE, .all = pdTRUE, .ticks = 100};
    struct waiter c = {.group = g, .want = 0x5, .clear = pdTRUE, .all = pdTRUE, .ticks = 100};
    TaskHandle_t ha, hb, hc;

    tt_trace_reset();
    ha = spawn_waiter("A", HI, &a);
    hb = spawn_waiter("B", HI + 1, &b);
    hc = spawn_waiter("C", LO, &c);
    vTaskDelay(1);
    /* A clears 0x1 on exit, but B (wanting 0x1 too) is judged on the same value. */
    QT_EQ(xEventGroupSetBits(g, 0x3), 0x2);
    eg_yield_if_coop();
    TT_EXPECT_TRACE("B A");
    QT_ASSERT(a.done && b.done && !c.done);
    QT_EQ(a.result, 0x3);
    QT_EQ(b.result, 0x3);
    QT_EQ(xEventGroupGetBits(g), 0x2);
    vTaskDelay(1); /* C, below us, is still waiting */
    QT_ASSERT(!c.done);
    vTaskDelete(ha);
    vTaskDelete(hb);
    vTaskDelete(hc);
    vEventGroupDelete(g);
}

static void test_vEventGroupDelete_releases_waiters_with_zero(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x1, .all = pdFALSE, .ticks = portMAX_DELAY};
    struct waiter b = {.group = g, .want = 0x3, .all = pdTRUE, .ticks = 500};
    TaskHandle_t ha, hb;

    tt_trace_reset();
    ha = spawn_waiter("A", HI, &a);
    hb = spawn_waiter("B", LO, &b);
    vTaskDelay(3);
    (void)xEventGroupSetBits(g, 0x2);
    vEventGroupDelete(g);
    eg_yield_if_coop();
    QT_ASSERT(a.done);
    QT_EQ(a.result, 0);
    QT_EQ(a.when, 3);
    vTaskDelay(1);
    QT_ASSERT(b.done);
    QT_EQ(b.result, 0);
    QT_EQ(b.when, 3);
    TT_EXPECT_TRACE("A B");
    vTaskDelete(ha);
    vTaskDelete(hb);
}

static void test_wait_survives_suspension_with_the_time_left(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x1, .all = pdFALSE, .ticks = 10};
    struct waiter b = {.group = g, .want = 0x2, .all = pdFALSE, .ticks = 10};
    TaskHandle_t ha, hb;

    ha = spawn_waiter("A", HI, &a);
    hb = spawn_waiter("B", HI, &b);
    vTaskDelay(3);
    vTaskSuspend(ha);
    vTaskSuspend(hb);
    vTaskDelay(2);
    vTaskResume(ha);
    vTaskResume(hb);
    eg_yield_if_coop();
    QT_ASSERT(!a.done && !b.done); /* waiting again, for what is left of 10 ticks */
    vTaskDelay(1);
    (void)xEventGroupSetBits(g, 0x1);
    eg_yield_if_coop();
    QT_ASSERT(a.done);
    QT_EQ(a.result, 0x1);
    QT_EQ(a.when, 6);
    vTaskDelay(10);
    QT_ASSERT(b.done);
    QT_EQ(b.result, 0x1); /* timed out */
    QT_EQ(b.when, 10);
    vTaskDelete(ha);
    vTaskDelete(hb);
    vEventGroupDelete(g);
}

static void test_wait_suspended_past_its_timeout_times_out_on_resume(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x1, .all = pdFALSE, .ticks = 5};
    TaskHandle_t ha;

    ha = spawn_waiter("A", HI, &a);
    vTaskDelay(2);
    vTaskSuspend(ha);
    vTaskDelay(5);
    (void)xEventGroupSetBits(g, 0x2);
    vTaskDelay(1);
    vTaskResume(ha); /* tick 8: its 5 ticks are over */
    eg_yield_if_coop();
    QT_ASSERT(a.done);
    QT_EQ(a.result, 0x2);
    QT_EQ(a.when, 8);
    vTaskDelete(ha);
    vEventGroupDelete(g);
}

static void test_xTaskAbortDelay_ends_the_wait_with_the_current_bits(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x4, .all = pdFALSE, .ticks = portMAX_DELAY};
    TaskHandle_t ha;

    ha = spawn_waiter("A", HI, &a);
    (void)xEventGroupSetBits(g, 0x1);
    vTaskDelay(4);
    QT_EQ(xTaskAbortDelay(ha), pdTRUE);
    eg_yield_if_coop();
    QT_ASSERT(a.done);
    QT_EQ(a.result, 0x1);
    QT_EQ(a.when, 4);
    vTaskDelete(ha);
    vEventGroupDelete(g);
}

static void test_bits_set_after_the_timeout_but_before_the_waiter_ran_count(void)
{
    EventGroupHandle_t g = eg_group();
    struct waiter a = {.group = g, .want = 0x1, .clear = pdTRUE, .all = pdFALSE, .ticks = 5};
    TaskHandle_t ha;

    ha = spawn_waiter("A", LO, &a);
    vTaskDelay(1);                    /* A waits from tick 0 until 5 */
    qtest_busy_ticks(7);              /* A times out at 5 but cannot run before 8 */
    (void)xEventGroupSetBits(g, 0x1); /* nobody waits: the bit stays */
    QT_ASSERT(!a.done);
    vTaskDelay(1);
    QT_ASSERT(a.done);
    QT_EQ(a.result, 0x1); /* A found its bit after all, and cleared it */
    QT_EQ(xEventGroupGetBits(g), 0);
    vTaskDelete(ha);
    vEventGroupDelete(g);
}

/* ---- Misuse (configASSERT) ---- */

static void wait_while_suspended(void *arg)
{
    vTaskSuspendAll();
    (void)xEventGroupWaitBits((EventGroupHandle_t)arg, 0x1, pdFALSE, pdFALSE, 5);
}

static void test_wait_misuse_asserts(void)
{
    EventGroupHandle_t g = eg_group();

    QT_EXPECT_ASSERT(wait_while_suspended, g);
    vEventGroupDelete(g);
}

QTEST_MAIN(QTEST_CASE(test_wait_returns_at_once_when_the_condition_holds),
           QTEST_CASE(test_wait_times_out_with_the_current_bits),
           QTEST_CASE(test_wait_for_all_blocks_until_the_last_bit),
           QTEST_CASE(test_wait_for_any_wakes_on_the_first_bit),
           QTEST_CASE(test_one_set_releases_every_satisfied_waiter),
           QTEST_CASE(test_vEventGroupDelete_releases_waiters_with_zero),
           QTEST_CASE(test_wait_survives_suspension_with_the_time_left),
           QTEST_CASE(test_wait_suspended_past_its_timeout_times_out_on_resume),
           QTEST_CASE(test_xTaskAbortDelay_ends_the_wait_with_the_current_bits),
           QTEST_CASE(test_bits_set_after_the_timeout_but_before_the_waiter_ran_count),
           QTEST_CASE(test_wait_misuse_asserts))
