/* SPDX-License-Identifier: MIT */
/*
 * The ARMv8-M port checks configRUN_FREERTOS_SECURE_ONLY against the security
 * state the scheduler starts in. Built in the port_arm_nonsecure configuration
 * (configRUN_FREERTOS_SECURE_ONLY 0) for a board that runs Secure: the SVC
 * handler must report the mismatch and fail configASSERT before the first
 * task runs with an EXC_RETURN for the wrong state. The assertion is counted
 * (port_arm_util.h) rather than ending the run; what follows it is undefined
 * (the return to the task faults), so the ctest passes on the report line
 * (tests/port_arm/CMakeLists.txt).
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "task.h"

static void test_wrong_security_state_is_reported_at_start(void)
{
    /* Not reached on a Secure core: the scheduler start has failed already. */
    QT_ASSERT(0);
}

int main(void)
{
    static const struct qtest_case cases[] = {
        QTEST_CASE(test_wrong_security_state_is_reported_at_start)};

    port_test_expect_asserts(1);
    return qtest_run(cases, sizeof(cases) / sizeof(cases[0]));
}
