/* SPDX-License-Identifier: MIT */
/*
 * http_parser.c: the in-place HTTP/1.1 response parser (RFC 9112).
 *
 * The status line and headers are parsed a whole line at a time, once its CRLF has arrived
 * (a bare LF or CR is refused). The start of the status line is also checked byte by byte
 * as it arrives, so a response that is not HTTP fails at once, not when the buffer is full.
 * Bodies are framed by Content-Length, by the chunked coding (decoded one byte at a time by
 * a small state machine that copies chunk data down over the framing), or by the server
 * closing. The outcome does not depend on how the input was split into reads.
 */
#include "http_internal.h"

#include <string.h>

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

bool http_equal_nocase(const uint8_t *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint8_t x = a[k], y = (uint8_t)b[k];
        if (x >= 'A' && x <= 'Z') {
            x = (uint8_t)(x + ('a' - 'A'));
        }
        if (y >= 'A' && y <= 'Z') {
            y = (uint8_t)(y + ('a' - 'A'));
        }
        if (x != y) {
            return false;
        }
    }
    return true;
}

/* RFC 9110 tchar: the bytes of a token (header names, codings). */
static bool is_tchar(uint8_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IS_DIGIT(c)) {
        return true;
    }
    return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Bytes allowed in a reason phrase, field value or extension: HTAB, SP, VCHAR, obs-text. */
static bool is_text(uint8_t c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7F);
}

static bool is_ows(uint8_t c)
{
    return c == ' ' || c == '\t';
}

HTTPStatus_t http_parse_status_line(const uint8_t *line, size_t len, uint16_t *status,
                                    uint8_t *minor_version)
{
    if (len < 9 || memcmp(line, "HTTP/1.", 7) != 0 || !IS_DIGIT(line[7]) || line[8] != ' ') {
        return HTTPSecurityAlertInvalidProtocolVersion;
    }
    if (len < 12 || !IS_DIGIT(line[9]) || !IS_DIGIT(line[10]) || !IS_DIGIT(line[11]) ||
        (len > 12 && line[12] != ' ')) {
        return HTTPSecurityAlertInvalidStatusCode;
    }
    unsigned code = (unsigned)(line[9] - '0') * 100u + (unsigned)(line[10] - '0') * 10u +
                    (unsigned)(line[11] - '0');
    if (code < 100u || code > 599u) {
        return HTTPSecurityAlertInvalidStatusCode;
    }
    for (size_t k = 13; k < len; k++) {
        if (!is_text(line[k])) {
            return HTTPSecurityAlertInvalidCharacter;
        }
    }
    *status = (uint16_t)code;
    *minor_version = (uint8_t)(line[7] - '0');
    return HTTPSuccess;
}

HTTPStatus_t http_parse_header_line(const uint8_t *line, size_t len, size_t *name_len,
                                    size_t *value_start, size_t *value_len)
{
    size_t k = 0, end;

    while (k < len && is_tchar(line[k])) {
        k++;
    }
    /* No name, whitespace before the colon, obs-fold, or no colon at all. */
    if (k == 0 || k == len || line[k] != ':') {
        return HTTPSecurityAlertInvalidCharacter;
    }
    *name_len = k;
    for (size_t j = k + 1; j < len; j++) {
        if (!is_text(line[j])) {
            return HTTPSecurityAlertInvalidCharacter;
        }
    }
    k++;
    while (k < len && is_ows(line[k])) {
        k++;
    }
    end = len;
    while (end > k && is_ows(line[end - 1])) {
        end--;
    }
    *value_start = k;
    *value_len = end - k;
    return HTTPSuccess;
}

void http_parser_init(struct http_parser *p, uint8_t *buf, size_t cap, bool head_request,
                      bool skip_body, const HTTPClient_ResponseHeaderParsingCallback_t *cb)
{
    memset(p, 0, sizeof(*p));
    p->buf = buf;
    p->cap = cap;
    p->head_request = head_request;
    p->skip_body = skip_body;
    p->callback = cb;
    p->phase = HTTP_PHASE_STATUS;
}

/* Forget a parsed interim (1xx) response: move what follows it to the buffer's start. */
static void restart_after_interim(struct http_parser *p)
{
    size_t rest = p->fill - p->pos;

    memmove(p->buf, &p->buf[p->pos], rest);
    http_parser_init(p, p->buf, p->cap, p->head_request, p->skip_body, p->callback);
    p->fill = rest;
}

/* The comma-separated tokens of a field value, each trimmed of whitespace, one at a time. */
static bool next_list_item(const uint8_t *v, size_t len, size_t *at, size_t *start, size_t *n)
{
    size_t k = *at;

    while (k < len && (is_ows(v[k]) || v[k] == ',')) {
        k++;
    }
    if (k >= len) {
        return false;
    }
    *start = k;
    while (k < len && v[k] != ',') {
        k++;
    }
    *at = k;
    while (k > *start && is_ows(v[k - 1])) {
        k--;
    }
    *n = k - *start;
    return true;
}

