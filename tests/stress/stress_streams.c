/* SPDX-License-Identifier: MIT */
/*
 * Stream and message buffer stress test: producer/consumer task pairs over
 * stream, batching and message buffers of several sizes and trigger levels at
 * several priorities, an interrupt writing a byte stream that a task reads,
 * and a task writing messages that an interrupt reads, all running for
 * STRESS_TICKS ticks while tasks burn CPU time so that the tick preempts them
 * mid-operation. Every byte is numbered, so each receiver checks every byte
 * (and every message length) it gets; errors must stay zero. A check task
 * verifies progress every CHECK_PERIOD ticks. The scenario runs twice and
 * must produce the identical trace digest.
 */
#include "FreeRTOS.h"
#include "message_buffer.h"
#include "qtest.h"
#include "qtest_port.h"
#include "stream_buffer.h"
#include "task.h"

#include <stdbool.h>

#define STRESS_TICKS 6000u
#define CHECK_PERIOD 500u
/*
 * A board short of RAM (board_test_config.h) runs only the first stream and message pairs,
 * and sizes the stream tasks' buffers to the largest chunk those move (twice the largest
 * stream buffer); the host runs all of them. The workers print nothing, so their stacks are
 * QTEST_QUIET_STACK plus those buffers.
 */
#ifndef STRESS_STREAMS_PAIRS
#define STRESS_STREAMS_PAIRS 4
#endif
#ifndef STRESS_STREAMS_MESSAGE_PAIRS
#define STRESS_STREAMS_MESSAGE_PAIRS 2
#endif
#ifndef STRESS_STREAMS_CHUNK
#define STRESS_STREAMS_CHUNK 256
#endif
#define STREAMS STRESS_STREAMS_PAIRS
#define MESSAGES STRESS_STREAMS_MESSAGE_PAIRS
#define CHUNK STRESS_STREAMS_CHUNK
#define WORKER_STACK (QTEST_QUIET_STACK + CHUNK / sizeof(StackType_t))
#define MAX_MSG 40u
#define IRQ_WRITER 3
#define IRQ_READER 4

/* Byte number n of stream `id`. */
static inline uint8_t stream_byte(unsigned id, uint32_t n)
{
    return (uint8_t)(n * 131u + (n >> 8) + id * 17u);
}

/* Length of message number n of a message pair: 1 .. max. */
static inline size_t message_length(uint32_t n, size_t max)
{
    return 1 + (n * 13u + (n >> 3)) % max;
}

struct stream_pair {
    StreamBufferHandle_t sb;
    size_t size, trigger;
    BaseType_t type;
    volatile uint32_t sent, received;
};

struct message_pair {
    MessageBufferHandle_t mb;
    size_t size, max;
    volatile uint32_t sent, received; /* messages */
    uint32_t sent_pos, received_pos;  /* bytes */
};

static struct stream_pair streams[] = {
    {NULL, 16, 1, sbTYPE_STREAM_BUFFER, 0, 0},
    {NULL, 37, 8, sbTYPE_STREAM_BUFFER, 0, 0},
    {NULL, 100, 30, sbTYPE_STREAM_BATCHING_BUFFER, 0, 0},
    {NULL, 7, 7, sbTYPE_STREAM_BUFFER, 0, 0},
};
static struct message_pair messages[] = {
    {NULL, 64, 24, 0, 0, 0, 0},
    {NULL, 150, MAX_MSG, 0, 0, 0, 0},
};
_Static_assert(STREAMS <= sizeof(streams) / sizeof(streams[0]), "stream pairs");
_Static_assert(MESSAGES <= sizeof(messages) / sizeof(messages[0]), "message pairs");
static struct stream_pair isr_stream = {NULL, 24, 4, sbTYPE_STREAM_BUFFER, 0, 0};
static struct message_pair isr_messages = {NULL, 48, 20, 0, 0, 0, 0};
static volatile uint32_t errors, checks;
static volatile uint64_t digest;

static void trace(uint32_t event)
{
    taskENTER_CRITICAL();
    digest = (digest ^ event) * 0x100000001b3ull ^ xTaskGetTickCount();
    taskEXIT_CRITICAL();
}

static void error(void)
{
    taskENTER_CRITICAL();
    errors++;
    taskEXIT_CRITICAL();
}

static unsigned stream_id(const struct stream_pair *p)
{
    return p == &isr_stream ? STREAMS : (unsigned)(p - streams);
}

/* ---- Stream pairs ---- */

static void stream_producer(void *arg)
{
    struct stream_pair *p = arg;
    const unsigned id = stream_id(p);
    uint8_t buf[CHUNK];

    for (;;) {
        const size_t len = 1 + (p->sent * 7u + id) % (2 * p->size);

        for (size_t i = 0; i < len; i++) {
            buf[i] = stream_byte(id, p->sent + (uint32_t)i);
        }
        p->sent += (uint32_t)xStreamBufferSend(p->sb, buf, len, 20); /* partial on timeout */
        if (p->sent % 5 == 0) {
            qtest_busy_ticks(1);
        } else {
            vTaskDelay((TickType_t)(p->sent % 3));
        }
    }
}

