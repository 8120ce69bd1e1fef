/* SPDX-License-Identifier: MIT */
/*
 * core_http_client.h: Quartz's HTTP/1.1 client, source-compatible with the coreHTTP v3 API.
 *
 * The client builds request headers in a caller's buffer, sends them (and an optional body)
 * through a TransportInterface_t, and receives and parses the response into a caller's
 * buffer, in place: the status line and headers stay where they arrived, a chunked body is
 * decoded over its own framing so it ends up contiguous. Nothing is allocated. Parsing is
 * strict (RFC 9110/9112): anything a server should not send is refused with a security
 * alert status, and the connection should then be closed.
 *
 * Functions keep no state between calls: several tasks may each use their own connection
 * and buffers at once. One connection (transport context) serves one request at a time.
 */
#ifndef CORE_HTTP_CLIENT_H_
#define CORE_HTTP_CLIENT_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef HTTP_DO_NOT_USE_CUSTOM_CONFIG
#include "core_http_config.h"
#endif
#include "core_http_config_defaults.h"

#include "transport_interface.h"

#define HTTP_METHOD_GET "GET"
#define HTTP_METHOD_PUT "PUT"
#define HTTP_METHOD_POST "POST"
#define HTTP_METHOD_HEAD "HEAD"

/* Room HTTPClient_Send may need in the header buffer for the Content-Length it adds. */
#define HTTP_MAX_CONTENT_LENGTH_HEADER_LENGTH sizeof("Content-Length: 4294967295") - 1U

/* HTTPClient_Send's sendFlags: do not add a Content-Length header for the body. */
#define HTTP_SEND_DISABLE_CONTENT_LENGTH_FLAG 0x1U

/* HTTPRequestInfo_t.reqFlags: ask for a persistent connection ("Connection: keep-alive"). */
#define HTTP_REQUEST_KEEP_ALIVE_FLAG 0x1U
/* HTTPRequestInfo_t.reqFlags: write no User-Agent header. */
#define HTTP_REQUEST_NO_USER_AGENT_FLAG 0x2U

/* HTTPResponse_t.respFlags: the response had "Connection: close"; close the connection. */
#define HTTP_RESPONSE_CONNECTION_CLOSE_FLAG 0x1U
/* HTTPResponse_t.respFlags: the response had "Connection: keep-alive". */
#define HTTP_RESPONSE_CONNECTION_KEEP_ALIVE_FLAG 0x2U

/* HTTPResponse_t.respOptionFlags: stop after the headers; pBody/bodyLen then hold the body
 * bytes that arrived with them, unparsed. */
#define HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG 0x1U

/* HTTPClient_AddRangeHeader's rangeEnd for "to the end of the file" and "the last N bytes". */
#define HTTP_RANGE_REQUEST_END_OF_FILE -1

typedef enum HTTPStatus {
    HTTPSuccess,            /* done */
    HTTPInvalidParameter,   /* a NULL pointer, zero length, or inconsistent argument */
    HTTPNetworkError,       /* the transport failed, or made no progress within the timeout */
    HTTPPartialResponse,    /* the response stopped arriving before it was complete */
    HTTPNoResponse,         /* nothing at all arrived */
    HTTPInsufficientMemory, /* the header buffer or the response buffer is too small */
    HTTPSecurityAlertExtraneousResponseData, /* bytes after a "Connection: close" response */
    HTTPSecurityAlertInvalidChunkHeader,     /* malformed chunk size line or chunk framing */
    HTTPSecurityAlertInvalidProtocolVersion, /* the status line does not start "HTTP/1.x " */
    HTTPSecurityAlertInvalidStatusCode,      /* status code not three digits in 100..599 */
    HTTPSecurityAlertInvalidCharacter,       /* a byte not allowed where it was found */
    HTTPSecurityAlertInvalidContentLength,   /* bad, repeated or unexpected Content-Length */
    HTTPParserPaused,                        /* kept for source compatibility; never returned */
    HTTPParserInternalError,                 /* the parser broke an invariant (a bug) */
    HTTPHeaderNotFound,                      /* HTTPClient_ReadHeader: no such header */
    HTTPInvalidResponse /* HTTPClient_ReadHeader: the buffer holds no complete header section */
} HTTPStatus_t;

/* The caller's buffer of request headers, filled by the functions below. */
typedef struct HTTPRequestHeaders {
    uint8_t *pBuffer;  /* may be the response buffer too: the request is sent before reuse */
    size_t bufferLen;  /* its size in bytes */
    size_t headersLen; /* bytes of headers written so far (request line to final CRLF) */
} HTTPRequestHeaders_t;

