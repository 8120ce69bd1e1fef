/* SPDX-License-Identifier: MIT */
/*
 * Event group bits without waiting: set, clear and get return values, the
 * usable bit width at each tick width (the top byte is reserved), reading
 * from an interrupt, static and dynamic creation, deletion, the uint32_t
 * callbacks FreeRTOS defines for deferred calls, and trace numbers.
 */
#include "eg_test_util.h"

static void test_set_clear_and_get_return_values(void)
{
    EventGroupHandle_t g = eg_group();

    QT_EQ(xEventGroupGetBits(g), 0);
    QT_EQ(xEventGroupSetBits(g, 0x5), 0x5);
    QT_EQ(xEventGroupSetBits(g, 0x2), 0x7);
    QT_EQ(xEventGroupClearBits(g, 0x4), 0x7); /* the value before clearing */
    QT_EQ(xEventGroupGetBits(g), 0x3);
    QT_EQ(xEventGroupClearBits(g, 0), 0x3);
    QT_EQ(xEventGroupSetBits(g, 0), 0x3);
    vEventGroupDelete(g);
}

static void test_usable_bit_width_follows_the_tick_width(void)
{
    EventGroupHandle_t g = eg_group();
    unsigned n = 0;

    QT_EQ(sizeof(EventBits_t), sizeof(TickType_t));
    for (EventBits_t b = EG_USABLE; b != 0; b >>= 1) {
        n += (unsigned)(b & 1u);
    }
    if (configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS) {
        QT_EQ(n, 8);
    } else if (configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_32_BITS) {
        QT_EQ(n, 24);
    } else {
        QT_EQ(n, 56);
    }
    QT_ASSERT(xEventGroupSetBits(g, EG_USABLE) == EG_USABLE);
    QT_ASSERT(xEventGroupClearBits(g, EG_TOP_BIT) == EG_USABLE);
    QT_ASSERT(xEventGroupGetBits(g) == (EventBits_t)(EG_USABLE & ~EG_TOP_BIT));
    vEventGroupDelete(g);
}

static EventGroupHandle_t isr_group;
static EventBits_t isr_bits;

static void isr_get(void)
{
    isr_bits = xEventGroupGetBitsFromISR(isr_group);
}

static void test_xEventGroupGetBitsFromISR_reads_the_bits(void)
{
    isr_group = eg_group();
    (void)xEventGroupSetBits(isr_group, 0x81);
    tt_interrupt(isr_get);
    QT_EQ(isr_bits, 0x81);
    vEventGroupDelete(isr_group);
}

static void test_deferred_call_callbacks_set_and_clear(void)
{
    EventGroupHandle_t g = eg_group();

    vEventGroupSetBitsCallback(g, 0x0f);
    QT_EQ(xEventGroupGetBits(g), 0x0f);
    vEventGroupClearBitsCallback(g, 0x05);
    QT_EQ(xEventGroupGetBits(g), 0x0a);
    vEventGroupDelete(g);
}

#if configSUPPORT_DYNAMIC_ALLOCATION
static void test_vEventGroupDelete_returns_the_memory(void)
{
    const size_t before = xPortGetFreeHeapSize();
    EventGroupHandle_t g = xEventGroupCreate();
#if configSUPPORT_STATIC_ALLOCATION
    StaticEventGroup_t *buffer = NULL;
#endif

    QT_ASSERT(g != NULL);
    QT_ASSERT(xPortGetFreeHeapSize() < before);
#if configSUPPORT_STATIC_ALLOCATION
    QT_EQ(xEventGroupGetStaticBuffer(g, &buffer), pdFALSE);
    QT_PTR_EQ(buffer, NULL);
#endif
    vEventGroupDelete(g);
    QT_EQ(xPortGetFreeHeapSize(), before);
}

static void test_xEventGroupCreate_returns_null_when_out_of_memory(void)
{
    void *blocks[64];
    unsigned n = 0;
    size_t size = xPortGetFreeHeapSize();

    while (n < 64 && size >= sizeof(void *)) {
        void *p = pvPortMalloc(size);

        if (p != NULL) {
            blocks[n++] = p;
        } else {
            size /= 2;
        }
    }
    QT_PTR_EQ(xEventGroupCreate(), NULL);
    QT_ASSERT(qtest_malloc_failures > 0);
    while (n > 0) {
        vPortFree(blocks[--n]);
    }
}
#endif

