/* SPDX-License-Identifier: MIT */
/*
 * The ARMv7-M SVC handler accepts only the kernel's SVC number (0, start the
 * first task): any other, from a task (frame on the process stack) or from a
 * handler (frame on the main stack), is reported through arm_port_report
 * naming the number and trips configASSERT; when the assertion returns, the
 * SVC returns having done nothing and the caller carries on.
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "board.h"
#include "task.h"

#include <string.h>

static volatile unsigned handler_runs;

static void test_unknown_svc_from_task_is_reported(void)
{
    volatile uint32_t kept = 0x5A5A1234u;

    port_test_clear_report();
    port_test_expect_asserts(1);
    __asm volatile("svc 7" ::: "memory");
    QT_EQ(port_test_asserts_seen(), 1);
    QT_ASSERT(strstr(port_test_last_report(), "SVC 7 is not a kernel service") != NULL);
    QT_EQ(kept, 0x5A5A1234u);
    vTaskDelay(2); /* the scheduler carries on */
}

static void svc_in_handler(void)
{
    handler_runs++;
    __asm volatile("svc 42" ::: "memory"); /* SVCall's priority is above this handler's */
    handler_runs++;
}

static void test_unknown_svc_from_handler_is_reported(void)
{
    unsigned irq;

    handler_runs = 0;
    port_test_clear_report();
    port_test_expect_asserts(1);
    irq = port_test_irq_setup(0, PRIO_BELOW_CEILING, svc_in_handler);
    arm_nvic_set_pending(irq);
    port_test_irq_teardown(irq);
    QT_EQ(handler_runs, 2);
    QT_EQ(port_test_asserts_seen(), 1);
    QT_ASSERT(strstr(port_test_last_report(), "SVC 42 is not a kernel service") != NULL);
}

QTEST_MAIN(QTEST_CASE(test_unknown_svc_from_task_is_reported),
           QTEST_CASE(test_unknown_svc_from_handler_is_reported))
