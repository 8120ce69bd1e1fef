/* SPDX-License-Identifier: MIT */
/*
 * port_arm_util.c: see port_arm_util.h.
 */
#include "port_arm_util.h"

#include "arm_regs.h"
#include "board.h"
#include "qtest.h"

#include <string.h>

static char last_report[256];

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
