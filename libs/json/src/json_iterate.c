/* SPDX-License-Identifier: MIT */
/*
 * json_iterate.c: walking the members of one collection (json_next_member, shared with
 * the search) and JSON_Iterate on top of it.
 *
 * The walk is stateless: where the next member starts is all a caller keeps, and
 * whether a ',' must come first follows from that position (none right after the
 * opening bracket). Each value is skipped whole, with the scanner's depth limit.
 */
#include "json_internal.h"

/* `"key" ws ":" ws` at buf[*pos]; records the key's bytes (without quotes) in m. */
static JSONStatus_t read_key(const char *buf, size_t max, size_t *pos, struct json_member *m)
{
    size_t i = *pos;
    JSONStatus_t st;

    if (buf[i] != '"') {
        return JSONIllegalDocument;
    }
    if ((st = json_skip_string(buf, max, &i)) != JSONSuccess) {
        return st;
    }
    m->key = *pos + 1;
    m->key_len = i - *pos - 2;
    json_skip_space(buf, max, &i);
    if (i >= max) {
        return JSONPartial;
    }
    if (buf[i] != ':') {
        return JSONIllegalDocument;
    }
    i++;
    json_skip_space(buf, max, &i);
    *pos = i;
    return JSONSuccess;
}

/* The byte after a member (past whitespace) must be ',' or the closing bracket. */
static JSONStatus_t check_follower(const char *buf, size_t max, size_t i, char closer)
{
    json_skip_space(buf, max, &i);
    if (i >= max) {
        return JSONPartial;
    }
    return (buf[i] == ',' || buf[i] == closer) ? JSONSuccess : JSONIllegalDocument;
}

JSONStatus_t json_next_member(const char *buf, size_t max, size_t open, size_t *next,
                              struct json_member *m)
{
    bool object = (buf[open] == '{');
    char closer = object ? '}' : ']';
    size_t i = *next;
    JSONStatus_t st;

    json_skip_space(buf, max, &i);
    if (i >= max) {
        return JSONPartial;
    }
    if (buf[i] == closer) {
        return JSONNotFound;
    }
    if (*next != open + 1) {
        if (buf[i] != ',') {
            return JSONIllegalDocument;
        }
        i++;
        json_skip_space(buf, max, &i);
        if (i >= max) {
            return JSONPartial;
        }
    }
    m->key = 0;
    m->key_len = 0;
    if (object && (st = read_key(buf, max, &i, m)) != JSONSuccess) {
        return st;
    }
    m->value = i;
    if ((st = json_skip_value(buf, max, &i, &m->type)) != JSONSuccess) {
        return st;
    }
    if ((st = check_follower(buf, max, i, closer)) != JSONSuccess) {
        return st;
    }
    m->value_len = i - m->value;
    *next = i;
    return JSONSuccess;
}

/* Find the collection JSON_Iterate walks: on the first call, after leading whitespace. */
static JSONStatus_t locate_collection(const char *buf, size_t max, size_t *start, size_t *next)
{
    size_t i = *start;

    if (*next == 0) {
        json_skip_space(buf, max, &i);
        if (i >= max) {
            return JSONIllegalDocument;
        }
    } else if (*next <= i) {
        return JSONBadParameter;
    }
    if (buf[i] != '{' && buf[i] != '[') {
        return JSONIllegalDocument;
    }
    if (*next == 0) {
        *start = i;
        *next = i + 1;
    }
    return JSONSuccess;
}

JSONStatus_t JSON_Iterate(const char *buf, size_t max, size_t *start, size_t *next,
                          JSONPair_t *outPair)
{
    struct json_member m;
    JSONStatus_t st;

    if (buf == NULL || start == NULL || next == NULL || outPair == NULL) {
        return JSONNullParameter;
    }
    if (max == 0 || *start >= max || *next > max) {
        return JSONBadParameter;
    }
    if ((st = locate_collection(buf, max, start, next)) != JSONSuccess) {
        return st;
    }
    st = json_next_member(buf, max, *start, next, &m);
    if (st == JSONNotFound) {
        return JSONNotFound;
    }
    if (st != JSONSuccess) {
        return JSONIllegalDocument;
    }
    outPair->key = (buf[*start] == '{') ? &buf[m.key] : NULL;
    outPair->keyLength = m.key_len;
    outPair->value = &buf[m.value];
    outPair->valueLength = m.value_len;
    if (m.type == JSONString) {
        outPair->value++;
        outPair->valueLength -= 2;
    }
    outPair->jsonType = m.type;
    return JSONSuccess;
}
