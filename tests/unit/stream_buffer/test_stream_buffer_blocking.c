/* SPDX-License-Identifier: MIT */
/*
 * Blocking on stream buffers, timed in exact ticks: receivers that time out
 * and take what is there, receivers woken exactly when a send reaches the
 * trigger level (also after xStreamBufferSetTriggerLevel), senders that wait
 * for room for their whole request and write what fits when the time runs
 * out, batching buffers, waits ended by xTaskAbortDelay, suspension and
 * deletion, and the single-reader / single-writer rule. The case task runs at
 * QTEST_PRIORITY; helpers run above (HI) or below (LO).
 */
#include "sb_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static StreamBufferHandle_t sb;
static uint8_t out[64], in[64], task_in[64];
static volatile size_t task_got;
static volatile TickType_t task_wait = portMAX_DELAY;
static volatile size_t task_len = 1;

/* Receives once with task_wait, records the count and tick as 'R', parks. */
static void receive_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferReceive(sb, task_in, sizeof(task_in), task_wait);
    tt_trace('R');
    tt_park();
}

/* Sends task_len bytes (from byte 100 of the test stream) with task_wait, records 'S', parks. */
static void send_once(void *arg)
{
    uint8_t data[64];

    (void)arg;
    sbt_fill(data, task_len, 100);
    task_got = xStreamBufferSend(sb, data, task_len, task_wait);
    tt_trace('S');
    tt_park();
}

static void reset_case(TickType_t wait, size_t len)
{
    tt_trace_reset();
    task_got = 12345;
    task_wait = wait;
    task_len = len;
    sbt_fill(out, sizeof(out), 0);
}

static void test_xStreamBufferReceive_times_out_after_exact_ticks(void)
{
    TickType_t t0;

    sb = sbt_stream(16, 1);
    t0 = xTaskGetTickCount();
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 10), 0);
    QT_EQ(xTaskGetTickCount() - t0, 10);
    t0 = xTaskGetTickCount();
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 1), 0);
    QT_EQ(xTaskGetTickCount() - t0, 1);
    vStreamBufferDelete(sb);
}

/* Writes 2 bytes at tick 2 and 3 more at tick 5, below the trigger level of 8. */
static void trickle(void *arg)
{
    (void)arg;
    vTaskDelay(2);
    (void)xStreamBufferSend(sb, out, 2, 0);
    vTaskDelay(3);
    (void)xStreamBufferSend(sb, out + 2, 3, 0);
    tt_park();
}

static void test_xStreamBufferReceive_timeout_returns_what_is_there(void)
{
    TaskHandle_t tx;

    reset_case(0, 0);
    sb = sbt_stream(16, 8);
    tx = tt_spawn(trickle, "tx", LO, NULL);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 10), 5);
    QT_EQ(xTaskGetTickCount(), 10); /* the trigger level was never reached */
    QT_ASSERT(sbt_check(in, 5, 0));
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceive_returns_at_once_when_data_is_below_trigger(void)
{
    sb = sbt_stream(16, 8);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    /* A stream buffer reader that finds data never waits, whatever the trigger level. */
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 10), 3);
    QT_EQ(xTaskGetTickCount(), 0);
    vStreamBufferDelete(sb);
}

