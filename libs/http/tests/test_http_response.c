/* SPDX-License-Identifier: MIT */
/*
 * test_http_response.c: receiving and parsing responses — Content-Length, chunked (decoded
 * in place), HEAD, 204/304, bodies ended by the server closing, interim 1xx responses,
 * connection flags, header callbacks, response buffers exactly too small. Every response is
 * fed in every fragmentation of feed_modes (whole, byte by byte, random pieces, with
 * "nothing yet" gaps) into a heap block of exactly the given size, and must give the same
 * result each time.
 */
#include "http_test_util.h"
#include "qtest.h"

#include <stdlib.h>
#include <string.h>

struct expect {
    HTTPStatus_t status;
    uint16_t code;
    const char *body; /* NULL: no body bytes */
    size_t header_count;
    size_t content_length;
    uint32_t flags;
};

/* Receive resp in every mode into a block of exactly cap bytes and check against e. */
static void expect_all_modes(int line, const char *resp, size_t len, bool head, int32_t at_end,
                             size_t cap, const struct expect *e)
{
    for (size_t m = 0; m < feed_mode_count; m++) {
        uint8_t *buf = malloc(cap);
        HTTPResponse_t r = {0};
        HTTPStatus_t st = http_test_receive(resp, len, &feed_modes[m], head, at_end, buf, cap, &r);
        size_t blen = e->body ? strlen(e->body) : 0;
        bool ok = (st == e->status);
        if (ok && st == HTTPSuccess) {
            ok = r.statusCode == e->code && r.bodyLen == blen && r.headerCount == e->header_count &&
                 r.contentLength == e->content_length && r.respFlags == e->flags &&
                 r.areHeadersComplete == 1 &&
                 (blen == 0 ? r.pBody == NULL : memcmp(r.pBody, e->body, blen) == 0);
        }
        if (!ok) {
            qtest_fail(__FILE__, line,
                       "mode %s: %s, status %u, body %zu \"%.*s\", %zu headers, "
                       "length %zu, flags %u",
                       feed_modes[m].name, HTTPClient_strerror(st), r.statusCode, r.bodyLen,
                       (int)r.bodyLen, r.pBody ? (const char *)r.pBody : "", r.headerCount,
                       r.contentLength, (unsigned)r.respFlags);
        }
        free(buf);
    }
}
#define EXPECT(resp, head, at_end, cap, ...)                                                       \
    do {                                                                                           \
        const struct expect e_ = __VA_ARGS__;                                                      \
        expect_all_modes(__LINE__, LIT(resp), head, at_end, cap, &e_);                             \
    } while (0)

static void test_response_content_length(void)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                               "Content-Length: 5\r\n\r\nhello";
    uint8_t buf[256];
    HTTPResponse_t r = {0};

    EXPECT(resp, false, 0, 256, {HTTPSuccess, 200, "hello", 2, 5, 0});
    QT_EQ(http_test_receive(LIT(resp), &feed_modes[0], false, 0, buf, sizeof(buf), &r),
          HTTPSuccess);
    QT_PTR_EQ(r.pHeaders, &buf[17]);
    QT_EQ(r.headersLen, strlen("Content-Type: text/plain\r\nContent-Length: 5\r\n"));
    QT_PTR_EQ(r.pBody, &buf[sizeof(resp) - 6]);
}

