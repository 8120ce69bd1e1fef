/* SPDX-License-Identifier: MIT */
/*
 * sb_test_util.c: the constructors and data helpers of sb_test_util.h.
 */
#include "sb_test_util.h"

#if !configSUPPORT_DYNAMIC_ALLOCATION
static StaticStreamBuffer_t pool_sb[QTEST_POOL_STREAMS];
static uint8_t pool_storage[QTEST_POOL_STREAMS][SBT_POOL_BYTES];
static struct qtest_pool pool =
    QTEST_POOL_INIT("stream buffer (QTEST_POOL_STREAMS)", pool_sb);

static StreamBufferHandle_t pool_create(size_t size, size_t trigger, BaseType_t type)
{
    unsigned i = qtest_pool_take(&pool);

    QT_ASSERT(size <= SBT_POOL_BYTES);
    return xStreamBufferGenericCreateStatic(size, trigger, type, pool_storage[i], &pool_sb[i], NULL,
                                            NULL);
}
#endif

static StreamBufferHandle_t create(size_t size, size_t trigger, BaseType_t type)
{
#if configSUPPORT_DYNAMIC_ALLOCATION
    StreamBufferHandle_t sb = xStreamBufferGenericCreate(size, trigger, type, NULL, NULL);
#else
    StreamBufferHandle_t sb = pool_create(size, trigger, type);
#endif
    QT_ASSERT(sb != NULL);
    return sb;
}

StreamBufferHandle_t sbt_stream(size_t size, size_t trigger)
{
    return create(size, trigger, sbTYPE_STREAM_BUFFER);
}

StreamBufferHandle_t sbt_batching(size_t size, size_t trigger)
{
    return create(size, trigger, sbTYPE_STREAM_BATCHING_BUFFER);
}

MessageBufferHandle_t sbt_message(size_t size)
{
    return create(size, 0, sbTYPE_MESSAGE_BUFFER);
}

void sbt_fill(uint8_t *buf, size_t len, size_t first)
{
    for (size_t i = 0; i < len; i++) {
        buf[i] = sbt_byte(first + i);
    }
}

int sbt_check(const uint8_t *buf, size_t len, size_t first)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != sbt_byte(first + i)) {
            return 0;
        }
    }
    return 1;
}

void sbt_yield_if_coop(void)
{
    if (!configUSE_PREEMPTION) {
        taskYIELD();
    }
}

void sbt_settle(void)
{
    vTaskDelay(1);
}
