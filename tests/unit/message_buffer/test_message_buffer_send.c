/* SPDX-License-Identifier: MIT */
/*
 * Message buffers without blocking: message boundaries kept for many buffer
 * and message sizes (including length fields split across the end of the
 * storage), whole-or-nothing sends, a message too long for the receiver's
 * buffer kept (0 returned), xMessageBufferNextLengthBytes, the space
 * queries, static creation, reset, and bad arguments.
 */
#include "../stream_buffer/sb_test_util.h"

#include <stdbool.h>
#include <string.h>

#define LEN_BYTES sizeof(configMESSAGE_BUFFER_LENGTH_TYPE)

static uint8_t out[300], in[300];

static void test_messages_keep_their_boundaries(void)
{
    MessageBufferHandle_t mb = sbt_message(200);
    size_t first = 0;

    for (size_t len = 1; len <= 8; len++) {
        sbt_fill(out, len, first);
        QT_EQ(xMessageBufferSend(mb, out, len, 0), len);
        first += len;
    }
    first = 0;
    for (size_t len = 1; len <= 8; len++) {
        QT_EQ(xMessageBufferNextLengthBytes(mb), len);
        QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), len);
        QT_ASSERT(sbt_check(in, len, first));
        first += len;
    }
    QT_EQ(xMessageBufferIsEmpty(mb), pdTRUE);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 0);
    vMessageBufferDelete(mb);
}

/*
 * Send and receive messages of varying lengths through a buffer of `size`
 * bytes, the reader lagging so that the ring wraps. A model of the ring
 * (write position = bytes written mod size, the buffer being fresh) counts
 * the length fields that straddle the end of storage.
 */
static unsigned run_message_pattern(size_t size, unsigned rounds, unsigned seed)
{
    MessageBufferHandle_t mb = sbt_message(size);
    size_t lens[64], head = 0, count = 0, sent = 0, received = 0, written = 0;
    unsigned straddles = 0;

    for (unsigned i = 0; i < rounds; i++) {
        const size_t len = 1 + (i * 7u + seed * 3u) % (size - LEN_BYTES);
        const bool fits = len + LEN_BYTES <= xMessageBufferSpacesAvailable(mb);

        sbt_fill(out, len, sent);
        if (xMessageBufferSend(mb, out, len, 0) != (fits ? len : 0)) {
            qtest_fail(__FILE__, __LINE__, "size %lu round %u: send", (unsigned long)size, i);
            break;
        }
        if (fits) {
            straddles += (written % size) + LEN_BYTES > size;
            written += len + LEN_BYTES;
            lens[(head + count++) % 64] = len;
            sent += len;
        }
        /* Read every other round, or when the next message would not fit. */
        if ((i + seed) % 2 == 0 || !fits) {
            const size_t want = count ? lens[head] : 0;

            if (xMessageBufferReceive(mb, in, sizeof(in), 0) != want ||
                !sbt_check(in, want, received)) {
                qtest_fail(__FILE__, __LINE__, "size %lu round %u: receive", (unsigned long)size, i);
                break;
            }
            if (count) {
                head = (head + 1) % 64;
                count--;
                received += want;
            }
        }
    }
    vMessageBufferDelete(mb);
    return straddles;
}

static void test_boundaries_kept_across_the_wrap_for_many_sizes(void)
{
    unsigned straddles = 0;

    for (size_t size = LEN_BYTES + 1; size <= LEN_BYTES + 40; size++) {
        for (unsigned seed = 0; seed < 3; seed++) {
            straddles += run_message_pattern(size, 150, seed);
        }
    }
    straddles += run_message_pattern(257, 300, 1);
    straddles += run_message_pattern(300, 300, 2);
    QT_ASSERT(straddles > 100); /* length fields split across the end were exercised */
}

