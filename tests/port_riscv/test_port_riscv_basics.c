/* SPDX-License-Identifier: MIT */
/*
 * RISC-V port specifics that the conformance suite (tests/port/) cannot see
 * through the FreeRTOS API: the kernel lock is mstatus.MIE, tasks start in
 * M-mode with interrupts on and the FPU off, each task's nesting count and
 * mstatus are saved with its context, and mtimecmp runs one tick ahead.
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "board.h"
#include "task.h"

static volatile uint32_t seen_mstatus;

static void record_start(void *arg)
{
    (void)arg;
    seen_mstatus = riscv_csr_read(mstatus);
    vTaskSuspend(NULL);
}

static void test_task_starts_with_interrupts_on(void)
{
    TaskHandle_t t;

    QT_EQ(xTaskCreate(record_start, "rec", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_EQ(seen_mstatus & RISCV_MSTATUS_MIE, RISCV_MSTATUS_MIE);
    /* (Reading mstatus at all shows it runs in M-mode: mret returned to the frame's MPP.) */
    if (RISCV_FRAME_HAS_FP) {
        QT_EQ(seen_mstatus & RISCV_MSTATUS_FS_MASK, 0); /* FS Off until it uses the FPU */
    }
    vTaskDelete(t);
}

static void test_critical_sections_clear_mie(void)
{
    QT_EQ(port_test_mie(), 1);
    taskENTER_CRITICAL();
    QT_EQ(port_test_mie(), 0);
    taskEXIT_CRITICAL();
    QT_EQ(port_test_mie(), 1);
}

static void high_task(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void test_frames_carry_each_tasks_nesting(void)
{
    TaskHandle_t t;

    QT_EQ(xTaskCreate(high_task, "high", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    /* It suspended itself outside any critical section: its frame says 0, and M-mode. */
    QT_EQ(port_test_frame_word(t, RISCV_FRAME_NESTING), 0);
    QT_EQ(port_test_frame_word(t, RISCV_FRAME_MSTATUS) & RISCV_MSTATUS_MPP_M, RISCV_MSTATUS_MPP_M);
    QT_EQ(port_test_frame_word(t, RISCV_FRAME_MSTATUS) & RISCV_MSTATUS_MPIE, RISCV_MSTATUS_MPIE);
    vTaskDelete(t);
}

static void test_mtimecmp_is_one_tick_ahead(void)
{
    const volatile uint32_t *mtime = (const volatile uint32_t *)(uintptr_t)BOARD_MTIME_BASE;
    const volatile uint32_t *cmp = (const volatile uint32_t *)(uintptr_t)BOARD_MTIMECMP_BASE;
    uint32_t ahead;

    vTaskDelay(1);
    ahead = cmp[0] - mtime[0];
    QT_ASSERT(ahead > 0u && ahead <= configMTIME_CLOCK_HZ / configTICK_RATE_HZ);
    QT_EQ(riscv_csr_read(mie) & (RISCV_MIP_MTIP | RISCV_MIP_MSIP), RISCV_MIP_MTIP | RISCV_MIP_MSIP);
}

QTEST_MAIN(QTEST_CASE(test_task_starts_with_interrupts_on),
           QTEST_CASE(test_critical_sections_clear_mie),
           QTEST_CASE(test_frames_carry_each_tasks_nesting),
           QTEST_CASE(test_mtimecmp_is_one_tick_ahead))
