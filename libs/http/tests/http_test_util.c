/* SPDX-License-Identifier: MIT */
/*
 * http_test_util.c: see http_test_util.h.
 */
#include "http_test_util.h"

#include <string.h>

const struct feed_mode feed_modes[] = {
    {"whole", 0, 0, 0},
    {"1 byte", 1, 0, 0},
    {"2 bytes", 2, 0, 0},
    {"3 bytes", 3, 0, 0},
    {"7 bytes", 7, 0, 0},
    {"random/8 a", 8, 0x1234u, 0},
    {"random/8 b", 8, 0xBEEFu, 0},
    {"random/64", 64, 0x51u, 0},
    {"random/3 gaps", 3, 0x77u, 2},
    {"1 byte gaps", 1, 0, 3},
};
const size_t feed_mode_count = sizeof(feed_modes) / sizeof(feed_modes[0]);

HTTPStatus_t http_test_receive(const void *resp, size_t len, const struct feed_mode *mode,
                               bool head, int32_t at_end, uint8_t *buf, size_t cap,
                               HTTPResponse_t *r)
{
    static uint8_t request_buf[64];
    HTTPRequestHeaders_t request = {request_buf, sizeof(request_buf), 0};
    NetworkContext_t ctx;
    TransportInterface_t t;
    const char *line = head ? "HEAD / HTTP/1.1\r\n\r\n" : "GET / HTTP/1.1\r\n\r\n";

    memcpy(request_buf, line, strlen(line));
    request.headersLen = strlen(line);
    mem_transport_init(&ctx, &t, resp, len);
    ctx.step = mode->step;
    ctx.seed = mode->seed;
    ctx.zero_every = mode->zero_every;
    ctx.at_end = at_end;
    r->pBuffer = buf;
    r->bufferLen = cap;
    r->getTime = mem_transport_clock;
    return HTTPClient_ReceiveAndParseHttpResponse(&t, r, &request);
}
