/* SPDX-License-Identifier: MIT */
/*
 * http_request.c: building request headers in the caller's buffer (request line, headers,
 * Range, Content-Length) and HTTPClient_strerror.
 *
 * Invariant kept for the sender: on success the buffer holds headersLen bytes ending in the
 * blank line "\r\n\r\n"; a header is added by overwriting that last "\r\n". On any failure
 * the buffer's headers are left as they were.
 */
#include "http_internal.h"

#include <string.h>

#define CRLF "\r\n"

/* Appends to a buffer and remembers whether anything did not fit. */
struct writer {
    uint8_t *buf;
    size_t cap;
    size_t len;
    bool overflow;
};

static void put(struct writer *w, const char *s, size_t n)
{
    if (w->overflow || n > w->cap - w->len) {
        w->overflow = true;
        return;
    }
    memcpy(&w->buf[w->len], s, n);
    w->len += n;
}

static void put_str(struct writer *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Does s[0 .. n) contain any byte of `bad`? */
static bool has_any(const char *s, size_t n, const char *bad)
{
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '\0' || strchr(bad, s[k]) != NULL) {
            return true;
        }
    }
    return false;
}

static bool request_info_valid(const HTTPRequestInfo_t *info)
{
    if (info->pMethod == NULL || info->methodLen == 0 || info->pHost == NULL ||
        info->hostLen == 0 || (info->pPath == NULL && info->pathLen != 0)) {
        return false;
    }
    /* A CR, LF or space in the request line, or CR/LF in the host, would forge headers. */
    return !has_any(info->pMethod, info->methodLen, " \r\n") &&
           !has_any(info->pHost, info->hostLen, "\r\n") &&
           (info->pPath == NULL || !has_any(info->pPath, info->pathLen, " \r\n"));
}

HTTPStatus_t HTTPClient_InitializeRequestHeaders(HTTPRequestHeaders_t *pRequestHeaders,
                                                 const HTTPRequestInfo_t *pRequestInfo)
{
    struct writer w;

    if (pRequestHeaders == NULL || pRequestHeaders->pBuffer == NULL || pRequestInfo == NULL ||
        !request_info_valid(pRequestInfo)) {
        LogError(("HTTP: invalid request headers or request info"));
        return HTTPInvalidParameter;
    }
    w = (struct writer){pRequestHeaders->pBuffer, pRequestHeaders->bufferLen, 0, false};
    put(&w, pRequestInfo->pMethod, pRequestInfo->methodLen);
    put_str(&w, " ");
    if (pRequestInfo->pathLen == 0) {
        put_str(&w, "/");
    } else {
        put(&w, pRequestInfo->pPath, pRequestInfo->pathLen);
    }
    put_str(&w, " HTTP/1.1" CRLF);
    if ((pRequestInfo->reqFlags & HTTP_REQUEST_NO_USER_AGENT_FLAG) == 0) {
        put_str(&w, "User-Agent: " HTTP_USER_AGENT_VALUE CRLF);
    }
    put_str(&w, "Host: ");
    put(&w, pRequestInfo->pHost, pRequestInfo->hostLen);
    put_str(&w, CRLF);
    if ((pRequestInfo->reqFlags & HTTP_REQUEST_KEEP_ALIVE_FLAG) != 0) {
        put_str(&w, "Connection: keep-alive" CRLF);
    }
    put_str(&w, CRLF);
    if (w.overflow) {
        pRequestHeaders->headersLen = 0;
        LogError(("HTTP: request headers need more than %zu bytes", w.cap));
        return HTTPInsufficientMemory;
    }
    pRequestHeaders->headersLen = w.len;
    return HTTPSuccess;
}

/* Append "field: value" CRLF CRLF over the final CRLF; the fields are already checked. */
static HTTPStatus_t append_header(HTTPRequestHeaders_t *h, const char *field, size_t field_len,
                                  const char *value, size_t value_len)
{
    size_t start = h->headersLen;
    struct writer w;

    if (start >= 4 && memcmp(&h->pBuffer[start - 4], CRLF CRLF, 4) == 0) {
        start -= 2;
    }
    w = (struct writer){h->pBuffer, h->bufferLen, start, false};
    /* Check the whole line fits before writing any of it. */
    if (field_len + value_len + 6 > w.cap - w.len || field_len + value_len < field_len) {
        return HTTPInsufficientMemory;
    }
    put(&w, field, field_len);
    put_str(&w, ": ");
    put(&w, value, value_len);
    put_str(&w, CRLF CRLF);
    h->headersLen = w.len;
    return HTTPSuccess;
}