static bool item_is(const uint8_t *item, size_t n, const char *word)
{
    return n == strlen(word) && http_equal_nocase(item, word, n);
}

static HTTPStatus_t content_length_header(struct http_parser *p, const uint8_t *v, size_t len)
{
    uint64_t value = 0;

    if (p->has_content_length || len == 0) {
        return HTTPSecurityAlertInvalidContentLength;
    }
    for (size_t k = 0; k < len; k++) {
        if (!IS_DIGIT(v[k]) || value > (SIZE_MAX - 9u) / 10u) {
            return HTTPSecurityAlertInvalidContentLength;
        }
        value = value * 10u + (uint64_t)(v[k] - '0');
    }
    p->has_content_length = true;
    p->content_length = value;
    return HTTPSuccess;
}

/* Act on the headers that frame the message or the connection; the rest are only reported. */
static HTTPStatus_t note_header(struct http_parser *p, const uint8_t *name, size_t name_len,
                                const uint8_t *v, size_t len)
{
    size_t at = 0, start, n;

    if (item_is(name, name_len, "content-length")) {
        return content_length_header(p, v, len);
    }
    if (item_is(name, name_len, "transfer-encoding")) {
        /* The codings are applied in order: the body is chunked only if chunked is last. */
        p->has_transfer_encoding = true;
        p->chunked = false;
        while (next_list_item(v, len, &at, &start, &n)) {
            p->chunked = item_is(&v[start], n, "chunked");
        }
    } else if (item_is(name, name_len, "connection")) {
        while (next_list_item(v, len, &at, &start, &n)) {
            p->conn_close |= item_is(&v[start], n, "close");
            p->conn_keep_alive |= item_is(&v[start], n, "keep-alive");
        }
    }
    return HTTPSuccess;
}

static HTTPStatus_t header_line(struct http_parser *p, size_t start, size_t len)
{
    const uint8_t *line = &p->buf[start];
    size_t name_len, vstart, vlen;
    HTTPStatus_t st = http_parse_header_line(line, len, &name_len, &vstart, &vlen);

    if (st == HTTPSuccess) {
        st = note_header(p, line, name_len, &line[vstart], vlen);
    }
    if (st == HTTPSuccess) {
        p->header_count++;
        if (p->callback != NULL && p->callback->onHeaderCallback != NULL) {
            p->callback->onHeaderCallback(p->callback->pContext, (const char *)line, name_len,
                                          (const char *)&line[vstart], vlen, p->status);
        }
    }
    return st;
}

/* The blank line: decide how the body is framed (RFC 9112 section 6.3). */
static HTTPStatus_t headers_complete(struct http_parser *p)
{
    bool no_body = p->head_request || p->status < 200 || p->status == 204 || p->status == 304;

    if (p->status >= 100 && p->status < 200 && p->status != 101) {
        restart_after_interim(p);
        return HTTPSuccess;
    }
    if (p->has_transfer_encoding && p->has_content_length) {
        return HTTPSecurityAlertInvalidContentLength; /* a smuggling vector: refuse it */
    }
    p->body_start = p->pos;
    p->out = p->pos;
    if (no_body) {
        p->framing = HTTP_BODY_NONE;
    } else if (p->has_transfer_encoding) {
        p->framing = p->chunked ? HTTP_BODY_CHUNKED : HTTP_BODY_CLOSE;
    } else if (p->has_content_length) {
        p->framing = (p->content_length == 0) ? HTTP_BODY_NONE : HTTP_BODY_LENGTH;
    } else {
        p->framing = HTTP_BODY_CLOSE;
    }
    p->remaining = p->content_length;
    p->chunk = CHUNK_SIZE_START;
    bool done = (p->framing == HTTP_BODY_NONE || p->skip_body);
    p->phase = done ? HTTP_PHASE_DONE : HTTP_PHASE_BODY;
    return HTTPSuccess;
}

/* One complete line [start, start + len) whose CRLF ends at pos. */
static HTTPStatus_t head_line(struct http_parser *p, size_t start, size_t len)
{
    HTTPStatus_t st;

    if (p->phase == HTTP_PHASE_STATUS) {
        st = http_parse_status_line(&p->buf[start], len, &p->status, &p->minor_version);
        p->headers_start = p->pos;
        p->phase = HTTP_PHASE_HEADERS;
        return st;
    }
    if (len == 0) {
        p->headers_end = start;
        return headers_complete(p);
    }
    return header_line(p, start, len);
}

