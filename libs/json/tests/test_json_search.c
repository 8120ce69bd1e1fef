/* SPDX-License-Identifier: MIT */
/*
 * test_json_search.c: JSON_Search, JSON_SearchT and JSON_SearchConst — key paths, array
 * indexes, value pointers and types, what counts as "not found", and the query grammar
 * (bad queries are JSONBadParameter whatever the document).
 */
#include "json_test_util.h"
#include "qtest.h"

/* Search doc (copied to an exact-size block) and return the status; on success check
 * the value's offset in the document, its length and type. */
static JSONStatus_t search_at(int line, const char *doc, const char *query, long want_off,
                              size_t want_len, JSONTypes_t want_type)
{
    size_t len = strlen(doc);
    char *copy = json_test_copy(doc, len);
    char *value = NULL;
    size_t vlen = 0;
    JSONTypes_t type = JSONInvalid;
    JSONStatus_t st = JSON_SearchT(copy, len, query, strlen(query), &value, &vlen, &type);

    if (st == JSONSuccess && (value - copy != want_off || vlen != want_len || type != want_type)) {
        qtest_fail(__FILE__, line, "query \"%s\": offset %ld len %zu type %d, expected %ld %zu %d",
                   query, (long)(value - copy), vlen, (int)type, want_off, want_len,
                   (int)want_type);
    }
    free(copy);
    return st;
}

/* Expect the query to find `text` (the value's bytes) of type `type`. */
static void expect_found(int line, const char *doc, const char *query, const char *text,
                         JSONTypes_t type)
{
    const char *at = strstr(doc, text);
    long off = at ? (long)(at - doc) : -1;
    JSONStatus_t st = search_at(line, doc, query, off, strlen(text), type);

    if (st != JSONSuccess) {
        qtest_fail(__FILE__, line, "query \"%s\": status %d", query, (int)st);
    }
}
#define FOUND(doc, q, text, type) expect_found(__LINE__, doc, q, text, type)

static JSONStatus_t status_of(const char *doc, const char *query)
{
    return search_at(__LINE__, doc, query, 0, 0, JSONInvalid);
}

static void test_JSON_Search_documented_examples(void)
{
    const char *obj = "{\"foo\":\"abc\",\"bar\":{\"foo\":\"xyz\"}}";
    const char *arr = "[123,456,{\"foo\":\"abc\",\"bar\":[88,99]}]";

    FOUND(obj, "foo", "abc", JSONString);
    FOUND(obj, "bar", "{\"foo\":\"xyz\"}", JSONObject);
    FOUND(obj, "bar.foo", "xyz", JSONString);
    FOUND(arr, "[1]", "456", JSONNumber);
    FOUND(arr, "[0]", "123", JSONNumber);
    FOUND(arr, "[2].foo", "abc", JSONString);
    FOUND(arr, "[2].bar[0]", "88", JSONNumber);
    FOUND(arr, "[2].bar[1]", "99", JSONNumber);
    FOUND(arr, "[2].bar", "[88,99]", JSONArray);
    QT_EQ(status_of(arr, "[2].bar[2]"), JSONNotFound);
    QT_EQ(status_of(arr, "[3]"), JSONNotFound);
}

static void test_JSON_Search_reports_every_type(void)
{
    const char *doc = "{\"s\":\"str\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,"
                      "\"o\":{},\"a\":[],\"e\":\"\"}";

    FOUND(doc, "s", "str", JSONString);
    FOUND(doc, "n", "-1.5e3", JSONNumber);
    FOUND(doc, "t", "true", JSONTrue);
    FOUND(doc, "f", "false", JSONFalse);
    FOUND(doc, "z", "null", JSONNull);
    FOUND(doc, "o", "{}", JSONObject);
    FOUND(doc, "a", "[]", JSONArray);
    /* An empty string: length 0, pointing at its closing quote. */
    QT_EQ(search_at(__LINE__, doc, "e", (long)strlen(doc) - 2, 0, JSONString), JSONSuccess);
}

static void test_JSON_Search_walks_whitespace_and_nesting(void)
{
    const char *doc = " \n{ \"a\" : [ 1 , { \"b\" : \"c\" } ] ,\"d\":[[1,2],[3,[4,5]]] } ";

    FOUND(doc, "a[1].b", "c", JSONString);
    FOUND(doc, "a[1]", "{ \"b\" : \"c\" }", JSONObject);
    FOUND(doc, "d[1][1][0]", "4", JSONNumber);
    FOUND(doc, "d[1][1][1]", "5", JSONNumber);
    FOUND(doc, "d[0]", "[1,2]", JSONArray);
    /* A separator before an index is accepted too: "a.[1]" is "a[1]". */
    FOUND(doc, "a.[1].b", "c", JSONString);
}

