/* SPDX-License-Identifier: MIT */
/*
 * test_http_request.c: building requests — HTTPClient_InitializeRequestHeaders,
 * HTTPClient_AddHeader, HTTPClient_AddRangeHeader (byte for byte), the Content-Length
 * HTTPClient_SendHttpHeaders adds, buffers exactly too small, and HTTPClient_strerror.
 */
#include "http_test_util.h"
#include "qtest.h"

#include <string.h>

static uint8_t buf[512];

static HTTPRequestInfo_t get_info(uint32_t flags)
{
    HTTPRequestInfo_t info = {
        .pMethod = HTTP_METHOD_GET,
        .methodLen = 3,
        .pPath = "/a/b.txt",
        .pathLen = 8,
        .pHost = "example.org",
        .hostLen = 11,
        .reqFlags = flags,
    };
    return info;
}

static void expect_headers(int line, const HTTPRequestHeaders_t *h, const char *want)
{
    if (h->headersLen != strlen(want) || memcmp(h->pBuffer, want, h->headersLen) != 0) {
        qtest_fail(__FILE__, line, "headers \"%.*s\", expected \"%s\"", (int)h->headersLen,
                   (const char *)h->pBuffer, want);
    }
}
#define EXPECT_HEADERS(h, want) expect_headers(__LINE__, h, want)

static void test_HTTPClient_InitializeRequestHeaders_writes_request_line_and_host(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(0);

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    EXPECT_HEADERS(&h, "GET /a/b.txt HTTP/1.1\r\nUser-Agent: " HTTP_USER_AGENT_VALUE
                       "\r\nHost: example.org\r\n\r\n");
}

static void test_HTTPClient_InitializeRequestHeaders_flags(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info =
        get_info(HTTP_REQUEST_KEEP_ALIVE_FLAG | HTTP_REQUEST_NO_USER_AGENT_FLAG);

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    EXPECT_HEADERS(&h, "GET /a/b.txt HTTP/1.1\r\nHost: example.org\r\n"
                       "Connection: keep-alive\r\n\r\n");
}

/* No path (NULL or empty) requests "/". */
static void test_HTTPClient_InitializeRequestHeaders_default_path(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(HTTP_REQUEST_NO_USER_AGENT_FLAG);

    info.pPath = NULL;
    info.pathLen = 0;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    EXPECT_HEADERS(&h, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
    info.pPath = "";
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    EXPECT_HEADERS(&h, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
}

/* Every buffer size short of the headers fails without writing past it; the exact size fits. */
static void test_HTTPClient_InitializeRequestHeaders_exact_buffer_size(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(HTTP_REQUEST_KEEP_ALIVE_FLAG);
    size_t need;

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    need = h.headersLen;
    for (size_t cap = 0; cap < need; cap++) {
        memset(buf, 0xA5, sizeof(buf));
        h = (HTTPRequestHeaders_t){buf, cap, 77};
        QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPInsufficientMemory);
        QT_EQ(h.headersLen, 0);
        QT_EQ(buf[cap], 0xA5);
    }
    h = (HTTPRequestHeaders_t){buf, need, 0};
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    QT_EQ(h.headersLen, need);
}

static void test_HTTPClient_AddHeader_replaces_final_blank_line(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(HTTP_REQUEST_NO_USER_AGENT_FLAG);

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("Accept"), LIT("application/json")), HTTPSuccess);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("X-Time"), LIT("12:30:00")), HTTPSuccess);
    EXPECT_HEADERS(&h, "GET /a/b.txt HTTP/1.1\r\nHost: example.org\r\n"
                       "Accept: application/json\r\nX-Time: 12:30:00\r\n\r\n");
}

/* On an empty buffer (not initialised) the header is just appended with a blank line. */
static void test_HTTPClient_AddHeader_on_empty_buffer(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};

    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), LIT("b")), HTTPSuccess);
    EXPECT_HEADERS(&h, "A: b\r\n\r\n");
}

static void test_HTTPClient_AddHeader_insufficient_memory_changes_nothing(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(HTTP_REQUEST_NO_USER_AGENT_FLAG);
    size_t before;

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    before = h.headersLen;
    /* The line needs 2 + 2 + 1 + 1 more bytes than the blank line it replaces. */
    h.bufferLen = before + strlen("Name: v\r\n") - 1;
    QT_EQ(HTTPClient_AddHeader(&h, LIT("Name"), LIT("v")), HTTPInsufficientMemory);
    QT_EQ(h.headersLen, before);
    QT_ASSERT(memcmp(&buf[before - 4], "\r\n\r\n", 4) == 0);
    h.bufferLen++;
    QT_EQ(HTTPClient_AddHeader(&h, LIT("Name"), LIT("v")), HTTPSuccess);
    QT_EQ(h.headersLen, h.bufferLen);
}

