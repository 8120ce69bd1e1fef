/* SPDX-License-Identifier: MIT */
/*
 * http_test_util.h: receiving canned responses through the in-memory transport in many
 * fragmentations, for the HTTP client's tests.
 */
#ifndef HTTP_TEST_UTIL_H
#define HTTP_TEST_UTIL_H

#include "core_http_client.h"
#include "http_mem_transport.h"

#include <stdbool.h>

/* How a response reaches the client. */
struct feed_mode {
    const char *name;
    size_t step;         /* bytes per recv (0: all that fits) */
    uint32_t seed;       /* nonzero: random piece sizes 1..step */
    unsigned zero_every; /* every n-th recv returns 0 (a clock then allows retries) */
};

/* Whole, byte by byte, small fixed pieces, random pieces, and with "nothing yet" gaps. */
extern const struct feed_mode feed_modes[];
extern const size_t feed_mode_count;

/*
 * Receive resp[0 .. len) (after the server has nothing more: recv returns at_end) into
 * buf[0 .. cap) as the answer to a GET (or HEAD) request, fed as mode says. The response's
 * buffer and clock are set here; other fields of *r (callback, option flags) are kept.
 */
HTTPStatus_t http_test_receive(const void *resp, size_t len, const struct feed_mode *mode,
                               bool head, int32_t at_end, uint8_t *buf, size_t cap,
                               HTTPResponse_t *r);

/* Literal and its length. */
#define LIT(s) (s), (sizeof(s) - 1)

#endif /* HTTP_TEST_UTIL_H */
