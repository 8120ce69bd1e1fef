/* SPDX-License-Identifier: MIT */
/*
 * test_http_send.c: HTTPClient_Send end to end over the in-memory transport — what goes on
 * the wire, partial sends, transports that make no progress (with and without a clock),
 * transport errors, one buffer shared by request and response, HTTPClient_ReadHeader, and
 * parameter checks.
 */
#include "http_test_util.h"
#include "qtest.h"

#include <string.h>

static uint8_t req_buf[256];
static uint8_t resp_buf[512];
static uint8_t wire[1024];

static const char ok_resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                              "X-Empty:   \r\nx-dup: first\r\nX-Dup: second\r\n"
                              "Content-Length: 3\r\n\r\nabc";

struct fixture {
    NetworkContext_t ctx;
    TransportInterface_t t;
    HTTPRequestHeaders_t req;
    HTTPResponse_t resp;
};

/* A PUT request ready to send, a transport that will answer `answer`. */
static void setup(struct fixture *f, const char *answer)
{
    HTTPRequestInfo_t info = {.pMethod = HTTP_METHOD_PUT,
                              .methodLen = 3,
                              .pPath = "/u",
                              .pathLen = 2,
                              .pHost = "h",
                              .hostLen = 1,
                              .reqFlags = HTTP_REQUEST_NO_USER_AGENT_FLAG};

    memset(f, 0, sizeof(*f));
    f->req = (HTTPRequestHeaders_t){req_buf, sizeof(req_buf), 0};
    QT_EQ(HTTPClient_InitializeRequestHeaders(&f->req, &info), HTTPSuccess);
    mem_transport_init(&f->ctx, &f->t, answer, strlen(answer));
    f->ctx.out = wire;
    f->ctx.out_cap = sizeof(wire);
    f->resp = (HTTPResponse_t){
        .pBuffer = resp_buf, .bufferLen = sizeof(resp_buf), .getTime = mem_transport_clock};
}

static void test_HTTPClient_Send_puts_headers_then_body(void)
{
    static const uint8_t body[] = "payload";
    static const char want[] = "PUT /u HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\n\r\npayload";
    struct fixture f;

    setup(&f, ok_resp);
    f.ctx.send_step = 3; /* the transport takes 3 bytes at a time */
    QT_EQ(HTTPClient_Send(&f.t, &f.req, body, 7, &f.resp, 0), HTTPSuccess);
    QT_EQ(f.ctx.out_len, sizeof(want) - 1);
    QT_ASSERT(memcmp(wire, want, sizeof(want) - 1) == 0);
    QT_EQ(f.resp.statusCode, 200);
    QT_ASSERT(f.resp.bodyLen == 3 && memcmp(f.resp.pBody, "abc", 3) == 0);
}

/* Sends of 0 bytes are retried while the clock allows; without a clock they fail at once. */
static void test_HTTPClient_Send_zero_byte_sends(void)
{
    struct fixture f;

    setup(&f, ok_resp);
    f.ctx.send_zeros = HTTP_SEND_RETRY_TIMEOUT_MS / 2;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPSuccess);

    setup(&f, ok_resp);
    f.ctx.send_zeros = 1000;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNetworkError);
    QT_EQ(f.ctx.out_len, 0);

    setup(&f, ok_resp);
    f.ctx.send_zeros = 1;
    f.resp.getTime = NULL;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNetworkError);
}

static void test_HTTPClient_Send_transport_errors(void)
{
    struct fixture f;

    setup(&f, ok_resp);
    f.ctx.send_error = -1;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNetworkError);

    setup(&f, ok_resp);
    f.ctx.recv_error = -5;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNetworkError);

    /* A receive that keeps saying "nothing yet" ends in HTTPNoResponse once time is up. */
    setup(&f, "");
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNoResponse);
    QT_ASSERT(f.ctx.recv_calls > 1);
    setup(&f, "");
    f.resp.getTime = NULL;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPNoResponse);
    QT_EQ(f.ctx.recv_calls, 1);
}

/* Gaps shorter than the receive timeout are waited out. */
static void test_HTTPClient_Send_waits_through_gaps(void)
{
    struct fixture f;

    setup(&f, ok_resp);
    f.ctx.step = 5;
    f.ctx.zero_every = 2;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPSuccess);
    QT_EQ(f.resp.bodyLen, 3);
    /* Without a clock the first gap ends the response: what arrived is partial. */
    setup(&f, ok_resp);
    f.ctx.step = 5;
    f.ctx.zero_every = 2;
    f.resp.getTime = NULL;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPPartialResponse);
}

/* The request is sent before the response overwrites the shared buffer. */
static void test_HTTPClient_Send_request_and_response_share_a_buffer(void)
{
    static const char want[] = "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n";
    static uint8_t shared[256];
    HTTPRequestInfo_t info = {.pMethod = HTTP_METHOD_HEAD,
                              .methodLen = 4,
                              .pHost = "h",
                              .hostLen = 1,
                              .reqFlags = HTTP_REQUEST_NO_USER_AGENT_FLAG};
    struct fixture f;

    setup(&f, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
    f.req = (HTTPRequestHeaders_t){shared, sizeof(shared), 0};
    QT_EQ(HTTPClient_InitializeRequestHeaders(&f.req, &info), HTTPSuccess);
    f.resp.pBuffer = shared;
    f.resp.bufferLen = sizeof(shared);
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPSuccess);
    QT_ASSERT(f.ctx.out_len == sizeof(want) - 1 && memcmp(wire, want, sizeof(want) - 1) == 0);
    QT_EQ(f.resp.contentLength, 100);
    QT_EQ(f.resp.bodyLen, 0); /* a HEAD response: no body expected */
}

