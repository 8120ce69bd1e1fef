/* SPDX-License-Identifier: MIT */
/*
 * test_json_validate.c: JSON_Validate against RFC 8259 and RFC 3629 — which documents
 * are valid, which are illegal, which are incomplete (JSONPartial), the nesting limit,
 * and that no proper prefix of a valid document is ever called illegal.
 */
#include "json_test_util.h"
#include "qtest.h"

#include <stdio.h>

struct vcase {
    const char *doc;
    size_t len;
    JSONStatus_t want;
};

#define OK(s)                                                                                      \
    {                                                                                              \
        LIT(s), JSONSuccess                                                                        \
    }
#define BAD(s)                                                                                     \
    {                                                                                              \
        LIT(s), JSONIllegalDocument                                                                \
    }
#define PART(s)                                                                                    \
    {                                                                                              \
        LIT(s), JSONPartial                                                                        \
    }

static JSONStatus_t validate(const char *doc, size_t len)
{
    char *copy = json_test_copy(doc, len);
    JSONStatus_t st = JSON_Validate(copy, len);
    free(copy);
    return st;
}

static void check_table(const struct vcase *t, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        JSONStatus_t got = validate(t[k].doc, t[k].len);
        if (got != t[k].want) {
            qtest_fail(__FILE__, __LINE__, "case %zu \"%.*s\": status %d, expected %d", k,
                       (int)t[k].len, t[k].doc, (int)got, (int)t[k].want);
        }
    }
}

static const struct vcase valid_docs[] = {
    OK("{}"),
    OK("[]"),
    OK("{\"a\":1}"),
    OK("[1,2,3]"),
    OK("\"abc\""),
    OK("123"),
    OK("-0"),
    OK("0"),
    OK("0.5"),
    OK("-0.0"),
    OK("1e10"),
    OK("1E+2"),
    OK("1e-2"),
    OK("-1.5e-3"),
    OK("123456789012345678901234567890"),
    OK("true"),
    OK("false"),
    OK("null"),
    OK(" \t\r\n{} \n"),
    OK("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}"),
    OK("{\"\":0}"),
    OK("{\"a\":1,\"a\":2}"),
    OK("[[]]"),
    OK("[{}]"),
    OK("{\"a\":{}}"),
    OK("[ 1 , 2 , [ 3 , { \"x\" : true } ] ]"),
    OK("{ \"a\" : \"b\" }"),
    OK("[1,-1,0.25,1e5,true,false,null,\"\",{},[]]"),
};

static void test_JSON_Validate_accepts_valid_documents(void)
{
    check_table(valid_docs, sizeof(valid_docs) / sizeof(valid_docs[0]));
}