static void test_response_chunked_is_decoded_in_place(void)
{
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\n7;ext=1;b=\"q\"\r\n, world\r\nA \r\n0123456789\r\n"
           "0\r\nX-Trailer: t\r\nY: u\r\n\r\n",
           false, 0, 256, {HTTPSuccess, 200, "hello, world0123456789", 1, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", false, 0, 256,
           {HTTPSuccess, 200, NULL, 1, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, CHUNKED\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
           false, 0, 256, {HTTPSuccess, 200, "abc", 1, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n00ff\r\n"
           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n0\r\n\r\n",
           false, 0, 512,
           {HTTPSuccess, 200,
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            1, 0, 0});
}

/* A HEAD response announces a length but has no body; 204 and 304 never have one. */
static void test_response_without_body(void)
{
    EXPECT("HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\n\r\n", true, 0, 128,
           {HTTPSuccess, 200, NULL, 1, 1048576, 0});
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", true, 0, 128,
           {HTTPSuccess, 200, NULL, 1, 0, 0});
    EXPECT("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 204, NULL, 1, 10, 0});
    EXPECT("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 304, NULL, 1, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 200, NULL, 1, 0, 0});
    EXPECT("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 101, NULL, 1, 0, 0});
}

/* No length and no chunking: the body runs until the server closes (or goes quiet). */
static void test_response_body_until_close(void)
{
    EXPECT("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the end", false, -1, 128,
           {HTTPSuccess, 200, "until the end", 1, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\n\r\nquiet now", false, 0, 128,
           {HTTPSuccess, 200, "quiet now", 0, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nraw", false, -1, 128,
           {HTTPSuccess, 200, "raw", 1, 0, 0});
}

/* Interim responses are skipped; the final response is reported from the buffer's start. */
static void test_response_interim_responses_skipped(void)
{
    static const char resp[] = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
                               "Link: </s.css>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2"
                               "\r\nA: b\r\n\r\nok";
    uint8_t buf[256];
    HTTPResponse_t r = {0};
    const char *v;
    size_t vlen;

    EXPECT(resp, false, 0, 256, {HTTPSuccess, 201, "ok", 2, 2, 0});
    QT_EQ(http_test_receive(LIT(resp), &feed_modes[1], false, 0, buf, sizeof(buf), &r),
          HTTPSuccess);
    QT_ASSERT(memcmp(buf, "HTTP/1.1 201", 12) == 0);
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("a"), &v, &vlen), HTTPSuccess);
    QT_ASSERT(vlen == 1 && *v == 'b');
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("Link"), &v, &vlen), HTTPHeaderNotFound);
}

static void test_response_connection_flags(void)
{
    EXPECT("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx", false, 0, 128,
           {HTTPSuccess, 200, "x", 2, 1, HTTP_RESPONSE_CONNECTION_KEEP_ALIVE_FLAG});
    EXPECT("HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 1\r\n\r\nx", false, 0,
           128, {HTTPSuccess, 200, "x", 2, 1, HTTP_RESPONSE_CONNECTION_CLOSE_FLAG});
    EXPECT("HTTP/1.1 200 OK\r\nConnection: closed\r\nContent-Length: 1\r\n\r\nx", false, 0, 128,
           {HTTPSuccess, 200, "x", 2, 1, 0});
}

/* Bytes after a complete response: ignored on a persistent connection; an alert when the
 * server said it closes (they can only be seen when they arrive with the response). */
static void test_response_extraneous_data(void)
{
    static const char close_resp[] = "HTTP/1.1 200 OK\r\nConnection: close\r\n"
                                     "Content-Length: 2\r\n\r\nokEXTRA";
    static const char chunk_resp[] = "HTTP/1.1 200 OK\r\nConnection: close\r\n"
                                     "Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\nX";
    uint8_t buf[256];
    HTTPResponse_t r = {0};

    QT_EQ(http_test_receive(LIT(close_resp), &feed_modes[0], false, 0, buf, sizeof(buf), &r),
          HTTPSecurityAlertExtraneousResponseData);
    QT_EQ(http_test_receive(LIT(chunk_resp), &feed_modes[0], false, 0, buf, sizeof(buf), &r),
          HTTPSecurityAlertExtraneousResponseData);
    QT_EQ(http_test_receive(LIT(close_resp), &feed_modes[1], false, 0, buf, sizeof(buf), &r),
          HTTPSuccess);
    QT_ASSERT(r.bodyLen == 2 && memcmp(r.pBody, "ok", 2) == 0);
    EXPECT("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n", false, 0, 256,
           {HTTPSuccess, 200, "ok", 1, 2, 0});
}

/* The body is cut short: quiet server -> partial; closed -> network error; nothing -> none. */
static void test_response_incomplete(void)
{
    EXPECT("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", false, 0, 128,
           {HTTPPartialResponse, 0, NULL, 0, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", false, -1, 128,
           {HTTPNetworkError, 0, NULL, 0, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", false, 0, 128,
           {HTTPPartialResponse, 0, NULL, 0, 0, 0});
    EXPECT("HTTP/1.1 200 OK\r\nContent-", false, 0, 128, {HTTPPartialResponse, 0, NULL, 0, 0, 0});
    EXPECT("", false, 0, 128, {HTTPNoResponse, 0, NULL, 0, 0, 0});
    EXPECT("", false, -1, 128, {HTTPNetworkError, 0, NULL, 0, 0, 0});
}

/* Every response buffer smaller than the response is refused; the exact size works. */
static void test_response_buffer_exactly_too_small(void)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    const struct expect ok = {HTTPSuccess, 200, "hello", 1, 5, 0};
    const struct expect full = {HTTPInsufficientMemory, 0, NULL, 0, 0, 0};

    for (size_t cap = 1; cap < sizeof(resp) - 1; cap++) {
        expect_all_modes(__LINE__, LIT(resp), false, 0, cap, &full);
    }
    expect_all_modes(__LINE__, LIT(resp), false, 0, sizeof(resp) - 1, &ok);
}

/* A chunked body needs room for headers + decoded body + 1 byte, not for its framing. */
static void test_response_chunked_framing_space_is_reused(void)
{
    static const char head[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    static const char resp[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "1\r\na\r\n1\r\nb\r\n1;x=y\r\nc\r\n2\r\nde\r\n3\r\nfgh\r\n"
                               "1\r\ni\r\n0\r\nT: 1\r\n\r\n";
    const struct expect ok = {HTTPSuccess, 200, "abcdefghi", 1, 0, 0};
    const struct expect full = {HTTPInsufficientMemory, 0, NULL, 0, 0, 0};
    size_t need = sizeof(head) - 1 + 9 + 1;

    expect_all_modes(__LINE__, LIT(resp), false, 0, need, &ok);
    expect_all_modes(__LINE__, LIT(resp), false, 0, need - 1, &full);
    QT_ASSERT(need < sizeof(resp) - 1);
}

struct seen_headers {
    int count;
    uint16_t status;
    char names[8][16];
    char values[8][16];
};

static void on_header(void *ctx, const char *field, size_t flen, const char *value, size_t vlen,
                      uint16_t status)
{
    struct seen_headers *s = ctx;

    if (s->count < 8 && flen < 16 && vlen < 16) {
        memcpy(s->names[s->count], field, flen);
        s->names[s->count][flen] = '\0';
        memcpy(s->values[s->count], value, vlen);
        s->values[s->count][vlen] = '\0';
    }
    s->count++;
    s->status = status;
}

static void test_response_header_callback(void)
{
    static const char resp[] = "HTTP/1.1 404 Not Found\r\nA:1\r\nLong-Name:  two words \t\r\n"
                               "Empty:\r\nContent-Length: 0\r\n\r\n";
    struct seen_headers seen;
    HTTPClient_ResponseHeaderParsingCallback_t cb = {on_header, &seen};

    for (size_t m = 0; m < feed_mode_count; m++) {
        uint8_t buf[256];
        HTTPResponse_t r = {.pHeaderParsingCallback = &cb};
        memset(&seen, 0, sizeof(seen));
        QT_EQ(http_test_receive(LIT(resp), &feed_modes[m], false, 0, buf, sizeof(buf), &r),
              HTTPSuccess);
        QT_EQ(seen.count, 4);
        QT_EQ(seen.status, 404);
        QT_ASSERT(strcmp(seen.names[0], "A") == 0 && strcmp(seen.values[0], "1") == 0);
        QT_ASSERT(strcmp(seen.names[1], "Long-Name") == 0);
        QT_ASSERT(strcmp(seen.values[1], "two words") == 0);
        QT_ASSERT(strcmp(seen.names[2], "Empty") == 0 && seen.values[2][0] == '\0');
        QT_ASSERT(strcmp(seen.names[3], "Content-Length") == 0);
    }
}

static void test_response_status_line_forms(void)
{
    EXPECT("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 200, NULL, 1, 0, 0});
    EXPECT("HTTP/1.1 599 \r\nContent-Length: 0\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 599, NULL, 1, 0, 0});
    EXPECT("HTTP/1.0 100 Weiter mit \xC3\xA4\r\n\r\nHTTP/1.0 200 x\t y\r\n\r\n", false, -1, 128,
           {HTTPSuccess, 200, NULL, 0, 0, 0});
    EXPECT("HTTP/1.9 200 OK\r\nContent-Length: 0\r\n\r\n", false, 0, 128,
           {HTTPSuccess, 200, NULL, 1, 0, 0});
}

/* HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG stops after the headers, body left raw. */
static void test_response_do_not_parse_body(void)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "3\r\nabc\r\n0\r\n\r\n";
    uint8_t buf[256];
    HTTPResponse_t r = {.respOptionFlags = HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG};

    QT_EQ(http_test_receive(LIT(resp), &feed_modes[0], false, 0, buf, sizeof(buf), &r),
          HTTPSuccess);
    QT_EQ(r.bodyLen, strlen("3\r\nabc\r\n0\r\n\r\n"));
    QT_ASSERT(memcmp(r.pBody, "3\r\nabc", 6) == 0);
    QT_EQ(http_test_receive(LIT(resp), &feed_modes[1], false, 0, buf, sizeof(buf), &r),
          HTTPSuccess);
    QT_EQ(r.bodyLen, 0);
    QT_EQ(r.areHeadersComplete, 1);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_response_content_length),
           QTEST_CASE_NO_SCHEDULER(test_response_chunked_is_decoded_in_place),
           QTEST_CASE_NO_SCHEDULER(test_response_without_body),
           QTEST_CASE_NO_SCHEDULER(test_response_body_until_close),
           QTEST_CASE_NO_SCHEDULER(test_response_interim_responses_skipped),
           QTEST_CASE_NO_SCHEDULER(test_response_connection_flags),
           QTEST_CASE_NO_SCHEDULER(test_response_extraneous_data),
           QTEST_CASE_NO_SCHEDULER(test_response_incomplete),
           QTEST_CASE_NO_SCHEDULER(test_response_buffer_exactly_too_small),
           QTEST_CASE_NO_SCHEDULER(test_response_chunked_framing_space_is_reused),
           QTEST_CASE_NO_SCHEDULER(test_response_header_callback),
           QTEST_CASE_NO_SCHEDULER(test_response_status_line_forms),
           QTEST_CASE_NO_SCHEDULER(test_response_do_not_parse_body))