/* Keys are compared byte for byte as written, escapes included; the first duplicate wins. */
static void test_JSON_Search_matches_raw_key_bytes(void)
{
    FOUND("{\"a\\\"b\":1}", "a\\\"b", "1", JSONNumber);
    FOUND("{\"caf\\u00e9\":2}", "caf\\u00e9", "2", JSONNumber);
    QT_EQ(status_of("{\"caf\\u00e9\":2}", "caf\xC3\xA9"), JSONNotFound);
    FOUND("{\"caf\xC3\xA9\":3}", "caf\xC3\xA9", "3", JSONNumber);
    FOUND("{\"k\":1,\"k\":2}", "k", "1", JSONNumber);
    QT_EQ(status_of("{\"ab\":1}", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":1}", "ab"), JSONNotFound);
    QT_EQ(status_of("{\"A\":1}", "a"), JSONNotFound);
    /* A key is never matched against a value that happens to be the same string. */
    QT_EQ(status_of("{\"x\":\"a\",\"y\":1}", "a"), JSONNotFound);
}

/* With the default separator a dotted key cannot be named: "a.b" descends. */
static void test_JSON_Search_dot_in_key_with_default_separator(void)
{
    const char *doc = "{\"a.b\":1,\"a\":{\"b\":2}}";

    FOUND(doc, "a.b", "2", JSONNumber);
    QT_EQ(status_of("{\"a.b\":1}", "a.b"), JSONNotFound);
}

static void test_JSON_Search_type_mismatch_is_not_found(void)
{
    QT_EQ(status_of("[1,2]", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":1}", "[0]"), JSONNotFound);
    QT_EQ(status_of("{\"a\":1}", "a.b"), JSONNotFound);
    QT_EQ(status_of("{\"a\":\"xyz\"}", "a[0]"), JSONNotFound);
    QT_EQ(status_of("1", "a"), JSONNotFound);
    QT_EQ(status_of("\"a\"", "[0]"), JSONNotFound);
    QT_EQ(status_of("{}", "a"), JSONNotFound);
    QT_EQ(status_of("[]", "[0]"), JSONNotFound);
    QT_EQ(status_of("   ", "a"), JSONNotFound);
}

/* The search checks what it walks: malformed text before the match hides it, text after
 * the match does not matter, and a truncated or malformed value is not returned. */
static void test_JSON_Search_malformed_documents(void)
{
    QT_EQ(status_of("{\"a\":1x,\"b\":2}", "b"), JSONNotFound);
    QT_EQ(status_of("{\"a\":[1,],\"b\":2}", "b"), JSONNotFound);
    FOUND("{\"a\":1,\"b\":[}", "a", "1", JSONNumber);
    QT_EQ(status_of("{\"a\":[1,}]", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":1", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":tru}", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":01}", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\" 1}", "a"), JSONNotFound);
    QT_EQ(status_of("{\"a\":\"\xC0\x80\"}", "a"), JSONNotFound);
    QT_EQ(status_of("[1 2]", "[0]"), JSONNotFound);
}

static void test_JSON_Search_skips_values_deeper_than_limit(void)
{
    char doc[3 * JSON_MAX_DEPTH + 32];
    size_t len = 0;

    memcpy(doc, "{\"deep\":", 8);
    len = 8;
    for (size_t k = 0; k <= JSON_MAX_DEPTH; k++) {
        doc[len++] = '[';
    }
    for (size_t k = 0; k <= JSON_MAX_DEPTH; k++) {
        doc[len++] = ']';
    }
    memcpy(&doc[len], ",\"x\":7}", 8);
    QT_EQ(status_of(doc, "x"), JSONNotFound);
    QT_EQ(status_of(doc, "deep"), JSONNotFound);
    /* One level less is fine. */
    memmove(&doc[8], &doc[9], strlen(&doc[9]) + 1);
    memmove(&doc[8 + JSON_MAX_DEPTH], &doc[9 + JSON_MAX_DEPTH],
            strlen(&doc[9 + JSON_MAX_DEPTH]) + 1);
    FOUND(doc, "x", "7", JSONNumber);
}

