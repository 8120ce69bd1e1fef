/* SPDX-License-Identifier: MIT */
/*
 * Event groups from interrupts: xEventGroupSetBitsFromISR and
 * xEventGroupClearBitsFromISR defer the change to the timer daemon task (so
 * the bits change when the daemon runs, and pxHigherPriorityTaskWoken says
 * whether it outranks the interrupted task); they fail when the timer
 * command queue is full; every usable bit survives the deferral, at every
 * tick width. Built in the "timers" configurations only.
 */
#include "eg_test_util.h"

#include "qtest_port.h"

#define HI (QTEST_PRIORITY + 1)

static EventGroupHandle_t g;
static EventBits_t isr_bits, waited;
static BaseType_t isr_result, isr_woken;

static void isr_set(void)
{
    isr_woken = pdFALSE;
    isr_result = xEventGroupSetBitsFromISR(g, isr_bits, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_clear(void)
{
    isr_result = xEventGroupClearBitsFromISR(g, isr_bits);
}

static void waiter(void *arg)
{
    (void)arg;
    waited = xEventGroupWaitBits(g, EG_USABLE, pdFALSE, pdFALSE, portMAX_DELAY);
    tt_mark('W');
    tt_park();
}

static void test_xEventGroupSetBitsFromISR_is_done_by_the_daemon(void)
{
    TaskHandle_t h;

    tt_trace_reset();
    g = eg_group();
    h = tt_spawn(waiter, "W", HI, NULL);
    eg_yield_if_coop();
    isr_bits = 0x5;
    tt_interrupt(isr_set);
    eg_yield_if_coop();
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdTRUE); /* the daemon outranks the test task */
    TT_EXPECT_TRACE("I W");
    QT_EQ(waited, 0x5);
    QT_EQ(xEventGroupGetBits(g), 0x5);
    vTaskDelete(h);
    vEventGroupDelete(g);
}

static void test_deferred_set_waits_for_the_daemon_to_run(void)
{
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();

    g = eg_group();
    vTaskPrioritySet(daemon, QTEST_PRIORITY - 1);
    isr_bits = 0x3;
    tt_interrupt(isr_set);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(xEventGroupGetBits(g), 0); /* not yet */
    vTaskDelay(1);
    QT_EQ(xEventGroupGetBits(g), 0x3);
    isr_bits = 0x1;
    tt_interrupt(isr_clear);
    QT_EQ(isr_result, pdPASS);
    QT_EQ(xEventGroupGetBits(g), 0x3);
    vTaskDelay(1);
    QT_EQ(xEventGroupGetBits(g), 0x2);
    vTaskPrioritySet(daemon, configTIMER_TASK_PRIORITY);
    vEventGroupDelete(g);
}

static void test_every_usable_bit_survives_the_deferral(void)
{
    g = eg_group();
    isr_bits = EG_USABLE;
    tt_interrupt(isr_set);
    eg_yield_if_coop();
    QT_ASSERT(xEventGroupGetBits(g) == EG_USABLE);
    isr_bits = EG_TOP_BIT | 0x1;
    tt_interrupt(isr_clear); /* it has no pxHigherPriorityTaskWoken: the daemon waits for a yield */
    taskYIELD();
    QT_ASSERT(xEventGroupGetBits(g) == (EventBits_t)(EG_USABLE & ~(EG_TOP_BIT | 0x1)));
    vEventGroupDelete(g);
}

static void test_deferred_calls_fail_when_the_timer_queue_is_full(void)
{
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();

    g = eg_group();
    vTaskSuspend(daemon);
    isr_bits = 0x1;
    for (int i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        tt_interrupt(isr_set);
        QT_EQ(isr_result, pdPASS);
    }
    tt_interrupt(isr_set);
    QT_EQ(isr_result, pdFAIL);
    tt_interrupt(isr_clear);
    QT_EQ(isr_result, pdFAIL);
    vTaskResume(daemon);
    eg_yield_if_coop();
    QT_EQ(xEventGroupGetBits(g), 0x1);
    vEventGroupDelete(g);
}

/* ---- Misuse (configASSERT) ---- */

static void isr_set_reserved(void)
{
    (void)xEventGroupSetBitsFromISR(g, (EventBits_t)(EG_TOP_BIT << 1), NULL);
}

static void set_reserved_from_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_set_reserved);
}

static void isr_clear_reserved(void)
{
    (void)xEventGroupClearBitsFromISR(g, (EventBits_t)(EG_TOP_BIT << 1));
}

static void clear_reserved_from_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_clear_reserved);
}

static void test_isr_misuse_asserts(void)
{
    g = eg_group();
    QT_EXPECT_ASSERT(set_reserved_from_isr, NULL);
    QT_EXPECT_ASSERT(clear_reserved_from_isr, NULL);
    vEventGroupDelete(g);
}

QTEST_MAIN(QTEST_CASE(test_xEventGroupSetBitsFromISR_is_done_by_the_daemon),
           QTEST_CASE(test_deferred_set_waits_for_the_daemon_to_run),
           QTEST_CASE(test_every_usable_bit_survives_the_deferral),
           QTEST_CASE(test_deferred_calls_fail_when_the_timer_queue_is_full),
           QTEST_CASE(test_isr_misuse_asserts))
