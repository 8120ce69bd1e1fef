#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes libs/json/fuzz/corpus/<status>/NNN.json: seeds for fuzz_json and the expected
# JSON_Validate status of each (the directory name), replayed by test_json_corpus.
# Run it again after editing the lists; the files are committed.
import os
import shutil

DEPTH = 32  # JSON_MAX_DEPTH's default

SUCCESS = [
    b'{}', b'[]', b'{"a":1}', b'[1,2,3]', b'"abc"', b'0', b'-0', b'-1.5e-3', b'1E+2', b'true',
    b'false', b'null', b' \t\r\n{ "a" : [ 1 , { "b" : null } ] } \n',
    b'{"a":{"b":[1,2,{"c":"d"}]},"e":[[],[{}]],"f":""}',
    b'"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\uD83D\\uDE00\\u0000"',
    '"é€𝄞\U0010FFFF\uFFFF\uE000\uD7FF\u0080\u0800\U00010000"'.encode('utf-8'),
    b'{"":0,"a":1,"a":2}', b'123456789012345678901234567890.5e-300',
    b'{"temperature":21.5,"humidity":40,"device":{"id":"q-01","tags":["a","b"]},"ok":true}',
    b'[' * DEPTH + b']' * DEPTH,
    b'{"a":' * (DEPTH - 1) + b'[1]' + b'}' * (DEPTH - 1),
]

ILLEGAL = [
    b'{,}', b'[1,]', b'{"a":1,}', b'[,1]', b'{"a"}', b'{"a":}', b'{a:1}', b"{'a':1}", b'[1 2]',
    b'[1]]', b'{}}', b'[]x', b'{} {}', b'01', b'-01', b'[1.]', b'.5', b'+1', b'[1e]', b'0x10',
    b'NaN', b'Infinity', b'trueX', b'True', b'"\\x"', b'"\\u12G4"', b'"\\uDC00"', b'"\\uD800"',
    b'"\\uD800\\u0041"', b'"a\tb"', b'"a\nb"', b'"a\x00b"', b'"\xc0\x80"', b'"\xc1\xbf"',
    b'"\xe0\x80\x80"', b'"\xed\xa0\x80"', b'"\xed\xbf\xbf"', b'"\xf4\x90\x80\x80"',
    b'"\xf5\x80\x80\x80"', b'"\xff"', b'"\x80"', b'"\xc3\x28"', b'"\xe2\x82\x28"',
    b'\xef\xbb\xbf{}', b'{}\x00', b'/*c*/{}', b'[1,,2]', b'{"a":1 "b":2}', b'[01]', b'{1:2}',
    b'["a""b"]', b'[--1]', b'[1e1.5]', b'\x0b{}',
]

PARTIAL = [
    b'[1,2', b'{"a":1', b'{"a"', b'{"a":', b'"abc', b'"\\', b'"\\u00', b'"\\uD83D',
    b'"\\uD83D\\', b'"\\uD83D\\u', b'"\xc3', b'"\xf0\x9f\x98', b'-', b'1e+', b'1.', b'[', b'{',
    b'   ', b't', b'fals', b'nul', b'[1,', b'{"a":1,', b'[{"a":[1,2,{"b":',
    b'[' * DEPTH,
]

MAXDEPTH = [
    b'[' * (DEPTH + 1) + b']' * (DEPTH + 1), b'[' * (DEPTH + 1), b'{"a":' * (DEPTH + 1),
    b'[{"a":' * ((DEPTH + 2) // 2) + b'1',
]

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
shutil.rmtree(here, ignore_errors=True)
for name, docs in (('success', SUCCESS), ('illegal', ILLEGAL), ('partial', PARTIAL),
                   ('maxdepth', MAXDEPTH)):
    os.makedirs(os.path.join(here, name))
    for k, doc in enumerate(docs):
        with open(os.path.join(here, name, '%03d.json' % k), 'wb') as f:
            f.write(doc)