/* What HTTPClient_InitializeRequestHeaders writes. */
typedef struct HTTPRequestInfo {
    const char *pMethod; /* "GET", "PUT", ... */
    size_t methodLen;
    const char *pPath; /* "/index.html"; NULL or empty means "/" */
    size_t pathLen;
    const char *pHost; /* "example.com", no scheme */
    size_t hostLen;
    uint32_t reqFlags; /* HTTP_REQUEST_*_FLAG */
} HTTPRequestInfo_t;

/* Called for each response header as it is parsed (trailers excluded). */
typedef struct HTTPClient_ResponseHeaderParsingCallback {
    void (*onHeaderCallback)(void *pContext, const char *fieldLoc, size_t fieldLen,
                             const char *valueLoc, size_t valueLen, uint16_t statusCode);
    void *pContext;
} HTTPClient_ResponseHeaderParsingCallback_t;

/* A millisecond clock (wrapping at 2^32), for the retry timeouts. */
typedef uint32_t (*HTTPClient_GetCurrentTimeFunc_t)(void);

/* The response: the caller supplies the buffer and options; HTTPClient_Send fills the rest. */
typedef struct HTTPResponse {
    uint8_t *pBuffer; /* receives the status line, headers and (decoded) body */
    size_t bufferLen;
    HTTPClient_ResponseHeaderParsingCallback_t *pHeaderParsingCallback; /* optional */
    HTTPClient_GetCurrentTimeFunc_t getTime; /* optional; NULL: no retries on 0 bytes */
    const uint8_t *pHeaders;                 /* the first header line, after the status line */
    size_t headersLen;    /* the header lines' bytes, their CRLFs included, blank line not */
    const uint8_t *pBody; /* the body (NULL when it has no bytes) */
    size_t bodyLen;
    uint16_t statusCode;
    size_t contentLength; /* the Content-Length header's value (0 when absent) */
    size_t headerCount;
    uint8_t areHeadersComplete; /* 1 once the blank line ending the headers was parsed */
    uint32_t respOptionFlags;   /* HTTP_RESPONSE_DO_NOT_PARSE_BODY_FLAG */
    uint32_t respFlags;         /* HTTP_RESPONSE_CONNECTION_*_FLAG found */
} HTTPResponse_t;

/*
 * Start a request in pRequestHeaders->pBuffer:
 *     <method> <path> HTTP/1.1\r\n
 *     User-Agent: <HTTP_USER_AGENT_VALUE>\r\n     (unless HTTP_REQUEST_NO_USER_AGENT_FLAG)
 *     Host: <host>\r\n
 *     Connection: keep-alive\r\n                   (with HTTP_REQUEST_KEEP_ALIVE_FLAG)
 *     \r\n
 * and set headersLen. Returns HTTPSuccess, HTTPInvalidParameter (a NULL pointer, empty
 * method or host) or HTTPInsufficientMemory (headersLen is then 0).
 *
 *     uint8_t buf[512];
 *     HTTPRequestHeaders_t headers = {.pBuffer = buf, .bufferLen = sizeof(buf)};
 *     HTTPRequestInfo_t info = {.pMethod = HTTP_METHOD_GET, .methodLen = 3,
 *                               .pPath = "/data.json", .pathLen = 10,
 *                               .pHost = "127.0.0.1", .hostLen = 9,
 *                               .reqFlags = HTTP_REQUEST_KEEP_ALIVE_FLAG};
 *     HTTPStatus_t st = HTTPClient_InitializeRequestHeaders(&headers, &info);
 */
HTTPStatus_t HTTPClient_InitializeRequestHeaders(HTTPRequestHeaders_t *pRequestHeaders,
                                                 const HTTPRequestInfo_t *pRequestInfo);

/*
 * Append "<field>: <value>\r\n" and the final "\r\n" (replacing the one already there).
 * Returns HTTPSuccess; HTTPInvalidParameter (NULL pointer, empty field or value,
 * headersLen above bufferLen); HTTPSecurityAlertInvalidCharacter (CR or LF in either, ':'
 * in the field); HTTPInsufficientMemory (nothing is changed).
 */
HTTPStatus_t HTTPClient_AddHeader(HTTPRequestHeaders_t *pRequestHeaders, const char *pField,
                                  size_t fieldLen, const char *pValue, size_t valueLen);

/*
 * Append a Range header for one byte range:
 *   (a, b) with 0 <= a <= b                    "Range: bytes=a-b"   bytes a..b
 *   (a, HTTP_RANGE_REQUEST_END_OF_FILE), a >= 0 "Range: bytes=a-"    from a to the end
 *   (-n, HTTP_RANGE_REQUEST_END_OF_FILE), n > 0 "Range: bytes=-n"    the last n bytes
 * Returns HTTPSuccess, HTTPInvalidParameter (any other combination, or a NULL buffer) or
 * HTTPInsufficientMemory. The server answers 206 Partial Content with those bytes.
 */