/* JSON_SearchT hands back a writable pointer: the documented NUL-swap works. */
static void test_JSON_SearchT_value_is_writable(void)
{
    char buffer[] = "{\"foo\":\"abc\",\"bar\":{\"foo\":\"xyz\"}}";
    char *value;
    size_t vlen;

    QT_EQ(JSON_Search(buffer, sizeof(buffer) - 1, "bar.foo", 7, &value, &vlen), JSONSuccess);
    QT_EQ(vlen, 3);
    char save = value[vlen];
    value[vlen] = '\0';
    QT_ASSERT(strcmp(value, "xyz") == 0);
    value[vlen] = save;
    QT_EQ(JSON_Validate(buffer, sizeof(buffer) - 1), JSONSuccess);
    QT_EQ(JSON_SearchT(buffer, sizeof(buffer) - 1, "foo", 3, &value, &vlen, NULL), JSONSuccess);
    QT_ASSERT(vlen == 3 && memcmp(value, "abc", 3) == 0);
}

static void test_JSON_SearchConst_finds_in_const_buffer(void)
{
    static const char doc[] = "{\"list\":[10,20,30]}";
    const char *value = NULL;
    size_t vlen = 0;
    JSONTypes_t type = JSONInvalid;

    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, "list[2]", 7, &value, &vlen, &type), JSONSuccess);
    QT_PTR_EQ(value, &doc[15]);
    QT_EQ(vlen, 2);
    QT_EQ(type, JSONNumber);
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, "list", 4, &value, &vlen, NULL), JSONSuccess);
    QT_EQ(vlen, 10);
}

/* Only queryLength bytes of the query count. */
static void test_JSON_Search_query_length_bounds_query(void)
{
    char doc[] = "{\"ab\":1,\"a\":2}";
    char *value;
    size_t vlen;

    QT_EQ(JSON_Search(doc, sizeof(doc) - 1, "abc", 1, &value, &vlen), JSONSuccess);
    QT_ASSERT(vlen == 1 && *value == '2');
}

static void test_JSON_Search_index_limit(void)
{
    QT_EQ(status_of("[1]", "[2147483639]"), JSONNotFound); /* MAX_INDEX_VALUE itself */
    QT_EQ(status_of("[1]", "[2147483640]"), JSONBadParameter);
    QT_EQ(status_of("[1]", "[99999999999999999999999]"), JSONBadParameter);
    FOUND("[5,6]", "[0001]", "6", JSONNumber);
}

static void test_JSON_Search_bad_queries(void)
{
    static const char *const bad[] = {
        ".a",   "a.",   "a..b", ".",     "[",     "[]",   "[a]",  "[1",   "[-1]",
        "[+1]", "[ 1]", "[0]x", "a[0]b", "a[0]]", "[0].", "a.b.", "[1][", "x[]",
    };

    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        JSONStatus_t st = status_of("{\"a\":{\"b\":[1]}}", bad[k]);
        if (st != JSONBadParameter) {
            qtest_fail(__FILE__, __LINE__, "query \"%s\": status %d", bad[k], (int)st);
        }
    }
    /* The query is checked even when the document has no match or is not JSON. */
    QT_EQ(status_of("garbage", "a."), JSONBadParameter);
}

static void test_JSON_Search_bad_parameters(void)
{
    char doc[] = "{\"a\":1}";
    const char *cvalue;
    char *value;
    size_t vlen;

    QT_EQ(JSON_Search(NULL, 7, "a", 1, &value, &vlen), JSONNullParameter);
    QT_EQ(JSON_Search(doc, 7, NULL, 1, &value, &vlen), JSONNullParameter);
    QT_EQ(JSON_Search(doc, 7, "a", 1, NULL, &vlen), JSONNullParameter);
    QT_EQ(JSON_Search(doc, 7, "a", 1, &value, NULL), JSONNullParameter);
    QT_EQ(JSON_Search(doc, 0, "a", 1, &value, &vlen), JSONBadParameter);
    QT_EQ(JSON_Search(doc, 7, "a", 0, &value, &vlen), JSONBadParameter);
    QT_EQ(JSON_SearchConst(doc, 7, "a", 1, NULL, &vlen, NULL), JSONNullParameter);
    QT_EQ(JSON_SearchConst(NULL, 7, "a", 1, &cvalue, &vlen, NULL), JSONNullParameter);
    QT_EQ(JSON_SearchConst(doc, 0, "a", 1, &cvalue, &vlen, NULL), JSONBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_JSON_Search_documented_examples),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_reports_every_type),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_walks_whitespace_and_nesting),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_matches_raw_key_bytes),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_dot_in_key_with_default_separator),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_type_mismatch_is_not_found),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_malformed_documents),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_skips_values_deeper_than_limit),
           QTEST_CASE_NO_SCHEDULER(test_JSON_SearchT_value_is_writable),
           QTEST_CASE_NO_SCHEDULER(test_JSON_SearchConst_finds_in_const_buffer),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_query_length_bounds_query),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_index_limit),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_bad_queries),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_bad_parameters))
