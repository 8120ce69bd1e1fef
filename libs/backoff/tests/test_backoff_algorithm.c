/* SPDX-License-Identifier: MIT */
/*
 * test_backoff_algorithm.c: the full-jitter sequence (ceilings double up to the maximum, the
 * delay is the caller's random value modulo ceiling+1), attempt counting, retry-forever, and
 * 16-bit edge values. Pure arithmetic: the cases run without a scheduler.
 */
#include "backoff_algorithm.h"
#include "qtest.h"

static void test_BackoffAlgorithm_InitializeParams_sets_fields(void)
{
    BackoffAlgorithmContext_t ctx;

    BackoffAlgorithm_InitializeParams(&ctx, 100, 5000, 7);
    QT_EQ(ctx.nextJitterMax, 100);
    QT_EQ(ctx.maxBackoffDelay, 5000);
    QT_EQ(ctx.maxRetryAttempts, 7);
    QT_EQ(ctx.attemptsDone, 0);
}

static void test_BackoffAlgorithm_GetNextBackoff_ceilings_double_then_cap(void)
{
    static const uint16_t ceilings[] = {100, 200, 400, 800, 1000, 1000};
    BackoffAlgorithmContext_t ctx;
    uint16_t delay = 0;

    BackoffAlgorithm_InitializeParams(&ctx, 100, 1000, 6);
    for (unsigned i = 0; i < 6; i++) {
        /* A random value equal to the ceiling gives the ceiling itself: the range is inclusive. */
        QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, ceilings[i], &delay), BackoffAlgorithmSuccess);
        QT_EQ(delay, ceilings[i]);
        QT_EQ(ctx.attemptsDone, i + 1);
    }
    delay = 77;
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, 5, &delay), BackoffAlgorithmRetriesExhausted);
    QT_EQ(delay, 77);
}

static void test_BackoffAlgorithm_GetNextBackoff_jitter_is_random_modulo(void)
{
    BackoffAlgorithmContext_t ctx;
    uint16_t delay;

    BackoffAlgorithm_InitializeParams(&ctx, 100, 1000, 10);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, 0, &delay), BackoffAlgorithmSuccess);
    QT_EQ(delay, 0);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, 1000, &delay), BackoffAlgorithmSuccess);
    QT_EQ(delay, 1000 % 201);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, UINT32_MAX, &delay), BackoffAlgorithmSuccess);
    QT_EQ(delay, UINT32_MAX % 401u);
}

static void test_BackoffAlgorithm_GetNextBackoff_zero_attempts_exhausted_at_once(void)
{
    BackoffAlgorithmContext_t ctx;
    uint16_t delay;

    BackoffAlgorithm_InitializeParams(&ctx, 10, 100, 0);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, 3, &delay), BackoffAlgorithmRetriesExhausted);
}

static void test_BackoffAlgorithm_GetNextBackoff_retry_forever_never_exhausts(void)
{
    BackoffAlgorithmContext_t ctx;
    uint16_t delay = 0;

    BackoffAlgorithm_InitializeParams(&ctx, 1, 500, BACKOFF_ALGORITHM_RETRY_FOREVER);
    for (unsigned i = 0; i < 100000; i++) {
        if (BackoffAlgorithm_GetNextBackoff(&ctx, i * 2654435761u, &delay) !=
            BackoffAlgorithmSuccess) {
            QT_ASSERT(0);
            break;
        }
        QT_ASSERT(delay <= 500);
    }
    QT_EQ(ctx.nextJitterMax, 500);
}

static void test_BackoffAlgorithm_GetNextBackoff_16bit_ceiling_does_not_wrap(void)
{
    BackoffAlgorithmContext_t ctx;
    uint16_t delay;

    BackoffAlgorithm_InitializeParams(&ctx, 40000, UINT16_MAX, 3);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, 39999, &delay), BackoffAlgorithmSuccess);
    QT_EQ(delay, 39999);
    QT_EQ(ctx.nextJitterMax, UINT16_MAX);
    QT_EQ(BackoffAlgorithm_GetNextBackoff(&ctx, UINT16_MAX, &delay), BackoffAlgorithmSuccess);
    QT_EQ(delay, UINT16_MAX);
    QT_EQ(ctx.nextJitterMax, UINT16_MAX);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_BackoffAlgorithm_InitializeParams_sets_fields),
           QTEST_CASE_NO_SCHEDULER(test_BackoffAlgorithm_GetNextBackoff_ceilings_double_then_cap),
           QTEST_CASE_NO_SCHEDULER(test_BackoffAlgorithm_GetNextBackoff_jitter_is_random_modulo),
           QTEST_CASE_NO_SCHEDULER(
               test_BackoffAlgorithm_GetNextBackoff_zero_attempts_exhausted_at_once),
           QTEST_CASE_NO_SCHEDULER(
               test_BackoffAlgorithm_GetNextBackoff_retry_forever_never_exhausts),
           QTEST_CASE_NO_SCHEDULER(
               test_BackoffAlgorithm_GetNextBackoff_16bit_ceiling_does_not_wrap))