static void test_receiver_unblocks_exactly_when_the_trigger_level_is_reached(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 6);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(eTaskGetState(rx), eBlocked);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    sbt_settle();
    QT_EQ(xStreamBufferSend(sb, out + 2, 3, 0), 3);
    sbt_settle();
    TT_EXPECT_TRACE(""); /* 5 bytes: still waiting */
    QT_EQ(eTaskGetState(rx), eBlocked);
    QT_EQ(xStreamBufferSend(sb, out + 5, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R2");
    QT_EQ(task_got, 6);
    QT_ASSERT(sbt_check(task_in, 6, 0));
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_lower_priority_receiver_runs_later_with_everything_sent(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 4);
    rx = tt_spawn(receive_once, "rx", LO, NULL);
    sbt_settle();
    QT_EQ(xStreamBufferSend(sb, out, 4, 0), 4); /* wakes rx, which cannot run yet */
    QT_EQ(eTaskGetState(rx), eReady);
    QT_EQ(xStreamBufferSend(sb, out + 4, 3, 0), 3);
    TT_EXPECT_TRACE("");
    sbt_settle();
    TT_EXPECT_TRACE("R1");
    QT_EQ(task_got, 7); /* it reads what is there when it runs */
    QT_ASSERT(sbt_check(task_in, 7, 0));
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSetTriggerLevel_moves_the_wake_point(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 10);
    QT_EQ(xStreamBufferSetTriggerLevel(sb, 17), pdFALSE); /* above the size: unchanged */
    QT_EQ(xStreamBufferSetTriggerLevel(sb, 16), pdTRUE);
    QT_EQ(xStreamBufferSetTriggerLevel(sb, 3), pdTRUE);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(xStreamBufferSend(sb, out + 2, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 3);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSetTriggerLevel_zero_means_one(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 5);
    QT_EQ(xStreamBufferSetTriggerLevel(sb, 0), pdTRUE);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 1);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_times_out_after_exact_ticks_and_writes_what_fits(void)
{
    TickType_t t0;

    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 6, 0), 6);
    t0 = xTaskGetTickCount();
    QT_EQ(xStreamBufferSend(sb, out + 6, 5, 7), 2);
    QT_EQ(xTaskGetTickCount() - t0, 7);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    t0 = xTaskGetTickCount();
    QT_EQ(xStreamBufferSend(sb, out, 1, 3), 0);
    QT_EQ(xTaskGetTickCount() - t0, 3);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 8);
    QT_ASSERT(sbt_check(in, 8, 0));
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_waits_for_room_for_the_whole_request(void)
{
    TaskHandle_t tx;

    reset_case(20, 5);
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 6, 0), 6);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(eTaskGetState(tx), eBlocked); /* room for 2 of its 5 */
    QT_EQ(xStreamBufferBytesAvailable(sb), 6);
    vTaskDelay(3);
    QT_EQ(xStreamBufferReceive(sb, in, 2, 0), 2); /* room for 4: not enough */
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    vTaskDelay(2);
    QT_EQ(xStreamBufferReceive(sb, in + 2, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S5");
    QT_EQ(task_got, 5);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 8);
    QT_ASSERT(sbt_check(in, 3, 3));
    QT_ASSERT(sbt_check(in + 3, 5, 100));
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_larger_than_the_buffer_waits_until_it_is_empty(void)
{
    TaskHandle_t tx;

    reset_case(portMAX_DELAY, 20);
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferReceive(sb, in, 2, 0), 2);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(xStreamBufferReceive(sb, in, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S0");
    QT_EQ(task_got, 8);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 8);
    QT_ASSERT(sbt_check(in, 8, 100));
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

/* ---- Batching buffers ---- */

static void test_batching_receiver_waits_while_data_does_not_exceed_the_trigger(void)
{
    sb = sbt_batching(16, 4);
    QT_EQ(xStreamBufferSend(sb, out, 4, 0), 4);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 5), 4); /* exactly the level: it waited */
    QT_EQ(xTaskGetTickCount(), 5);
    QT_EQ(xStreamBufferSend(sb, out, 5, 0), 5);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 5), 5); /* above the level: at once */
    QT_EQ(xTaskGetTickCount(), 5);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 2); /* no block time: what is there */
    vStreamBufferDelete(sb);
}

static void test_batching_receiver_is_woken_when_a_send_reaches_the_trigger(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_batching(16, 4);
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(eTaskGetState(rx), eBlocked); /* a stream buffer reader would have taken the byte */
    QT_EQ(xStreamBufferSend(sb, out + 1, 2, 0), 2);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(xStreamBufferSend(sb, out + 3, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 4);
    QT_ASSERT(sbt_check(task_in, 4, 0));
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

/* ---- Waits ended early ---- */

static void test_xTaskAbortDelay_ends_a_receive_with_what_is_there(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 8);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    vTaskDelay(2);
    QT_EQ(xTaskAbortDelay(rx), pdPASS);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R2");
    QT_EQ(task_got, 3);
    /* The reader is gone from the buffer: it can be reset, and another may wait. */
    QT_EQ(xStreamBufferReset(sb), pdPASS);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 1), 0);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xTaskAbortDelay_ends_a_send_with_what_fits(void)
{
    TaskHandle_t tx;

    reset_case(portMAX_DELAY, 6);
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 4, 0), 4);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xTaskAbortDelay(tx), pdPASS);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S0");
    QT_EQ(task_got, 4);
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void test_suspended_receiver_retries_with_the_time_left(void)
{
    TaskHandle_t rx;

    reset_case(10, 0);
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vTaskDelay(2);
    vTaskSuspend(rx);
    QT_EQ(xStreamBufferReset(sb), pdPASS); /* nobody waits now */
    vTaskDelay(2);
    vTaskResume(rx); /* tick 4: nothing arrived; it waits out its 10 ticks */
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    vTaskDelay(10);
    TT_EXPECT_TRACE("R10");
    QT_EQ(task_got, 0);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_receiver_resumed_after_its_time_ran_out_returns_at_once(void)
{
    TaskHandle_t rx;

    reset_case(5, 0);
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vTaskDelay(1);
    vTaskSuspend(rx);
    vTaskDelay(8);
    vTaskResume(rx); /* tick 9: its 5 ticks are over */
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R9");
    QT_EQ(task_got, 0);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_suspended_receiver_is_not_woken_and_reads_when_resumed(void)
{
    TaskHandle_t rx;

    reset_case(10, 0);
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vTaskSuspend(rx);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    vTaskDelay(3);
    QT_EQ(eTaskGetState(rx), eSuspended);
    vTaskResume(rx);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R3");
    QT_EQ(task_got, 3);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_suspended_sender_retries_and_completes_when_room_appears(void)
{
    TaskHandle_t tx;

    reset_case(10, 4);
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 8, 0), 8);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    vTaskSuspend(tx);
    QT_EQ(xStreamBufferReceive(sb, in, 4, 0), 4);
    vTaskDelay(1);
    vTaskResume(tx);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S1");
    QT_EQ(task_got, 4);
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void test_deleted_receiver_leaves_the_buffer_usable(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vTaskDelete(rx);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2); /* wakes nobody */
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 2);
    QT_EQ(xStreamBufferReset(sb), pdPASS);
    vStreamBufferDelete(sb);
}

