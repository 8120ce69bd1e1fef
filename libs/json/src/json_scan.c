/* SPDX-License-Identifier: MIT */
/*
 * json_scan.c: the RFC 8259 scanner (strings, numbers, literals, nested values) and
 * JSON_Validate on top of it.
 *
 * Values are skipped iteratively, never recursively: nesting is kept in a bit stack of
 * JSON_MAX_DEPTH bits (1 = object, 0 = array) on the caller's stack, so a hostile
 * document can neither overflow the C stack nor nest deeper than the limit.
 * Every read is guarded by `i < max`: running out of input is JSONPartial, never an
 * out-of-bounds read. No state survives a call.
 */
#include "json_internal.h"

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

void json_skip_space(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;

    while (i < max && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
        i++;
    }
    *pos = i;
}

/* Value of one hex digit, or -1. */
static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
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

/* Four hex digits at buf[at]: Partial if the buffer ends first and all present are hex. */
static JSONStatus_t read_hex4(const char *buf, size_t max, size_t at, uint32_t *out)
{
    uint32_t v = 0;

    for (size_t k = 0; k < 4; k++) {
        if (at + k >= max) {
            return JSONPartial;
        }
        int d = hex_value(buf[at + k]);
        if (d < 0) {
            return JSONIllegalDocument;
        }
        v = (v << 4) | (uint32_t)d;
    }
    *out = v;
    return JSONSuccess;
}

/* A \u escape at buf[i] (the backslash); a high surrogate must be followed by a low one. */
static JSONStatus_t skip_unicode_escape(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;
    uint32_t cp, low;
    JSONStatus_t st = read_hex4(buf, max, i + 2, &cp);

    if (st != JSONSuccess) {
        return st;
    }
    i += 6;
    if (cp >= 0xDC00u && cp <= 0xDFFFu) {
        return JSONIllegalDocument; /* a low surrogate with no high one before it */
    }
    if (cp >= 0xD800u && cp <= 0xDBFFu) {
        if (i >= max || (buf[i] == '\\' && i + 1 >= max)) {
            return JSONPartial;
        }
        if (buf[i] != '\\' || buf[i + 1] != 'u') {
            return JSONIllegalDocument;
        }
        st = read_hex4(buf, max, i + 2, &low);
        if (st != JSONSuccess) {
            return st;
        }
        if (low < 0xDC00u || low > 0xDFFFu) {
            return JSONIllegalDocument;
        }
        i += 6;
    }
    *pos = i;
    return JSONSuccess;
}

/* An escape sequence at buf[*pos] (the backslash). */
static JSONStatus_t skip_escape(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;

    if (i + 1 >= max) {
        return JSONPartial;
    }
    switch (buf[i + 1]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        *pos = i + 2;
        return JSONSuccess;
    case 'u':
        return skip_unicode_escape(buf, max, pos);
    default:
        return JSONIllegalDocument;
    }
}

/*
 * One multi-byte UTF-8 character at buf[*pos] (lead byte >= 0x80), per RFC 3629's
 * table: the lead byte fixes the length and the allowed range of the second byte, which
 * is what excludes overlong forms, surrogates (ED A0..BF) and code points > U+10FFFF.
 */
