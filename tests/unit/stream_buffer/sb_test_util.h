/* SPDX-License-Identifier: MIT */
/*
 * sb_test_util.h: helpers shared by the stream buffer and message buffer
 * tests, on top of tests/unit/task/task_test_util.h (trace, tt_spawn,
 * tt_interrupt).
 *
 * The sbt_* constructors create buffers dynamically, or from a static pool
 * when the configuration has no dynamic allocation, so every case runs in
 * both kinds of configuration. A pooled slot is free again once its object
 * is deleted (qtest_pool_take).
 *
 * Test data is a numbered byte stream: byte number n has the value
 * sbt_byte(n), so a receiver can check every byte it gets against how many it
 * has had before.
 */
#ifndef SB_TEST_UTIL_H
#define SB_TEST_UTIL_H

#include "FreeRTOS.h"
#include "message_buffer.h"
#include "stream_buffer.h"
#include "task.h"

#include "../task/task_test_util.h"

/* Largest storage a pooled static buffer gets. */
#define SBT_POOL_BYTES ((size_t)QTEST_POOL_STREAM_BYTES)

StreamBufferHandle_t sbt_stream(size_t size, size_t trigger);
StreamBufferHandle_t sbt_batching(size_t size, size_t trigger);
MessageBufferHandle_t sbt_message(size_t size);

/* The value of byte number n of a test stream. */
static inline uint8_t sbt_byte(size_t n)
{
    return (uint8_t)(n * 7u + (n >> 8) + 3u);
}

/* Fill buf with bytes number first .. first + len - 1. */
void sbt_fill(uint8_t *buf, size_t len, size_t first);
/* Whether buf holds bytes number first .. first + len - 1 (a failure is reported at the caller). */
int sbt_check(const uint8_t *buf, size_t len, size_t first);

/* In a cooperative configuration, let higher-priority ready tasks run now. */
void sbt_yield_if_coop(void);

/* Let every other task run until all are blocked: sleep one tick. */
void sbt_settle(void);

#endif /* SB_TEST_UTIL_H */
