/* SPDX-License-Identifier: MIT */
/*
 * demo_buffers.c: the full demo's stream and message buffers.
 *   stream_tx/rx  a byte sequence (0, 1, 2, ... wrapping at 256) through a
 *                 stream buffer in chunks of 1..7 bytes, received with a
 *                 trigger level into a larger buffer: every byte must arrive
 *                 once and in order, and both sides block (the buffer is
 *                 smaller than a burst, the receiver waits for the trigger).
 *   message_rx    messages the kernel-aware timer interrupt sends
 *                 (xMessageBufferSendFromISR) every interrupt: a 32-bit
 *                 sequence number followed by (sequence % 9) bytes derived
 *                 from it, so each message has its own length. Each must
 *                 arrive whole, in order, with the length and bytes sent.
 */
#include "demo.h"

#include "message_buffer.h"
#include "stream_buffer.h"

#include <string.h>

#define STREAM_SIZE 32u
#define STREAM_TRIGGER 4u
#define BURST 8 /* chunks between the sender's pauses */
#define MESSAGE_MAX (4u + 8u)
#define MESSAGE_BUFFER_SIZE 64u

static StreamBufferHandle_t stream;
static MessageBufferHandle_t messages;
static uint32_t isr_sequence;

static void stream_tx(void *arg)
{
    uint8_t next = 0;
    uint8_t chunk[7];

    (void)arg;
    for (unsigned round = 0;; round++) {
        const size_t len = 1u + round % sizeof(chunk);

        for (size_t i = 0; i < len; i++) {
            chunk[i] = (uint8_t)(next + i);
        }
        if (xStreamBufferSend(stream, chunk, len, pdMS_TO_TICKS(100)) != len) {
            demo_error(W_STREAM_TX);
            continue; /* resend the same bytes */
        }
        next = (uint8_t)(next + len);
        demo_progress(W_STREAM_TX);
        if (round % BURST == BURST - 1) {
            vTaskDelay(1);
        }
    }
}

static void stream_rx(void *arg)
{
    uint8_t expected = 0;
    uint8_t buf[STREAM_SIZE];

    (void)arg;
    for (;;) {
        const size_t n = xStreamBufferReceive(stream, buf, sizeof(buf), pdMS_TO_TICKS(100));

        if (n == 0u) {
            demo_error(W_STREAM_RX);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            if (buf[i] != expected) {
                demo_error(W_STREAM_RX);
                expected = buf[i];
            }
            expected++;
        }
        demo_progress(W_STREAM_RX);
    }
}

/* The message for sequence number seq into msg; returns its length. */
static size_t make_message(uint32_t seq, uint8_t *msg)
{
    const size_t extra = seq % 9u;

    memcpy(msg, &seq, sizeof(seq));
    for (size_t i = 0; i < extra; i++) {
        msg[4 + i] = (uint8_t)(seq * 3u + i);
    }
    return 4u + extra;
}

void demo_buffers_isr(BaseType_t *woken)
{
    uint8_t msg[MESSAGE_MAX];
    const size_t len = make_message(isr_sequence, msg);

    if (xMessageBufferSendFromISR(messages, msg, len, woken) == len) {
        isr_sequence++;
    } else {
        demo_overrun(); /* full: the receiver fell behind; this one is sent next time */
    }
}

static void message_rx(void *arg)
{
    uint32_t expected = 0;
    uint8_t got[MESSAGE_MAX];
    uint8_t want[MESSAGE_MAX];

    (void)arg;
    for (;;) {
        /* The interrupt sends every 5 ms: 20 ms without a message is an error. */
        const size_t n = xMessageBufferReceive(messages, got, sizeof(got), pdMS_TO_TICKS(20));
        uint32_t seq;

        if (n < sizeof(seq)) {
            demo_error(W_MESSAGE_RX);
            continue;
        }
        memcpy(&seq, got, sizeof(seq));
        if (seq != expected || n != make_message(seq, want) || memcmp(got, want, n) != 0) {
            demo_error(W_MESSAGE_RX);
        } else {
            demo_progress(W_MESSAGE_RX);
        }
        expected = seq + 1u;
    }
}

void demo_buffers_start(void)
{
    stream = xStreamBufferCreate(STREAM_SIZE, STREAM_TRIGGER);
    messages = xMessageBufferCreate(MESSAGE_BUFFER_SIZE);
    if (stream == NULL || messages == NULL) {
        demo_fail("the stream and message buffers");
    }
    demo_create(stream_tx, "stream_tx", DEMO_STACK_WORDS, NULL, 2, NULL);
    demo_create(stream_rx, "stream_rx", DEMO_STACK_WORDS, NULL, 2, NULL);
    demo_create(message_rx, "message_rx", DEMO_STACK_WORDS, NULL, 3, NULL);
}
