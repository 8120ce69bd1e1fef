/* SPDX-License-Identifier: MIT */
/*
 * test_http_live.c: the HTTP client against a real nginx on 127.0.0.1, from Quartz tasks on
 * the POSIX port in real-time mode over host sockets, or on a QEMU board over lwIP
 * (test_service.h: there nginx is the guest's 10.0.2.100:80). run_nginx.py starts the
 * server (QUARTZ_HTTP_PORT) and lays out its files (QUARTZ_HTTP_ROOT): GET, HEAD, PUT,
 * a chunked (SSI-composed) page, several requests on one kept-alive connection, a 1 MiB file
 * fetched in ranges and checked byte for byte, a JSON document searched with libs/json.
 * Assertions are on data only, never on durations.
 */
#include "core_http_client.h"
#include "core_json.h"
#include "test_service.h"

#include "qtest.h"
#include "task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_SIZE (1024u * 1024u)
#define RANGE_SIZE (16u * 1024u)
#define LIT(s) (s), (sizeof(s) - 1)

/* nginx: $QUARTZ_HTTP_PORT on the host (run_nginx.py), port 80 on a board (test_service.h). */
static const struct test_service http_server = {"QUARTZ_HTTP_PORT", 80};
static NetworkContext_t net = {-1};
static TransportInterface_t plain, transport; /* the platform's, and it made patient */
static uint8_t req_buf[1024];
static uint8_t resp_buf[128 * 1024];
static uint8_t file_copy[FILE_SIZE];

/* The bytes of /data/1mib.bin (run_nginx.py's pattern()). */
static uint8_t pattern_byte(uint32_t i)
{
    uint32_t h = i * 2654435761u;
    return (uint8_t)((h >> 24) ^ (h >> 13));
}

static uint32_t now_ms(void)
{
    return (uint32_t)(xTaskGetTickCount() * portTICK_PERIOD_MS);
}

/* The transport never blocks; give other tasks the CPU while the server is busy. */
static int32_t patient_recv(NetworkContext_t *ctx, void *buf, size_t n)
{
    int32_t r = plain.recv(ctx, buf, n);
    if (r == 0) {
        vTaskDelay(1);
    }
    return r;
}

static int32_t patient_send(NetworkContext_t *ctx, const void *buf, size_t n)
{
    int32_t r = plain.send(ctx, buf, n);
    if (r == 0) {
        vTaskDelay(1);
    }
    return r;
}

static bool connect_server(void)
{
    if (!test_service_connect(&net, &http_server)) {
        qtest_fail(__FILE__, __LINE__, "cannot connect to nginx");
        return false;
    }
    test_service_interface(&plain, &net);
    transport = (TransportInterface_t){patient_recv, patient_send, NULL, &net};
    return true;
}

static void disconnect_server(void)
{
    test_service_disconnect(&net);
}

/* One request on the open connection; range_start == INT32_MIN means no Range header. */
static HTTPStatus_t request(const char *method, const char *path, uint32_t flags,
                            int32_t range_start, int32_t range_end, const uint8_t *body,
                            size_t body_len, HTTPResponse_t *resp, size_t resp_cap)
{
    HTTPRequestHeaders_t h = {req_buf, sizeof(req_buf), 0};
    HTTPRequestInfo_t info = {method, strlen(method), path, strlen(path), "127.0.0.1", 9, flags};
    HTTPStatus_t st = HTTPClient_InitializeRequestHeaders(&h, &info);

    if (st == HTTPSuccess && range_start != INT32_MIN) {
        st = HTTPClient_AddRangeHeader(&h, range_start, range_end);
    }
    if (st != HTTPSuccess) {
        return st;
    }
    *resp = (HTTPResponse_t){.pBuffer = resp_buf, .bufferLen = resp_cap, .getTime = now_ms};
    return HTTPClient_Send(&transport, &h, body, body_len, resp, 0);
}

static HTTPStatus_t get(const char *path, HTTPResponse_t *resp)
{
    return request(HTTP_METHOD_GET, path, HTTP_REQUEST_KEEP_ALIVE_FLAG, INT32_MIN, 0, NULL, 0, resp,
                   sizeof(resp_buf));
}

static bool header_is(const HTTPResponse_t *r, const char *name, const char *want)
{
    const char *v;
    size_t vlen;

    return HTTPClient_ReadHeader(r, name, strlen(name), &v, &vlen) == HTTPSuccess &&
           vlen == strlen(want) && memcmp(v, want, vlen) == 0;
}

