/* SPDX-License-Identifier: MIT */
/*
 * fuzz_http.c: libFuzzer target for the HTTP response parser (clang -fsanitize=fuzzer,
 * address,undefined). The input's first byte picks the options (HEAD or GET, what the
 * transport does at the end, response buffer size, DO_NOT_PARSE_BODY); the rest is what the
 * server sends. It is received three ways — whole, one byte at a time, in random pieces —
 * into a heap block of exactly the chosen size, and the results must agree: same status
 * (except that bytes after a "Connection: close" response are only noticed when they
 * arrive with it), and on success the same status code, flags, lengths and body bytes.
 * HTTPClient_ReadHeader then runs over each buffer. Disagreement abort()s.
 */
#include "core_http_client.h"
#include "http_mem_transport.h"

#include <stdlib.h>
#include <string.h>

#define MODES 3

struct outcome {
    HTTPStatus_t status;
    HTTPResponse_t r;
    uint8_t *buf;
};

static void check(int cond)
{
    if (!cond) {
        abort();
    }
}

static void receive(const uint8_t *data, size_t len, uint8_t opts, int mode, struct outcome *o)
{
    static const size_t caps[4] = {64, 256, 1024, 8192};
    static uint8_t request[] = "GET / HTTP/1.1\r\n\r\nHEAD / HTTP/1.1\r\n\r\n";
    size_t cap = caps[(opts >> 2) & 3u];
    HTTPRequestHeaders_t req = {request, sizeof(request) - 1, 18};
    NetworkContext_t ctx;
    TransportInterface_t t;

    if (opts & 1u) {
        req.pBuffer = &request[18];
        req.bufferLen = req.headersLen = 19;
    }
    mem_transport_init(&ctx, &t, data, len);
    ctx.at_end = (opts & 2u) ? -1 : 0;
    ctx.step = (mode == 0) ? 0 : (mode == 1) ? 1 : 16;
    ctx.seed = (mode == 2) ? 0x9E3779B9u ^ (uint32_t)len : 0;
    o->buf = malloc(cap);
    memset(&o->r, 0, sizeof(o->r));
    o->r.pBuffer = o->buf;
    o->r.bufferLen = cap;
    o->r.getTime = mem_transport_clock;
    o->r.respOptionFlags = (opts & 16u) ? HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG : 0;
    o->status = HTTPClient_ReceiveAndParseHttpResponse(&t, &o->r, &req);
}

static void read_headers(const HTTPResponse_t *r)
{
    static const char *const names[] = {"Content-Length", "connection", "X"};
    const char *v;
    size_t vlen;

    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        if (HTTPClient_ReadHeader(r, names[k], strlen(names[k]), &v, &vlen) == HTTPSuccess) {
            check(vlen == 0 || (v >= (const char *)r->pBuffer &&
                                v + vlen <= (const char *)r->pBuffer + r->bufferLen));
        }
    }
}

static void compare(const struct outcome *a, const struct outcome *b, int raw_body)
{
    if (a->status != b->status) {
        HTTPStatus_t x = a->status, y = b->status;
        check((x == HTTPSecurityAlertExtraneousResponseData && y == HTTPSuccess) ||
              (y == HTTPSecurityAlertExtraneousResponseData && x == HTTPSuccess));
        return;
    }
    if (a->status != HTTPSuccess) {
        return;
    }
    check(a->r.statusCode == b->r.statusCode && a->r.respFlags == b->r.respFlags);
    check(a->r.headerCount == b->r.headerCount && a->r.contentLength == b->r.contentLength);
    check(a->r.headersLen == b->r.headersLen);
    if (!raw_body) {
        check(a->r.bodyLen == b->r.bodyLen);
        check(a->r.bodyLen == 0 || memcmp(a->r.pBody, b->r.pBody, a->r.bodyLen) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct outcome o[MODES];

    if (size == 0) {
        return 0;
    }
    for (int m = 0; m < MODES; m++) {
        receive(data + 1, size - 1, data[0], m, &o[m]);
        if (o[m].status == HTTPSuccess) {
            check(o[m].r.bodyLen == 0 ||
                  (o[m].r.pBody >= o[m].buf &&
                   o[m].r.pBody + o[m].r.bodyLen <= o[m].buf + o[m].r.bufferLen));
        }
        read_headers(&o[m].r);
    }
    for (int m = 1; m < MODES; m++) {
        compare(&o[0], &o[m], data[0] & 16u);
    }
    for (int m = 0; m < MODES; m++) {
        free(o[m].buf);
    }
    return 0;
}
