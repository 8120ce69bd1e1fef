/* SPDX-License-Identifier: MIT */
/*
 * corpus_replay: runs every file of the MQTT corpus directory through both fuzz entry points
 * (built with AddressSanitizer and UBSan, so an over-read or undefined behaviour aborts), and
 * checks that mqtt_fuzz_deserialize returns the status the file's name starts with.
 * Usage: corpus_replay <corpus dir>. Prints "N passed, N failed".
 */
#include "mqtt_fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *prefix;
    MQTTStatus_t status;
} expectations[] = {
    {"success-", MQTTSuccess},         {"badresponse-", MQTTBadResponse},
    {"needmorebytes-", MQTTNeedMoreBytes}, {"serverrefused-", MQTTServerRefused},
    {"nodata-", MQTTNoDataAvailable},
};

static int expected_status(const char *name, MQTTStatus_t *status)
{
    for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
        if (strncmp(name, expectations[i].prefix, strlen(expectations[i].prefix)) == 0) {
            *status = expectations[i].status;
            return 1;
        }
    }
    return 0;
}

static long read_file(const char *path, uint8_t *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n;

    if (f == NULL) {
        return -1;
    }
    n = fread(buf, 1, cap, f);
    fclose(f);
    return (long)n;
}

int main(int argc, char **argv)
{
    static uint8_t data[1 << 20];
    unsigned passed = 0, failed = 0;
    struct dirent *e;
    DIR *dir;

    if (argc != 2 || (dir = opendir(argv[1])) == NULL) {
        printf("usage: corpus_replay <corpus dir>\n");
        return 2;
    }
    while ((e = readdir(dir)) != NULL) {
        char path[4096];
        MQTTStatus_t want, got;
        long n;

        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
        if ((n = read_file(path, data, sizeof(data))) < 0) {
            continue;
        }
        got = mqtt_fuzz_deserialize(data, (size_t)n);
        (void)mqtt_fuzz_process_loop(data, (size_t)n);
        if (expected_status(e->d_name, &want) && got != want) {
            printf("FAIL %s: status %d, expected %d\n", e->d_name, (int)got, (int)want);
            failed++;
        } else {
            printf("ok   %s\n", e->d_name);
            passed++;
        }
    }
    closedir(dir);
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