static void test_length_field_split_at_every_offset(void)
{
    const size_t size = 3 * LEN_BYTES + 5;

    /* Move the start to each offset in turn, then send a message whose field wraps. */
    for (size_t skip = LEN_BYTES + 1; skip < size; skip++) {
        MessageBufferHandle_t mb = sbt_message(size);
        const size_t len = size - LEN_BYTES - 1;

        QT_EQ(xMessageBufferSend(mb, out, skip - LEN_BYTES, 0), skip - LEN_BYTES);
        QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), skip - LEN_BYTES);
        sbt_fill(out, len, skip);
        QT_EQ(xMessageBufferSend(mb, out, len, 0), len);
        QT_EQ(xMessageBufferNextLengthBytes(mb), len);
        QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), len);
        QT_ASSERT(sbt_check(in, len, skip));
        vMessageBufferDelete(mb);
    }
}

static void test_message_too_long_for_the_receiver_is_kept(void)
{
    MessageBufferHandle_t mb = sbt_message(64);

    sbt_fill(out, 10, 0);
    QT_EQ(xMessageBufferSend(mb, out, 10, 0), 10);
    QT_EQ(xMessageBufferReceive(mb, in, 9, 0), 0);
    QT_EQ(xMessageBufferReceive(mb, in, 9, 5), 0); /* a message is there: no wait */
    QT_EQ(xTaskGetTickCount(), 0);
    QT_EQ(xMessageBufferNextLengthBytes(mb), 10);
    QT_EQ(xMessageBufferIsEmpty(mb), pdFALSE);
    QT_EQ(xMessageBufferReceive(mb, in, 10, 0), 10);
    QT_ASSERT(sbt_check(in, 10, 0));
    QT_EQ(xMessageBufferNextLengthBytes(mb), 0);
    vMessageBufferDelete(mb);
}

static void test_xMessageBufferSend_writes_the_whole_message_or_nothing(void)
{
    MessageBufferHandle_t mb = sbt_message(LEN_BYTES * 2 + 12);

    QT_EQ(xMessageBufferSend(mb, out, 10, 0), 10);
    QT_EQ(xMessageBufferSpacesAvailable(mb), LEN_BYTES + 2);
    QT_EQ(xMessageBufferSend(mb, out, 3, 0), 0); /* needs LEN_BYTES + 3 */
    QT_EQ(xMessageBufferSend(mb, out, 2, 0), 2);
    QT_EQ(xMessageBufferSpacesAvailable(mb), 0);
    QT_EQ(xMessageBufferIsFull(mb), pdTRUE);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 10);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 2);
    vMessageBufferDelete(mb);
}

static void test_message_that_can_never_fit_fails_without_waiting(void)
{
    MessageBufferHandle_t mb = sbt_message(LEN_BYTES + 8);

    QT_EQ(xMessageBufferSend(mb, out, 9, 50), 0);
    QT_EQ(xTaskGetTickCount(), 0);
    QT_EQ(xMessageBufferSend(mb, out, 8, 0), 8); /* the largest that fits */
    QT_EQ(xMessageBufferIsFull(mb), pdTRUE);
    vMessageBufferDelete(mb);
}

static void test_zero_length_message_is_not_stored(void)
{
    MessageBufferHandle_t mb = sbt_message(32);

    QT_EQ(xMessageBufferSend(mb, out, 0, 10), 0);
    QT_EQ(xMessageBufferIsEmpty(mb), pdTRUE);
    QT_EQ(xTaskGetTickCount(), 0);
    vMessageBufferDelete(mb);
}

static void test_space_queries_count_raw_bytes(void)
{
    MessageBufferHandle_t mb = sbt_message(LEN_BYTES * 3 + 10);

    QT_EQ(xMessageBufferSpacesAvailable(mb), LEN_BYTES * 3 + 10);
    QT_EQ(xMessageBufferSend(mb, out, 4, 0), 4);
    QT_EQ(xMessageBufferSpacesAvailable(mb), LEN_BYTES * 2 + 6);
    QT_EQ(xMessageBufferSpaceAvailable(mb), LEN_BYTES * 2 + 6); /* the old spelling */
    QT_EQ(xStreamBufferBytesAvailable(mb), LEN_BYTES + 4);
    QT_EQ(xMessageBufferSend(mb, out, 5, 0), 5);
    /* One byte more than a length field is free: a one-byte message still fits. */
    QT_EQ(xMessageBufferIsFull(mb), pdFALSE);
    QT_EQ(xMessageBufferSend(mb, out, 1, 0), 1);
    QT_EQ(xMessageBufferIsFull(mb), pdTRUE);
    QT_EQ(xMessageBufferReset(mb), pdPASS);
    QT_EQ(xMessageBufferIsEmpty(mb), pdTRUE);
    QT_EQ(xMessageBufferNextLengthBytes(mb), 0);
    vMessageBufferDelete(mb);
}

