/* SPDX-License-Identifier: MIT */
/*
 * json_internal.h: the scanner the JSON functions share.
 *
 * Every scanner function takes the buffer, its length `max` and a cursor `*pos`. On
 * JSONSuccess the cursor has moved past what was scanned; on any other result it is
 * left where it was. Results are JSONSuccess, JSONPartial (the buffer ended where more
 * input could still have made the text valid), JSONIllegalDocument or
 * JSONMaxDepthExceeded. No function reads buf[max] or beyond.
 */
#ifndef JSON_INTERNAL_H
#define JSON_INTERNAL_H

#include "core_json.h"

#include <stdint.h>

/* Advance *pos over JSON whitespace (space, tab, CR, LF). */
void json_skip_space(const char *buf, size_t max, size_t *pos);

/* Skip one value starting exactly at *pos (no leading whitespace); report its type. */
JSONStatus_t json_skip_value(const char *buf, size_t max, size_t *pos, JSONTypes_t *type);

/* Skip a string starting at the '"' at *pos, up to and including its closing quote. */
JSONStatus_t json_skip_string(const char *buf, size_t max, size_t *pos);

/* A member of a collection: positions of its key (objects only) and its value. */
struct json_member {
    size_t key;       /* index of the key's first byte after the quote */
    size_t key_len;   /* 0 and unused in arrays */
    size_t value;     /* index of the value's first byte (a string's opening quote) */
    size_t value_len; /* raw length (a string's with its quotes) */
    JSONTypes_t type;
};

/*
 * Read the member of the collection opened at buf[open] ('{' or '[') that starts at
 * *next (open + 1 for the first member, otherwise where the previous member ended).
 * Returns JSONSuccess with *next moved past the value, JSONNotFound when the closing
 * bracket comes next, or a failure status. A member is only reported once the byte
 * after it (past whitespace) is a ',' or the closing bracket.
 */
JSONStatus_t json_next_member(const char *buf, size_t max, size_t open, size_t *next,
                              struct json_member *m);

#endif /* JSON_INTERNAL_H */
