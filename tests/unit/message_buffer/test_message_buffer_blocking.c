/* SPDX-License-Identifier: MIT */
/*
 * Message buffers with tasks and interrupts, timed in exact ticks: a receiver
 * woken by the first message gets exactly one message, a sender waits for room
 * for its whole message (and writes nothing if the time runs out), the
 * FromISR forms keep boundaries and report woken tasks, and an interrupt
 * producing messages of many lengths feeds a task that checks every byte.
 */
#include "../stream_buffer/sb_test_util.h"

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)
#define LEN_BYTES sizeof(configMESSAGE_BUFFER_LENGTH_TYPE)

static MessageBufferHandle_t mb;
static uint8_t out[128], in[128], task_in[128];
static volatile size_t task_got;
static volatile size_t task_len;
static volatile TickType_t task_wait;

static void receive_once(void *arg)
{
    (void)arg;
    task_got = xMessageBufferReceive(mb, task_in, sizeof(task_in), task_wait);
    tt_trace('R');
    tt_park();
}

static void send_once(void *arg)
{
    uint8_t data[128];

    (void)arg;
    sbt_fill(data, task_len, 100);
    task_got = xMessageBufferSend(mb, data, task_len, task_wait);
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

static void test_xMessageBufferReceive_times_out_after_exact_ticks(void)
{
    mb = sbt_message(32);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 9), 0);
    QT_EQ(xTaskGetTickCount(), 9);
    vMessageBufferDelete(mb);
}

static void test_woken_receiver_gets_exactly_one_message(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    mb = sbt_message(64);
    rx = tt_spawn(receive_once, "rx", LO, NULL);
    sbt_settle();
    QT_EQ(xMessageBufferSend(mb, out, 3, 0), 3);
    QT_EQ(xMessageBufferSend(mb, out + 3, 4, 0), 4);
    sbt_settle();
    TT_EXPECT_TRACE("R1");
    QT_EQ(task_got, 3);
    QT_ASSERT(sbt_check(task_in, 3, 0));
    QT_EQ(xMessageBufferNextLengthBytes(mb), 4);
    vTaskDelete(rx);
    vMessageBufferDelete(mb);
}

static void test_higher_priority_receiver_runs_on_the_first_message(void)
{
    TaskHandle_t rx;

    reset_case(20, 0);
    mb = sbt_message(64);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vTaskDelay(4);
    QT_EQ(xMessageBufferSend(mb, out, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R4");
    QT_EQ(task_got, 1);
    vTaskDelete(rx);
    vMessageBufferDelete(mb);
}

static void test_sender_waits_for_room_for_the_whole_message(void)
{
    TaskHandle_t tx;

    reset_case(portMAX_DELAY, 10);
    mb = sbt_message(3 * LEN_BYTES + 16);
    QT_EQ(xMessageBufferSend(mb, out, 4, 0), 4);
    QT_EQ(xMessageBufferSend(mb, out + 4, 4, 0), 4);
    /* LEN_BYTES + 8 free: the sender's LEN_BYTES + 10 do not fit. */
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(eTaskGetState(tx), eBlocked);
    vTaskDelay(3);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 4);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("S3");
    QT_EQ(task_got, 10);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 4);
    QT_ASSERT(sbt_check(in, 4, 4));
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 10);
    QT_ASSERT(sbt_check(in, 10, 100));
    vTaskDelete(tx);
    vMessageBufferDelete(mb);
}

static void test_xMessageBufferSend_times_out_and_writes_nothing(void)
{
    mb = sbt_message(LEN_BYTES + 10);
    QT_EQ(xMessageBufferSend(mb, out, 5, 0), 5);
    QT_EQ(xMessageBufferSend(mb, out, 2, 6), 0);
    QT_EQ(xTaskGetTickCount(), 6);
    QT_EQ(xStreamBufferBytesAvailable(mb), LEN_BYTES + 5);
    vMessageBufferDelete(mb);
}