static bool body_is(const HTTPResponse_t *r, const char *want)
{
    return r->bodyLen == strlen(want) && memcmp(r->pBody, want, r->bodyLen) == 0;
}

static void test_HTTPClient_Send_live_get(void)
{
    HTTPResponse_t r;

    if (!connect_server()) {
        return;
    }
    QT_EQ(get("/index.html", &r), HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    QT_ASSERT(body_is(&r, "<p>Hello from nginx</p>\n"));
    QT_EQ(r.contentLength, 24);
    QT_ASSERT(header_is(&r, "content-type", "text/html"));
    QT_ASSERT(r.respFlags & HTTP_RESPONSE_CONNECTION_KEEP_ALIVE_FLAG);

    QT_EQ(get("/no/such/file", &r), HTTPSuccess);
    QT_EQ(r.statusCode, 404);
    QT_ASSERT(r.bodyLen > 0 && r.bodyLen == r.contentLength);
    disconnect_server();
}

/* HEAD reports the length without a body, and leaves the connection ready for more. */
static void test_HTTPClient_Send_live_head(void)
{
    HTTPResponse_t r;

    if (!connect_server()) {
        return;
    }
    QT_EQ(request(HTTP_METHOD_HEAD, "/data/1mib.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG, INT32_MIN, 0,
                  NULL, 0, &r, sizeof(resp_buf)),
          HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    QT_EQ(r.contentLength, FILE_SIZE);
    QT_EQ(r.bodyLen, 0);
    QT_PTR_EQ(r.pBody, NULL);
    QT_EQ(get("/index.html", &r), HTTPSuccess);
    QT_ASSERT(body_is(&r, "<p>Hello from nginx</p>\n"));
    disconnect_server();
}

/* The first body the PUT case sends; the second differs in byte 0. */
static void put_body(uint8_t *body, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        body[k] = (uint8_t)(k * 7u + 3u);
    }
}

/* PUT creates (201) then replaces (204) a file; GET gives it back. */
static void test_HTTPClient_Send_live_put(void)
{
    static uint8_t body[5000];
    HTTPResponse_t r;

    put_body(body, sizeof(body));
    if (!connect_server()) {
        return;
    }
    QT_EQ(request(HTTP_METHOD_PUT, "/upload/dir/put.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG, INT32_MIN,
                  0, body, sizeof(body), &r, sizeof(resp_buf)),
          HTTPSuccess);
    QT_EQ(r.statusCode, 201);
    body[0] ^= 0xFF;
    QT_EQ(request(HTTP_METHOD_PUT, "/upload/dir/put.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG, INT32_MIN,
                  0, body, sizeof(body), &r, sizeof(resp_buf)),
          HTTPSuccess);
    QT_EQ(r.statusCode, 204);
    QT_EQ(get("/upload/dir/put.bin", &r), HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    QT_ASSERT(r.bodyLen == sizeof(body) && memcmp(r.pBody, body, sizeof(body)) == 0);
    disconnect_server();
}

#if !defined(TEST_SERVICE_LWIP)
/* The file the PUT case left is on nginx's disk, byte for byte (on the host: a board has none). */
static void test_HTTPClient_Send_live_put_on_disk(void)
{
    uint8_t body[5000];
    char path[512];
    const char *root = getenv("QUARTZ_HTTP_ROOT");

    put_body(body, sizeof(body));
    body[0] ^= 0xFF;
    snprintf(path, sizeof(path), "%s/upload/dir/put.bin", root ? root : ".");
    FILE *f = fopen(path, "rb");
    QT_ASSERT(f != NULL);
    if (f != NULL) {
        static uint8_t disk[sizeof(body) + 1];
        size_t n = fread(disk, 1, sizeof(disk), f);
        fclose(f);
        QT_ASSERT(n == sizeof(body) && memcmp(disk, body, n) == 0);
    }
}
#endif /* !TEST_SERVICE_LWIP */

/* nginx sends an SSI-composed page chunked: decoded, it is the 3000 lines in order. */
static void test_HTTPClient_Send_live_chunked(void)
{
    HTTPResponse_t r;
    char line[32];
    size_t at = 0;
    bool same = true;

    if (!connect_server()) {
        return;
    }
    QT_EQ(get("/chunked/page.txt", &r), HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    QT_ASSERT(header_is(&r, "Transfer-Encoding", "chunked"));
    QT_EQ(r.contentLength, 0);
    for (int k = 0; k < 3000 && same; k++) {
        int n = snprintf(line, sizeof(line), "chunked line %04d\n", k);
        same = at + (size_t)n <= r.bodyLen && memcmp(&r.pBody[at], line, (size_t)n) == 0;
        at += (size_t)n;
    }
    QT_ASSERT(same);
    QT_EQ(r.bodyLen, at);
    /* The connection is still in step: another request works. */
    QT_EQ(get("/index.html", &r), HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    disconnect_server();
}

/* Many requests, one TCP connection: nginx's $connection number never changes. */
static void test_HTTPClient_Send_live_keep_alive(void)
{
    HTTPResponse_t r;
    char first[16] = "";
    const char *v;
    size_t vlen;

    if (!connect_server()) {
        return;
    }
    for (int k = 0; k < 20; k++) {
        const char *method = (k % 2) ? HTTP_METHOD_HEAD : HTTP_METHOD_GET;
        QT_EQ(request(method, "/index.html", HTTP_REQUEST_KEEP_ALIVE_FLAG, INT32_MIN, 0, NULL, 0,
                      &r, sizeof(resp_buf)),
              HTTPSuccess);
        QT_EQ(r.statusCode, 200);
        QT_EQ(r.bodyLen, (k % 2) ? 0 : 24);
        QT_ASSERT(r.respFlags & HTTP_RESPONSE_CONNECTION_KEEP_ALIVE_FLAG);
        QT_EQ(HTTPClient_ReadHeader(&r, LIT("X-Connection"), &v, &vlen), HTTPSuccess);
        if (k == 0 && vlen < sizeof(first)) {
            memcpy(first, v, vlen);
        }
        QT_ASSERT(vlen == strlen(first) && memcmp(v, first, vlen) == 0);
    }
    disconnect_server();
}

/* A response that says "Connection: close" is flagged so the application closes. */
static void test_HTTPClient_Send_live_connection_close(void)
{
    HTTPRequestHeaders_t h = {req_buf, sizeof(req_buf), 0};
    HTTPRequestInfo_t info = {LIT("GET"), LIT("/index.html"), LIT("127.0.0.1"), 0};
    HTTPResponse_t r = {.pBuffer = resp_buf, .bufferLen = sizeof(resp_buf), .getTime = now_ms};
    uint8_t byte;

    if (!connect_server()) {
        return;
    }
    QT_EQ(HTTPClient_InitializeRequestHeaders(&h, &info), HTTPSuccess);
    QT_EQ(HTTPClient_AddHeader(&h, LIT("Connection"), LIT("close")), HTTPSuccess);
    QT_EQ(HTTPClient_Send(&transport, &h, NULL, 0, &r, 0), HTTPSuccess);
    QT_EQ(r.statusCode, 200);
    QT_ASSERT(r.respFlags & HTTP_RESPONSE_CONNECTION_CLOSE_FLAG);
    /* nginx closes its end: the next read reports it (after a wait). */
    int32_t n;
    TickType_t start = xTaskGetTickCount();
    while ((n = patient_recv(&net, &byte, 1)) == 0 && xTaskGetTickCount() - start < 5000) {
    }
    QT_ASSERT(n < 0);
    disconnect_server();
}

/* 1 MiB in 16 KiB ranges over one connection, then the three Range forms at the tail. */
static void test_HTTPClient_Send_live_range_download(void)
{
    HTTPResponse_t r;
    char want[64];
    uint32_t bad = 0;

    if (!connect_server()) {
        return;
    }
    memset(file_copy, 0, sizeof(file_copy));
    for (uint32_t at = 0; at < FILE_SIZE; at += RANGE_SIZE) {
        HTTPStatus_t st =
            request(HTTP_METHOD_GET, "/data/1mib.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG, (int32_t)at,
                    (int32_t)(at + RANGE_SIZE - 1), NULL, 0, &r, RANGE_SIZE + 1024);
        snprintf(want, sizeof(want), "bytes %lu-%lu/%lu", (unsigned long)at,
                 (unsigned long)(at + RANGE_SIZE - 1), (unsigned long)FILE_SIZE);
        if (st != HTTPSuccess || r.statusCode != 206 || r.bodyLen != RANGE_SIZE ||
            !header_is(&r, "Content-Range", want)) {
            qtest_fail(__FILE__, __LINE__, "range at %lu: %s, status %u, %zu bytes",
                       (unsigned long)at, HTTPClient_strerror(st), (unsigned)r.statusCode,
                       r.bodyLen);
            break;
        }
        memcpy(&file_copy[at], r.pBody, RANGE_SIZE);
    }
    for (uint32_t i = 0; i < FILE_SIZE; i++) {
        bad += (file_copy[i] != pattern_byte(i));
    }
    QT_EQ(bad, 0);

    QT_EQ(request(HTTP_METHOD_GET, "/data/1mib.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG, -100,
                  HTTP_RANGE_REQUEST_END_OF_FILE, NULL, 0, &r, sizeof(resp_buf)),
          HTTPSuccess);
    QT_ASSERT(r.statusCode == 206 && r.bodyLen == 100);
    QT_ASSERT(header_is(&r, "Content-Range", "bytes 1048476-1048575/1048576"));
    QT_ASSERT(r.bodyLen == 100 && memcmp(r.pBody, &file_copy[FILE_SIZE - 100], 100) == 0);
    QT_EQ(request(HTTP_METHOD_GET, "/data/1mib.bin", HTTP_REQUEST_KEEP_ALIVE_FLAG,
                  (int32_t)FILE_SIZE - 10, HTTP_RANGE_REQUEST_END_OF_FILE, NULL, 0, &r,
                  sizeof(resp_buf)),
          HTTPSuccess);
    QT_ASSERT(r.statusCode == 206 && r.bodyLen == 10);
    QT_ASSERT(r.bodyLen == 10 && memcmp(r.pBody, &file_copy[FILE_SIZE - 10], 10) == 0);
    disconnect_server();
}

/* The two libraries together: fetch a JSON document and search it in place. */
static void test_HTTPClient_Send_live_json_document(void)
{
    HTTPResponse_t r;
    const char *value;
    size_t vlen;
    JSONTypes_t type;

    if (!connect_server()) {
        return;
    }
    QT_EQ(get("/data.json", &r), HTTPSuccess);
    QT_ASSERT(header_is(&r, "Content-Type", "application/json"));
    QT_EQ(JSON_Validate((const char *)r.pBody, r.bodyLen), JSONSuccess);
    QT_EQ(
        JSON_SearchConst((const char *)r.pBody, r.bodyLen, LIT("device.id"), &value, &vlen, &type),
        JSONSuccess);
    QT_ASSERT(type == JSONString && vlen == 9 && memcmp(value, "quartz-01", 9) == 0);
    QT_EQ(JSON_SearchConst((const char *)r.pBody, r.bodyLen, LIT("device.sensors[1].t"), &value,
                           &vlen, &type),
          JSONSuccess);
    QT_ASSERT(type == JSONNumber && vlen == 5 && memcmp(value, "22.25", 5) == 0);
    disconnect_server();
}

/* A response larger than the buffer is refused with HTTPInsufficientMemory. */
static void test_HTTPClient_Send_live_response_too_large(void)
{
    HTTPResponse_t r;

    if (!connect_server()) {
        return;
    }
    QT_EQ(request(HTTP_METHOD_GET, "/data/1mib.bin", 0, INT32_MIN, 0, NULL, 0, &r, 4096),
          HTTPInsufficientMemory);
    disconnect_server(); /* the rest of the body is still in flight: this connection is done */
}

TEST_SERVICE_MAIN(QTEST_CASE(test_HTTPClient_Send_live_get),
                  QTEST_CASE(test_HTTPClient_Send_live_head),
                  QTEST_CASE(test_HTTPClient_Send_live_put),
#if !defined(TEST_SERVICE_LWIP)
                  QTEST_CASE(test_HTTPClient_Send_live_put_on_disk),
#endif /* !TEST_SERVICE_LWIP */
                  QTEST_CASE(test_HTTPClient_Send_live_chunked),
                  QTEST_CASE(test_HTTPClient_Send_live_keep_alive),
                  QTEST_CASE(test_HTTPClient_Send_live_connection_close),
                  QTEST_CASE(test_HTTPClient_Send_live_range_download),
                  QTEST_CASE(test_HTTPClient_Send_live_json_document),
                  QTEST_CASE(test_HTTPClient_Send_live_response_too_large))