static void test_HTTPClient_ReadHeader_finds_values(void)
{
    struct fixture f;
    const char *v;
    size_t vlen;

    setup(&f, ok_resp);
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &f.resp, 0), HTTPSuccess);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("content-type"), &v, &vlen), HTTPSuccess);
    QT_ASSERT(vlen == 10 && memcmp(v, "text/plain", 10) == 0);
    QT_ASSERT((const uint8_t *)v > resp_buf && (const uint8_t *)v < resp_buf + sizeof(resp_buf));
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("X-DUP"), &v, &vlen), HTTPSuccess);
    QT_ASSERT(vlen == 5 && memcmp(v, "first", 5) == 0);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("X-Empty"), &v, &vlen), HTTPSuccess);
    QT_ASSERT(v == NULL && vlen == 0);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("Content"), &v, &vlen), HTTPHeaderNotFound);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("abc"), &v, &vlen), HTTPHeaderNotFound);
}

static void test_HTTPClient_ReadHeader_invalid_response(void)
{
    static uint8_t junk[] = "HTTP/1.1 200 OK\r\nA: b\r\n";
    static uint8_t bad[] = "HTXP/1.1 200 OK\r\n\r\n";
    static uint8_t bad_header[] = "HTTP/1.1 200 OK\r\nA b\r\nC: d\r\n\r\n";
    HTTPResponse_t r = {.pBuffer = junk, .bufferLen = sizeof(junk) - 1};
    const char *v;
    size_t vlen;

    /* A header before the section is complete is still found; a missing one is not. */
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("A"), &v, &vlen), HTTPSuccess);
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("C"), &v, &vlen), HTTPInvalidResponse);
    r.pBuffer = bad;
    r.bufferLen = sizeof(bad) - 1;
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("A"), &v, &vlen), HTTPInvalidResponse);
    r.pBuffer = bad_header;
    r.bufferLen = sizeof(bad_header) - 1;
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("C"), &v, &vlen), HTTPInvalidResponse);
    r.bufferLen = 10;
    QT_EQ(HTTPClient_ReadHeader(&r, LIT("C"), &v, &vlen), HTTPInvalidResponse);
}

static void test_HTTPClient_Send_bad_parameters(void)
{
    struct fixture f;
    TransportInterface_t no_send, no_recv;
    HTTPRequestHeaders_t req;
    HTTPResponse_t resp;
    const char *v;
    size_t vlen;

    setup(&f, ok_resp);
    no_send = f.t;
    no_send.send = NULL;
    no_recv = f.t;
    no_recv.recv = NULL;
    QT_EQ(HTTPClient_Send(NULL, &f.req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_Send(&no_send, &f.req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_Send(&no_recv, &f.req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_Send(&f.t, NULL, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 5, &f.resp, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, NULL, 0), HTTPInvalidParameter);
    req = f.req;
    req.pBuffer = NULL;
    QT_EQ(HTTPClient_Send(&f.t, &req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    req = f.req;
    req.headersLen = 0;
    QT_EQ(HTTPClient_Send(&f.t, &req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    req = f.req;
    req.headersLen = req.bufferLen + 1;
    QT_EQ(HTTPClient_Send(&f.t, &req, NULL, 0, &f.resp, 0), HTTPInvalidParameter);
    resp = f.resp;
    resp.pBuffer = NULL;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &resp, 0), HTTPInvalidParameter);
    resp = f.resp;
    resp.bufferLen = 0;
    QT_EQ(HTTPClient_Send(&f.t, &f.req, NULL, 0, &resp, 0), HTTPInvalidParameter);
    QT_EQ(f.ctx.out_len, 0); /* nothing was sent by any of these */

    QT_EQ(HTTPClient_SendHttpHeaders(NULL, NULL, &f.req, 0, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_SendHttpHeaders(&f.t, NULL, NULL, 0, 0), HTTPInvalidParameter);
    QT_EQ(HTTPClient_SendHttpData(NULL, NULL, (const uint8_t *)"x", 1), HTTPInvalidParameter);
    QT_EQ(HTTPClient_SendHttpData(&f.t, NULL, NULL, 1), HTTPInvalidParameter);
    QT_EQ(HTTPClient_SendHttpData(&f.t, NULL, NULL, 0), HTTPSuccess);
    QT_EQ(HTTPClient_ReceiveAndParseHttpResponse(NULL, &f.resp, &f.req), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReceiveAndParseHttpResponse(&f.t, NULL, &f.req), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReceiveAndParseHttpResponse(&f.t, &f.resp, NULL), HTTPInvalidParameter);

    QT_EQ(HTTPClient_ReadHeader(NULL, LIT("A"), &v, &vlen), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReadHeader(&resp, LIT("A"), &v, &vlen), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, NULL, 1, &v, &vlen), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, "A", 0, &v, &vlen), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("A"), NULL, &vlen), HTTPInvalidParameter);
    QT_EQ(HTTPClient_ReadHeader(&f.resp, LIT("A"), &v, NULL), HTTPInvalidParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_puts_headers_then_body),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_zero_byte_sends),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_transport_errors),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_waits_through_gaps),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_request_and_response_share_a_buffer),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_ReadHeader_finds_values),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_ReadHeader_invalid_response),
           QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_bad_parameters))
