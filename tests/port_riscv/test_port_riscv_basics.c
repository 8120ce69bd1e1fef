/* SPDX-License-Identifier: MIT */
/*
 * RISC-V port basics: the kernel lock is mstatus.MIE = 0 and nests, FromISR
 * masks nest, a yield inside a critical section waits for the outermost
 * exit, tasks start in M-mode on 16-byte-aligned stacks with interrupts on
 * and the FPU off, each task's nesting count is saved with its context, and
 * the machine-timer tick keeps time with the independent RTC.
 */
#include "port_riscv_util.h"
#include "qtest.h"

#include "board.h"
#include "task.h"

static volatile uintptr_t seen_sp;
static volatile uint32_t seen_mstatus;
static volatile int high_ran;

static void record_start(void *arg)
{
    (void)arg;
    seen_sp = port_test_sp();
    seen_mstatus = riscv_csr_read(mstatus);
    vTaskSuspend(NULL);
}

static void test_task_starts_aligned_with_interrupts_on(void)
{
    TaskHandle_t t;

    QT_EQ(xTaskCreate(record_start, "rec", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_ASSERT(seen_sp != 0);
    /* The psABI wants sp 16-byte aligned at every call, as a task's entry is. */
    QT_EQ(seen_sp % 16u, 0);
    QT_EQ(seen_mstatus & RISCV_MSTATUS_MIE, RISCV_MSTATUS_MIE);
    /* (Reading mstatus at all shows it runs in M-mode: mret returned to the frame's MPP.) */
    if (RISCV_FRAME_HAS_FP) {
        QT_EQ(seen_mstatus & RISCV_MSTATUS_FS_MASK, 0); /* FS Off until it uses the FPU */
    }
    vTaskDelete(t);
}

static void test_critical_sections_clear_mie_and_nest(void)
{
    QT_EQ(port_test_mie(), 1);
    taskENTER_CRITICAL();
    QT_EQ(port_test_mie(), 0);
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
    QT_EQ(port_test_mie(), 0); /* still inside the outer one */
    taskEXIT_CRITICAL();
    QT_EQ(port_test_mie(), 1);
}

static void test_isr_masks_return_previous_and_nest(void)
{
    UBaseType_t outer = taskENTER_CRITICAL_FROM_ISR();
    UBaseType_t inner = taskENTER_CRITICAL_FROM_ISR();

    QT_EQ(outer, RISCV_MSTATUS_MIE);
    QT_EQ(inner, 0);
    taskEXIT_CRITICAL_FROM_ISR(inner);
    QT_EQ(port_test_mie(), 0);
    taskEXIT_CRITICAL_FROM_ISR(outer);
    QT_EQ(port_test_mie(), 1);
}

static void high_task(void *arg)
{
    (void)arg;
    for (;;) {
        high_ran = 1;
        vTaskSuspend(NULL);
    }
}

static void test_yield_inside_critical_waits_for_outermost_exit(void)
{
    TaskHandle_t t;

    high_ran = 0;
    QT_EQ(xTaskCreate(high_task, "high", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1, &t),
          pdPASS);
    QT_EQ(high_ran, 1);
    high_ran = 0;
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    vTaskResume(t); /* raises the machine software interrupt, which MIE = 0 holds off */
    taskEXIT_CRITICAL();
    QT_EQ(high_ran, 0);
    taskEXIT_CRITICAL();
    QT_EQ(high_ran, 1); /* switched the moment the lock dropped */
    vTaskDelete(t);
}

static void peer_task(void *arg)
{
    (void)arg;
    for (;;) {
        high_ran = 1;
        taskYIELD();
    }
}

static void test_plain_yield_switches_before_returning(void)
{
    TaskHandle_t t;

    high_ran = 0;
    QT_EQ(xTaskCreate(peer_task, "peer", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY, &t),
          pdPASS);
    QT_EQ(high_ran, 0); /* same priority: it waits for a yield or a tick */
    vTaskDelay(1);      /* start right after a tick, so no tick comes between */
    high_ran = 0;
    taskYIELD();
    QT_EQ(high_ran, 1);
    vTaskDelete(t);
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

static void test_inside_interrupt_only_in_handlers(void)
{
    QT_EQ(xPortIsInsideInterrupt(), pdFALSE);
    QT_EQ(riscv_port_isr_depth, 0);
}

static void test_tick_keeps_time_with_independent_rtc(void)
{
    const uint32_t ns_per_tick = BOARD_TIMER_CLOCK_HZ / configTICK_RATE_HZ;
    uint32_t start;
    uint32_t elapsed;

    board_timer_start(0, 0); /* free-running; no alarm */
    vTaskDelay(1);           /* start right after a tick */
    start = board_timer_value(0);
    vTaskDelay(1000);
    elapsed = start - board_timer_value(0); /* counts down */
    board_timer_stop(0);
    /* 1000 ticks, measured from one tick's wake-up to another's: equal within half a tick. */
    QT_ASSERT(elapsed > 1000u * ns_per_tick - ns_per_tick / 2u);
    QT_ASSERT(elapsed < 1000u * ns_per_tick + ns_per_tick / 2u);
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

QTEST_MAIN(QTEST_CASE(test_task_starts_aligned_with_interrupts_on),
           QTEST_CASE(test_critical_sections_clear_mie_and_nest),
           QTEST_CASE(test_isr_masks_return_previous_and_nest),
           QTEST_CASE(test_yield_inside_critical_waits_for_outermost_exit),
           QTEST_CASE(test_plain_yield_switches_before_returning),
           QTEST_CASE(test_frames_carry_each_tasks_nesting),
           QTEST_CASE(test_inside_interrupt_only_in_handlers),
           QTEST_CASE(test_tick_keeps_time_with_independent_rtc),
           QTEST_CASE(test_mtimecmp_is_one_tick_ahead))