static JSONStatus_t skip_utf8(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;
    uint8_t lead = (uint8_t)buf[i];
    size_t extra;
    uint8_t lo = 0x80, hi = 0xBF;

    if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        lo = (lead == 0xE0) ? 0xA0 : 0x80;
        hi = (lead == 0xED) ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        lo = (lead == 0xF0) ? 0x90 : 0x80;
        hi = (lead == 0xF4) ? 0x8F : 0xBF;
    } else {
        return JSONIllegalDocument; /* continuation byte, C0/C1 or F5..FF as a lead */
    }
    for (size_t k = 1; k <= extra; k++) {
        if (i + k >= max) {
            return JSONPartial;
        }
        uint8_t c = (uint8_t)buf[i + k];
        if (c < lo || c > hi) {
            return JSONIllegalDocument;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    *pos = i + 1 + extra;
    return JSONSuccess;
}

JSONStatus_t json_skip_string(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos + 1;
    JSONStatus_t st = JSONSuccess;

    while (st == JSONSuccess) {
        if (i >= max) {
            return JSONPartial;
        }
        uint8_t c = (uint8_t)buf[i];
        if (c == '"') {
            *pos = i + 1;
            return JSONSuccess;
        }
        if (c == '\\') {
            st = skip_escape(buf, max, &i);
        } else if (c < 0x20) {
            st = JSONIllegalDocument; /* control characters must be escaped */
        } else if (c < 0x80) {
            i++;
        } else {
            st = skip_utf8(buf, max, &i);
        }
    }
    return st;
}

/* One or more digits at buf[*pos]. */
static JSONStatus_t skip_digits(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;

    if (i >= max) {
        return JSONPartial;
    }
    if (!IS_DIGIT(buf[i])) {
        return JSONIllegalDocument;
    }
    while (i < max && IS_DIGIT(buf[i])) {
        i++;
    }
    *pos = i;
    return JSONSuccess;
}

/*
 * number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
 * The scan stops at the first byte that cannot continue the number; whether that byte
 * may follow a value is the caller's business (so "01" fails there, on the "1").
 */
static JSONStatus_t skip_number(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;
    JSONStatus_t st;

    if (buf[i] == '-') {
        i++;
    }
    if (i < max && buf[i] == '0') {
        i++;
    } else if ((st = skip_digits(buf, max, &i)) != JSONSuccess) {
        return st;
    }
    if (i < max && buf[i] == '.') {
        i++;
        if ((st = skip_digits(buf, max, &i)) != JSONSuccess) {
            return st;
        }
    }
    if (i < max && (buf[i] == 'e' || buf[i] == 'E')) {
        i++;
        if (i < max && (buf[i] == '+' || buf[i] == '-')) {
            i++;
        }
        if ((st = skip_digits(buf, max, &i)) != JSONSuccess) {
            return st;
        }
    }
    *pos = i;
    return JSONSuccess;
}

static JSONStatus_t skip_literal(const char *buf, size_t max, size_t *pos, const char *word)
{
    size_t i = *pos;

    for (; *word != '\0'; word++, i++) {
        if (i >= max) {
            return JSONPartial;
        }
        if (buf[i] != *word) {
            return JSONIllegalDocument;
        }
    }
    *pos = i;
    return JSONSuccess;
}

/* A scalar (string, number, true, false, null) at buf[*pos]. */
static JSONStatus_t skip_scalar(const char *buf, size_t max, size_t *pos, JSONTypes_t *type)
{
    char c = buf[*pos];

    switch (c) {
    case '"':
        *type = JSONString;
        return json_skip_string(buf, max, pos);
    case 't':
        *type = JSONTrue;
        return skip_literal(buf, max, pos, "true");
    case 'f':
        *type = JSONFalse;
        return skip_literal(buf, max, pos, "false");
    case 'n':
        *type = JSONNull;
        return skip_literal(buf, max, pos, "null");
    default:
        if (c == '-' || IS_DIGIT(c)) {
            *type = JSONNumber;
            return skip_number(buf, max, pos);
        }
        return JSONIllegalDocument;
    }
}

/* Nesting state of json_skip_value: bit d of `is_object` is level d's kind. */
struct nest {
    size_t depth;
    uint8_t is_object[(JSON_MAX_DEPTH / 8) + 1];
};

static bool top_is_object(const struct nest *n)
{
    size_t d = n->depth - 1;
    return (n->is_object[d / 8] >> (d % 8)) & 1u;
}

static char top_closer(const struct nest *n)
{
    return top_is_object(n) ? '}' : ']';
}

/* `"key" ws ":" ws` at buf[*pos], leaving *pos at the value. */
static JSONStatus_t skip_key(const char *buf, size_t max, size_t *pos)
{
    size_t i = *pos;
    JSONStatus_t st;

    if (i >= max) {
        return JSONPartial;
    }
    if (buf[i] != '"') {
        return JSONIllegalDocument;
    }
    if ((st = json_skip_string(buf, max, &i)) != JSONSuccess) {
        return st;
    }
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

/*
 * Open a collection at buf[*pos]. Sets *closed when it is empty (and already left);
 * otherwise leaves *pos at its first value (past the first key for an object).
 */
static JSONStatus_t open_collection(const char *buf, size_t max, size_t *pos, struct nest *n,
                                    bool *closed)
{
    size_t i = *pos;
    bool object = (buf[i] == '{');

    if (n->depth >= JSON_MAX_DEPTH) {
        return JSONMaxDepthExceeded;
    }
    if (object) {
        n->is_object[n->depth / 8] |= (uint8_t)(1u << (n->depth % 8));
    } else {
        n->is_object[n->depth / 8] &= (uint8_t) ~(1u << (n->depth % 8));
    }
    n->depth++;
    i++;
    json_skip_space(buf, max, &i);
    if (i >= max) {
        return JSONPartial;
    }
    *closed = (buf[i] == (object ? '}' : ']'));
    if (*closed) {
        n->depth--;
        *pos = i + 1;
        return JSONSuccess;
    }
    *pos = i;
    return object ? skip_key(buf, max, pos) : JSONSuccess;
}

/*
 * After a value at depth > 0: close as many collections as the text closes, then either
 * finish (depth 0, *done set) or step over a ',' (and the next key) to the next value.
 */
static JSONStatus_t after_value(const char *buf, size_t max, size_t *pos, struct nest *n,
                                bool *done)
{
    size_t i = *pos;

    while (n->depth > 0) {
        json_skip_space(buf, max, &i);
        if (i >= max) {
            return JSONPartial;
        }
        if (buf[i] == top_closer(n)) {
            n->depth--;
            i++;
            continue;
        }
        if (buf[i] != ',') {
            return JSONIllegalDocument;
        }
        i++;
        json_skip_space(buf, max, &i);
        *pos = i;
        *done = false;
        return top_is_object(n) ? skip_key(buf, max, pos) : JSONSuccess;
    }
    *pos = i;
    *done = true;
    return JSONSuccess;
}

JSONStatus_t json_skip_value(const char *buf, size_t max, size_t *pos, JSONTypes_t *type)
{
    struct nest n = {0};
    size_t i = *pos;
    bool done = false;
    JSONStatus_t st = JSONSuccess;
    JSONTypes_t scalar = JSONInvalid; /* skip_scalar leaves it alone when it fails */

    if (i >= max) {
        return JSONPartial;
    }
    *type = (buf[i] == '{') ? JSONObject : (buf[i] == '[') ? JSONArray : JSONInvalid;
    while (st == JSONSuccess && !done) {
        bool closed = true;
        if (i >= max) {
            return JSONPartial;
        }
        if (buf[i] == '{' || buf[i] == '[') {
            st = open_collection(buf, max, &i, &n, &closed);
        } else {
            st = skip_scalar(buf, max, &i, &scalar);
            if (*type == JSONInvalid) {
                *type = scalar;
            }
        }
        if (st == JSONSuccess && closed) {
            st = after_value(buf, max, &i, &n, &done);
        }
    }
    if (st == JSONSuccess) {
        *pos = i;
    }
    return st;
}

JSONStatus_t JSON_Validate(const char *buf, size_t max)
{
    size_t i = 0;
    JSONTypes_t type;
    JSONStatus_t st;

    if (buf == NULL) {
        return JSONNullParameter;
    }
    if (max == 0) {
        return JSONBadParameter;
    }
    json_skip_space(buf, max, &i);
    if (i >= max) {
        return JSONPartial;
    }
#ifdef JSON_VALIDATE_COLLECTIONS_ONLY
    if (buf[i] != '{' && buf[i] != '[') {
        return JSONIllegalDocument;
    }
#endif /* JSON_VALIDATE_COLLECTIONS_ONLY */
    st = json_skip_value(buf, max, &i, &type);
    if (st != JSONSuccess) {
        return st;
    }
    json_skip_space(buf, max, &i);
    return (i == max) ? JSONSuccess : JSONIllegalDocument;
}
