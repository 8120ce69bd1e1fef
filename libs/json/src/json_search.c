/* SPDX-License-Identifier: MIT */
/*
 * json_search.c: JSON_SearchT and JSON_SearchConst.
 *
 * A query is checked whole first (so a malformed query is JSONBadParameter whatever the
 * document holds), then walked part by part: each part selects one member of the
 * collection the previous part found, by key (objects) or position (arrays). The
 * document is only read as far as the match.
 */
#include "json_internal.h"

#include <string.h>

#define SEPARATOR ((char)JSON_QUERY_KEY_SEPARATOR)

/* One part of a query: a key (bytes of the query) or an array index. */
struct query_part {
    bool is_index;
    const char *key;
    size_t key_len;
    size_t index;
};

/* "[digits]" at query[*q]; false when malformed or above MAX_INDEX_VALUE. */
static bool parse_index(const char *query, size_t len, size_t *q, size_t *index)
{
    size_t i = *q + 1;
    size_t v = 0;
    size_t digits = 0;

    for (; i < len && query[i] >= '0' && query[i] <= '9'; i++, digits++) {
        v = v * 10u + (size_t)(query[i] - '0');
        if (v > (size_t)MAX_INDEX_VALUE) {
            return false;
        }
    }
    if (digits == 0 || i >= len || query[i] != ']') {
        return false;
    }
    *q = i + 1;
    *index = v;
    return true;
}

/*
 * The part at query[*q]; moves *q to the start of the next part (past a separator).
 * False when the part is empty, a bad index, or followed by something that cannot start
 * the next part.
 */
static bool next_part(const char *query, size_t len, size_t *q, struct query_part *p)
{
    size_t i = *q;

    p->is_index = (query[i] == '[');
    if (p->is_index) {
        if (!parse_index(query, len, &i, &p->index)) {
            return false;
        }
        if (i < len && query[i] != '[' && query[i] != SEPARATOR) {
            return false;
        }
    } else {
        p->key = &query[i];
        while (i < len && query[i] != SEPARATOR && query[i] != '[') {
            i++;
        }
        p->key_len = (size_t)(&query[i] - p->key);
        if (p->key_len == 0) {
            return false;
        }
    }
    if (i < len && query[i] == SEPARATOR) {
        i++;
        if (i >= len) {
            return false; /* nothing after the last separator */
        }
    }
    *q = i;
    return true;
}

static bool query_is_valid(const char *query, size_t len)
{
    struct query_part p;
    size_t q = 0;

    while (q < len) {
        if (!next_part(query, len, &q, &p)) {
            return false;
        }
    }
    return true;
}

/* The member of the collection at buf[open] that part p names. */
static JSONStatus_t find_member(const char *buf, size_t max, size_t open,
                                const struct query_part *p, struct json_member *m)
{
    size_t next = open + 1;
    size_t position = 0;

    if (buf[open] != (p->is_index ? '[' : '{')) {
        return JSONNotFound;
    }
    while (json_next_member(buf, max, open, &next, m) == JSONSuccess) {
        if (p->is_index
                ? (position == p->index)
                : (m->key_len == p->key_len && memcmp(&buf[m->key], p->key, p->key_len) == 0)) {
            return JSONSuccess;
        }
        position++;
    }
    return JSONNotFound;
}

JSONStatus_t JSON_SearchConst(const char *buf, size_t max, const char *query, size_t queryLength,
                              const char **outValue, size_t *outValueLength, JSONTypes_t *outType)
{
    struct query_part p;
    struct json_member m = {0};
    size_t q = 0, at = 0;

    if (buf == NULL || query == NULL || outValue == NULL || outValueLength == NULL) {
        return JSONNullParameter;
    }
    if (max == 0 || queryLength == 0 || !query_is_valid(query, queryLength)) {
        return JSONBadParameter;
    }
    json_skip_space(buf, max, &at);
    if (at >= max) {
        return JSONNotFound;
    }
    while (q < queryLength) {
        (void)next_part(query, queryLength, &q, &p);
        if (find_member(buf, max, at, &p, &m) != JSONSuccess) {
            return JSONNotFound;
        }
        at = m.value;
    }
    *outValue = &buf[m.value];
    *outValueLength = m.value_len;
    if (m.type == JSONString) {
        (*outValue)++;
        *outValueLength -= 2;
    }
    if (outType != NULL) {
        *outType = m.type;
    }
    return JSONSuccess;
}

JSONStatus_t JSON_SearchT(char *buf, size_t max, const char *query, size_t queryLength,
                          char **outValue, size_t *outValueLength, JSONTypes_t *outType)
{
    const char *value = NULL;
    JSONStatus_t st;

    if (outValue == NULL) {
        return JSONNullParameter;
    }
    st = JSON_SearchConst(buf, max, query, queryLength, &value, outValueLength, outType);
    if (st == JSONSuccess) {
        /* The value lies inside the caller's writable buffer: rebuild the pointer from
         * buf so it keeps the caller's (writable) qualification without a cast. */
        *outValue = buf + (value - buf);
    }
    return st;
}