/* Check the start of the status line as it arrives: "HTTP/1." DIGIT SP. */
static HTTPStatus_t check_status_prefix(const struct http_parser *p)
{
    static const char pattern[] = "HTTP/1.# ";

    for (size_t k = p->scan; k < p->fill && k < sizeof(pattern) - 1; k++) {
        bool ok = (pattern[k] == '#') ? IS_DIGIT(p->buf[k]) : (p->buf[k] == (uint8_t)pattern[k]);
        if (!ok) {
            return HTTPSecurityAlertInvalidProtocolVersion;
        }
    }
    return HTTPSuccess;
}

/* Status line and headers: every complete line held. */
static HTTPStatus_t parse_head(struct http_parser *p)
{
    HTTPStatus_t st = HTTPSuccess;

    while (st == HTTPSuccess && (p->phase == HTTP_PHASE_STATUS || p->phase == HTTP_PHASE_HEADERS)) {
        if (p->phase == HTTP_PHASE_STATUS && (st = check_status_prefix(p)) != HTTPSuccess) {
            break;
        }
        while (p->scan < p->fill && p->buf[p->scan] != '\n') {
            p->scan++;
        }
        if (p->scan >= p->fill) {
            break; /* the line is not complete yet */
        }
        if (p->scan == p->line || p->buf[p->scan - 1] != '\r') {
            return HTTPSecurityAlertInvalidCharacter; /* a bare LF */
        }
        size_t start = p->line, len = p->scan - 1 - p->line;
        p->scan++;
        p->line = p->scan;
        p->pos = p->scan;
        st = head_line(p, start, len);
    }
    return st;
}

