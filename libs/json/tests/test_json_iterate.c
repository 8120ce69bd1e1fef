/* SPDX-License-Identifier: MIT */
/*
 * test_json_iterate.c: JSON_Iterate over objects and arrays — order, keys, values and
 * types of the members, the start/next protocol, nested collections, the end of a
 * collection, malformed collections and bad parameters.
 */
#include "json_test_util.h"
#include "qtest.h"

struct expect_pair {
    const char *key; /* NULL for array elements */
    const char *value;
    JSONTypes_t type;
};

/* Iterate doc (exact-size copy) and compare with want[0 .. n), then expect JSONNotFound. */
static void expect_members(int line, const char *doc, const struct expect_pair *want, size_t n)
{
    size_t len = strlen(doc);
    char *copy = json_test_copy(doc, len);
    size_t start = 0, next = 0, k = 0;
    JSONPair_t pair;
    JSONStatus_t st;

    while ((st = JSON_Iterate(copy, len, &start, &next, &pair)) == JSONSuccess && k < n) {
        bool key_ok = (want[k].key == NULL)
                          ? (pair.key == NULL && pair.keyLength == 0)
                          : (pair.key != NULL && pair.keyLength == strlen(want[k].key) &&
                             memcmp(pair.key, want[k].key, pair.keyLength) == 0);
        bool value_ok = pair.valueLength == strlen(want[k].value) &&
                        memcmp(pair.value, want[k].value, pair.valueLength) == 0;
        if (!key_ok || !value_ok || pair.jsonType != want[k].type) {
            qtest_fail(__FILE__, line, "member %zu: \"%.*s\" = \"%.*s\" type %d", k,
                       (int)pair.keyLength, pair.key ? pair.key : "", (int)pair.valueLength,
                       pair.value, (int)pair.jsonType);
        }
        k++;
    }
    if (k != n || st != JSONNotFound) {
        qtest_fail(__FILE__, line, "%zu members then status %d, expected %zu then NotFound", k,
                   (int)st, n);
    }
    /* Past the end it stays at the end. */
    if (JSON_Iterate(copy, len, &start, &next, &pair) != JSONNotFound) {
        qtest_fail(__FILE__, line, "no JSONNotFound after the end");
    }
    free(copy);
}

static void test_JSON_Iterate_object_members_in_order(void)
{
    static const struct expect_pair want[] = {
        {"a", "1", JSONNumber},     {"b", "x", JSONString},
        {"c", "[1, 2]", JSONArray}, {"d", "{\"e\":null}", JSONObject},
        {"f", "true", JSONTrue},    {"g", "false", JSONFalse},
        {"h", "null", JSONNull},    {"", "", JSONString},
    };
    expect_members(__LINE__,
                   "{\"a\":1,\"b\":\"x\",\"c\":[1, 2],\"d\":{\"e\":null},\"f\":true,"
                   "\"g\":false,\"h\":null,\"\":\"\"}",
                   want, sizeof(want) / sizeof(want[0]));
}

static void test_JSON_Iterate_array_elements_have_no_key(void)
{
    static const struct expect_pair want[] = {
        {NULL, "1", JSONNumber},   {NULL, "two", JSONString},     {NULL, "{}", JSONObject},
        {NULL, "[[]]", JSONArray}, {NULL, "-0.5e-2", JSONNumber},
    };
    expect_members(__LINE__, "[1,\"two\",{},[[]],-0.5e-2]", want, 5);
}

static void test_JSON_Iterate_whitespace_everywhere(void)
{
    static const struct expect_pair want[] = {{"k", "v", JSONString}, {"n", "2", JSONNumber}};
    expect_members(__LINE__, " \r\n\t{ \"k\" : \"v\" ,\n \"n\":2 } \n", want, 2);
}

static void test_JSON_Iterate_empty_collections(void)
{
    expect_members(__LINE__, "{}", NULL, 0);
    expect_members(__LINE__, "[ ]", NULL, 0);
    expect_members(__LINE__, "  { \n }", NULL, 0);
}

/* start becomes the opening bracket's index, next the end of the member last output. */
static void test_JSON_Iterate_start_and_next_protocol(void)
{
    static const char doc[] = "  [10, 20]";
    size_t start = 0, next = 0;
    JSONPair_t pair;

    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONSuccess);
    QT_EQ(start, 2);
    QT_EQ(next, 5);
    QT_PTR_EQ(pair.value, &doc[3]);
    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONSuccess);
    QT_EQ(next, 9);
    QT_PTR_EQ(pair.value, &doc[7]);
    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONNotFound);
    QT_EQ(next, 9);
    QT_PTR_EQ(pair.value, &doc[7]); /* untouched */
}

