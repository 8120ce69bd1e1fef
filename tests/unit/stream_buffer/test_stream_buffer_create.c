/* SPDX-License-Identifier: MIT */
/*
 * Creating, deleting and resetting stream buffers: dynamic and static
 * creation (the static storage area is used as given, all of it), static
 * buffers, trigger level 0, reset only while nobody waits, the notification
 * index (stored; blocking never touches the task's notifications), the trace
 * facility's number and type, and bad arguments.
 */
#include "sb_test_util.h"

#define HI (QTEST_PRIORITY + 1)

static StreamBufferHandle_t sb;
static uint8_t out[64], in[64], task_in[64];
static volatile size_t task_got;

static void receive_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferReceive(sb, task_in, sizeof(task_in), portMAX_DELAY);
    tt_trace('R');
    tt_park();
}

static void send_once(void *arg)
{
    (void)arg;
    task_got = xStreamBufferSend(sb, out, 4, portMAX_DELAY);
    tt_trace('S');
    tt_park();
}

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_xStreamBufferCreate_holds_the_requested_size(void)
{
    uint8_t *storage = NULL;
    StaticStreamBuffer_t *buffer = NULL;

    sb = xStreamBufferCreate(10, 1);
    QT_ASSERT(sb != NULL);
    QT_EQ(xStreamBufferSpacesAvailable(sb), 10);
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    QT_EQ(xStreamBufferGetStaticBuffers(sb, &storage, &buffer), pdFALSE);
    QT_PTR_EQ(storage, NULL);
    vStreamBufferDelete(sb); /* freed: the harness checks the heap */
}