static void stream_check(struct stream_pair *p, const uint8_t *buf, size_t n)
{
    const unsigned id = stream_id(p);

    for (size_t i = 0; i < n; i++) {
        if (buf[i] != stream_byte(id, p->received + (uint32_t)i)) {
            error();
            break;
        }
    }
    p->received += (uint32_t)n;
    trace((uint32_t)id << 24 | (p->received & 0xffffffu));
}

static void stream_consumer(void *arg)
{
    struct stream_pair *p = arg;
    uint8_t buf[CHUNK];

    for (;;) {
        const size_t want = 1 + (p->received * 3u) % (p->size + 5);
        const size_t n = xStreamBufferReceive(p->sb, buf, want, 30);

        if (n > want) {
            error();
        }
        stream_check(p, buf, n);
        if (p->received % 7 == 0) {
            qtest_busy_ticks(1);
        }
    }
}

/* ---- Message pairs ---- */

static void message_fill(const struct message_pair *p, uint8_t *buf, size_t len, uint32_t pos)
{
    const unsigned id = 8 + (unsigned)(p - messages);

    for (size_t i = 0; i < len; i++) {
        buf[i] = stream_byte(id, pos + (uint32_t)i);
    }
}

/* Check message n of p (len bytes in buf); false on any mismatch. */
static bool message_ok(struct message_pair *p, const uint8_t *buf, size_t len)
{
    uint8_t expect[MAX_MSG];

    if (len != message_length(p->received, p->max)) {
        return false;
    }
    message_fill(p, expect, len, p->received_pos);
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != expect[i]) {
            return false;
        }
    }
    p->received++;
    p->received_pos += (uint32_t)len;
    return true;
}

static void message_producer(void *arg)
{
    struct message_pair *p = arg;
    uint8_t buf[MAX_MSG];

    for (;;) {
        const size_t len = message_length(p->sent, p->max);
        size_t n;

        message_fill(p, buf, len, p->sent_pos);
        n = xMessageBufferSend(p->mb, buf, len, 25);
        if (n == len) {
            p->sent++;
            p->sent_pos += (uint32_t)len;
        } else if (n != 0) {
            error(); /* whole message or nothing */
        }
        if (p->sent % 4 == 0) {
            qtest_busy_ticks(1);
        } else if (p != &isr_messages) {
            vTaskDelay((TickType_t)(p->sent % 2));
        }
    }
}

static void message_consumer(void *arg)
{
    struct message_pair *p = arg;
    uint8_t buf[MAX_MSG];

    for (;;) {
        const size_t n = xMessageBufferReceive(p->mb, buf, sizeof(buf), 40);

        if (n != 0) {
            if (!message_ok(p, buf, n)) {
                error();
            }
            trace(0x40000000u | p->received);
        } else if (xMessageBufferNextLengthBytes(p->mb) > sizeof(buf)) {
            error(); /* a corrupt length field: fail, rather than spin on it */
            vTaskDelay(1);
        }
        if (p->received % 6 == 0) {
            vTaskDelay(2); /* fall behind so that the producer blocks on a full buffer */
        }
    }
}

/* ---- Interrupts ---- */

static void irq_writer(void)
{
    struct stream_pair *p = &isr_stream;
    BaseType_t woken = pdFALSE;
    uint8_t buf[16];
    const size_t len = 1 + p->sent % 9;

    for (size_t i = 0; i < len; i++) {
        buf[i] = stream_byte(STREAMS, p->sent + (uint32_t)i);
    }
    p->sent += (uint32_t)xStreamBufferSendFromISR(p->sb, buf, len, &woken);
    portYIELD_FROM_ISR(woken);
}

static void irq_reader(void)
{
    struct message_pair *p = &isr_messages;
    BaseType_t woken = pdFALSE;
    uint8_t buf[MAX_MSG];
    const size_t next = xMessageBufferNextLengthBytes(p->mb);
    const size_t n = xMessageBufferReceiveFromISR(p->mb, buf, sizeof(buf), &woken);

    if (n != next || (n != 0 && !message_ok(p, buf, n))) {
        errors++; /* interrupts are masked here */
    }
    portYIELD_FROM_ISR(woken);
}

static void irq_source(void)
{
    const TickType_t now = xTaskGetTickCountFromISR();

    if (now % 3 == 0) {
        qtest_irq_raise(IRQ_WRITER);
    }
    if (now % 2 == 0) {
        qtest_irq_raise(IRQ_READER);
    }
}

/* ---- The scenario ---- */