#if configSUPPORT_STATIC_ALLOCATION
static void test_xMessageBufferCreateStatic_and_its_buffers(void)
{
    static StaticMessageBuffer_t buffer;
    static uint8_t storage[LEN_BYTES + 16];
    uint8_t *got_storage = NULL;
    StaticMessageBuffer_t *got_buffer = NULL;
    MessageBufferHandle_t mb;

    mb = xMessageBufferCreateStatic(sizeof(storage), storage, &buffer);
    QT_PTR_EQ(mb, &buffer);
    sbt_fill(out, 16, 0);
    QT_EQ(xMessageBufferSend(mb, out, 16, 0), 16);
    QT_EQ(xMessageBufferIsFull(mb), pdTRUE);
    QT_EQ(xMessageBufferGetStaticBuffers(mb, &got_storage, &got_buffer), pdTRUE);
    QT_PTR_EQ(got_storage, storage);
    QT_PTR_EQ(got_buffer, &buffer);
    QT_EQ(xMessageBufferReceive(mb, in, sizeof(in), 0), 16);
    QT_ASSERT(sbt_check(in, 16, 0));
    vMessageBufferDelete(mb);
}
#endif

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_xMessageBufferCreate_is_not_static(void)
{
    MessageBufferHandle_t mb = xMessageBufferCreate(LEN_BYTES + 1);
    uint8_t *storage;
    StaticMessageBuffer_t *buffer;

    QT_ASSERT(mb != NULL);
    QT_EQ(xMessageBufferSend(mb, out, 1, 0), 1);
    QT_EQ(xMessageBufferIsFull(mb), pdTRUE);
    QT_EQ(xMessageBufferGetStaticBuffers(mb, &storage, &buffer), pdFALSE);
    vMessageBufferDelete(mb);
}
#endif

/* ---- Misuse (configASSERT) ---- */

static void create_too_small(void *arg)
{
    (void)arg;
    (void)sbt_message(LEN_BYTES);
}

static void send_null(void *arg)
{
    (void)xMessageBufferSend(arg, NULL, 1, 0);
}

static void test_message_misuse_asserts(void)
{
    MessageBufferHandle_t mb = sbt_message(32);

    QT_EXPECT_ASSERT(create_too_small, NULL);
    QT_EXPECT_ASSERT(send_null, mb);
    vMessageBufferDelete(mb);
}

QTEST_MAIN(QTEST_CASE(test_messages_keep_their_boundaries),
           QTEST_CASE(test_boundaries_kept_across_the_wrap_for_many_sizes),
           QTEST_CASE(test_length_field_split_at_every_offset),
           QTEST_CASE(test_message_too_long_for_the_receiver_is_kept),
           QTEST_CASE(test_xMessageBufferSend_writes_the_whole_message_or_nothing),
           QTEST_CASE(test_message_that_can_never_fit_fails_without_waiting),
           QTEST_CASE(test_zero_length_message_is_not_stored),
           QTEST_CASE(test_space_queries_count_raw_bytes),
#if configSUPPORT_STATIC_ALLOCATION
           QTEST_CASE(test_xMessageBufferCreateStatic_and_its_buffers),
#endif
#if configSUPPORT_DYNAMIC_ALLOCATION
           QTEST_CASE(test_xMessageBufferCreate_is_not_static),
#endif
           QTEST_CASE(test_message_misuse_asserts))