static void test_receive_does_not_touch_the_task_notification(void)
{
    uint32_t value = 0;

    sb = sbt_stream(16, 1);
    QT_EQ(xTaskNotify(xTaskGetCurrentTaskHandle(), 0x55, eSetValueWithOverwrite), pdPASS);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 3), 0);
    QT_EQ(xTaskGetTickCount(), 3); /* the pending notification did not end the wait */
    QT_EQ(xTaskNotifyWait(0, 0, &value, 0), pdTRUE);
    QT_EQ(value, 0x55);
    vStreamBufferDelete(sb);
}

/* ---- Misuse (configASSERT) ---- */

static void second_reader(void *arg)
{
    (void)arg;
    sb = sbt_stream(16, 1);
    task_wait = portMAX_DELAY;
    (void)tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    (void)xStreamBufferReceive(sb, in, sizeof(in), 10);
}

static void second_writer(void *arg)
{
    (void)arg;
    sb = sbt_stream(4, 1);
    (void)xStreamBufferSend(sb, out, 4, 0);
    task_wait = portMAX_DELAY;
    task_len = 1;
    (void)tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    (void)xStreamBufferSend(sb, out, 1, 10);
}

static void isr_blocking_receive(void)
{
    (void)xStreamBufferReceive(sb, in, sizeof(in), 10);
}

static void receive_in_isr(void *arg)
{
    sb = arg;
    tt_interrupt(isr_blocking_receive);
}

static void block_while_suspended(void *arg)
{
    vTaskSuspendAll();
    (void)xStreamBufferReceive(arg, in, sizeof(in), 10);
}

static void test_blocking_misuse_asserts(void)
{
    StreamBufferHandle_t mine = sbt_stream(8, 1);

    QT_EXPECT_ASSERT(second_reader, NULL);
    QT_EXPECT_ASSERT(second_writer, NULL);
    QT_EXPECT_ASSERT(receive_in_isr, mine);
    QT_EXPECT_ASSERT(block_while_suspended, mine);
    vStreamBufferDelete(mine);
}

QTEST_MAIN(QTEST_CASE(test_xStreamBufferReceive_times_out_after_exact_ticks),
           QTEST_CASE(test_xStreamBufferReceive_timeout_returns_what_is_there),
           QTEST_CASE(test_xStreamBufferReceive_returns_at_once_when_data_is_below_trigger),
           QTEST_CASE(test_receiver_unblocks_exactly_when_the_trigger_level_is_reached),
           QTEST_CASE(test_lower_priority_receiver_runs_later_with_everything_sent),
           QTEST_CASE(test_xStreamBufferSetTriggerLevel_moves_the_wake_point),
           QTEST_CASE(test_xStreamBufferSetTriggerLevel_zero_means_one),
           QTEST_CASE(test_xStreamBufferSend_times_out_after_exact_ticks_and_writes_what_fits),
           QTEST_CASE(test_xStreamBufferSend_waits_for_room_for_the_whole_request),
           QTEST_CASE(test_xStreamBufferSend_larger_than_the_buffer_waits_until_it_is_empty),
           QTEST_CASE(test_batching_receiver_waits_while_data_does_not_exceed_the_trigger),
           QTEST_CASE(test_batching_receiver_is_woken_when_a_send_reaches_the_trigger),
           QTEST_CASE(test_xTaskAbortDelay_ends_a_receive_with_what_is_there),
           QTEST_CASE(test_xTaskAbortDelay_ends_a_send_with_what_fits),
           QTEST_CASE(test_suspended_receiver_retries_with_the_time_left),
           QTEST_CASE(test_receiver_resumed_after_its_time_ran_out_returns_at_once),
           QTEST_CASE(test_suspended_receiver_is_not_woken_and_reads_when_resumed),
           QTEST_CASE(test_suspended_sender_retries_and_completes_when_room_appears),
           QTEST_CASE(test_deleted_receiver_leaves_the_buffer_usable),
           QTEST_CASE(test_receive_does_not_touch_the_task_notification),
           QTEST_CASE(test_blocking_misuse_asserts))