/* A collection further into the buffer: start names where to look, next is 0. */
static void test_JSON_Iterate_from_an_offset(void)
{
    static const char doc[] = "{\"list\":[true,false]}";
    size_t start = 8, next = 0;
    JSONPair_t pair;

    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONSuccess);
    QT_EQ(pair.jsonType, JSONTrue);
    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONSuccess);
    QT_EQ(pair.jsonType, JSONFalse);
    QT_EQ(JSON_Iterate(doc, sizeof(doc) - 1, &start, &next, &pair), JSONNotFound);
}

/* The documented way into a nested collection: search it, iterate the value found. */
static void test_JSON_Iterate_nested_after_search(void)
{
    static const char doc[] = "{\"cfg\":{\"rate\":5,\"mode\":\"fast\"},\"x\":1}";
    const char *value;
    size_t vlen, start = 0, next = 0, count = 0;
    JSONPair_t pair;

    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, "cfg", 3, &value, &vlen, NULL), JSONSuccess);
    while (JSON_Iterate(value, vlen, &start, &next, &pair) == JSONSuccess) {
        count++;
    }
    QT_EQ(count, 2);
    QT_ASSERT(pair.keyLength == 4 && memcmp(pair.key, "mode", 4) == 0);
    QT_ASSERT(pair.valueLength == 4 && memcmp(pair.value, "fast", 4) == 0);
}

static void test_JSON_Iterate_not_a_collection(void)
{
    size_t start = 0, next = 0;
    JSONPair_t pair;

    QT_EQ(JSON_Iterate("1", 1, &start, &next, &pair), JSONIllegalDocument);
    start = next = 0;
    QT_EQ(JSON_Iterate("\"ab\"", 4, &start, &next, &pair), JSONIllegalDocument);
    start = next = 0;
    QT_EQ(JSON_Iterate("   ", 3, &start, &next, &pair), JSONIllegalDocument);
    start = 0;
    next = 1;
    QT_EQ(JSON_Iterate("x[1]", 4, &start, &next, &pair), JSONIllegalDocument);
}

/* Malformed members stop the walk with JSONIllegalDocument where they are met. */
static void test_JSON_Iterate_malformed_collection(void)
{
    static const char *const docs[] = {
        "[1,]", "[1 2]",   "{\"a\":1,}", "{\"a\" 1}", "{1:2}",
        "[1,",  "{\"a\":", "[01]",       "[\"\\q\"]", "{\"a\":1 \"b\":2}"};
    static const int good_members[] = {1, 0, 1, 0, 0, 1, 0, 0, 0, 0};

    for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++) {
        size_t len = strlen(docs[k]);
        char *copy = json_test_copy(docs[k], len);
        size_t start = 0, next = 0;
        int good = 0;
        JSONPair_t pair;
        JSONStatus_t st;
        while ((st = JSON_Iterate(copy, len, &start, &next, &pair)) == JSONSuccess) {
            good++;
        }
        if (st != JSONIllegalDocument || good != good_members[k]) {
            qtest_fail(__FILE__, __LINE__, "\"%s\": %d members then %d", docs[k], good, (int)st);
        }
        free(copy);
    }
}

static void test_JSON_Iterate_bad_parameters(void)
{
    static const char doc[] = "[1,2]";
    size_t start = 0, next = 0;
    JSONPair_t pair;

    QT_EQ(JSON_Iterate(NULL, 5, &start, &next, &pair), JSONNullParameter);
    QT_EQ(JSON_Iterate(doc, 5, NULL, &next, &pair), JSONNullParameter);
    QT_EQ(JSON_Iterate(doc, 5, &start, NULL, &pair), JSONNullParameter);
    QT_EQ(JSON_Iterate(doc, 5, &start, &next, NULL), JSONNullParameter);
    QT_EQ(JSON_Iterate(doc, 0, &start, &next, &pair), JSONBadParameter);
    start = 5;
    QT_EQ(JSON_Iterate(doc, 5, &start, &next, &pair), JSONBadParameter);
    start = 0;
    next = 6;
    QT_EQ(JSON_Iterate(doc, 5, &start, &next, &pair), JSONBadParameter);
    start = 2;
    next = 1; /* next must lie after start once iteration has begun */
    QT_EQ(JSON_Iterate(doc, 5, &start, &next, &pair), JSONBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_object_members_in_order),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_array_elements_have_no_key),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_whitespace_everywhere),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_empty_collections),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_start_and_next_protocol),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_from_an_offset),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_nested_after_search),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_not_a_collection),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_malformed_collection),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Iterate_bad_parameters))
