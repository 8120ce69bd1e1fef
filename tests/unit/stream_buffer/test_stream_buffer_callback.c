/* SPDX-License-Identifier: MIT */
/*
 * Send- and receive-completed hooks (configuration streams_cb): the
 * application's sbSEND_COMPLETED / sbRECEIVE_COMPLETED macros and their
 * FromISR forms, which replace the kernel's own wake-ups, and per-instance
 * callbacks (xStreamBufferCreateWithCallback and friends), which take
 * precedence over the macros. The hooks below count their calls and, when
 * `forward` is set, do what the kernel would: call the *CompletedFromISR
 * functions.
 */
#include "sb_test_util.h"

#include <stdbool.h>

#define HI (QTEST_PRIORITY + 1)

struct hook_log {
    unsigned calls;
    StreamBufferHandle_t last;
    BaseType_t in_isr;
    BaseType_t woken_was_null;
};

static struct hook_log send_log, receive_log, cb_send_log, cb_receive_log;
static bool forward;
static StreamBufferHandle_t sb;
static uint8_t out[64], in[64], task_in[64];
static volatile size_t task_got;
static volatile TickType_t task_wait;

static void record(struct hook_log *log, StreamBufferHandle_t s, BaseType_t isr, const void *woken)
{
    log->calls++;
    log->last = s;
    log->in_isr = isr;
    log->woken_was_null = woken == NULL;
}

/* ---- The application's macros (declared in tests/configs/streams_cb) ---- */

void sbt_hook_send(struct StreamBufferDef_t *s)
{
    BaseType_t woken = pdFALSE;

    record(&send_log, s, pdFALSE, &woken);
    if (forward) {
        (void)xStreamBufferSendCompletedFromISR(s, &woken);
        if (woken) {
            taskYIELD();
        }
    }
}

void sbt_hook_receive(struct StreamBufferDef_t *s)
{
    BaseType_t woken = pdFALSE;

    record(&receive_log, s, pdFALSE, &woken);
    if (forward) {
        (void)xStreamBufferReceiveCompletedFromISR(s, &woken);
        if (woken) {
            taskYIELD();
        }
    }
}

void sbt_hook_send_isr(struct StreamBufferDef_t *s, void *woken)
{
    record(&send_log, s, pdTRUE, woken);
    if (forward) {
        (void)xStreamBufferSendCompletedFromISR(s, woken);
    }
}

void sbt_hook_receive_isr(struct StreamBufferDef_t *s, void *woken)
{
    record(&receive_log, s, pdTRUE, woken);
    if (forward) {
        (void)xStreamBufferReceiveCompletedFromISR(s, woken);
    }
}

/* ---- Per-instance callbacks ---- */

static void cb_send(StreamBufferHandle_t s, BaseType_t isr, BaseType_t *const woken)
{
    record(&cb_send_log, s, isr, woken);
    if (forward) {
        (void)xStreamBufferSendCompletedFromISR(s, woken);
    }
}

static void cb_receive(StreamBufferHandle_t s, BaseType_t isr, BaseType_t *const woken)
{
    record(&cb_receive_log, s, isr, woken);
    if (forward) {
        (void)xMessageBufferReceiveCompletedFromISR(s, woken);
    }
}

static void reset_case(bool fwd)
{
    static const struct hook_log empty;

    send_log = receive_log = cb_send_log = cb_receive_log = empty;
    forward = fwd;
    tt_trace_reset();
    task_got = 12345;
    task_wait = portMAX_DELAY;
    sbt_fill(out, sizeof(out), 0);
}

static void receive_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferReceive(sb, task_in, sizeof(task_in), task_wait);
    tt_trace('R');
    tt_park();
}

static void send_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferSend(sb, out, 4, task_wait);
    tt_trace('S');
    tt_park();
}

