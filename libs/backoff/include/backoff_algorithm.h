/* SPDX-License-Identifier: MIT */
/*
 * backoff_algorithm.h: exponential backoff with "full jitter" for retrying an operation (a
 * reconnect, a failed send), with the FreeRTOS backoffAlgorithm library's API.
 *
 * The caller owns the context and supplies the randomness: each call returns a delay drawn
 * uniformly (as uniformly as randomValue is) from 0 .. the current ceiling, and then doubles the
 * ceiling up to maxBackOff. The library keeps no global state and never sleeps or allocates;
 * waiting is the caller's job (vTaskDelay(pdMS_TO_TICKS(delay))).
 */
#ifndef BACKOFF_ALGORITHM_H_
#define BACKOFF_ALGORITHM_H_

#include <stdint.h>

/* Pass as maxAttempts to retry without limit. */
#define BACKOFF_ALGORITHM_RETRY_FOREVER (UINT32_MAX)

typedef enum BackoffAlgorithmStatus {
    BackoffAlgorithmSuccess = 0,     /* *pNextBackOff holds the delay before the next attempt */
    BackoffAlgorithmRetriesExhausted /* maxAttempts delays were already handed out */
} BackoffAlgorithmStatus_t;

typedef struct BackoffAlgorithmContext {
    uint16_t maxBackoffDelay;  /* the ceiling never exceeds this (ms, or any unit the caller uses) */
    uint32_t attemptsDone;     /* delays handed out since BackoffAlgorithm_InitializeParams */
    uint16_t nextJitterMax;    /* ceiling of the next delay */
    uint32_t maxRetryAttempts; /* delays to hand out before RetriesExhausted */
} BackoffAlgorithmContext_t;

/*
 * Start (or restart, e.g. after a success) a retry sequence: the first delay is drawn from
 * 0..backOffBase, each later one from a ceiling twice the previous, capped at maxBackOff.
 */
void BackoffAlgorithm_InitializeParams(BackoffAlgorithmContext_t *pContext, uint16_t backOffBase,
                                       uint16_t maxBackOff, uint32_t maxAttempts);

/*
 * After a failed attempt: the delay to wait before the next one, randomValue % (ceiling + 1).
 * Returns BackoffAlgorithmRetriesExhausted (leaving *pNextBackOff alone) once maxAttempts delays
 * have been returned. Both pointers must be valid (checked with assert in debug builds).
 */
BackoffAlgorithmStatus_t BackoffAlgorithm_GetNextBackoff(BackoffAlgorithmContext_t *pRetryContext,
                                                         uint32_t randomValue,
                                                         uint16_t *pNextBackOff);

#endif /* BACKOFF_ALGORITHM_H_ */