static int hex_value(uint8_t c)
{
    if (IS_DIGIT(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* What may follow a chunk size's digits, or whitespace after them: more whitespace, an
 * extension, or the CR ending the line. */
static HTTPStatus_t chunk_size_follower(struct http_parser *p, uint8_t c)
{
    if (is_ows(c)) {
        p->chunk = CHUNK_SIZE_WS;
    } else if (c == ';') {
        p->chunk = CHUNK_EXT;
    } else if (c == '\r') {
        p->chunk = CHUNK_SIZE_LF;
    } else {
        return HTTPSecurityAlertInvalidChunkHeader;
    }
    return HTTPSuccess;
}

/* The chunk size line: size, optional whitespace and extensions, CRLF. */
static HTTPStatus_t chunk_size_byte(struct http_parser *p, uint8_t c)
{
    int h = hex_value(c);

    switch (p->chunk) {
    case CHUNK_SIZE_START:
        if (h < 0) {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        p->remaining = (uint64_t)h;
        p->chunk = CHUNK_SIZE;
        return HTTPSuccess;
    case CHUNK_SIZE:
        if (h < 0) {
            return chunk_size_follower(p, c);
        }
        if (p->remaining > (UINT64_MAX >> 4)) {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        p->remaining = (p->remaining << 4) | (uint64_t)h;
        return HTTPSuccess;
    case CHUNK_SIZE_WS:
        return chunk_size_follower(p, c);
    case CHUNK_EXT:
        if (c == '\r') {
            p->chunk = CHUNK_SIZE_LF;
        } else if (!is_text(c)) {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        return HTTPSuccess;
    default: /* CHUNK_SIZE_LF */
        if (c != '\n') {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        p->chunk = (p->remaining == 0) ? CHUNK_TRAILER : CHUNK_DATA;
        return HTTPSuccess;
    }
}

/* After the data: CRLF; after the last chunk: trailer lines and the final CRLF. */
static HTTPStatus_t chunk_tail_byte(struct http_parser *p, uint8_t c)
{
    switch (p->chunk) {
    case CHUNK_DATA_CR:
    case CHUNK_DATA_LF:
        if (c != (p->chunk == CHUNK_DATA_CR ? '\r' : '\n')) {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        p->chunk = (p->chunk == CHUNK_DATA_CR) ? CHUNK_DATA_LF : CHUNK_SIZE_START;
        return HTTPSuccess;
    case CHUNK_TRAILER:
        if (c == '\r') {
            p->chunk = CHUNK_END_LF;
            return HTTPSuccess;
        }
        p->chunk = CHUNK_TRAILER_LINE;
        return is_tchar(c) ? HTTPSuccess : HTTPSecurityAlertInvalidCharacter;
    case CHUNK_TRAILER_LINE:
        if (c == '\r') {
            p->chunk = CHUNK_TRAILER_LF;
        } else if (!is_text(c)) {
            return HTTPSecurityAlertInvalidCharacter;
        }
        return HTTPSuccess;
    case CHUNK_TRAILER_LF:
        p->chunk = CHUNK_TRAILER;
        return (c == '\n') ? HTTPSuccess : HTTPSecurityAlertInvalidCharacter;
    default: /* CHUNK_END_LF */
        if (c != '\n') {
            return HTTPSecurityAlertInvalidChunkHeader;
        }
        p->phase = HTTP_PHASE_DONE;
        return HTTPSuccess;
    }
}

/* Copy chunk data down to the decoded body's end. */
static void chunk_data(struct http_parser *p)
{
    size_t n = p->fill - p->pos;

    if ((uint64_t)n > p->remaining) {
        n = (size_t)p->remaining;
    }
    memmove(&p->buf[p->out], &p->buf[p->pos], n);
    p->out += n;
    p->pos += n;
    p->remaining -= n;
    if (p->remaining == 0) {
        p->chunk = CHUNK_DATA_CR;
    }
}

static HTTPStatus_t parse_chunked(struct http_parser *p)
{
    HTTPStatus_t st = HTTPSuccess;

    while (st == HTTPSuccess && p->pos < p->fill && p->phase == HTTP_PHASE_BODY) {
        if (p->chunk == CHUNK_DATA) {
            chunk_data(p);
            continue;
        }
        uint8_t c = p->buf[p->pos++];
        if (p->chunk <= CHUNK_SIZE_LF) {
            st = chunk_size_byte(p, c);
        } else {
            st = chunk_tail_byte(p, c);
        }
    }
    if (st == HTTPSuccess && p->phase == HTTP_PHASE_BODY) {
        /* Everything held is consumed: the framing's bytes become free space. */
        p->fill = p->out;
        p->pos = p->out;
    }
    return st;
}

static HTTPStatus_t parse_body(struct http_parser *p)
{
    size_t held = p->fill - p->pos;

    switch (p->framing) {
    case HTTP_BODY_LENGTH:
        if ((uint64_t)held >= p->remaining) {
            held = (size_t)p->remaining;
            p->phase = HTTP_PHASE_DONE;
        }
        p->pos += held;
        p->remaining -= held;
        return HTTPSuccess;
    case HTTP_BODY_CHUNKED:
        return parse_chunked(p);
    case HTTP_BODY_CLOSE:
        p->pos = p->fill;
        return HTTPSuccess;
    default:
        return HTTPParserInternalError;
    }
}

HTTPStatus_t http_parser_feed(struct http_parser *p)
{
    HTTPStatus_t st = HTTPSuccess;
    enum http_phase before;

    do {
        before = p->phase;
        if (p->phase == HTTP_PHASE_STATUS || p->phase == HTTP_PHASE_HEADERS) {
            st = parse_head(p);
        } else if (p->phase == HTTP_PHASE_BODY) {
            st = parse_body(p);
        }
    } while (st == HTTPSuccess && p->phase != before && p->phase != HTTP_PHASE_DONE);

    if (st == HTTPSuccess && p->phase == HTTP_PHASE_DONE && p->pos < p->fill && p->conn_close &&
        !p->skip_body) {
        LogError(("HTTP: %zu bytes after a Connection: close response", p->fill - p->pos));
        st = HTTPSecurityAlertExtraneousResponseData;
    }
    return st;
}

HTTPStatus_t http_parser_finish(struct http_parser *p)
{
    if (p->phase == HTTP_PHASE_BODY && p->framing == HTTP_BODY_CLOSE) {
        p->phase = HTTP_PHASE_DONE;
    }
    return (p->phase == HTTP_PHASE_DONE) ? HTTPSuccess : HTTPPartialResponse;
}

void http_parser_report(const struct http_parser *p, HTTPResponse_t *r)
{
    size_t body = 0;

    r->statusCode = p->status;
    r->headerCount = p->header_count;
    r->contentLength = (size_t)p->content_length;
    r->respFlags = (p->conn_close ? HTTP_RESPONSE_CONNECTION_CLOSE_FLAG : 0u) |
                   (p->conn_keep_alive ? HTTP_RESPONSE_CONNECTION_KEEP_ALIVE_FLAG : 0u);
    if (p->phase == HTTP_PHASE_STATUS) {
        return;
    }
    bool complete = (p->phase == HTTP_PHASE_BODY || p->phase == HTTP_PHASE_DONE);
    r->pHeaders = &p->buf[p->headers_start];
    r->headersLen = (complete ? p->headers_end : p->line) - p->headers_start;
    r->areHeadersComplete = complete ? 1u : 0u;
    if (!complete) {
        return;
    }
    if (p->skip_body) {
        body = p->fill - p->body_start;
    } else if (p->framing == HTTP_BODY_CHUNKED) {
        body = p->out - p->body_start;
    } else if (p->framing != HTTP_BODY_NONE) {
        body = p->pos - p->body_start;
    }
    r->pBody = (body != 0) ? &p->buf[p->body_start] : NULL;
    r->bodyLen = body;
}
