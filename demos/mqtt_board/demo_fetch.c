/* SPDX-License-Identifier: MIT */
/*
 * demo_fetch.c: demo_fetch (see demo_fetch.h). Each part is one GET with a Range header on the
 * same connection; the first answer's Content-Range ("bytes 0-N/TOTAL") gives the length. The
 * transport never blocks: when it has nothing, the task sleeps a tick instead of spinning.
 */
#include "demo_fetch.h"

#include "FreeRTOS.h"
#include "task.h"

#include "board_net.h"
#include "core_http_client.h"
#include "transport_lwip.h"

#include <stdlib.h>
#include <string.h>

#define PART_BYTES (16u * 1024u)

static NetworkContext_t net = {-1};
static TransportInterface_t plain;
static uint8_t header_buf[512];
static uint8_t response_buf[PART_BYTES + 1024u];

static uint32_t now_ms(void)
{
    return (uint32_t)(xTaskGetTickCount() * portTICK_PERIOD_MS);
}

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

/* CRC-32 (reflected, polynomial 0xEDB88320), continued from crc over n more bytes. */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n-- > 0) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

/* The TOTAL of a "bytes FIRST-LAST/TOTAL" Content-Range, or 0. */
static uint32_t range_total(const HTTPResponse_t *r)
{
    const char *v;
    size_t len;
    char text[48];
    const char *slash;

    if (HTTPClient_ReadHeader(r, "Content-Range", 13, &v, &len) != HTTPSuccess ||
        len >= sizeof(text)) {
        return 0;
    }
    memcpy(text, v, len);
    text[len] = '\0';
    slash = strchr(text, '/');
    return slash != NULL ? (uint32_t)strtoul(slash + 1, NULL, 10) : 0;
}

/* GETs bytes [at, at + PART_BYTES) into *r; 0 on a 206 answer. */
static int get_part(const TransportInterface_t *t, const char *path, uint32_t at, HTTPResponse_t *r)
{
    HTTPRequestHeaders_t h = {header_buf, sizeof(header_buf), 0};
    HTTPRequestInfo_t info = {HTTP_METHOD_GET,
                              3,
                              path,
                              strlen(path),
                              BOARD_NET_HOST,
                              strlen(BOARD_NET_HOST),
                              HTTP_REQUEST_KEEP_ALIVE_FLAG};

    if (HTTPClient_InitializeRequestHeaders(&h, &info) != HTTPSuccess ||
        HTTPClient_AddRangeHeader(&h, (int32_t)at, (int32_t)(at + PART_BYTES - 1u)) !=
            HTTPSuccess) {
        return -1;
    }
    *r = (HTTPResponse_t){
        .pBuffer = response_buf, .bufferLen = sizeof(response_buf), .getTime = now_ms};
    if (HTTPClient_Send(t, &h, NULL, 0, r, 0) != HTTPSuccess || r->statusCode != 206) {
        return -1;
    }
    return 0;
}

int demo_fetch(uint16_t port, const char *path, struct fetch_result *out)
{
    TransportInterface_t t;
    HTTPResponse_t r;
    uint32_t total = 1; /* until the first answer says */
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (transport_lwip_connect(&net, BOARD_NET_HOST, port, pdMS_TO_TICKS(5000)) !=
        TRANSPORT_LWIP_SUCCESS) {
        return -1;
    }
    transport_lwip_interface(&plain, &net);
    t = (TransportInterface_t){patient_recv, patient_send, NULL, &net};
    while (rc == 0 && out->bytes < total) {
        rc = get_part(&t, path, out->bytes, &r);
        if (rc == 0 && out->parts == 0) {
            total = range_total(&r);
        }
        if (rc == 0 && (r.bodyLen == 0 || out->bytes + r.bodyLen > total)) {
            rc = -1; /* no progress, or more than the file holds */
        }
        if (rc == 0) {
            out->crc32 = crc32_update(out->crc32, r.pBody, r.bodyLen);
            out->bytes += (uint32_t)r.bodyLen;
            out->parts++;
        }
    }
    transport_lwip_disconnect(&net);
    return rc;
}