HTTPStatus_t HTTPClient_AddHeader(HTTPRequestHeaders_t *pRequestHeaders, const char *pField,
                                  size_t fieldLen, const char *pValue, size_t valueLen)
{
    if (pRequestHeaders == NULL || pRequestHeaders->pBuffer == NULL || pField == NULL ||
        pValue == NULL || fieldLen == 0 || valueLen == 0 ||
        pRequestHeaders->headersLen > pRequestHeaders->bufferLen) {
        return HTTPInvalidParameter;
    }
    if (has_any(pField, fieldLen, "\r\n:") || has_any(pValue, valueLen, "\r\n")) {
        LogError(("HTTP: CR, LF or ':' in a request header"));
        return HTTPSecurityAlertInvalidCharacter;
    }
    return append_header(pRequestHeaders, pField, fieldLen, pValue, valueLen);
}

/* Decimal digits of v at the end of buf (which must hold 20); returns the first digit. */
static char *format_decimal(char *end, uint64_t v)
{
    char *p = end;

    do {
        *--p = (char)('0' + (v % 10u));
        v /= 10u;
    } while (v != 0);
    return p;
}

HTTPStatus_t HTTPClient_AddRangeHeader(HTTPRequestHeaders_t *pRequestHeaders,
                                       int32_t rangeStartOrlastNbytes, int32_t rangeEnd)
{
    char value[48];
    char digits[24];
    char *d;
    size_t len = 0;
    int64_t start = rangeStartOrlastNbytes;

    if (pRequestHeaders == NULL || pRequestHeaders->pBuffer == NULL ||
        pRequestHeaders->headersLen > pRequestHeaders->bufferLen) {
        return HTTPInvalidParameter;
    }
    bool to_end = (rangeEnd == HTTP_RANGE_REQUEST_END_OF_FILE);
    bool span_ok = (start >= 0 && rangeEnd >= start);
    bool last_n_ok = (to_end && start < 0 && start != INT32_MIN);
    if (!(span_ok || (to_end && start >= 0) || last_n_ok)) {
        LogError(("HTTP: invalid range %ld, %ld", (long)start, (long)rangeEnd));
        return HTTPInvalidParameter;
    }
    memcpy(value, "bytes=", 6);
    len = 6;
    if (start < 0) {
        value[len++] = '-';
    }
    d = format_decimal(&digits[sizeof(digits)], (uint64_t)(start < 0 ? -start : start));
    memcpy(&value[len], d, (size_t)(&digits[sizeof(digits)] - d));
    len += (size_t)(&digits[sizeof(digits)] - d);
    if (start >= 0) {
        value[len++] = '-';
    }
    if (!to_end) {
        d = format_decimal(&digits[sizeof(digits)], (uint64_t)rangeEnd);
        memcpy(&value[len], d, (size_t)(&digits[sizeof(digits)] - d));
        len += (size_t)(&digits[sizeof(digits)] - d);
    }
    return append_header(pRequestHeaders, "Range", 5, value, len);
}

HTTPStatus_t http_add_content_length(HTTPRequestHeaders_t *headers, size_t len)
{
    char digits[24];
    char *d = format_decimal(&digits[sizeof(digits)], (uint64_t)len);

    return append_header(headers, "Content-Length", 14, d, (size_t)(&digits[sizeof(digits)] - d));
}

const char *HTTPClient_strerror(HTTPStatus_t status)
{
    static const char *const names[] = {
        [HTTPSuccess] = "HTTPSuccess",
        [HTTPInvalidParameter] = "HTTPInvalidParameter",
        [HTTPNetworkError] = "HTTPNetworkError",
        [HTTPPartialResponse] = "HTTPPartialResponse",
        [HTTPNoResponse] = "HTTPNoResponse",
        [HTTPInsufficientMemory] = "HTTPInsufficientMemory",
        [HTTPSecurityAlertExtraneousResponseData] = "HTTPSecurityAlertExtraneousResponseData",
        [HTTPSecurityAlertInvalidChunkHeader] = "HTTPSecurityAlertInvalidChunkHeader",
        [HTTPSecurityAlertInvalidProtocolVersion] = "HTTPSecurityAlertInvalidProtocolVersion",
        [HTTPSecurityAlertInvalidStatusCode] = "HTTPSecurityAlertInvalidStatusCode",
        [HTTPSecurityAlertInvalidCharacter] = "HTTPSecurityAlertInvalidCharacter",
        [HTTPSecurityAlertInvalidContentLength] = "HTTPSecurityAlertInvalidContentLength",
        [HTTPParserPaused] = "HTTPParserPaused",
        [HTTPParserInternalError] = "HTTPParserInternalError",
        [HTTPHeaderNotFound] = "HTTPHeaderNotFound",
        [HTTPInvalidResponse] = "HTTPInvalidResponse",
    };

    if ((unsigned)status < sizeof(names) / sizeof(names[0])) {
        return names[status];
    }
    return "HTTPInvalidStatus";
}
