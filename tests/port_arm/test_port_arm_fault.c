/* SPDX-License-Identifier: MIT */
/*
 * The ARMv8-M port's UsageFault handler takes only a task's stack overflow
 * for itself (test_port_arm_psplim.c): any other UsageFault must reach the
 * board's fault report unchanged. A task executes an undefined instruction;
 * the port hands the fault on as a HardFault and the board prints it with
 * CFSR still saying UNDEFINSTR, then ends the run. The run never gets back
 * here: the ctest passes on that report line (tests/port_arm/CMakeLists.txt).
 */
#include "qtest.h"

#include "task.h"

static void undefined_instruction(void *arg)
{
    (void)arg;
    __asm volatile("udf #0");
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void test_other_usage_faults_reach_the_board_as_hardfault(void)
{
    TaskHandle_t t;

    printf("expect: the board's HardFault report, CFSR 0x00010000 (UNDEFINSTR)\n");
    fflush(stdout);
    QT_EQ(xTaskCreate(undefined_instruction, "udf", configMINIMAL_STACK_SIZE, NULL,
                      QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_ASSERT(0); /* the fault ended the run before this */
    vTaskDelete(t);
}

QTEST_MAIN(QTEST_CASE(test_other_usage_faults_reach_the_board_as_hardfault))
