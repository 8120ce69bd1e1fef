/* SPDX-License-Identifier: MIT */
/*
 * FPU context on the Cortex-M4F port (GCC_ARM_CM4F), built for boards with an
 * FPU only: lazy stacking is on, a task that never touches the FPU keeps the
 * basic exception frame (EXC_RETURN bit 4 set, no s16-s31 saved), a task
 * that does gets the extended one, and floating-point state (registers and
 * FPSCR) survives switches between tasks that all use the FPU.
 * (Register-by-register checks under interrupts: test_port_arm_registers.c.)
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "kernel.h"
#include "task.h"

#define EXC_RETURN_FP 0xFFFFFFEDu   /* Thread, PSP, extended frame */
#define EXC_RETURN_BASIC 0xFFFFFFFDu /* Thread, PSP, basic frame */
#define SAVED_EXC_RETURN_WORD 8      /* after r4-r11 in a task's saved context */

static volatile float results[3];
static volatile int rounds_done[3];

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

/* Each task runs its own series with its own rounding mode, yielding between steps. */
static void series_task(void *arg)
{
    const int id = (int)(intptr_t)arg;
    const uint32_t rmode = (uint32_t)id << 22; /* FPSCR rounding mode */
    float sum = 0.0f;
    uint32_t fpscr;

    __asm volatile("vmsr fpscr, %0" ::"r"(rmode));
    for (int i = 1; i <= 200; i++) {
        sum += 1.0f / (float)(i * (id + 1));
        taskYIELD();
        __asm volatile("vmrs %0, fpscr" : "=r"(fpscr));
        if ((fpscr & (3u << 22)) != rmode) {
            sum = -1.0f; /* another task's FPSCR leaked in */
            break;
        }
    }
    results[id] = sum;
    rounds_done[id] = 1;
    vTaskSuspend(NULL);
}

static void test_fp_state_survives_switches(void)
{
    TaskHandle_t t[3];
    float expect[3];

    for (int id = 0; id < 3; id++) {
        rounds_done[id] = 0;
        QT_EQ(xTaskCreate(series_task, "series", configMINIMAL_STACK_SIZE, (void *)(intptr_t)id,
                          QTEST_PRIORITY - 1, &t[id]),
              pdPASS);
    }
    vTaskDelay(50);
    for (int id = 0; id < 3; id++) {
        QT_EQ(rounds_done[id], 1);
        vTaskDelete(t[id]);
    }
    /* The same series computed here, without interruption, in round-to-nearest. */
    for (int id = 0; id < 3; id++) {
        expect[id] = 0.0f;
        for (int i = 1; i <= 200; i++) {
            expect[id] += 1.0f / (float)(i * (id + 1));
        }
    }
    QT_ASSERT(results[0] == expect[0]); /* task 0 also rounds to nearest: bit-identical */
    QT_ASSERT(results[1] > 0.0f && results[1] < expect[0]);
    QT_ASSERT(results[2] > 0.0f && results[2] < results[1]);
}

QTEST_MAIN(QTEST_CASE(test_lazy_stacking_enabled),
           QTEST_CASE(test_only_fpu_tasks_pay_for_fp_context),
           QTEST_CASE(test_fp_state_survives_switches))