static const struct vcase valid_strings[] = {
    OK("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""),
    OK("\"\\u0041\""),
    OK("\"\\u00e9\\u00E9\""),
    OK("\"\\uD83D\\uDE00\""),
    OK("\"\\udbff\\udfff\""),
    OK("\"\\u0000\""),
    OK("\"\xC3\xA9\""),         /* U+00E9 */
    OK("\"\xE2\x82\xAC\""),     /* U+20AC */
    OK("\"\xF0\x9D\x84\x9E\""), /* U+1D11E */
    OK("\"\xF4\x8F\xBF\xBF\""), /* U+10FFFF, the last code point */
    OK("\"\xEF\xBF\xBF\""),     /* U+FFFF */
    OK("\"\xEE\x80\x80\""),     /* U+E000, just past the surrogates */
    OK("\"\xED\x9F\xBF\""),     /* U+D7FF, just before them */
    OK("\"\xC2\x80\""),         /* U+0080, the smallest two-byte form */
    OK("\"\xE0\xA0\x80\""),     /* U+0800, the smallest three-byte form */
    OK("\"\xF0\x90\x80\x80\""), /* U+10000, the smallest four-byte form */
    OK("\"\x7F\""),
    OK("\" ~\""),
    OK("{\"k\xC3\xA9y\":\"v\"}"),
};

static void test_JSON_Validate_accepts_escapes_and_utf8(void)
{
    check_table(valid_strings, sizeof(valid_strings) / sizeof(valid_strings[0]));
}

static const struct vcase illegal_structure[] = {
    BAD("{,}"),
    BAD("[1,]"),
    BAD("{\"a\":1,}"),
    BAD("[,1]"),
    BAD("{\"a\"}"),
    BAD("{\"a\":}"),
    BAD("{a:1}"),
    BAD("{'a':1}"),
    BAD("[1 2]"),
    BAD("{\"a\":1 \"b\":2}"),
    BAD("[1]]"),
    BAD("{}}"),
    BAD("[]x"),
    BAD("{} {}"),
    BAD("\"a\" \"b\""),
    BAD("[1:2]"),
    BAD("{\"a\",1}"),
    BAD("{\"a\"::1}"),
    BAD("[}"),
    BAD("{]"),
    BAD("{1:2}"),
    BAD("{null:1}"),
    BAD("]"),
    BAD("}"),
    BAD(","),
    BAD(":"),
    BAD("/*c*/{}"),
    BAD("{}//"),
    BAD("\xEF\xBB\xBF{}"),
    BAD("{}\0"),
    BAD("\0{}"),
    BAD("[1,,2]"),
    BAD("[\"a\",]"),
    BAD("{\"a\":1,,\"b\":2}"),
    BAD("\xC3\xA9"),
    BAD("{\"a\":1}\xC3\xA9"),
    BAD("\x0B{}"),
    BAD("\x0C[]"),
};

static void test_JSON_Validate_rejects_bad_structure(void)
{
    check_table(illegal_structure, sizeof(illegal_structure) / sizeof(illegal_structure[0]));
}

static const struct vcase illegal_scalars[] = {
    BAD("01"),       BAD("-01"),        BAD("00"),           BAD("[1.]"),    BAD(".5"),
    BAD("+1"),       BAD("[1e]"),       BAD("[1.e5]"),       BAD("0x10"),    BAD("NaN"),
    BAD("Infinity"), BAD("-Infinity"),  BAD("trueX"),        BAD("True"),    BAD("nulx"),
    BAD("[-]"),      BAD("[1e+]"),      BAD("-a"),           BAD("1.5.2"),   BAD("1e5e5"),
    BAD("[01]"),     BAD("{\"a\":01}"), BAD("[1x]"),         BAD("[truex]"), BAD("[nul]"),
    BAD("[fals]"),   BAD("- 1"),        BAD("1 2"),          BAD("[0.1.2]"), BAD("[1e1.5]"),
    BAD("[.1]"),     BAD("[-.1]"),      BAD("[\"a\"\"b\"]"), BAD("[null1]"), BAD("[1-2]"),
    BAD("[--1]"),
};

static void test_JSON_Validate_rejects_bad_scalars(void)
{
    check_table(illegal_scalars, sizeof(illegal_scalars) / sizeof(illegal_scalars[0]));
}

static const struct vcase illegal_strings[] = {
    BAD("\"\\x\""),
    BAD("\"\\u12G4\""),
    BAD("\"\\uDC00\""),
    BAD("\"\\uD800\""),
    BAD("\"\\uD800\\u0041\""),
    BAD("\"\\uD800\\n\""),
    BAD("\"\\uD800x\""),
    BAD("\"\\uD800\\uD800\""),
    BAD("\"\\uDBFF\\uE000\""),
    BAD("\"\\U0041\""),
    BAD("\"\\'\""),
    BAD("\"\\0\""),
    BAD("\"a\tb\""),
    BAD("\"a\nb\""),
    BAD("\"a\0b\""),
    BAD("\"\x1F\""),
    BAD("\"\\u-123\""),
    BAD("\"\\u 123\""),
};

static void test_JSON_Validate_rejects_bad_strings(void)
{
    check_table(illegal_strings, sizeof(illegal_strings) / sizeof(illegal_strings[0]));
}

static const struct vcase illegal_utf8[] = {
    BAD("\"\xC0\x80\""),                 /* overlong NUL */
    BAD("\"\xC1\xBF\""),                 /* overlong U+007F */
    BAD("\"\xE0\x80\x80\""),             /* overlong three-byte */
    BAD("\"\xE0\x9F\xBF\""),             /* overlong U+07FF */
    BAD("\"\xF0\x8F\xBF\xBF\""),         /* overlong U+FFFF */
    BAD("\"\xED\xA0\x80\""),             /* encoded high surrogate U+D800 */
    BAD("\"\xED\xBF\xBF\""),             /* encoded low surrogate U+DFFF */
    BAD("\"\xED\xA0\xBD\xED\xB8\x80\""), /* CESU-8 pair */
    BAD("\"\xF4\x90\x80\x80\""),         /* U+110000 */
    BAD("\"\xF5\x80\x80\x80\""),
    BAD("\"\xF8\x88\x80\x80\x80\""),
    BAD("\"\xFF\""),
    BAD("\"\xFE\""),
    BAD("\"\x80\""),
    BAD("\"\xBF\""),
    BAD("\"\xC3\x28\""),
    BAD("\"\xE2\x82\x28\""),
    BAD("\"\xF0\x9F\x98\x28\""),
    BAD("\"\xC3\xC3\xA9\""),
    BAD("\"\xE2\x82\""),
    BAD("\"\xF0\x9F\x98\""),
};

static void test_JSON_Validate_rejects_bad_utf8(void)
{
    check_table(illegal_utf8, sizeof(illegal_utf8) / sizeof(illegal_utf8[0]));
}

static const struct vcase partial_docs[] = {
    PART("[1,2"),
    PART("{\"a\":1"),
    PART("{\"a\""),
    PART("{\"a\":"),
    PART("\"abc"),
    PART("\"\\"),
    PART("\"\\u00"),
    PART("\"\\uD83D"),
    PART("\"\\uD83D\\"),
    PART("\"\\uD83D\\u"),
    PART("\"\\uD83D\\uDE"),
    PART("\"\xC3"),
    PART("\"\xF0\x9F"),
    PART("\"\xF0\x9F\x98"),
    PART("-"),
    PART("1e+"),
    PART("1e"),
    PART("1."),
    PART("-0."),
    PART("["),
    PART("{"),
    PART("   "),
    PART("\n"),
    PART("t"),
    PART("tr"),
    PART("fals"),
    PART("nul"),
    PART("[1,"),
    PART("{\"a\":1,"),
    PART("{\"a\":1,\"b"),
    PART("[{\"a\":[1,2,{\"b\":"),
    PART("[\"\\u12"),
    PART("{\"a\":\"b\" "),
    PART("[ "),
    PART("[[[[[[[[[[[[[[[["),
};

static void test_JSON_Validate_reports_partial_documents(void)
{
    check_table(partial_docs, sizeof(partial_docs) / sizeof(partial_docs[0]));
}

/* Every proper prefix of a valid document is JSONPartial, or JSONSuccess for a scalar
 * that is complete on its own (a number's leading digits): never illegal. */
static void test_JSON_Validate_prefix_of_valid_is_never_illegal(void)
{
    static const char doc[] = "  {\"a\" : [1, -2.5e+3, true, false, null, \"x\\u00e9\\uD83D"
                              "\\uDE00\xE2\x82\xAC\"], \"b\":{\"c\":{}}, \"d\":[[],[0]]}  ";
    size_t n = sizeof(doc) - 1;

    QT_EQ(validate(doc, n), JSONSuccess);
    for (size_t len = 1; len < n - 2; len++) {
        JSONStatus_t st = validate(doc, len);
        if (st != JSONPartial) {
            qtest_fail(__FILE__, __LINE__, "prefix of %zu bytes: status %d", len, (int)st);
        }
    }
    QT_EQ(validate("-12.5e7", 2), JSONSuccess);
    QT_EQ(validate("-12.5e7", 4), JSONPartial);
    QT_EQ(validate("-12.5e7", 5), JSONSuccess);
}

/* A document nested n deep: n '[' then n ']'. */
static JSONStatus_t nested_arrays(size_t n, bool closed)
{
    char doc[2 * (JSON_MAX_DEPTH + 2)];
    size_t len = 0;

    for (size_t k = 0; k < n; k++) {
        doc[len++] = '[';
    }
    for (size_t k = 0; closed && k < n; k++) {
        doc[len++] = ']';
    }
    return validate(doc, len);
}

static void test_JSON_Validate_depth_limit(void)
{
    char doc[8 * (JSON_MAX_DEPTH + 1) + 8];
    size_t len = 0;

    QT_EQ(nested_arrays(JSON_MAX_DEPTH, true), JSONSuccess);
    QT_EQ(nested_arrays(JSON_MAX_DEPTH + 1, true), JSONMaxDepthExceeded);
    QT_EQ(nested_arrays(JSON_MAX_DEPTH + 1, false), JSONMaxDepthExceeded);
    QT_EQ(nested_arrays(JSON_MAX_DEPTH, false), JSONPartial);

    /* Objects count the same: {"a":{"a":...1...}} one level too deep. */
    for (size_t k = 0; k <= JSON_MAX_DEPTH; k++) {
        memcpy(&doc[len], "{\"a\":", 5);
        len += 5;
    }
    doc[len++] = '1';
    for (size_t k = 0; k <= JSON_MAX_DEPTH; k++) {
        doc[len++] = '}';
    }
    QT_EQ(validate(doc, len), JSONMaxDepthExceeded);
    QT_EQ(validate(doc + 5, len - 6), JSONSuccess); /* one level less */
}

/* A depth limit reached again and again (siblings) is not cumulative. */
static void test_JSON_Validate_depth_is_per_path(void)
{
    char doc[4 * JSON_MAX_DEPTH + 8];
    size_t len = 0;

    doc[len++] = '[';
    for (int rep = 0; rep < 2; rep++) {
        for (size_t k = 0; k < JSON_MAX_DEPTH - 1; k++) {
            doc[len++] = '[';
        }
        for (size_t k = 0; k < JSON_MAX_DEPTH - 1; k++) {
            doc[len++] = ']';
        }
        doc[len++] = ',';
    }
    doc[len - 1] = ']';
    QT_EQ(validate(doc, len), JSONSuccess);
}

static void test_JSON_Validate_bad_parameters(void)
{
    QT_EQ(JSON_Validate(NULL, 4), JSONNullParameter);
    QT_EQ(JSON_Validate(NULL, 0), JSONNullParameter);
    QT_EQ(JSON_Validate("{}", 0), JSONBadParameter);
    /* max bounds the document: what lies beyond is never looked at. */
    QT_EQ(JSON_Validate("{}garbage", 2), JSONSuccess);
    QT_EQ(JSON_Validate("[1,2]", 4), JSONPartial);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_accepts_valid_documents),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_accepts_escapes_and_utf8),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_rejects_bad_structure),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_rejects_bad_scalars),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_rejects_bad_strings),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_rejects_bad_utf8),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_reports_partial_documents),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_prefix_of_valid_is_never_illegal),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_depth_limit),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_depth_is_per_path),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_bad_parameters))