static size_t isr_len, isr_result, isr_next;
static BaseType_t isr_woken;

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_result = xMessageBufferSendFromISR(mb, out, isr_len, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_receive(void)
{
    isr_woken = pdFALSE;
    isr_next = xMessageBufferNextLengthBytes(mb);
    isr_result = xMessageBufferReceiveFromISR(mb, in, isr_len, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void test_xMessageBufferSendFromISR_wakes_receiver_and_is_all_or_nothing(void)
{
    TaskHandle_t rx;

    reset_case(portMAX_DELAY, 0);
    mb = sbt_message(LEN_BYTES + 12);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    isr_len = 7;
    tt_interrupt(isr_send);
    sbt_yield_if_coop();
    QT_EQ(isr_result, 7);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I R0");
    QT_EQ(task_got, 7);
    isr_len = 12;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 12);
    QT_EQ(isr_woken, pdFALSE); /* nobody waiting */
    isr_len = 1;
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 0); /* full: nothing written */
    vTaskDelete(rx);
    vMessageBufferDelete(mb);
}

static void test_xMessageBufferReceiveFromISR_takes_one_message_and_wakes_the_sender(void)
{
    TaskHandle_t tx;

    reset_case(portMAX_DELAY, 5);
    mb = sbt_message(2 * LEN_BYTES + 12);
    QT_EQ(xMessageBufferSend(mb, out, 5, 0), 5);
    QT_EQ(xMessageBufferSend(mb, out + 5, 7, 0), 7);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    isr_len = 4;
    tt_interrupt(isr_receive);
    QT_EQ(isr_next, 5);
    QT_EQ(isr_result, 0); /* too long for 4 bytes: kept */
    QT_EQ(isr_woken, pdFALSE);
    isr_len = sizeof(in);
    tt_interrupt(isr_receive);
    sbt_yield_if_coop();
    QT_EQ(isr_result, 5);
    QT_ASSERT(sbt_check(in, 5, 0));
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I I S0");
    QT_EQ(task_got, 5);
    vTaskDelete(tx);
    vMessageBufferDelete(mb);
}

/* The tick interrupt sends message n (n % 13 + 1 bytes of stream position sent_pos) each tick. */
static volatile size_t isr_sent_msgs, isr_sent_pos, isr_dropped;

static void tick_producer(void)
{
    uint8_t msg[16];
    const size_t len = isr_sent_msgs % 13 + 1;

    sbt_fill(msg, len, isr_sent_pos);
    if (xMessageBufferSendFromISR(mb, msg, len, NULL) == len) {
        isr_sent_msgs++;
        isr_sent_pos += len;
    } else {
        isr_dropped++;
    }
}

static void test_interrupt_produced_messages_all_arrive_intact(void)
{
    size_t msgs = 0, pos = 0;

    isr_sent_msgs = isr_sent_pos = isr_dropped = 0;
    mb = sbt_message(3 * LEN_BYTES + 40);
    qtest_tick_hook = tick_producer;
    while (msgs < 300) {
        const size_t got = xMessageBufferReceive(mb, in, sizeof(in), 5);

        if (got != msgs % 13 + 1 || !sbt_check(in, got, pos)) {
            qtest_fail(__FILE__, __LINE__, "message %lu: %lu bytes", (unsigned long)msgs, (unsigned long)got);
            break;
        }
        msgs++;
        pos += got;
        if (msgs % 7 == 0) {
            vTaskDelay(6); /* fall behind so the producer finds the buffer full */
        }
    }
    qtest_tick_hook = NULL;
    QT_ASSERT(isr_dropped > 0);
    vMessageBufferDelete(mb);
}

QTEST_MAIN(QTEST_CASE(test_xMessageBufferReceive_times_out_after_exact_ticks),
           QTEST_CASE(test_woken_receiver_gets_exactly_one_message),
           QTEST_CASE(test_higher_priority_receiver_runs_on_the_first_message),
           QTEST_CASE(test_sender_waits_for_room_for_the_whole_message),
           QTEST_CASE(test_xMessageBufferSend_times_out_and_writes_nothing),
           QTEST_CASE(test_xMessageBufferSendFromISR_wakes_receiver_and_is_all_or_nothing),
           QTEST_CASE(test_xMessageBufferReceiveFromISR_takes_one_message_and_wakes_the_sender),
           QTEST_CASE(test_interrupt_produced_messages_all_arrive_intact))
