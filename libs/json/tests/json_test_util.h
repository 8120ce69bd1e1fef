/* SPDX-License-Identifier: MIT */
/*
 * json_test_util.h: helpers shared by the JSON tests.
 *
 * Documents are copied into a heap block of exactly their length before each call, so
 * any read past the end is an AddressSanitizer error in the asan builds (a string
 * literal's NUL would hide it). These are host-side buffers (libc malloc), not the
 * kernel heap whose balance the harness checks.
 */
#ifndef JSON_TEST_UTIL_H
#define JSON_TEST_UTIL_H

#include "core_json.h"

#include <stdlib.h>
#include <string.h>

/* A copy of doc[0 .. len) in a block of exactly len bytes (one byte when len is 0). */
static inline char *json_test_copy(const char *doc, size_t len)
{
    char *p = malloc(len ? len : 1);
    if (p != NULL) {
        memcpy(p, doc, len);
    }
    return p;
}

/* A literal and its length without the terminating NUL (embedded NULs count). */
#define LIT(s) (s), (sizeof(s) - 1)

#endif /* JSON_TEST_UTIL_H */