#if configSUPPORT_STATIC_ALLOCATION
static void test_xEventGroupCreateStatic_uses_the_buffer(void)
{
    static StaticEventGroup_t buffer;
    StaticEventGroup_t *got = NULL;
    EventGroupHandle_t g = xEventGroupCreateStatic(&buffer);

    QT_PTR_EQ(g, &buffer);
    QT_EQ(xEventGroupGetBits(g), 0);
    QT_EQ(xEventGroupGetStaticBuffer(g, &got), pdTRUE);
    QT_PTR_EQ(got, &buffer);
    QT_EQ(xEventGroupSetBits(g, 0x10), 0x10);
    vEventGroupDelete(g);
}
#endif

#if configUSE_TRACE_FACILITY
static void test_event_group_trace_number(void)
{
    EventGroupHandle_t g = eg_group();

    QT_EQ(uxEventGroupGetNumber(g), 0);
    vEventGroupSetNumber(g, 9);
    QT_EQ(uxEventGroupGetNumber(g), 9);
    QT_EQ(uxEventGroupGetNumber(NULL), 0);
    vEventGroupDelete(g);
}
#endif

/* ---- Misuse (configASSERT) ---- */

static void set_reserved_bit(void *arg)
{
    (void)xEventGroupSetBits((EventGroupHandle_t)arg, (EventBits_t)(EG_TOP_BIT << 1));
}

static void clear_reserved_bit(void *arg)
{
    (void)xEventGroupClearBits((EventGroupHandle_t)arg, (EventBits_t) ~(EventBits_t)0);
}

static void wait_for_no_bits(void *arg)
{
    (void)xEventGroupWaitBits((EventGroupHandle_t)arg, 0, pdFALSE, pdFALSE, 0);
}

static void wait_for_reserved_bit(void *arg)
{
    (void)xEventGroupWaitBits((EventGroupHandle_t)arg, (EventBits_t)(EG_TOP_BIT << 1), pdFALSE,
                              pdFALSE, 0);
}

static void sync_reserved_bit(void *arg)
{
    (void)xEventGroupSync((EventGroupHandle_t)arg, (EventBits_t)(EG_TOP_BIT << 1), 0x1, 0);
}

static void sync_for_no_bits(void *arg)
{
    (void)xEventGroupSync((EventGroupHandle_t)arg, 0x1, 0, 0);
}

static void isr_wait(void)
{
    (void)xEventGroupWaitBits(isr_group, 0x1, pdFALSE, pdFALSE, 0);
}

static void wait_in_isr(void *arg)
{
    (void)arg;
    tt_interrupt(isr_wait);
}

#if configSUPPORT_STATIC_ALLOCATION
static void create_static_without_buffer(void *arg)
{
    (void)arg;
    (void)xEventGroupCreateStatic(NULL);
}
#endif

static void test_event_group_misuse_asserts(void)
{
    EventGroupHandle_t g = eg_group();

    isr_group = g;
    QT_EXPECT_ASSERT(set_reserved_bit, g);
    QT_EXPECT_ASSERT(clear_reserved_bit, g);
    QT_EXPECT_ASSERT(wait_for_no_bits, g);
    QT_EXPECT_ASSERT(wait_for_reserved_bit, g);
    QT_EXPECT_ASSERT(sync_reserved_bit, g);
    QT_EXPECT_ASSERT(sync_for_no_bits, g);
    QT_EXPECT_ASSERT(wait_in_isr, NULL);
#if configSUPPORT_STATIC_ALLOCATION
    QT_EXPECT_ASSERT(create_static_without_buffer, NULL);
#endif
    vEventGroupDelete(g);
}

QTEST_MAIN(QTEST_CASE(test_set_clear_and_get_return_values),
           QTEST_CASE(test_usable_bit_width_follows_the_tick_width),
           QTEST_CASE(test_xEventGroupGetBitsFromISR_reads_the_bits),
           QTEST_CASE(test_deferred_call_callbacks_set_and_clear),
#if configSUPPORT_DYNAMIC_ALLOCATION
           QTEST_CASE(test_vEventGroupDelete_returns_the_memory),
           QTEST_CASE(test_xEventGroupCreate_returns_null_when_out_of_memory),
#endif
#if configSUPPORT_STATIC_ALLOCATION
           QTEST_CASE(test_xEventGroupCreateStatic_uses_the_buffer),
#endif
#if configUSE_TRACE_FACILITY
           QTEST_CASE(test_event_group_trace_number),
#endif
           QTEST_CASE(test_event_group_misuse_asserts))
