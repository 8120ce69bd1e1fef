/* SPDX-License-Identifier: MIT */
/*
 * port_test_asserts.c: see port_test_asserts.h. A failure counted here is
 * one the test provoked on purpose; the caller's code continues after the
 * configASSERT, as an application's would with an assertion that returns.
 */
#include "port_test_asserts.h"

#include "qtest.h"

static volatile unsigned expected;
static volatile unsigned seen;

void port_test_assert_failed(const char *file, int line)
{
    if (expected > 0) {
        expected--;
        seen++;
        return;
    }
    qtest_assert_failed(file, line);
}

void port_test_expect_asserts(unsigned n)
{
    seen = 0;
    expected = n;
}

unsigned port_test_asserts_seen(void)
{
    expected = 0;
    return seen;
}
