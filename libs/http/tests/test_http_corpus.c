/* SPDX-License-Identifier: MIT */
/*
 * test_http_corpus.c: replays libs/http/fuzz/corpus under the test build's sanitizers. Each
 * subdirectory is named after the status (HTTPClient_strerror's name) that receiving its
 * files must give, delivered whole and then byte by byte, into a 4 KiB buffer, with the
 * server quiet afterwards. Extra bytes after a "Connection: close" response are only seen
 * when they arrive together with it, so byte by byte that case succeeds instead. Every
 * buffer is then also searched with HTTPClient_ReadHeader.
 */
#include "http_test_util.h"
#include "qtest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HTTP_CORPUS_DIR
#error "HTTP_CORPUS_DIR must name the corpus directory"
#endif

#define REPLAY_BUFFER 4096

static HTTPStatus_t status_named(const char *name)
{
    for (int s = HTTPSuccess; s <= HTTPInvalidResponse; s++) {
        if (strcmp(HTTPClient_strerror((HTTPStatus_t)s), name) == 0) {
            return (HTTPStatus_t)s;
        }
    }
    return (HTTPStatus_t)-1;
}

static size_t read_file(const char *path, uint8_t *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    if (f != NULL) {
        n = fread(buf, 1, cap, f);
        fclose(f);
    }
    return n;
}

static void replay_one(const char *path, const uint8_t *data, size_t len, HTTPStatus_t want)
{
    static const char *const names[] = {"Content-Length", "Transfer-Encoding", "x"};
    uint8_t *buf = malloc(REPLAY_BUFFER);

    for (size_t m = 0; m < 2; m++) {
        HTTPResponse_t r = {0};
        HTTPStatus_t got =
            http_test_receive(data, len, &feed_modes[m], false, 0, buf, REPLAY_BUFFER, &r);
        HTTPStatus_t expect = want;
        if (m != 0 && want == HTTPSecurityAlertExtraneousResponseData) {
            expect = HTTPSuccess;
        }
        if (got != expect) {
            qtest_fail(__FILE__, __LINE__, "%s (%s): %s", path, feed_modes[m].name,
                       HTTPClient_strerror(got));
        }
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
            const char *v;
            size_t vlen;
            (void)HTTPClient_ReadHeader(&r, names[k], strlen(names[k]), &v, &vlen);
        }
    }
    free(buf);
}

static int replay_dir(const char *status_name)
{
    static uint8_t data[64 * 1024];
    char path[512];
    int files = 0;
    HTTPStatus_t want = status_named(status_name);
    DIR *d;
    struct dirent *e;

    snprintf(path, sizeof(path), "%s/%s", HTTP_CORPUS_DIR, status_name);
    if ((int)want < 0 || (d = opendir(path)) == NULL) {
        qtest_fail(__FILE__, __LINE__, "bad corpus directory %s", path);
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s/%s", HTTP_CORPUS_DIR, status_name, e->d_name);
        replay_one(path, data, read_file(path, data, sizeof(data)), want);
        files++;
    }
    closedir(d);
    return files;
}

static void test_HTTPClient_Send_corpus_statuses(void)
{
    DIR *d = opendir(HTTP_CORPUS_DIR);
    struct dirent *e;
    int dirs = 0;

    QT_ASSERT(d != NULL);
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        int files = replay_dir(e->d_name);
        printf("corpus %-40s %d files\n", e->d_name, files);
        QT_ASSERT(files > 0);
        dirs++;
    }
    if (d != NULL) {
        closedir(d);
    }
    QT_ASSERT(dirs >= 9);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_HTTPClient_Send_corpus_statuses))
