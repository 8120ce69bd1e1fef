/* SPDX-License-Identifier: MIT */
/*
 * http_mem_transport.c: the in-memory transport of http_mem_transport.h.
 */
#include "http_mem_transport.h"

#include <string.h>

static uint32_t clock_ms;

uint32_t mem_transport_clock(void)
{
    return clock_ms++;
}

/* xorshift32: deterministic piece sizes for a given seed. */
static uint32_t next_random(uint32_t *s)
{
    uint32_t x = *s;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

static int32_t mem_recv(NetworkContext_t *c, void *buf, size_t n)
{
    size_t left = c->in_len - c->in_pos;
    size_t take = n;

    c->recv_calls++;
    if (c->recv_error != 0) {
        return c->recv_error;
    }
    if (c->zero_every != 0 && c->recv_calls % c->zero_every == 0) {
        return 0;
    }
    if (left == 0) {
        return c->at_end;
    }
    if (c->step != 0) {
        size_t piece = (c->seed != 0) ? 1 + next_random(&c->seed) % c->step : c->step;
        take = (piece < take) ? piece : take;
    }
    take = (left < take) ? left : take;
    if (take > INT32_MAX) {
        take = INT32_MAX;
    }
    memcpy(buf, &c->in[c->in_pos], take);
    c->in_pos += take;
    return (int32_t)take;
}

static int32_t mem_send(NetworkContext_t *c, const void *buf, size_t n)
{
    size_t take = n;

    if (c->send_error != 0) {
        return c->send_error;
    }
    if (c->send_zeros != 0) {
        c->send_zeros--;
        return 0;
    }
    if (c->send_step != 0 && c->send_step < take) {
        take = c->send_step;
    }
    if (c->out != NULL) {
        size_t room = (c->out_len < c->out_cap) ? c->out_cap - c->out_len : 0;
        memcpy(&c->out[c->out_len], buf, (take < room) ? take : room);
    }
    c->out_len += take;
    return (int32_t)take;
}

void mem_transport_init(NetworkContext_t *ctx, TransportInterface_t *t, const void *in, size_t len)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->in = in;
    ctx->in_len = len;
    memset(t, 0, sizeof(*t));
    t->recv = mem_recv;
    t->send = mem_send;
    t->pNetworkContext = ctx;
}