static void test_HTTPClient_AddRangeHeader_three_forms(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};

    QT_EQ(HTTPClient_AddRangeHeader(&h, 0, 1023), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=0-1023\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, 256, HTTP_RANGE_REQUEST_END_OF_FILE), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=256-\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, -512, HTTP_RANGE_REQUEST_END_OF_FILE), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=-512\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, 0, HTTP_RANGE_REQUEST_END_OF_FILE), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=0-\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, 7, 7), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=7-7\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, INT32_MAX, INT32_MAX), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=2147483647-2147483647\r\n\r\n");
    h.headersLen = 0;
    QT_EQ(HTTPClient_AddRangeHeader(&h, -INT32_MAX, HTTP_RANGE_REQUEST_END_OF_FILE), HTTPSuccess);
    EXPECT_HEADERS(&h, "Range: bytes=-2147483647\r\n\r\n");
}

static void test_HTTPClient_AddRangeHeader_invalid_combinations(void)
{
    static const int32_t bad[][2] = {
        {10, 9},        {-1, 5}, {-5, -2}, {0, -2}, {INT32_MIN, HTTP_RANGE_REQUEST_END_OF_FILE},
        {5, INT32_MIN}, {-1, 0},
    };
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};

    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        if (HTTPClient_AddRangeHeader(&h, bad[k][0], bad[k][1]) != HTTPInvalidParameter) {
            qtest_fail(__FILE__, __LINE__, "range %ld, %ld accepted", (long)bad[k][0],
                       (long)bad[k][1]);
        }
    }
    QT_EQ(h.headersLen, 0);
    h.bufferLen = 10;
    QT_EQ(HTTPClient_AddRangeHeader(&h, 0, 1), HTTPInsufficientMemory);
}

/* SendHttpHeaders adds Content-Length for a body unless told not to. */
static void test_HTTPClient_SendHttpHeaders_adds_content_length(void)
{
    static uint8_t sent[512];
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(HTTP_REQUEST_NO_USER_AGENT_FLAG);
    NetworkContext_t ctx;
    TransportInterface_t t;

    info.pMethod = HTTP_METHOD_PUT;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    mem_transport_init(&ctx, &t, NULL, 0);
    ctx.out = sent;
    ctx.out_cap = sizeof(sent);
    QT_EQ(HTTPClient_SendHttpHeaders(&t, NULL, &h, 4294967295u, 0), HTTPSuccess);
    static const char want[] = "PUT /a/b.txt HTTP/1.1\r\nHost: example.org\r\n"
                               "Content-Length: 4294967295\r\n\r\n";
    QT_EQ(ctx.out_len, sizeof(want) - 1);
    QT_ASSERT(memcmp(sent, want, sizeof(want) - 1) == 0);

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    size_t base = h.headersLen;
    ctx.out_len = 0;
    QT_EQ(HTTPClient_SendHttpHeaders(&t, NULL, &h, 10, HTTP_SEND_DISABLE_CONTENT_LENGTH_FLAG),
          HTTPSuccess);
    QT_EQ(h.headersLen, base);
    QT_EQ(ctx.out_len, base);
    ctx.out_len = 0;
    QT_EQ(HTTPClient_SendHttpHeaders(&t, NULL, &h, 0, 0), HTTPSuccess); /* no body, no header */
    QT_EQ(ctx.out_len, h.headersLen);
}

/* HTTP_MAX_CONTENT_LENGTH_HEADER_LENGTH + 2 bytes of room is always enough. */
static void test_HTTPClient_SendHttpHeaders_content_length_room(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestInfo_t info = get_info(0);
    NetworkContext_t ctx;
    TransportInterface_t t;
    size_t base;

    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    base = h.headersLen;
    mem_transport_init(&ctx, &t, NULL, 0);
    h.bufferLen = base + HTTP_MAX_CONTENT_LENGTH_HEADER_LENGTH + 1;
    QT_EQ(HTTPClient_SendHttpHeaders(&t, NULL, &h, 4294967295u, 0), HTTPInsufficientMemory);
    QT_EQ(h.headersLen, base);
    QT_EQ(ctx.out_len, 0);
    h.bufferLen++;
    QT_EQ(HTTPClient_SendHttpHeaders(&t, NULL, &h, 4294967295u, 0), HTTPSuccess);
    QT_EQ(ctx.out_len, h.bufferLen);
}

