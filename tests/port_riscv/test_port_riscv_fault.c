/* SPDX-License-Identifier: MIT */
/*
 * A trap inside a trap handler: handlers never nest, so the port cannot
 * resume anything and must report it (riscv_port_exception with in_handler
 * set; the board prints "FAULT in a trap handler" and ends the run with
 * status 3). The case raises a software interrupt whose handler executes an
 * illegal instruction; the ctest passes on the board's report line, and
 * fails if the case ever returns.
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "board.h"

#define LINE 1u

static void faulting_handler(void)
{
    __asm volatile("unimp");
}

static void test_exception_in_handler_is_reported(void)
{
    board_soft_irq_set_handler(LINE, faulting_handler);
    board_soft_irq_raise(LINE);
    QT_ASSERT(!"the faulting handler returned");
}

QTEST_MAIN(QTEST_CASE(test_exception_in_handler_is_reported))
