#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes libs/http/fuzz/corpus/<status>/NNN.http: responses (as a server would send them to a
# GET) that HTTPClient_ReceiveAndParseHttpResponse must answer with the status the directory
# is named after (HTTPClient_strerror's name), when the server then goes quiet. They seed
# fuzz_http and are replayed by test_http_corpus. The files are committed; rerun this after
# editing the lists.
import os
import shutil

OK = b'HTTP/1.1 200 OK\r\n'
CHUNKED = OK + b'Transfer-Encoding: chunked\r\n\r\n'

CASES = {
    'HTTPSuccess': [
        OK + b'Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello',
        CHUNKED + b'5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n',
        CHUNKED + b'0\r\n\r\n',
        b'HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n',
        b'HTTP/1.1 304 Not Modified\r\nETag: "abc"\r\n\r\n',
        b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
        b'HTTP/1.0 200 OK\r\nServer: x\r\n\r\nbody until the server closes',
        OK + b'Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 0\r\n\r\n',
        b'HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-3/10\r\n'
        b'Content-Length: 4\r\n\r\n0123',
        b'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found',
        OK + b'Transfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
        b'HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx',
    ],
    'HTTPSecurityAlertInvalidProtocolVersion': [
        b'HTTX/1.1 200 OK\r\n\r\n', b'http/1.1 200 OK\r\n\r\n', b'HTTP/2.0 200 OK\r\n\r\n',
        b'HTTP/1.x 200 OK\r\n\r\n', b'HTTP/1.1x200 OK\r\n\r\n', b'HTTP/11 200 OK\r\n\r\n',
        b' HTTP/1.1 200 OK\r\n\r\n', b'\r\nHTTP/1.1 200 OK\r\n\r\n', b'SSH-2.0-OpenSSH_9.2\r\n',
        b'HTTP/1.1\r\n\r\n', b'HTTP/0.9 200 OK\r\n\r\n', b'\x16\x03\x01\x02\x00\x01\x00\x01\xfc',
        b'<html>',
    ],
    'HTTPSecurityAlertInvalidStatusCode': [
        b'HTTP/1.1 20 OK\r\n\r\n', b'HTTP/1.1 2000 OK\r\n\r\n', b'HTTP/1.1 099 Low\r\n\r\n',
        b'HTTP/1.1 600 High\r\n\r\n', b'HTTP/1.1 999 X\r\n\r\n', b'HTTP/1.1 2a0 X\r\n\r\n',
        b'HTTP/1.1  200 OK\r\n\r\n', b'HTTP/1.1 -20 X\r\n\r\n', b'HTTP/1.1 \r\n\r\n',
        b'HTTP/1.1 200OK\r\n\r\n',
    ],
    'HTTPSecurityAlertInvalidCharacter': [
        b'HTTP/1.1 200 OK\nContent-Length: 0\n\n', b'HTTP/1.1 200 O\x01K\r\n\r\n',
        OK + b'Bad Header: x\r\n\r\n', OK + b'Name : x\r\n\r\n', OK + b'A: b\r\n folded\r\n\r\n',
        OK + b'A: b\x00c\r\n\r\n', OK + b'A: b\rc\r\n\r\n', OK + b'NoColon\r\n\r\n',
        OK + b': novalue\r\n\r\n', OK + b'A\x7f: b\r\n\r\n', OK + b'A: b\x7f\r\n\r\n',
        OK + b'Content-Length: 1\r\n\n', OK + b'\x80A: b\r\n\r\n', OK + b'\tA: b\r\n\r\n',
        CHUNKED + b'0\r\nT: \x01\r\n\r\n', CHUNKED + b'0\r\n T: 1\r\n\r\n',
        CHUNKED + b'0\r\nT: 1\rX', b'HTTP/1.1 200 OK\r\r\n\r\n',
    ],
    'HTTPSecurityAlertInvalidContentLength': [
        OK + b'Content-Length: abc\r\n\r\n', OK + b'Content-Length: -1\r\n\r\n',
        OK + b'Content-Length: 1 2\r\n\r\n', OK + b'Content-Length: 1, 1\r\n\r\n',
        OK + b'Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello',
        OK + b'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        OK + b'Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n0\r\n\r\n',
        OK + b'Content-Length: 99999999999999999999999\r\n\r\n', OK + b'Content-Length:\r\n\r\n',
        OK + b'Content-Length: +5\r\n\r\nhello', OK + b'Content-Length: 0x10\r\n\r\n',
    ],
    'HTTPSecurityAlertInvalidChunkHeader': [
        CHUNKED + b'zz\r\n', CHUNKED + b'-1\r\n', CHUNKED + b'\r\n', CHUNKED + b'5\r\nhelloX\r\n',
        CHUNKED + b'5\r\nhello\rX', CHUNKED + b'5\nhello\r\n', CHUNKED + b'5;\x01\r\n',
        CHUNKED + b'0x10\r\n', CHUNKED + b'10000000000000000\r\n', CHUNKED + b'0\r\n\rX',
        CHUNKED + b'5 x\r\n', CHUNKED + b' 5\r\n', CHUNKED + b'5\r\nhello\r\n\r\n',
        CHUNKED + b'5\rX',
    ],
    'HTTPSecurityAlertExtraneousResponseData': [
        OK + b'Connection: close\r\nContent-Length: 2\r\n\r\nokEXTRA',
        OK + b'Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\nX',
        b'HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nbody',
    ],
    'HTTPPartialResponse': [
        OK + b'Content-Length: 10\r\n\r\nshort', b'HTTP/1.1 20', OK + b'Content-',
        CHUNKED + b'5\r\nab', CHUNKED + b'5\r\nhello\r\n', CHUNKED + b'0\r\nTrailer: 1\r\n',
        OK, b'HTTP/1.1 100 Continue\r\n\r\n', b'H', b'HTTP/1.1 200 OK\r',
    ],
    'HTTPInsufficientMemory': [
        OK + b'Content-Length: 5000\r\n\r\n' + b'x' * 5000,
        OK + b'X-Big: ' + b'y' * 5000 + b'\r\n\r\n',
        CHUNKED + b'1388\r\n' + b'z' * 5000 + b'\r\n0\r\n\r\n',
    ],
}

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
shutil.rmtree(here, ignore_errors=True)
for status, responses in CASES.items():
    os.makedirs(os.path.join(here, status))
    for k, resp in enumerate(responses):
        with open(os.path.join(here, status, '%03d.http' % k), 'wb') as f:
            f.write(resp)
