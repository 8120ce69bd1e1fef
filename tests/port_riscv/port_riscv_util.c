/* SPDX-License-Identifier: MIT */
/*
 * port_riscv_util.c: see port_riscv_util.h. The configASSERT of the
 * port_riscv configuration lands in port_test_assert_failed; anything not
 * expected goes on to the harness, which aborts.
 */
#include "port_riscv_util.h"

#include "qtest.h"

static volatile unsigned expected;
static volatile unsigned seen;

void port_test_assert_failed(const char *file, int line);

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

uint32_t port_test_frame_word(TaskHandle_t task, unsigned offset)
{
    /* The TCB's first word is top_of_stack, which points at the saved frame. */
    const uint32_t *frame = *(uint32_t *const *)task;

    return frame[offset / sizeof(uint32_t)];
}
