/* SPDX-License-Identifier: MIT */
/*
 * http_internal.h: what the HTTP client's files share: the request-header helpers the
 * sender uses, and the in-place response parser the receiver and HTTPClient_ReadHeader use.
 *
 * The parser works on the caller's response buffer. Bytes [0, fill) are held; those before
 * `pos` are parsed. Header bytes stay where they arrived. Body bytes with a Content-Length
 * stay too; a chunked body is copied down to `out` as it is decoded, its framing dropped, and
 * the space it freed handed back (fill = out) so more input fits. Every read is below fill,
 * every write below pos: never out of bounds.
 */
#ifndef HTTP_INTERNAL_H
#define HTTP_INTERNAL_H

#include "core_http_client.h"

#include <stdbool.h>

/* Append "Content-Length: <len>" (HTTPClient_AddHeader's rules and results). */
HTTPStatus_t http_add_content_length(HTTPRequestHeaders_t *headers, size_t len);

/* Where the parser is in a response. */
enum http_phase {
    HTTP_PHASE_STATUS,  /* the status line */
    HTTP_PHASE_HEADERS, /* header lines up to the blank line */
    HTTP_PHASE_BODY,    /* the body, framed as `framing` says */
    HTTP_PHASE_DONE     /* the response is complete */
};

/* How the body's end is known (RFC 9112 section 6.3). */
enum http_framing {
    HTTP_BODY_NONE,    /* no body: HEAD, 1xx, 204, 304, or Content-Length: 0 */
    HTTP_BODY_LENGTH,  /* Content-Length bytes */
    HTTP_BODY_CHUNKED, /* chunked transfer coding */
    HTTP_BODY_CLOSE    /* until the server closes the connection */
};

/* Sub-states of the chunked decoder, one byte at a time. */
enum http_chunk_state {
    CHUNK_SIZE_START,   /* first hex digit of a chunk size */
    CHUNK_SIZE,         /* more hex digits, whitespace, ';' or CR */
    CHUNK_SIZE_WS,      /* whitespace after the size: ';' or CR next */
    CHUNK_EXT,          /* a chunk extension, up to CR */
    CHUNK_SIZE_LF,      /* the LF ending the size line */
    CHUNK_DATA,         /* chunk data */
    CHUNK_DATA_CR,      /* the CR after chunk data */
    CHUNK_DATA_LF,      /* the LF after it */
    CHUNK_TRAILER,      /* start of a trailer line, or the final CR */
    CHUNK_TRAILER_LINE, /* inside a trailer line, up to CR */
    CHUNK_TRAILER_LF,   /* the LF ending a trailer line */
    CHUNK_END_LF        /* the LF ending the message */
};

struct http_parser {
    uint8_t *buf;
    size_t cap;        /* bytes the buffer holds */
    size_t fill;       /* bytes received into it */
    size_t pos;        /* bytes parsed */
    size_t scan;       /* header phases: bytes already searched for LF */
    size_t line;       /* header phases: where the current line starts */
    bool head_request; /* the request was HEAD: no body whatever the headers say */
    bool skip_body;    /* HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG */
    const HTTPClient_ResponseHeaderParsingCallback_t *callback;

    enum http_phase phase;
    enum http_framing framing;
    enum http_chunk_state chunk;
    uint64_t remaining; /* body bytes left (Content-Length) or of the current chunk */
    uint64_t content_length;
    size_t headers_start; /* after the status line */
    size_t headers_end;   /* where the blank line starts */
    size_t body_start;
    size_t out; /* chunked: end of the decoded body */
    size_t header_count;
    uint16_t status;
    uint8_t minor_version;
    bool has_content_length;
    bool has_transfer_encoding;
    bool chunked;
    bool conn_close;
    bool conn_keep_alive;
};

/* Prepare to parse a response arriving in buf[0 .. cap). */
void http_parser_init(struct http_parser *p, uint8_t *buf, size_t cap, bool head_request,
                      bool skip_body, const HTTPClient_ResponseHeaderParsingCallback_t *cb);

/* Parse the bytes [pos, fill). HTTPSuccess means "fine so far" (phase says whether done). */
HTTPStatus_t http_parser_feed(struct http_parser *p);

/* The connection ended (or went quiet for good): completes a close-delimited body. */
HTTPStatus_t http_parser_finish(struct http_parser *p);

/* Copy what has been parsed into the response's output fields. */
void http_parser_report(const struct http_parser *p, HTTPResponse_t *r);

/*
 * Parse a status line or header line held in buf[start .. end) (end excludes the CRLF),
 * for http_parser and HTTPClient_ReadHeader alike.
 */
HTTPStatus_t http_parse_status_line(const uint8_t *line, size_t len, uint16_t *status,
                                    uint8_t *minor_version);
HTTPStatus_t http_parse_header_line(const uint8_t *line, size_t len, size_t *name_len,
                                    size_t *value_start, size_t *value_len);

/* Case-insensitive comparison of n ASCII bytes. */
bool http_equal_nocase(const uint8_t *a, const char *b, size_t n);

#endif /* HTTP_INTERNAL_H */
