/* SPDX-License-Identifier: MIT */
/*
 * FPU context on the Cortex-M4F port (GCC_ARM_CM4F), built for boards with an
 * FPU only: lazy stacking is on, a task that never touches the FPU keeps the
 * basic exception frame (EXC_RETURN bit 4 set, no s16-s31 saved), a task
 * that does gets the extended one. (That every FP register and FPSCR survives
 * switches and interrupts is the conformance suite's, tests/port/.)
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "kernel.h"
#include "task.h"

#define EXC_RETURN_FP 0xFFFFFFEDu    /* Thread, PSP, extended frame */
#define EXC_RETURN_BASIC 0xFFFFFFFDu /* Thread, PSP, basic frame */
#define SAVED_EXC_RETURN_WORD 8      /* after r4-r11 in a task's saved context */

static void test_lazy_stacking_enabled(void)
{
    QT_EQ(ARM_FPCCR & (ARM_FPCCR_ASPEN | ARM_FPCCR_LSPEN), ARM_FPCCR_ASPEN | ARM_FPCCR_LSPEN);
    QT_EQ(ARM_CPACR & ARM_CPACR_CP10_CP11_FULL, ARM_CPACR_CP10_CP11_FULL);
}

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

    (void)arg;
    for (;;) {
        x = x * 1.25f;
        vTaskSuspend(NULL);
    }
}

static uint32_t saved_exc_return(TaskHandle_t t)
{
    return ((tcb_t *)t)->top_of_stack[SAVED_EXC_RETURN_WORD];
}

static void test_only_fpu_tasks_pay_for_fp_context(void)
{
    TaskHandle_t plain, fp;

    QT_EQ(xTaskCreate(integer_only, "int", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1,
                      &plain),
          pdPASS);
    QT_EQ(xTaskCreate(uses_fpu, "fpu", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &fp),
          pdPASS);
    /* Both ran and suspended themselves: each context was saved by PendSV. */
    QT_EQ(saved_exc_return(plain), EXC_RETURN_BASIC);
    QT_EQ(saved_exc_return(fp), EXC_RETURN_FP);
    vTaskDelete(plain);
    vTaskDelete(fp);
}

QTEST_MAIN(QTEST_CASE(test_lazy_stacking_enabled),
           QTEST_CASE(test_only_fpu_tasks_pay_for_fp_context))
