/* SPDX-License-Identifier: MIT */
/*
 * The FromISR stream buffer functions, called from simulated interrupts: they
 * never block, wake a task blocked on the other side when it has what it
 * waits for, and report through pxHigherPriorityTaskWoken (which may be NULL)
 * exactly when the woken task outranks the interrupted one. Also the
 * completed-from-ISR functions applications use in their own hooks, reset
 * from an interrupt, and an interrupt feeding a task tick by tick.
 */
#include "sb_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)

static StreamBufferHandle_t sb;
static uint8_t out[64], in[64], task_in[64];
static size_t isr_len, isr_result;
static BaseType_t isr_woken, isr_flag;
static volatile size_t task_got;
static volatile size_t task_len;

static void receive_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferReceive(sb, task_in, sizeof(task_in), portMAX_DELAY);
    tt_trace('R');
    tt_park();
}

static void send_once(void *arg)
{
    uint8_t data[64];

    (void)arg;
    sbt_fill(data, task_len, 100);
    task_got = xStreamBufferSend(sb, data, task_len, portMAX_DELAY);
    tt_trace('S');
    tt_park();
}

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_result = xStreamBufferSendFromISR(sb, out, isr_len, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_send_no_woken(void)
{
    isr_result = xStreamBufferSendFromISR(sb, out, isr_len, NULL);
}

static void isr_receive(void)
{
    isr_woken = pdFALSE;
    isr_result = xStreamBufferReceiveFromISR(sb, in, isr_len, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void reset_case(void)
{
    tt_trace_reset();
    task_got = 12345;
    sbt_fill(out, sizeof(out), 0);
}

static void test_xStreamBufferSendFromISR_wakes_higher_priority_receiver(void)
{
    TaskHandle_t rx;

    reset_case();
    sb = sbt_stream(16, 4);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    isr_len = 3;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 3);
    QT_EQ(isr_woken, pdFALSE); /* below the trigger level: nobody woken */
    isr_len = 2;
    tt_interrupt(isr_send);
    sbt_yield_if_coop();
    QT_EQ(isr_result, 2);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I I R0"); /* the switch happened on leaving the interrupt */
    QT_EQ(task_got, 5);
    QT_ASSERT(sbt_check(task_in, 3, 0));
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSendFromISR_lower_priority_receiver_sets_no_woken(void)
{
    TaskHandle_t rx;

    reset_case();
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", LO, NULL);
    sbt_settle();
    isr_len = 4;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 4);
    QT_EQ(isr_woken, pdFALSE);
    QT_EQ(eTaskGetState(rx), eReady);
    TT_EXPECT_TRACE("I");
    sbt_settle();
    TT_EXPECT_TRACE("I R1");
    QT_EQ(task_got, 4);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSendFromISR_writes_what_fits(void)
{
    reset_case();
    sb = sbt_stream(6, 1);
    isr_len = 4;
    tt_interrupt(isr_send_no_woken); /* NULL pxHigherPriorityTaskWoken is allowed */
    QT_EQ(isr_result, 4);
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 2);
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 0);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 6);
    QT_ASSERT(sbt_check(in, 4, 0));
    QT_ASSERT(sbt_check(in + 4, 2, 0));
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceiveFromISR_wakes_writer_once_its_room_is_free(void)
{
    TaskHandle_t tx;

    reset_case();
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 8, 0), 8);
    task_len = 3;
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    isr_len = 2;
    tt_interrupt(isr_receive);
    QT_EQ(isr_result, 2);
    QT_EQ(isr_woken, pdFALSE); /* room for 2 of its 3 */
    QT_ASSERT(sbt_check(in, 2, 0));
    isr_len = 1;
    tt_interrupt(isr_receive);
    sbt_yield_if_coop();
    QT_EQ(isr_result, 1);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I I S0");
    QT_EQ(task_got, 3);
    QT_EQ(xStreamBufferBytesAvailable(sb), 8);
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceiveFromISR_on_empty_returns_zero(void)
{
    reset_case();
    sb = sbt_stream(8, 1);
    isr_len = 4;
    tt_interrupt(isr_receive);
    QT_EQ(isr_result, 0);
    QT_EQ(isr_woken, pdFALSE);
    vStreamBufferDelete(sb);
}