HTTPStatus_t HTTPClient_AddRangeHeader(HTTPRequestHeaders_t *pRequestHeaders,
                                       int32_t rangeStartOrlastNbytes, int32_t rangeEnd);

/*
 * Send the request headers (adding "Content-Length: reqBodyLen" first when reqBodyLen > 0,
 * unless HTTP_SEND_DISABLE_CONTENT_LENGTH_FLAG is in sendFlags). getTimestampMs may be
 * NULL. Returns HTTPSuccess, HTTPInvalidParameter, HTTPInsufficientMemory (no room for the
 * Content-Length) or HTTPNetworkError.
 */
HTTPStatus_t HTTPClient_SendHttpHeaders(const TransportInterface_t *pTransport,
                                        HTTPClient_GetCurrentTimeFunc_t getTimestampMs,
                                        HTTPRequestHeaders_t *pRequestHeaders, size_t reqBodyLen,
                                        uint32_t sendFlags);

/* Send dataLen bytes of request body. Returns HTTPSuccess, HTTPInvalidParameter or
 * HTTPNetworkError. */
HTTPStatus_t HTTPClient_SendHttpData(const TransportInterface_t *pTransport,
                                     HTTPClient_GetCurrentTimeFunc_t getTimestampMs,
                                     const uint8_t *pData, size_t dataLen);

/*
 * Send a request and receive its response: the headers in pRequestHeaders (see
 * HTTPClient_SendHttpHeaders for the Content-Length), then reqBodyBufLen bytes of
 * pRequestBodyBuf (NULL when there is no body), then HTTPClient_ReceiveAndParseHttpResponse.
 * The response fields are meaningful only on HTTPSuccess. Any HTTPSecurityAlert* status
 * means the server misbehaved: close the connection.
 *
 *     HTTPResponse_t resp = {.pBuffer = rbuf, .bufferLen = sizeof(rbuf), .getTime = now_ms};
 *     if (HTTPClient_Send(&transport, &headers, NULL, 0, &resp, 0) == HTTPSuccess &&
 *         resp.statusCode == 200) {
 *         use(resp.pBody, resp.bodyLen);
 *     }
 */
HTTPStatus_t HTTPClient_Send(const TransportInterface_t *pTransport,
                             HTTPRequestHeaders_t *pRequestHeaders, const uint8_t *pRequestBodyBuf,
                             size_t reqBodyBufLen, HTTPResponse_t *pResponse, uint32_t sendFlags);

/*
 * Receive one response into pResponse->pBuffer and parse it. pRequestHeaders is the request
 * it answers (a HEAD request's response has no body). Reads until the response is complete
 * (Content-Length, chunked encoding, or the server closing for responses with neither).
 * Interim 1xx responses (except 101) are skipped. Returns HTTPSuccess; HTTPInvalidParameter;
 * HTTPNetworkError; HTTPNoResponse; HTTPPartialResponse; HTTPInsufficientMemory (the
 * response does not fit); or a security alert (see HTTPStatus_t).
 */
HTTPStatus_t HTTPClient_ReceiveAndParseHttpResponse(const TransportInterface_t *pTransport,
                                                    HTTPResponse_t *pResponse,
                                                    const HTTPRequestHeaders_t *pRequestHeaders);

/*
 * Find a response header by name (case-insensitive; the first if repeated) in a response
 * HTTPClient_Send completed, and point *pValueLoc at its value inside pResponse->pBuffer
 * (surrounding whitespace excluded). An empty value gives HTTPSuccess with NULL and 0.
 * Returns HTTPSuccess, HTTPInvalidParameter, HTTPHeaderNotFound, or HTTPInvalidResponse
 * when the buffer does not start with a valid status line and header section.
 *
 *     const char *type; size_t typeLen;
 *     if (HTTPClient_ReadHeader(&resp, "Content-Type", 12, &type, &typeLen) == HTTPSuccess) ...
 */
HTTPStatus_t HTTPClient_ReadHeader(const HTTPResponse_t *pResponse, const char *pField,
                                   size_t fieldLen, const char **pValueLoc, size_t *pValueLen);

/* The name of a status ("HTTPSuccess", ...), or "HTTPInvalidStatus" for other values. */
const char *HTTPClient_strerror(HTTPStatus_t status);

#ifdef __cplusplus
}
#endif

#endif /* CORE_HTTP_CLIENT_H_ */