static void test_xStreamBufferCreate_fails_without_memory(void)
{
    const unsigned failures = qtest_malloc_failures;

    QT_PTR_EQ(xStreamBufferCreate(SIZE_MAX / 2, 1), NULL);
    QT_PTR_EQ(xStreamBufferCreate(SIZE_MAX - 4, 1), NULL); /* the size overflows: no attempt */
    QT_EQ(qtest_malloc_failures, failures + 1);
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
static void test_xStreamBufferCreateStatic_uses_all_of_the_given_storage(void)
{
    static StaticStreamBuffer_t buffer;
    static uint8_t storage[9]; /* the last byte must stay untouched */
    uint8_t *got_storage = NULL;
    StaticStreamBuffer_t *got_buffer = NULL;

    storage[8] = 0xa5;
    sb = xStreamBufferCreateStatic(8, 1, storage, &buffer);
    QT_PTR_EQ(sb, &buffer);
    sbt_fill(out, 8, 0);
    QT_EQ(xStreamBufferSend(sb, out, 20, 0), 8);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    QT_ASSERT(sbt_check(storage, 8, 0));
    QT_EQ(storage[8], 0xa5);
    QT_EQ(xStreamBufferGetStaticBuffers(sb, &got_storage, &got_buffer), pdTRUE);
    QT_PTR_EQ(got_storage, storage);
    QT_PTR_EQ(got_buffer, &buffer);
    vStreamBufferDelete(sb);
}

static void test_xStreamBatchingBufferCreateStatic_makes_a_batching_buffer(void)
{
    static StaticStreamBuffer_t buffer;
    static uint8_t storage[16];

    sb = xStreamBatchingBufferCreateStatic(16, 3, storage, &buffer);
    QT_ASSERT(sb != NULL);
    QT_EQ(xStreamBufferSend(sb, out, 3, 0), 3);
    QT_EQ(xStreamBufferReceive(sb, in, sizeof(in), 2), 3);
    QT_EQ(xTaskGetTickCount(), 2); /* at the level, not above it: it waited */
    vStreamBufferDelete(sb);
}
#endif

static void test_trigger_level_zero_means_one(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    sb = sbt_stream(16, 0);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 1);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReset_empties_and_keeps_the_trigger_level(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    sb = sbt_stream(16, 3);
    sbt_fill(out, 16, 0);
    QT_EQ(xStreamBufferSend(sb, out, 10, 0), 10);
    QT_EQ(xStreamBufferReceive(sb, in, 7, 0), 7); /* move the start away from 0 */
    QT_EQ(xStreamBufferReset(sb), pdPASS);
    QT_EQ(xStreamBufferIsEmpty(sb), pdTRUE);
    QT_EQ(xStreamBufferSpacesAvailable(sb), 16);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(xStreamBufferSend(sb, out + 2, 14, 0), 14);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(task_got, 16);
    QT_ASSERT(sbt_check(task_in, 16, 0));
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

static void test_xStreamBufferReset_fails_while_a_task_is_blocked(void)
{
    TaskHandle_t t;

    sb = sbt_stream(8, 4);
    t = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferSend(sb, out, 2, 0), 2);
    QT_EQ(xStreamBufferReset(sb), pdFAIL);
    QT_EQ(xStreamBufferBytesAvailable(sb), 2);
    vTaskDelete(t);
    QT_EQ(xStreamBufferReset(sb), pdPASS);
    /* The same for a blocked sender. */
    QT_EQ(xStreamBufferSend(sb, out, 8, 0), 8);
    t = tt_spawn(send_once, "tx", HI, NULL);
    sbt_yield_if_coop();
    QT_EQ(xStreamBufferReset(sb), pdFAIL);
    QT_EQ(xStreamBufferIsFull(sb), pdTRUE);
    vTaskDelete(t);
    QT_EQ(xStreamBufferReset(sb), pdPASS);
    vStreamBufferDelete(sb);
}

static void test_notification_index_is_stored_and_notifications_are_untouched(void)
{
    TaskHandle_t rx;

    tt_trace_reset();
    sb = sbt_stream(8, 1);
    QT_EQ(uxStreamBufferGetStreamBufferNotificationIndex(sb), 0);
    vStreamBufferSetStreamBufferNotificationIndex(sb, 2);
    QT_EQ(uxStreamBufferGetStreamBufferNotificationIndex(sb), 2);
    rx = tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    /* A notification on any index does not end the buffer wait... */
    QT_EQ(xTaskNotifyIndexed(rx, 2, 7, eSetValueWithOverwrite), pdPASS);
    QT_EQ(xTaskNotifyIndexed(rx, 0, 9, eSetValueWithOverwrite), pdPASS);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("");
    QT_EQ(eTaskGetState(rx), eBlocked);
    /* ...and the buffer's wake-up leaves the notifications pending. */
    QT_EQ(xStreamBufferSend(sb, out, 1, 0), 1);
    sbt_yield_if_coop();
    TT_EXPECT_TRACE("R0");
    QT_EQ(ulTaskGenericNotifyValueClear(rx, 2, 0), 7);
    QT_EQ(xTaskGenericNotifyStateClear(rx, 2), pdTRUE);
    QT_EQ(xTaskGenericNotifyStateClear(rx, 0), pdTRUE);
    vTaskDelete(rx);
    vStreamBufferDelete(sb);
}

#if configUSE_TRACE_FACILITY
static void test_trace_facility_number_and_type(void)
{
    StreamBufferHandle_t s = sbt_stream(8, 1);
    StreamBufferHandle_t b = sbt_batching(8, 1);
    MessageBufferHandle_t m = sbt_message(16);

    QT_EQ(uxStreamBufferGetStreamBufferNumber(s), 0);
    vStreamBufferSetStreamBufferNumber(s, 42);
    QT_EQ(uxStreamBufferGetStreamBufferNumber(s), 42);
    QT_EQ(ucStreamBufferGetStreamBufferType(s), 0);
    QT_EQ(ucStreamBufferGetStreamBufferType(b), 0);
    QT_EQ(ucStreamBufferGetStreamBufferType(m), 1);
    vStreamBufferDelete(s);
    vStreamBufferDelete(b);
    vMessageBufferDelete(m);
}
#endif

/* ---- Misuse (configASSERT) ---- */

static void create_trigger_above_size(void *arg)
{
    (void)arg;
    (void)sbt_stream(8, 9);
}

static void create_size_zero(void *arg)
{
    (void)arg;
    (void)sbt_stream(0, 0);
}

#if configSUPPORT_STATIC_ALLOCATION
static void create_bad_type(void *arg)
{
    static StaticStreamBuffer_t buffer;
    static uint8_t storage[8];

    (void)arg;
    (void)xStreamBufferGenericCreateStatic(8, 1, 7, storage, &buffer, NULL, NULL);
}

static void create_static_null_storage(void *arg)
{
    static StaticStreamBuffer_t buffer;

    (void)arg;
    (void)xStreamBufferCreateStatic(8, 1, NULL, &buffer);
}

static void create_static_null_buffer(void *arg)
{
    static uint8_t storage[8];

    (void)arg;
    (void)xStreamBufferCreateStatic(8, 1, storage, NULL);
}

static void get_static_buffers_null(void *arg)
{
    StaticStreamBuffer_t *buffer;

    (void)xStreamBufferGetStaticBuffers(arg, NULL, &buffer);
}
#endif

static void delete_with_blocked_reader(void *arg)
{
    (void)arg;
    sb = sbt_stream(8, 1);
    (void)tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vStreamBufferDelete(sb);
}

static void set_index_out_of_range(void *arg)
{
    vStreamBufferSetStreamBufferNotificationIndex(arg, configTASK_NOTIFICATION_ARRAY_ENTRIES);
}

static void set_index_while_blocked(void *arg)
{
    (void)arg;
    sb = sbt_stream(8, 1);
    (void)tt_spawn(receive_once, "rx", HI, NULL);
    sbt_yield_if_coop();
    vStreamBufferSetStreamBufferNotificationIndex(sb, 1);
}

static void test_create_misuse_asserts(void)
{
    StreamBufferHandle_t mine = sbt_stream(8, 1);

    QT_EXPECT_ASSERT(create_trigger_above_size, NULL);
    QT_EXPECT_ASSERT(create_size_zero, NULL);
#if configSUPPORT_STATIC_ALLOCATION
    QT_EXPECT_ASSERT(create_bad_type, NULL);
    QT_EXPECT_ASSERT(create_static_null_storage, NULL);
    QT_EXPECT_ASSERT(create_static_null_buffer, NULL);
    QT_EXPECT_ASSERT(get_static_buffers_null, mine);
#endif
    QT_EXPECT_ASSERT(delete_with_blocked_reader, NULL);
    QT_EXPECT_ASSERT(set_index_out_of_range, mine);
    QT_EXPECT_ASSERT(set_index_while_blocked, NULL);
    vStreamBufferDelete(mine);
}

QTEST_MAIN(
#if configSUPPORT_DYNAMIC_ALLOCATION
    QTEST_CASE(test_xStreamBufferCreate_holds_the_requested_size),
    QTEST_CASE(test_xStreamBufferCreate_fails_without_memory),
#endif
#if configSUPPORT_STATIC_ALLOCATION
    QTEST_CASE(test_xStreamBufferCreateStatic_uses_all_of_the_given_storage),
    QTEST_CASE(test_xStreamBatchingBufferCreateStatic_makes_a_batching_buffer),
#endif
    QTEST_CASE(test_trigger_level_zero_means_one),
    QTEST_CASE(test_xStreamBufferReset_empties_and_keeps_the_trigger_level),
    QTEST_CASE(test_xStreamBufferReset_fails_while_a_task_is_blocked),
    QTEST_CASE(test_notification_index_is_stored_and_notifications_are_untouched),
#if configUSE_TRACE_FACILITY
    QTEST_CASE(test_trace_facility_number_and_type),
#endif
    QTEST_CASE(test_create_misuse_asserts))
