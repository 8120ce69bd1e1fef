/* SPDX-License-Identifier: MIT */
/*
 * FP context on the RISC-V port, built for boards with F (or F and D) only:
 * a task starts with mstatus.FS Off and its frames carry no FP state until
 * its first FP instruction, which the port turns into FS on (with zeroed FP
 * registers) instead of a fault; from then on its registers and its fcsr
 * (rounding mode) survive preemption by other FP tasks.
 * (Register-by-register checks under interrupts: test_port_riscv_registers.c.)
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "task.h"

#define FRM_SHIFT 5 /* fcsr.frm */

static volatile float results[3];
static volatile int rounds_done[3];
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

/* Each task runs its own series with its own rounding mode, yielding between steps. */
static void series_task(void *arg)
{
    const int id = (int)(intptr_t)arg;
    const uint32_t frm = (uint32_t)(id == 0 ? 0 : id + 1); /* RNE, RDN, RUP */
    float sum = 0.0f;
    uint32_t fcsr;

    __asm volatile("fscsr %0" ::"r"(frm << FRM_SHIFT));
    for (int i = 1; i <= 200; i++) {
        sum += 1.0f / (float)(i * (id + 1));
        taskYIELD();
        __asm volatile("frcsr %0" : "=r"(fcsr));
        if (((fcsr >> FRM_SHIFT) & 7u) != frm) {
            sum = -1.0f; /* another task's rounding mode leaked in */
            break;
        }
    }
    results[id] = sum;
    rounds_done[id] = 1;
    vTaskSuspend(NULL);
}

/* The same series computed here, without interruption, in rounding mode frm. */
static float series_here(int id, uint32_t frm)
{
    float sum = 0.0f;

    __asm volatile("fscsr %0" ::"r"(frm << FRM_SHIFT));
    for (int i = 1; i <= 200; i++) {
        sum += 1.0f / (float)(i * (id + 1));
    }
    __asm volatile("fscsr zero");
    return sum;
}

static void test_fp_state_survives_switches(void)
{
    TaskHandle_t t[3];

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
    /* Bit-identical to an uninterrupted run in each task's own mode... */
    QT_ASSERT(results[0] == series_here(0, 0));
    QT_ASSERT(results[1] == series_here(1, 2));
    QT_ASSERT(results[2] == series_here(2, 3));
    /* ...and the modes matter: rounding down and up give other sums. */
    QT_ASSERT(series_here(1, 2) != series_here(1, 3));
}

QTEST_MAIN(QTEST_CASE(test_only_fp_tasks_carry_fp_state),
           QTEST_CASE(test_fp_state_survives_switches))
