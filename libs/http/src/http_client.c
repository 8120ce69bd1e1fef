/* SPDX-License-Identifier: MIT */
/*
 * http_client.c: sending requests and receiving responses through a TransportInterface_t
 * (HTTPClient_Send and its parts), and HTTPClient_ReadHeader.
 *
 * Transport calls may move fewer bytes than asked, or none for now (0). With a clock
 * (getTime) the client keeps retrying until HTTP_SEND_RETRY_TIMEOUT_MS /
 * HTTP_RECV_RETRY_TIMEOUT_MS pass without progress; without one, 0 ends the attempt at
 * once. The loops never wait themselves: a transport that must not spin the CPU waits
 * inside recv/send (on the POSIX port, e.g. with vTaskDelay) before returning 0.
 */
#include "http_internal.h"

#include <string.h>

static bool transport_valid(const TransportInterface_t *t)
{
    return t != NULL && t->send != NULL && t->recv != NULL;
}

static bool request_headers_valid(const HTTPRequestHeaders_t *h)
{
    return h != NULL && h->pBuffer != NULL && h->headersLen != 0 && h->headersLen <= h->bufferLen;
}

static bool response_valid(const HTTPResponse_t *r)
{
    return r != NULL && r->pBuffer != NULL && r->bufferLen != 0;
}

/* Milliseconds since `since` on the caller's clock; 0 when there is no clock. */
static uint32_t now_ms(HTTPClient_GetCurrentTimeFunc_t clock)
{
    return (clock != NULL) ? clock() : 0u;
}

static HTTPStatus_t send_all(const TransportInterface_t *t, HTTPClient_GetCurrentTimeFunc_t clock,
                             const uint8_t *data, size_t len)
{
    size_t sent = 0;
    uint32_t last = now_ms(clock);

    while (sent < len) {
        int32_t n = t->send(t->pNetworkContext, &data[sent], len - sent);
        if (n < 0 || (size_t)n > len - sent) {
            LogError(("HTTP: transport send failed (%ld)", (long)n));
            return HTTPNetworkError;
        }
        if (n > 0) {
            sent += (size_t)n;
            last = now_ms(clock);
        } else if (clock == NULL || (uint32_t)(clock() - last) >= HTTP_SEND_RETRY_TIMEOUT_MS) {
            LogError(("HTTP: transport accepted nothing for too long"));
            return HTTPNetworkError;
        }
    }
    return HTTPSuccess;
}

/* Whether a length needs more than 32 bits: a function, so that on a 32-bit target the
 * size_t comparison is not a constant (-Wtype-limits). */
static bool beyond_u32(uint64_t length)
{
    return length > UINT32_MAX;
}

HTTPStatus_t HTTPClient_SendHttpHeaders(const TransportInterface_t *pTransport,
                                        HTTPClient_GetCurrentTimeFunc_t getTimestampMs,
                                        HTTPRequestHeaders_t *pRequestHeaders, size_t reqBodyLen,
                                        uint32_t sendFlags)
{
    HTTPStatus_t st;

    if (!transport_valid(pTransport) || !request_headers_valid(pRequestHeaders) ||
        beyond_u32(reqBodyLen)) {
        return HTTPInvalidParameter;
    }
    if (reqBodyLen > 0 && (sendFlags & HTTP_SEND_DISABLE_CONTENT_LENGTH_FLAG) == 0) {
        st = http_add_content_length(pRequestHeaders, reqBodyLen);
        if (st != HTTPSuccess) {
            LogError(("HTTP: no room for Content-Length in the request headers"));
            return st;
        }
    }
    return send_all(pTransport, getTimestampMs, pRequestHeaders->pBuffer,
                    pRequestHeaders->headersLen);
}

HTTPStatus_t HTTPClient_SendHttpData(const TransportInterface_t *pTransport,
                                     HTTPClient_GetCurrentTimeFunc_t getTimestampMs,
                                     const uint8_t *pData, size_t dataLen)
{
    if (!transport_valid(pTransport) || (pData == NULL && dataLen != 0)) {
        return HTTPInvalidParameter;
    }
    return send_all(pTransport, getTimestampMs, pData, dataLen);
}

/* Read and parse until the response is complete, fails, or stops arriving. */
static HTTPStatus_t receive(const TransportInterface_t *t, HTTPClient_GetCurrentTimeFunc_t clock,
                            struct http_parser *p)
{
    HTTPStatus_t st = HTTPSuccess;
    uint32_t last = now_ms(clock);
    size_t total = 0;

    while (st == HTTPSuccess && p->phase != HTTP_PHASE_DONE) {
        if (p->fill == p->cap) {
            LogError(("HTTP: the response does not fit in %zu bytes", p->cap));
            return HTTPInsufficientMemory;
        }
        int32_t n = t->recv(t->pNetworkContext, &p->buf[p->fill], p->cap - p->fill);
        if (n < 0 || (size_t)n > p->cap - p->fill) {
            /* The server closing is how a body without a length ends. */
            bool ended = (n < 0 && total > 0 && http_parser_finish(p) == HTTPSuccess);
            return ended ? HTTPSuccess : HTTPNetworkError;
        }
        if (n == 0) {
            if (clock != NULL && (uint32_t)(clock() - last) < HTTP_RECV_RETRY_TIMEOUT_MS) {
                continue;
            }
            return (total == 0) ? HTTPNoResponse : http_parser_finish(p);
        }
        p->fill += (size_t)n;
        total += (size_t)n;
        last = now_ms(clock);
        st = http_parser_feed(p);
    }
    return st;
}

