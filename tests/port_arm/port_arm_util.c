/* SPDX-License-Identifier: MIT */
/*
 * port_arm_util.c: see port_arm_util.h. The configASSERT of the port_arm
 * configuration lands in port_test_assert_failed; anything not expected goes
 * on to the harness, which aborts.
 */
#include "port_arm_util.h"

#include "arm_regs.h"
#include "board.h"
#include "qtest.h"

#include <string.h>

static volatile unsigned expected;
static volatile unsigned seen;
static char last_report[256];

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

/* Overrides the board's (weak) console report so tests can read the line. */
void arm_port_report(const char *message)
{
    strncpy(last_report, message, sizeof(last_report) - 1);
    last_report[sizeof(last_report) - 1] = '\0';
    board_console_puts("  [port] ");
    board_console_puts(message);
    board_console_puts("\n");
}

const char *port_test_last_report(void)
{
    return last_report;
}

void port_test_clear_report(void)
{
    last_report[0] = '\0';
}

unsigned port_test_irq_setup(unsigned spare, uint8_t prio, void (*handler)(void))
{
    unsigned irq = board_spare_irq(spare);

    board_irq_set_handler(irq, handler);
    arm_nvic_set_priority(irq, prio);
    arm_nvic_clear_pending(irq);
    arm_nvic_enable(irq);
    return irq;
}

void port_test_irq_teardown(unsigned irq)
{
    arm_nvic_disable(irq);
    arm_nvic_clear_pending(irq);
    board_irq_set_handler(irq, NULL);
}