static void check_progress(void)
{
    TickType_t wake = xTaskGetTickCount();
    uint32_t last[STREAMS + MESSAGES + 2] = {0};

    while (xTaskGetTickCount() < STRESS_TICKS) {
        uint32_t now[STREAMS + MESSAGES + 2];

        xTaskDelayUntil(&wake, CHECK_PERIOD);
        for (int i = 0; i < STREAMS; i++) {
            now[i] = streams[i].received;
        }
        for (int i = 0; i < MESSAGES; i++) {
            now[STREAMS + i] = messages[i].received;
        }
        now[STREAMS + MESSAGES] = isr_stream.received;
        now[STREAMS + MESSAGES + 1] = isr_messages.received;
        for (int i = 0; i < STREAMS + MESSAGES + 2; i++) {
            if (now[i] <= last[i]) {
                qtest_fail(__FILE__, __LINE__, "flow %d made no progress", i);
            }
            last[i] = now[i];
        }
        QT_EQ(errors, 0);
        checks++;
    }
}

static StreamBufferHandle_t make(size_t size, size_t trigger, BaseType_t type)
{
    StreamBufferHandle_t sb = xStreamBufferGenericCreate(size, trigger, type, NULL, NULL);

    QT_ASSERT(sb != NULL);
    return sb;
}

static void start(TaskFunction_t fn, void *arg, UBaseType_t priority)
{
    QT_EQ(xTaskCreate(fn, "sb", WORKER_STACK, arg, priority, NULL), pdPASS);
}

static void create_flows(void)
{
    for (int i = 0; i < STREAMS; i++) {
        struct stream_pair *p = &streams[i];

        p->sent = p->received = 0;
        QT_ASSERT(2 * p->size <= CHUNK); /* a producer's largest send */
        p->sb = make(p->size, p->trigger, p->type);
        start(stream_producer, p, (UBaseType_t)(1 + i % 3));
        start(stream_consumer, p, (UBaseType_t)(3 - i % 3));
    }
    for (int i = 0; i < MESSAGES; i++) {
        struct message_pair *p = &messages[i];

        p->sent = p->received = p->sent_pos = p->received_pos = 0;
        p->mb = make(p->size, 0, sbTYPE_MESSAGE_BUFFER);
        start(message_producer, p, (UBaseType_t)(2 + i));
        start(message_consumer, p, (UBaseType_t)(2 - i));
    }
    isr_stream.sent = isr_stream.received = 0;
    isr_stream.sb = make(isr_stream.size, isr_stream.trigger, isr_stream.type);
    start(stream_consumer, &isr_stream, 4);
    isr_messages.sent = isr_messages.received = 0;
    isr_messages.sent_pos = isr_messages.received_pos = 0;
    isr_messages.mb = make(isr_messages.size, 0, sbTYPE_MESSAGE_BUFFER);
    start(message_producer, &isr_messages, 2);
}

static uint64_t run_scenario(void)
{
    digest = 1469598103934665603ull;
    errors = checks = 0;
    create_flows();
    qtest_irq_set_handler(IRQ_WRITER, irq_writer);
    qtest_irq_set_handler(IRQ_READER, irq_reader);
    qtest_tick_hook = irq_source;

    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 1);
    check_progress();
    qtest_tick_hook = NULL;

    vTaskSuspendAll();
    {
        uint32_t bytes = isr_stream.received, msgs = isr_messages.received;

        for (int i = 0; i < STREAMS; i++) {
            bytes += streams[i].received;
        }
        for (int i = 0; i < MESSAGES; i++) {
            msgs += messages[i].received;
        }
        printf("  %lu stream bytes and %lu messages checked\n", (unsigned long)bytes,
               (unsigned long)msgs);
    }
    QT_EQ(errors, 0);
    QT_ASSERT(checks >= STRESS_TICKS / CHECK_PERIOD - 1);
    (void)xTaskResumeAll();
    return digest;
}

static uint64_t first_digest;

/* Runs once the scheduler has ended: the buffers' users are gone. */
static void delete_buffers(void)
{
    for (int i = 0; i < STREAMS; i++) {
        vStreamBufferDelete(streams[i].sb);
    }
    for (int i = 0; i < MESSAGES; i++) {
        vMessageBufferDelete(messages[i].mb);
    }
    vStreamBufferDelete(isr_stream.sb);
    vMessageBufferDelete(isr_messages.mb);
}

static void test_stress_streams_run_first(void)
{
    first_digest = run_scenario();
}

static void test_stress_streams_replay_identical(void)
{
    QT_EQ(run_scenario(), first_digest);
}

QTEST_MAIN(QTEST_CASE_TEARDOWN(test_stress_streams_run_first, delete_buffers),
           QTEST_CASE_TEARDOWN(test_stress_streams_replay_identical, delete_buffers))
