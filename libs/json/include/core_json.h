/* SPDX-License-Identifier: MIT */
/*
 * core_json.h: Quartz's JSON parser, source-compatible with the coreJSON v3 API.
 *
 * Every function works in place on a caller's buffer of known length: nothing is
 * allocated, nothing is copied, the buffer need not be NUL-terminated, and no byte at
 * or past buf[max] is ever read. Validation is strict RFC 8259: UTF-8 is checked
 * (no overlong forms, no encoded surrogates, nothing above U+10FFFF), \u escapes
 * must pair surrogates, numbers follow the grammar exactly (no leading zeros, no
 * trailing '.', no '+'), and there are no trailing commas, comments or bare words.
 *
 * Compile-time options (define them on the compiler command line, as for coreJSON):
 *   JSON_MAX_DEPTH                  deepest nesting of objects and arrays (default 32)
 *   JSON_QUERY_KEY_SEPARATOR        the character between the parts of a search query
 *                                   (default '.'); redefine it to search documents
 *                                   whose keys contain dots, e.g. '/'
 *   JSON_VALIDATE_COLLECTIONS_ONLY  when defined, a document must be an object or array
 *
 * The functions keep no state: they may be called from any task or interrupt at once.
 */
#ifndef CORE_JSON_H_
#define CORE_JSON_H_

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef JSON_MAX_DEPTH
#define JSON_MAX_DEPTH 32
#endif

#ifndef JSON_QUERY_KEY_SEPARATOR
#define JSON_QUERY_KEY_SEPARATOR '.'
#endif

/* Results of every function. */
typedef enum {
    JSONPartial = 0,      /* valid so far, but the buffer ends before the document does */
    JSONSuccess,          /* valid and complete / found / output */
    JSONIllegalDocument,  /* not JSON (or, for JSON_Iterate, not a collection) */
    JSONMaxDepthExceeded, /* nesting deeper than JSON_MAX_DEPTH */
    JSONNotFound,         /* the query matched nothing / no further member */
    JSONNullParameter,    /* a required pointer was NULL */
    JSONBadParameter      /* max is 0, or the query is empty or malformed */
} JSONStatus_t;

/* Types of the values JSON_SearchT, JSON_SearchConst and JSON_Iterate report. */
typedef enum {
    JSONInvalid = 0,
    JSONString,
    JSONNumber,
    JSONTrue,
    JSONFalse,
    JSONNull,
    JSONObject,
    JSONArray
} JSONTypes_t;

/* The largest array index a query may hold: 2^31 - 9. */
#define MAX_INDEX_VALUE (0x7FFFFFF7)

/*
 * Is buf[0 .. max) one complete JSON document (surrounding whitespace allowed)?
 * Returns JSONSuccess; JSONPartial when it is a proper prefix of a valid document
 * (including nothing but whitespace); JSONIllegalDocument; JSONMaxDepthExceeded;
 * JSONNullParameter when buf is NULL; JSONBadParameter when max is 0.
 *
 *     char doc[] = "{\"foo\":\"abc\",\"bar\":{\"foo\":\"xyz\"}}";
 *     JSONStatus_t r = JSON_Validate(doc, sizeof(doc) - 1);   // JSONSuccess
 */
JSONStatus_t JSON_Validate(const char *buf, size_t max);

/*
 * Find the value a query names and point *outValue at it inside buf, with its length
 * in *outValueLength (a string's value excludes its quotes; nothing is terminated).
 * A query is object keys and array indexes: keys are joined by JSON_QUERY_KEY_SEPARATOR,
 * an index is written "[n]" directly after the key of the array it indexes (or at the
 * start of the query, or after a separator). In {"foo":"abc","bar":{"foo":"xyz"}},
 * "foo" gives abc, "bar" gives {"foo":"xyz"} and "bar.foo" gives xyz. In
 * [123,456,{"foo":"abc","bar":[88,99]}], "[1]" gives 456, "[2].foo" abc, "[2].bar[0]" 88.
 * Keys are compared byte for byte with the key as written in the document (escapes
 * are not decoded); with duplicate keys, the first wins.
 *
 * The search checks what it walks, but stops at the match: run JSON_Validate first to
 * know the whole document is valid. Malformed or too deep content met before the match
 * gives JSONNotFound.
 *
 * Returns JSONSuccess; JSONNotFound; JSONNullParameter when buf, query, outValue or
 * outValueLength is NULL; JSONBadParameter when max or queryLength is 0, a part of the
 * query is empty (leading, trailing or doubled separator), an index is not "[digits]"
 * or is above MAX_INDEX_VALUE. The documents' text, for valid JSON, always has a byte
 * after the value: it may be swapped for a NUL while the value is used, then restored.
 */
#define JSON_Search(buf, max, query, queryLength, outValue, outValueLength)                        \
    JSON_SearchT(buf, max, query, queryLength, outValue, outValueLength, NULL)

/* JSON_Search that also reports the value's type in *outType (when outType is not NULL). */
JSONStatus_t JSON_SearchT(char *buf, size_t max, const char *query, size_t queryLength,
                          char **outValue, size_t *outValueLength, JSONTypes_t *outType);

/* JSON_SearchT for a const buffer. */
JSONStatus_t JSON_SearchConst(const char *buf, size_t max, const char *query, size_t queryLength,
                              const char **outValue, size_t *outValueLength, JSONTypes_t *outType);

/* One member of a collection, as JSON_Iterate reports it. */
typedef struct {
    const char *key;      /* the key (no quotes) for an object member; NULL in an array */
    size_t keyLength;     /* its length in bytes; 0 in an array */
    const char *value;    /* the value (a string's without quotes) */
    size_t valueLength;   /* its length in bytes */
    JSONTypes_t jsonType; /* its type */
} JSONPair_t;

/*
 * Output the members of the object or array buf holds (after optional whitespace), one
 * per call. Set *start and *next to 0 before the first call and leave them to the
 * function afterwards: *start becomes the index of the opening bracket, *next the index
 * after the member last output. Returns JSONSuccess with *outPair filled; JSONNotFound
 * when no member is left (outPair untouched); JSONIllegalDocument when buf holds no
 * collection or the collection is malformed where the next member should be;
 * JSONNullParameter when any pointer is NULL; JSONBadParameter when max is 0, *start is
 * not below max, or *next is above max. Expects a valid document: run JSON_Validate
 * first. To walk a nested collection, pass the value and length a search returned.
 *
 *     size_t start = 0, next = 0;
 *     JSONPair_t pair;
 *     while (JSON_Iterate(doc, len, &start, &next, &pair) == JSONSuccess) {
 *         printf("%.*s = %.*s\n", (int)pair.keyLength, pair.key ? pair.key : "",
 *                (int)pair.valueLength, pair.value);
 *     }
 */
JSONStatus_t JSON_Iterate(const char *buf, size_t max, size_t *start, size_t *next,
                          JSONPair_t *outPair);

#ifdef __cplusplus
}
#endif

#endif /* CORE_JSON_H_ */