static void clear_response_outputs(HTTPResponse_t *r)
{
    r->pHeaders = NULL;
    r->headersLen = 0;
    r->pBody = NULL;
    r->bodyLen = 0;
    r->statusCode = 0;
    r->contentLength = 0;
    r->headerCount = 0;
    r->areHeadersComplete = 0;
    r->respFlags = 0;
}

HTTPStatus_t HTTPClient_ReceiveAndParseHttpResponse(const TransportInterface_t *pTransport,
                                                    HTTPResponse_t *pResponse,
                                                    const HTTPRequestHeaders_t *pRequestHeaders)
{
    struct http_parser p;
    HTTPStatus_t st;

    if (!transport_valid(pTransport) || !response_valid(pResponse) ||
        !request_headers_valid(pRequestHeaders)) {
        return HTTPInvalidParameter;
    }
    /* Decide before the response may overwrite the request (they can share a buffer). */
    bool head =
        pRequestHeaders->headersLen >= 5 && memcmp(pRequestHeaders->pBuffer, "HEAD ", 5) == 0;
    clear_response_outputs(pResponse);
    http_parser_init(&p, pResponse->pBuffer, pResponse->bufferLen, head,
                     (pResponse->respOptionFlags & HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG) != 0,
                     pResponse->pHeaderParsingCallback);
    st = receive(pTransport, pResponse->getTime, &p);
    http_parser_report(&p, pResponse);
    if (st != HTTPSuccess) {
        LogError(("HTTP: receiving the response failed: %s", HTTPClient_strerror(st)));
    }
    return st;
}

HTTPStatus_t HTTPClient_Send(const TransportInterface_t *pTransport,
                             HTTPRequestHeaders_t *pRequestHeaders, const uint8_t *pRequestBodyBuf,
                             size_t reqBodyBufLen, HTTPResponse_t *pResponse, uint32_t sendFlags)
{
    HTTPStatus_t st;

    if (!transport_valid(pTransport) || !request_headers_valid(pRequestHeaders) ||
        !response_valid(pResponse) || (pRequestBodyBuf == NULL && reqBodyBufLen != 0)) {
        return HTTPInvalidParameter;
    }
    st = HTTPClient_SendHttpHeaders(pTransport, pResponse->getTime, pRequestHeaders, reqBodyBufLen,
                                    sendFlags);
    if (st == HTTPSuccess && reqBodyBufLen != 0) {
        st =
            HTTPClient_SendHttpData(pTransport, pResponse->getTime, pRequestBodyBuf, reqBodyBufLen);
    }
    if (st == HTTPSuccess) {
        st = HTTPClient_ReceiveAndParseHttpResponse(pTransport, pResponse, pRequestHeaders);
    }
    return st;
}

/* The next line of buf[*at .. len) without its CRLF; false when no complete line is left. */
static bool next_line(const uint8_t *buf, size_t len, size_t *at, size_t *start, size_t *n)
{
    size_t k = *at;

    while (k < len && buf[k] != '\n') {
        k++;
    }
    if (k >= len || k == *at || buf[k - 1] != '\r') {
        return false;
    }
    *start = *at;
    *n = k - 1 - *at;
    *at = k + 1;
    return true;
}

HTTPStatus_t HTTPClient_ReadHeader(const HTTPResponse_t *pResponse, const char *pField,
                                   size_t fieldLen, const char **pValueLoc, size_t *pValueLen)
{
    const uint8_t *buf;
    size_t at = 0, start, n, name_len, vstart, vlen;
    uint16_t status;
    uint8_t minor;

    if (!response_valid(pResponse) || pField == NULL || fieldLen == 0 || pValueLoc == NULL ||
        pValueLen == NULL) {
        return HTTPInvalidParameter;
    }
    buf = pResponse->pBuffer;
    if (!next_line(buf, pResponse->bufferLen, &at, &start, &n) ||
        http_parse_status_line(&buf[start], n, &status, &minor) != HTTPSuccess) {
        return HTTPInvalidResponse;
    }
    while (next_line(buf, pResponse->bufferLen, &at, &start, &n)) {
        if (n == 0) {
            return HTTPHeaderNotFound;
        }
        if (http_parse_header_line(&buf[start], n, &name_len, &vstart, &vlen) != HTTPSuccess) {
            return HTTPInvalidResponse;
        }
        if (name_len == fieldLen && http_equal_nocase(&buf[start], pField, fieldLen)) {
            *pValueLoc = (vlen != 0) ? (const char *)&buf[start + vstart] : NULL;
            *pValueLen = vlen;
            return HTTPSuccess;
        }
    }
    return HTTPInvalidResponse;
}
