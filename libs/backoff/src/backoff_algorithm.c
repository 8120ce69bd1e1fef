/* SPDX-License-Identifier: MIT */
/*
 * backoff_algorithm.c: full-jitter exponential backoff (see backoff_algorithm.h). Pure
 * arithmetic on the caller's context: no globals, no locking needed, usable from any task.
 */
#include "backoff_algorithm.h"

#include <assert.h>
#include <stddef.h>

void BackoffAlgorithm_InitializeParams(BackoffAlgorithmContext_t *pContext, uint16_t backOffBase,
                                       uint16_t maxBackOff, uint32_t maxAttempts)
{
    assert(pContext != NULL);
    pContext->nextJitterMax = backOffBase;
    pContext->maxBackoffDelay = maxBackOff;
    pContext->maxRetryAttempts = maxAttempts;
    pContext->attemptsDone = 0;
}

/* Doubles the ceiling without passing the maximum (nor overflowing 16 bits). */
static uint16_t next_ceiling(uint16_t ceiling, uint16_t maximum)
{
    if (ceiling >= maximum / 2u) {
        return maximum;
    }
    return (uint16_t)(ceiling * 2u);
}

BackoffAlgorithmStatus_t BackoffAlgorithm_GetNextBackoff(BackoffAlgorithmContext_t *pRetryContext,
                                                         uint32_t randomValue,
                                                         uint16_t *pNextBackOff)
{
    BackoffAlgorithmContext_t *ctx = pRetryContext;
    int forever;

    assert(ctx != NULL);
    assert(pNextBackOff != NULL);
    forever = ctx->maxRetryAttempts == BACKOFF_ALGORITHM_RETRY_FOREVER;
    if (!forever && ctx->attemptsDone >= ctx->maxRetryAttempts) {
        return BackoffAlgorithmRetriesExhausted;
    }
    /* The jitter ceiling is inclusive: 0 .. nextJitterMax. */
    *pNextBackOff = (uint16_t)(randomValue % ((uint32_t)ctx->nextJitterMax + 1u));
    if (!forever || ctx->attemptsDone < UINT32_MAX - 1u) {
        ctx->attemptsDone++;
    }
    ctx->nextJitterMax = next_ceiling(ctx->nextJitterMax, ctx->maxBackoffDelay);
    return BackoffAlgorithmSuccess;
}
