/* SPDX-License-Identifier: MIT */
/*
 * Sending to and receiving from stream buffers without blocking: whole and
 * partial sends, reads of any length, wrap-around of the ring for many sizes
 * and chunk patterns (every byte checked), and the state queries
 * (is-empty/is-full, spaces and bytes available).
 */
#include "sb_test_util.h"

#include <string.h>

/* One call's data: a wrap-around round sends and receives up to its buffer's size + 2. */
static uint8_t out[QTEST_DATA_BYTES], in[QTEST_DATA_BYTES];

static void test_xStreamBufferSend_copies_all_when_there_is_room(void)
{
    StreamBufferHandle_t sb = sbt_stream(32, 1);

    sbt_fill(out, 10, 0);
    QT_EQ(xStreamBufferSend(sb, out, 10, 0), 10);
    QT_EQ(xStreamBufferBytesAvailable(sb), 10);
    QT_EQ(xStreamBufferSpacesAvailable(sb), 22);
    QT_EQ(xStreamBufferIsEmpty(sb), pdFALSE);
    QT_EQ(xStreamBufferIsFull(sb), pdFALSE);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 10);
    QT_ASSERT(sbt_check(in, 10, 0));
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    QT_EQ(xStreamBufferSpacesAvailable(sb), 32);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_writes_what_fits_when_space_is_short(void)
{
    StreamBufferHandle_t sb = sbt_stream(16, 1);

    sbt_fill(out, 20, 0);
    QT_EQ(xStreamBufferSend(sb, out, 10, 0), 10);
    QT_EQ(xStreamBufferSend(sb, out + 10, 10, 0), 6);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    QT_EQ(xStreamBufferSpacesAvailable(sb), 0);
    QT_EQ(xStreamBufferSend(sb, out + 16, 4, 0), 0);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 0), 16);
    QT_ASSERT(sbt_check(in, 16, 0));
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_more_than_the_size_fills_the_buffer(void)
{
    StreamBufferHandle_t sb = sbt_stream(8, 1);

    sbt_fill(out, 20, 0);
    QT_EQ(xStreamBufferSend(sb, out, 20, 0), 8);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    QT_EQ(xStreamBufferReceive(sb, in, 20, 0), 8);
    QT_ASSERT(sbt_check(in, 8, 0));
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferSend_zero_bytes_writes_nothing(void)
{
    StreamBufferHandle_t sb = sbt_stream(8, 1);

    QT_EQ(xStreamBufferSend(sb, out, 0, 10), 0);
    QT_EQ(xTaskGetTickCount(), 0); /* nothing to wait for */
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceive_returns_at_most_the_buffer_length(void)
{
    StreamBufferHandle_t sb = sbt_stream(32, 1);

    sbt_fill(out, 12, 0);
    QT_EQ(xStreamBufferSend(sb, out, 12, 0), 12);
    QT_EQ(xStreamBufferReceive(sb, in, 5, 0), 5);
    QT_ASSERT(sbt_check(in, 5, 0));
    QT_EQ(xStreamBufferBytesAvailable(sb), 7);
    QT_EQ(xStreamBufferReceive(sb, in, 100, 0), 7);
    QT_ASSERT(sbt_check(in, 7, 5));
    QT_EQ(xStreamBufferReceive(sb, in, 100, 0), 0);
    QT_EQ(xStreamBufferReceive(sb, in, 0, 0), 0);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReceive_zero_length_buffer_takes_nothing(void)
{
    StreamBufferHandle_t sb = sbt_stream(8, 1);

    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    QT_EQ(xStreamBufferReceive(sb, in, 0, 5), 0);
    QT_EQ(xTaskGetTickCount(), 0); /* data was there: no wait */
    QT_EQ(xStreamBufferBytesAvailable(sb), 3);
    vStreamBufferDelete(sb);
}

/*
 * Drive one buffer through `rounds` sends and receives of varying lengths,
 * keeping a model of the stream: every byte received must be the next one
 * sent, and the counts must match the model at every step.
 */
static void run_wrap_pattern(size_t size, unsigned rounds, unsigned seed)
{
    StreamBufferHandle_t sb = sbt_stream(size, 1);
    size_t sent = 0, received = 0;

    for (unsigned i = 0; i < rounds; i++) {
        const size_t want = (i * 5u + i / 2u + seed) % (size + 3u);
        const size_t room = size - (sent - received);
        const size_t expect = want < room ? want : room;
        const size_t take = (i * 3u + i / 3u + seed * 7u) % (size + 2u);
        const size_t held = sent - received + expect;
        const size_t expect_got = take < held ? take : held;
        size_t n;

        sbt_fill(out, want, sent);
        n = xStreamBufferSend(sb, out, want, 0);
        QT_EQ(n, expect);
        sent += n;
        QT_EQ(xStreamBufferBytesAvailable(sb), sent - received);
        n = xStreamBufferReceive(sb, in, take, 0);
        QT_EQ(n, expect_got);
        if (!sbt_check(in, n, received)) {
            qtest_fail(__FILE__, __LINE__, "size %lu round %u: wrong bytes", (unsigned long)size, i);
            break;
        }
        received += n;
        QT_EQ(xStreamBufferSpacesAvailable(sb), size - (sent - received));
    }
    QT_ASSERT(sent > 2 * size); /* the ring wrapped at least twice */
    vStreamBufferDelete(sb);
}

/* The sizes run up the list as far as out and in hold (all of it on a host). */
static void test_stream_wraps_around_for_many_sizes(void)
{
    static const size_t sizes[] = {1, 2, 3, 4, 5, 7, 8, 13, 16, 31, 64, 100, 255, 256, 511};

    _Static_assert(sizeof(out) >= 255 + 2, "at least the sizes around 8 bits");
    for (unsigned s = 0; s < sizeof(sizes) / sizeof(sizes[0]) && sizes[s] + 2 <= sizeof(out); s++) {
        for (unsigned seed = 0; seed < 4; seed++) {
            run_wrap_pattern(sizes[s], 100 + 3 * (unsigned)sizes[s], seed);
        }
    }
}

static void test_stream_fill_and_drain_across_the_end(void)
{
    StreamBufferHandle_t sb = sbt_stream(10, 1);

    /* Move the start to 7, then fill completely: the data spans the end of storage. */
    sbt_fill(out, 7, 0);
    QT_EQ(xStreamBufferSend(sb, out, 7, 0), 7);
    QT_EQ(xStreamBufferReceive(sb, in, 7, 0), 7);
    sbt_fill(out, 10, 7);
    QT_EQ(xStreamBufferSend(sb, out, 10, 0), 10);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    QT_EQ(xStreamBufferReceive(sb, in, 10, 0), 10);
    QT_ASSERT(sbt_check(in, 10, 7));
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    vStreamBufferDelete(sb);
}

static BaseType_t isr_empty, isr_full;
static size_t isr_spaces, isr_bytes;
static StreamBufferHandle_t isr_sb;

static void isr_query(void)
{
    isr_empty = xStreamBufferIsEmpty(isr_sb);
    isr_full = xStreamBufferIsFull(isr_sb);
    isr_spaces = xStreamBufferSpacesAvailable(isr_sb);
    isr_bytes = xStreamBufferBytesAvailable(isr_sb);
}

static void test_stream_queries_from_an_interrupt(void)
{
    isr_sb = sbt_stream(4, 1);
    tt_interrupt(isr_query);
    QT_EQ(isr_empty, pdTRUE);
    QT_EQ(isr_full, pdFALSE);
    QT_EQ(isr_spaces, 4);
    QT_EQ(isr_bytes, 0);
    QT_EQ(xStreamBufferSend(isr_sb, out, 4, 0), 4);
    tt_interrupt(isr_query);
    QT_EQ(isr_empty, pdFALSE);
    QT_EQ(isr_full, pdTRUE);
    QT_EQ(isr_spaces, 0);
    QT_EQ(isr_bytes, 4);
    vStreamBufferDelete(isr_sb);
}

static void test_xStreamBufferNextMessageLengthBytes_is_zero_for_a_stream(void)
{
    StreamBufferHandle_t sb = sbt_stream(16, 1);

    QT_EQ(xStreamBufferSend(sb, out, 5, 0), 5);
    QT_EQ(xStreamBufferNextMessageLengthBytes(sb), 0);
    vStreamBufferDelete(sb);
}

/* ---- Misuse (configASSERT) ---- */

static void send_null_data(void *arg)
{
    (void)xStreamBufferSend(arg, NULL, 4, 0);
}

static void receive_null_buffer(void *arg)
{
    (void)xStreamBufferReceive(arg, NULL, 4, 0);
}

static void send_null_handle(void *arg)
{
    (void)arg;
    (void)xStreamBufferSend(NULL, out, 4, 0);
}

static void query_null_handle(void *arg)
{
    (void)arg;
    (void)xStreamBufferBytesAvailable(NULL);
}

static void test_stream_send_receive_misuse_asserts(void)
{
    StreamBufferHandle_t sb = sbt_stream(8, 1);

    QT_EXPECT_ASSERT(send_null_data, sb);
    QT_EXPECT_ASSERT(receive_null_buffer, sb);
    QT_EXPECT_ASSERT(send_null_handle, NULL);
    QT_EXPECT_ASSERT(query_null_handle, NULL);
    vStreamBufferDelete(sb);
}

QTEST_MAIN(QTEST_CASE(test_xStreamBufferSend_copies_all_when_there_is_room),
           QTEST_CASE(test_xStreamBufferSend_writes_what_fits_when_space_is_short),
           QTEST_CASE(test_xStreamBufferSend_more_than_the_size_fills_the_buffer),
           QTEST_CASE(test_xStreamBufferSend_zero_bytes_writes_nothing),
           QTEST_CASE(test_xStreamBufferReceive_returns_at_most_the_buffer_length),
           QTEST_CASE(test_xStreamBufferReceive_zero_length_buffer_takes_nothing),
           QTEST_CASE(test_stream_wraps_around_for_many_sizes),
           QTEST_CASE(test_stream_fill_and_drain_across_the_end),
           QTEST_CASE(test_stream_queries_from_an_interrupt),
           QTEST_CASE(test_xStreamBufferNextMessageLengthBytes_is_zero_for_a_stream),
           QTEST_CASE(test_stream_send_receive_misuse_asserts))