static void isr_send_completed(void)
{
    isr_woken = pdFALSE;
    isr_flag = xStreamBufferSendCompletedFromISR(sb, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_receive_completed(void)
{
    isr_woken = pdFALSE;
    isr_flag = xStreamBufferReceiveCompletedFromISR(sb, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void test_xStreamBufferSendCompletedFromISR_wakes_the_reader_whatever_the_level(void)
{
    TaskHandle_t rx;

    reset_case();
    sb = sbt_stream(16, 10);
    tt_interrupt(isr_send_completed);
    QT_EQ(isr_flag, pdFALSE); /* nobody waiting */
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    tt_interrupt(isr_send_completed);
    sbt_yield_if_coop();
    QT_EQ(isr_flag, pdTRUE);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 2); /* it takes what is there */
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceiveCompletedFromISR_wakes_the_writer_to_recheck(void)
{
    TaskHandle_t tx;

    reset_case();
    sb = sbt_stream(4, 1);
    tt_interrupt(isr_receive_completed);
    QT_EQ(isr_flag, pdFALSE);
    QT_EQ(xStreamBufferSend(sb, out, 4, 0), 4);
    task_len = 2;
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    tt_interrupt(isr_receive_completed); /* still no room: it checks and waits again */
    sbt_yield_if_coop();
    QT_EQ(isr_flag, pdTRUE);
    TT_EXPECT_TRACE("");
    QT_EQ(eTaskGetState(tx), eBlocked);
    QT_EQ(xStreamBufferReceive(sb, in, 2, 0), 2);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S0");
    QT_EQ(task_got, 2);
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static void isr_reset(void)
{
    isr_flag = xStreamBufferResetFromISR(sb);
}

static void test_xStreamBufferResetFromISR_only_when_nobody_waits(void)
{
    TaskHandle_t rx;

    reset_case();
    sb = sbt_stream(16, 8);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    tt_interrupt(isr_reset);
    QT_EQ(isr_flag, pdPASS);
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    tt_interrupt(isr_reset);
    QT_EQ(isr_flag, pdFAIL);
    QT_EQ(xStreamBufferBytesAvailable(sb), 3);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

/* One byte per tick from the tick interrupt, counted in bytes_fed. */
static volatile size_t bytes_fed;

static void tick_feeder(void)
{
    uint8_t b = sbt_byte(bytes_fed);
    BaseType_t woken = pdFALSE;

    if (xStreamBufferSendFromISR(sb, &b, 1, &woken) == 1) {
        bytes_fed++;
    }
    portYIELD_FROM_ISR(woken);
}

static void test_interrupt_fed_receiver_wakes_at_the_trigger_tick(void)
{
    size_t got;

    reset_case();
    bytes_fed = 0;
    sb = sbt_stream(32, 5);
    qtest_tick_hook = tick_feeder;
    got = xStreamBufferReceive(sb, in, sizeof(in), 100);
    qtest_tick_hook = NULL;
    QT_EQ(got, 5);
    QT_EQ(xTaskGetTickCount(), 5);
    QT_ASSERT(sbt_check(in, 5, 0));
    vStreamBufferDelete(sb);
}

/* ---- Misuse (configASSERT) ---- */

static void isr_send_null(void)
{
    (void)xStreamBufferSendFromISR(sb, NULL, 1, NULL);
}

static void send_null_in_isr(void *arg)
{
    sb = arg;
    tt_interrupt(isr_send_null);
}

static void isr_receive_null(void)
{
    (void)xStreamBufferReceiveFromISR(sb, NULL, 1, NULL);
}

static void receive_null_in_isr(void *arg)
{
    sb = arg;
    tt_interrupt(isr_receive_null);
}

static void test_isr_misuse_asserts(void)
{
    StreamBufferHandle_t mine = sbt_stream(8, 1);

    QT_EXPECT_ASSERT(send_null_in_isr, mine);
    QT_EXPECT_ASSERT(receive_null_in_isr, mine);
    vStreamBufferDelete(mine);
}

QTEST_MAIN(QTEST_CASE(test_xStreamBufferSendFromISR_wakes_higher_priority_receiver),
           QTEST_CASE(test_xStreamBufferSendFromISR_lower_priority_receiver_sets_no_woken),
           QTEST_CASE(test_xStreamBufferSendFromISR_writes_what_fits),
           QTEST_CASE(test_xStreamBufferReceiveFromISR_wakes_writer_once_its_room_is_free),
           QTEST_CASE(test_xStreamBufferReceiveFromISR_on_empty_returns_zero),
           QTEST_CASE(test_xStreamBufferSendCompletedFromISR_wakes_the_reader_whatever_the_level),
           QTEST_CASE(test_xStreamBufferReceiveCompletedFromISR_wakes_the_writer_to_recheck),
           QTEST_CASE(test_xStreamBufferResetFromISR_only_when_nobody_waits),
           QTEST_CASE(test_interrupt_fed_receiver_wakes_at_the_trigger_tick),
           QTEST_CASE(test_isr_misuse_asserts))
