/* SPDX-License-Identifier: MIT */
/*
 * test_json_separator.c: searching keys that contain dots. coreJSON's documented answer
 * is the JSON_QUERY_KEY_SEPARATOR option; this executable builds the library with
 * JSON_QUERY_KEY_SEPARATOR '/' (see CMakeLists.txt), so '.' is an ordinary key byte.
 */
#include "json_test_util.h"
#include "qtest.h"

static void test_JSON_Search_custom_separator_allows_dotted_keys(void)
{
    static const char doc[] = "{\"kubernetes.io/name\":\"x\",\"a.b\":{\"c.d\":[1,{\"e\":2}]},"
                              "\"a\":{\"b\":3}}";
    const char *value;
    size_t vlen;
    JSONTypes_t type;

    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("a.b/c.d[1]/e"), &value, &vlen, &type),
          JSONSuccess);
    QT_ASSERT(vlen == 1 && *value == '2' && type == JSONNumber);
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("a/b"), &value, &vlen, &type), JSONSuccess);
    QT_ASSERT(vlen == 1 && *value == '3');
    /* A '/' inside a key can no longer be named; a '.' now can. */
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("kubernetes.io/name"), &value, &vlen, NULL),
          JSONNotFound);
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("a.b"), &value, &vlen, &type), JSONSuccess);
    QT_EQ(type, JSONObject);
}

static void test_JSON_Search_custom_separator_empty_parts_rejected(void)
{
    static const char doc[] = "{\"a\":1}";
    const char *value;
    size_t vlen;

    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("a/"), &value, &vlen, NULL), JSONBadParameter);
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("/a"), &value, &vlen, NULL), JSONBadParameter);
    QT_EQ(JSON_SearchConst(doc, sizeof(doc) - 1, LIT("a//b"), &value, &vlen, NULL),
          JSONBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_JSON_Search_custom_separator_allows_dotted_keys),
           QTEST_CASE_NO_SCHEDULER(test_JSON_Search_custom_separator_empty_parts_rejected))