static void test_sbSEND_COMPLETED_runs_for_sends_at_the_trigger_level(void)
{
    reset_case(false);
    sb = sbt_stream(16, 4);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    QT_EQ(send_log.calls, 0);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    QT_EQ(send_log.calls, 1);
    QT_PTR_EQ(send_log.last, sb);
    QT_EQ(send_log.in_isr, pdFALSE);
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    QT_EQ(send_log.calls, 2);
    QT_EQ(xStreamBufferReceive(sb, in, 3, 0), 3);
    QT_EQ(receive_log.calls, 1);
    QT_PTR_EQ(receive_log.last, sb);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 2);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 0); /* nothing read: no call */
    QT_EQ(receive_log.calls, 2);
    vStreamBufferDelete(sb);
}

static void test_application_hook_replaces_the_kernel_wakeup(void)
{
    TaskHandle_t rx;

    reset_case(false);
    sb = sbt_stream(16, 1);
    task_wait = 5;
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    QT_EQ(xStreamBufferSend(sb, out, 4, 0), 4); /* the hook does not wake rx */
    QT_EQ(send_log.calls, 1);
    TT_EXPECT_TRACE("");
    vTaskDelay(6);
    TT_EXPECT_TRACE("R5"); /* it ran at the end of its block time, and took the data */
    QT_EQ(task_got, 4);
    vTaskDelete(rx);

    reset_case(true);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3); /* forwarded: rx runs before this returns */
    TT_EXPECT_TRACE("R6");
    QT_EQ(task_got, 3);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_sbRECEIVE_COMPLETED_forwarded_wakes_the_writer(void)
{
    TaskHandle_t tx;

    reset_case(true);
    sb = sbt_stream(8, 1);
    QT_EQ(xStreamBufferSend(sb, out, 8, 0), 8);
    tx = tt_spawn(send_once, "tx", HI, NULL);
    QT_EQ(xStreamBufferReceive(sb, in, 2, 0), 2); /* woken early: waits again */
    TT_EXPECT_TRACE("");
    QT_EQ(xStreamBufferReceive(sb, in, 2, 0), 2);
    TT_EXPECT_TRACE("S0");
    QT_EQ(task_got, 4);
    QT_EQ(receive_log.calls, 2);
    vTaskDelete(tx);
    vStreamBufferDelete(sb);
}

static size_t isr_result;
static BaseType_t isr_woken;

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_result = xStreamBufferSendFromISR(sb, out, 4, &isr_woken);
    tt_mark('I');
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_receive_no_woken(void)
{
    isr_result = xStreamBufferReceiveFromISR(sb, in, sizeof(in), NULL);
}

static void test_FromISR_hooks_run_in_the_interrupt_and_report_woken(void)
{
    TaskHandle_t rx;

    reset_case(true);
    sb = sbt_stream(16, 1);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    tt_interrupt(isr_send);
    QT_EQ(isr_result, 4);
    QT_EQ(send_log.calls, 1);
    QT_EQ(send_log.in_isr, pdTRUE);
    QT_EQ(send_log.woken_was_null, pdFALSE);
    QT_EQ(isr_woken, pdTRUE);
    TT_EXPECT_TRACE("I R0");
    QT_EQ(task_got, 4);
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    tt_interrupt(isr_receive_no_woken); /* NULL from the caller: the hook still gets a flag */
    QT_EQ(isr_result, 2);
    QT_EQ(receive_log.calls, 2); /* rx's receive, then this one */
    QT_EQ(receive_log.in_isr, pdTRUE);
    QT_EQ(receive_log.woken_was_null, pdFALSE);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_per_instance_callbacks_take_precedence_over_the_macros(void)
{
    TaskHandle_t rx;

    reset_case(true);
    sb = xStreamBufferCreateWithCallback(16, 2, cb_send, cb_receive);
    QT_ASSERT(sb != NULL);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    QT_EQ(cb_send_log.calls, 0);                    /* below the trigger level */
    QT_EQ(xStreamBufferSend(sb, out + 1, 1, 0), 1); /* the callback wakes rx: it runs first */
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 2);
    QT_EQ(cb_send_log.calls, 1);
    QT_PTR_EQ(cb_send_log.last, sb);
    QT_EQ(cb_send_log.in_isr, pdFALSE);
    QT_EQ(cb_send_log.woken_was_null, pdFALSE);
    QT_EQ(cb_receive_log.calls, 1); /* rx's receive */
    QT_EQ(send_log.calls + receive_log.calls, 0);
    tt_interrupt(isr_send);
    QT_EQ(cb_send_log.calls, 2);
    QT_EQ(cb_send_log.in_isr, pdTRUE);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_null_callbacks_fall_back_to_the_macros(void)
{
    reset_case(false);
    sb = xStreamBufferCreateWithCallback(16, 1, NULL, cb_receive);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    QT_EQ(send_log.calls, 1);
    QT_EQ(cb_send_log.calls, 0);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 3);
    QT_EQ(cb_receive_log.calls, 1);
    QT_EQ(receive_log.calls, 0);
    vStreamBufferDelete(sb);
}

