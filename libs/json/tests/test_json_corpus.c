/* SPDX-License-Identifier: MIT */
/*
 * test_json_corpus.c: replays the fuzz corpus (libs/json/fuzz/corpus) under the test
 * build's sanitizers. Each subdirectory names the JSON_Validate status its files must
 * get (success, partial, illegal, maxdepth); every file is also searched and iterated,
 * which must not crash or read out of bounds whatever it holds.
 */
#include "json_test_util.h"
#include "qtest.h"

#include <dirent.h>
#include <stdio.h>

#ifndef JSON_CORPUS_DIR
#error "JSON_CORPUS_DIR must name the corpus directory"
#endif

static const struct {
    const char *dir;
    JSONStatus_t status;
} kinds[] = {
    {"success", JSONSuccess},
    {"partial", JSONPartial},
    {"illegal", JSONIllegalDocument},
    {"maxdepth", JSONMaxDepthExceeded},
};

static size_t read_file(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    if (f != NULL) {
        n = fread(buf, 1, cap, f);
        fclose(f);
    }
    return n;
}

static void exercise(const char *doc, size_t len)
{
    const char *value;
    size_t vlen, start = 0, next = 0;
    JSONPair_t pair;

    (void)JSON_SearchConst(doc, len, "a.b[0]", 6, &value, &vlen, NULL);
    (void)JSON_SearchConst(doc, len, "[0]", 3, &value, &vlen, NULL);
    while (JSON_Iterate(doc, len, &start, &next, &pair) == JSONSuccess) {
    }
}

/* Replay one directory; returns how many files it held. */
static int replay_dir(const char *name, JSONStatus_t want)
{
    static char data[64 * 1024];
    char path[512];
    int files = 0;
    DIR *d;
    struct dirent *e;

    snprintf(path, sizeof(path), "%s/%s", JSON_CORPUS_DIR, name);
    d = opendir(path);
    if (d == NULL) {
        qtest_fail(__FILE__, __LINE__, "cannot open %s", path);
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s/%s", JSON_CORPUS_DIR, name, e->d_name);
        size_t len = read_file(path, data, sizeof(data));
        char *doc = json_test_copy(data, len);
        JSONStatus_t got = len ? JSON_Validate(doc, len) : JSONBadParameter;
        if (got != want) {
            qtest_fail(__FILE__, __LINE__, "%s/%s: status %d, expected %d", name, e->d_name,
                       (int)got, (int)want);
        }
        if (len) {
            exercise(doc, len);
        }
        free(doc);
        files++;
    }
    closedir(d);
    return files;
}

static void test_JSON_Validate_corpus_statuses(void)
{
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        int files = replay_dir(kinds[k].dir, kinds[k].status);
        if (files == 0) {
            qtest_fail(__FILE__, __LINE__, "corpus directory %s is empty", kinds[k].dir);
        }
        printf("corpus %-9s %d files\n", kinds[k].dir, files);
    }
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_JSON_Validate_corpus_statuses))