static void test_HTTPClient_strerror_names(void)
{
    QT_ASSERT(strcmp(HTTPClient_strerror(HTTPSuccess), "HTTPSuccess") == 0);
    QT_ASSERT(strcmp(HTTPClient_strerror(HTTPInvalidResponse), "HTTPInvalidResponse") == 0);
    QT_ASSERT(strcmp(HTTPClient_strerror(HTTPSecurityAlertInvalidChunkHeader),
                     "HTTPSecurityAlertInvalidChunkHeader") == 0);
    QT_ASSERT(strcmp(HTTPClient_strerror((HTTPStatus_t)99), "HTTPInvalidStatus") == 0);
    for (int s = HTTPSuccess; s <= HTTPInvalidResponse; s++) {
        QT_ASSERT(strncmp(HTTPClient_strerror((HTTPStatus_t)s), "HTTP", 4) == 0);
    }
}

static void test_HTTPClient_AddHeader_rejects_injection(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};

    QT_EQ(HTTPClient_AddHeader(&h, LIT("A\r\nB"), LIT("v")), HTTPSecurityAlertInvalidCharacter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A:B"), LIT("v")), HTTPSecurityAlertInvalidCharacter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), LIT("v\nX-Evil: 1")),
          HTTPSecurityAlertInvalidCharacter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), LIT("v\r")), HTTPSecurityAlertInvalidCharacter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), LIT("http://x:80")), HTTPSuccess);
}

static void test_request_functions_bad_parameters(void)
{
    HTTPRequestHeaders_t h = {buf, sizeof(buf), 0};
    HTTPRequestHeaders_t nobuf = {NULL, 10, 0};
    HTTPRequestInfo_t info = get_info(0);
    HTTPRequestInfo_t bad;

    QT_EQ(HTTPClient_InitializeRequestHeaders(NULL, &info), HTTPInvalidParameter);
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, NULL), HTTPInvalidParameter);
    QT_EQ(HTTPClient_InitializeRequestHeaders(&nobuf, &info), HTTPInvalidParameter);
    bad = info;
    bad.pMethod = NULL;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);
    bad = info;
    bad.methodLen = 0;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);
    bad = info;
    bad.pHost = NULL;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);
    bad = info;
    bad.hostLen = 0;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);
    bad = info;
    bad.pPath = "/a b";
    bad.pathLen = 4;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);
    bad = info;
    bad.pHost = "x\r\nEvil: 1";
    bad.hostLen = 10;
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &bad), HTTPInvalidParameter);

    QT_EQ(HTTPClient_AddHeader(NULL, LIT("A"), LIT("b")), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddHeader(&nobuf, LIT("A"), LIT("b")), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddHeader(&h, NULL, 1, LIT("b")), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), NULL, 1), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddHeader(&h, "A", 0, LIT("b")), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), "b", 0), HTTPInvalidParameter);
    h.headersLen = h.bufferLen + 1;
    QT_EQ(HTTPClient_AddHeader(&h, LIT("A"), LIT("b")), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddRangeHeader(&h, 0, 1), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddRangeHeader(NULL, 0, 1), HTTPInvalidParameter);
    QT_EQ(HTTPClient_AddRangeHeader(&nobuf, 0, 1), HTTPInvalidParameter);
}

QTEST_MAIN(
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_InitializeRequestHeaders_writes_request_line_and_host),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_InitializeRequestHeaders_flags),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_InitializeRequestHeaders_default_path),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_InitializeRequestHeaders_exact_buffer_size),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddHeader_replaces_final_blank_line),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddHeader_on_empty_buffer),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddHeader_insufficient_memory_changes_nothing),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddRangeHeader_three_forms),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddRangeHeader_invalid_combinations),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_SendHttpHeaders_adds_content_length),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_SendHttpHeaders_content_length_room),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_strerror_names),
    QTEST_CASE_NO_SCHEDULER(test_HTTPClient_AddHeader_rejects_injection),
    QTEST_CASE_NO_SCHEDULER(test_request_functions_bad_parameters))
