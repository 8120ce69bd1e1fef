/* SPDX-License-Identifier: MIT */
/*
 * http_mem_transport.h: an in-memory TransportInterface_t for the HTTP client's tests and
 * fuzz target. recv serves a canned response in pieces of a chosen size (one byte, a fixed
 * size, or seeded random sizes), optionally answering 0 ("nothing yet") between pieces, and
 * at the end returns 0 (server quiet) or -1 (server closed). send records what the client
 * sent, optionally a few bytes at a time or failing.
 *
 * Not thread-safe: one context per test.
 */
#ifndef HTTP_MEM_TRANSPORT_H
#define HTTP_MEM_TRANSPORT_H

#include "transport_interface.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct NetworkContext {
    /* What recv serves. */
    const uint8_t *in;
    size_t in_len;
    size_t in_pos;
    size_t step;         /* most bytes per recv; 0 = as many as asked */
    uint32_t seed;       /* nonzero: each piece is 1..step bytes, pseudo-random */
    unsigned zero_every; /* nonzero: every n-th recv returns 0 before data */
    int32_t at_end;      /* recv's result once everything was served: 0 or -1 */
    int32_t recv_error;  /* nonzero: recv returns this at once */
    unsigned recv_calls;

    /* What send records. */
    uint8_t *out;
    size_t out_cap;
    size_t out_len;
    size_t send_step;    /* most bytes per send; 0 = all */
    unsigned send_zeros; /* this many sends accept nothing first */
    int32_t send_error;  /* nonzero: send returns this */
};

/* Set up ctx to serve in[0 .. len) and t to use it; everything else off / 0. */
void mem_transport_init(NetworkContext_t *ctx, TransportInterface_t *t, const void *in, size_t len);

/* A millisecond clock that advances by one on every call (for the retry timeouts). */
uint32_t mem_transport_clock(void);

#endif /* HTTP_MEM_TRANSPORT_H */
