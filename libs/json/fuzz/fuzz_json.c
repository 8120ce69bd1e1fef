/* SPDX-License-Identifier: MIT */
/*
 * fuzz_json.c: libFuzzer target for the JSON library (clang -fsanitize=fuzzer,address,
 * undefined). Each input is copied to a block of exactly its size, so any read past the
 * end is caught, and run through every entry point. Beyond "no crash", it checks
 * properties that tie the functions together and abort()s when one fails:
 *   - on a valid document, iterating the top collection never fails midway;
 *   - on a valid document, searching each key the iteration met (or each index) finds the
 *     same bytes the iteration reported (the first member with that key);
 *   - on a valid document no proper prefix is illegal (short inputs only: it is O(n^2)).
 */
#include "core_json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREFIX_CHECK_MAX 512

static void check(int cond)
{
    if (!cond) {
        abort();
    }
}

/* The key contains nothing a query would read as structure. */
static int plain_key(const char *key, size_t len)
{
    for (size_t k = 0; k < len; k++) {
        if (key[k] == JSON_QUERY_KEY_SEPARATOR || key[k] == '[') {
            return 0;
        }
    }
    return len > 0;
}

/* Is this the first member with this key? (Search reports the first.) */
static int first_with_key(const char *buf, size_t max, size_t start, const JSONPair_t *p)
{
    size_t s = start, n = 0;
    JSONPair_t q;

    while (JSON_Iterate(buf, max, &s, &n, &q) == JSONSuccess) {
        if (q.keyLength == p->keyLength && memcmp(q.key, p->key, q.keyLength) == 0) {
            return q.key == p->key;
        }
    }
    return 0;
}

static void check_search_agrees(const char *buf, size_t max, size_t start, const JSONPair_t *p,
                                size_t index)
{
    char query[32];
    size_t qlen;
    const char *value;
    size_t vlen;
    JSONTypes_t type;

    if (p->key == NULL) {
        qlen = (size_t)snprintf(query, sizeof(query), "[%zu]", index);
    } else if (plain_key(p->key, p->keyLength) && p->keyLength <= sizeof(query) &&
               first_with_key(buf, max, start, p)) {
        memcpy(query, p->key, p->keyLength);
        qlen = p->keyLength;
    } else {
        return;
    }
    check(JSON_SearchConst(buf, max, query, qlen, &value, &vlen, &type) == JSONSuccess);
    check(value == p->value && vlen == p->valueLength && type == p->jsonType);
}

static void check_valid_document(const char *buf, size_t size)
{
    size_t start = 0, next = 0, index = 0;
    JSONPair_t pair;
    JSONStatus_t st;

    while ((st = JSON_Iterate(buf, size, &start, &next, &pair)) == JSONSuccess) {
        check_search_agrees(buf, size, start, &pair, index++);
    }
    check(st == JSONNotFound || (st == JSONIllegalDocument && index == 0));
    for (size_t len = 1; size <= PREFIX_CHECK_MAX && len < size; len++) {
        st = JSON_Validate(buf, len);
        check(st == JSONPartial || st == JSONSuccess);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    const char *value;
    size_t vlen, start = 0, next = 0;
    JSONPair_t pair;

    if (buf == NULL) {
        return 0;
    }
    memcpy(buf, data, size);
    if (JSON_Validate(buf, size) == JSONSuccess) {
        check_valid_document(buf, size);
    }
    /* Untrusted queries too: the input's first bytes as a query over the whole input. */
    (void)JSON_SearchConst(buf, size, buf, size < 24 ? size : 24, &value, &vlen, NULL);
    (void)JSON_SearchConst(buf, size, "a.b[1]", 6, &value, &vlen, NULL);
    while (JSON_Iterate(buf, size, &start, &next, &pair) == JSONSuccess) {
    }
    free(buf);
    return 0;
}
