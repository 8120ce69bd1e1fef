/* SPDX-License-Identifier: MIT */
/*
 * FP context on the RISC-V port, built for boards with F (or F and D) only:
 * a task starts with mstatus.FS Off and its frames carry no FP state until
 * its first FP instruction, which the port turns into FS on (with zeroed FP
 * registers) instead of a fault. (That every FP register and fcsr survives
 * switches and interrupts is the conformance suite's, tests/port/.)
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "task.h"

static volatile uint32_t first_fcsr;

static void integer_only(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void uses_fpu(void *arg)
{
    volatile float x = 1.5f;
    uint32_t fcsr;

    (void)arg;
    __asm volatile("frcsr %0" : "=r"(fcsr)); /* the first FP instruction */
    first_fcsr = fcsr;
    for (;;) {
        x = x * 1.25f;
        vTaskSuspend(NULL);
    }
}

static void test_only_fp_tasks_carry_fp_state(void)
{
    TaskHandle_t plain, fp;

    first_fcsr = 0xFFFFFFFFu;
    QT_EQ(xTaskCreate(integer_only, "int", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1,
                      &plain),
          pdPASS);
    QT_EQ(xTaskCreate(uses_fpu, "fpu", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &fp),
          pdPASS);
    /* Both ran and suspended themselves, each saving a frame. */
    QT_EQ(port_test_frame_word(plain, RISCV_FRAME_MSTATUS) & RISCV_MSTATUS_FS_MASK, 0);
    QT_ASSERT((port_test_frame_word(fp, RISCV_FRAME_MSTATUS) & RISCV_MSTATUS_FS_MASK) != 0u);
    QT_EQ(first_fcsr, 0); /* enabled with a clean fcsr, whatever the previous FP task left */
    vTaskDelete(plain);
    vTaskDelete(fp);
}

QTEST_MAIN(QTEST_CASE(test_only_fp_tasks_carry_fp_state))
