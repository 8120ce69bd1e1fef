/* SPDX-License-Identifier: MIT */
/* qtest_port.h on the POSIX port: simulated interrupt lines and simulated busy time. */
#include "qtest_port.h"

#include "posix_port.h"

_Static_assert(QTEST_IRQ_COUNT <= POSIX_IRQ_COUNT, "the POSIX port has too few lines");

void qtest_busy_ticks(TickType_t n)
{
    posix_busy_ticks(n);
}

void qtest_irq_set_handler(unsigned irq, void (*handler)(void))
{
    posix_irq_set_handler(irq, handler);
}

void qtest_irq_raise(unsigned irq)
{
    posix_irq_raise(irq);
}