static void test_message_and_batching_buffers_with_callbacks(void)
{
    MessageBufferHandle_t m;

    reset_case(false);
    m = xMessageBufferCreateWithCallback(32, cb_send, cb_receive);
    QT_EQ(xMessageBufferSend(m, out, 1, 0), 1); /* every message completes a send */
    QT_EQ(xMessageBufferSend(m, out, 5, 0), 5);
    QT_EQ(cb_send_log.calls, 2);
    QT_EQ(xMessageBufferReceive(m, in, 2, 0), 1);
    QT_EQ(xMessageBufferReceive(m, in, 2, 0), 0); /* too long: kept, no callback */
    QT_EQ(cb_receive_log.calls, 1);
    vMessageBufferDelete(m);
    sb = xStreamBatchingBufferCreateWithCallback(16, 3, cb_send, NULL);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    QT_EQ(cb_send_log.calls, 3);
    vStreamBufferDelete(sb);
}
#endif

static void test_static_creation_with_callbacks(void)
{
    static StaticStreamBuffer_t sbuf, bbuf;
    static StaticMessageBuffer_t mbuf;
    static uint8_t s_storage[16], b_storage[16], m_storage[32];
    StreamBufferHandle_t s, b;
    MessageBufferHandle_t m;

    reset_case(false);
    s = xStreamBufferCreateStaticWithCallback(16, 1, s_storage, &sbuf, cb_send, cb_receive);
    b = xStreamBatchingBufferCreateStaticWithCallback(16, 1, b_storage, &bbuf, cb_send, NULL);
    m = xMessageBufferCreateStaticWithCallback(32, m_storage, &mbuf, NULL, cb_receive);
    QT_PTR_EQ(s, &sbuf);
    QT_PTR_EQ(b, &bbuf);
    QT_PTR_EQ(m, &mbuf);
    QT_EQ(xStreamBufferSend(s, out, 1, 0), 1);
    QT_EQ(xStreamBufferSend(b, out, 1, 0), 1);
    QT_EQ(xMessageBufferSend(m, out, 1, 0), 1);
    QT_EQ(cb_send_log.calls, 2);
    QT_EQ(send_log.calls, 1); /* the message buffer has no send callback */
    QT_EQ(xMessageBufferReceive(m, in, sizeof(in), 0), 1);
    QT_EQ(cb_receive_log.calls, 1);
    vStreamBufferDelete(s);
    vStreamBufferDelete(b);
    vMessageBufferDelete(m);
}

QTEST_MAIN(QTEST_CASE(test_sbSEND_COMPLETED_runs_for_sends_at_the_trigger_level),
           QTEST_CASE(test_application_hook_replaces_the_kernel_wakeup),
           QTEST_CASE(test_sbRECEIVE_COMPLETED_forwarded_wakes_the_writer),
           QTEST_CASE(test_FromISR_hooks_run_in_the_interrupt_and_report_woken),
#if configSUPPORT_DYNAMIC_ALLOCATION
           QTEST_CASE(test_per_instance_callbacks_take_precedence_over_the_macros),
           QTEST_CASE(test_null_callbacks_fall_back_to_the_macros),
           QTEST_CASE(test_message_and_batching_buffers_with_callbacks),
#endif
           QTEST_CASE(test_static_creation_with_callbacks))
