/* SPDX-License-Identifier: MIT */
/*
 * Register integrity across preemption: three tasks hold known values in ra
 * and x5-x31 (and, with an FPU, f0-f31 and fcsr) and check them in a tight
 * loop, while the tick time-slices them and the RTC's PLIC interrupt, 7000
 * times a second, wakes a high-priority task that preempts them at an
 * arbitrary instruction, and clobbers every register a handler may (the FP
 * ones too, where there are any). A slip in the trap entry's save, the exit's
 * restore or the FPU enabling shows up as a mismatch.
 */
#include "port_riscv_util.h"
#include "qtest.h"
#include "regtest.h"

#include "board.h"
#include "task.h"

#define RUN_TICKS 300u
#define RTC_HZ 7000u

static struct regtest_status status[REGTEST_TASKS];
static volatile uint32_t disturber_runs, rtc_runs;
static TaskHandle_t disturber;

static void disturber_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        disturber_runs++;
    }
}

/* Wreck what the ABI lets a handler wreck, after the kernel call. */
static void rtc_handler(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(0);
    rtc_runs++;
    vTaskNotifyGiveFromISR(disturber, &woken);
    portYIELD_FROM_ISR(woken);
#if RISCV_FRAME_HAS_FP
    __asm volatile("fmv.w.x f0, zero\n fmv.w.x f1, zero\n fmv.w.x f10, zero\n"
                   "fmv.w.x f31, zero\n fscsr zero\n" ::
                       : "f0", "f1", "f10", "f31", "memory");
#endif
    __asm volatile("li t0, 0\n li t1, 0\n li t2, 0\n li t3, 0\n li t4, 0\n li t5, 0\n li t6, 0\n"
                   "li a0, 0\n li a1, 0\n li a2, 0\n li a3, 0\n li a4, 0\n li a5, 0\n li a6, 0\n"
                   "li a7, 0\n" ::
                       : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4",
                         "a5", "a6", "a7", "memory");
}

static void test_registers_survive_preemption_and_interrupts(void)
{
    TaskHandle_t tasks[REGTEST_TASKS];

    disturber_runs = rtc_runs = 0;
    QT_EQ(xTaskCreate(disturber_task, "disturb", configMINIMAL_STACK_SIZE, NULL,
                      configMAX_PRIORITIES - 1, &disturber),
          pdPASS);
    for (int i = 0; i < REGTEST_TASKS; i++) {
        status[i].loops = status[i].error = 0;
        QT_EQ(xTaskCreate(regtest_tasks[i], "regs", configMINIMAL_STACK_SIZE, &status[i], 1,
                          &tasks[i]),
              pdPASS);
    }
    board_irq_set_handler(board_timer_irq(0), rtc_handler);
    board_irq_enable(board_timer_irq(0), 1);
    board_timer_start(0, BOARD_TIMER_CLOCK_HZ / RTC_HZ);
    vTaskDelay(RUN_TICKS);
    board_timer_stop(0);
    board_irq_disable(board_timer_irq(0));
    board_irq_set_handler(board_timer_irq(0), NULL);
    for (int i = 0; i < REGTEST_TASKS; i++) {
        vTaskDelete(tasks[i]);
        QT_EQ(status[i].error, 0);
        QT_ASSERT(status[i].loops > 1000u); /* each got CPU time, time-sliced by the tick */
    }
    vTaskDelete(disturber);
    /* Every interrupt was taken and woke the task (within one period of the expected count). */
    QT_ASSERT(rtc_runs + 8u >= RTC_HZ * RUN_TICKS / configTICK_RATE_HZ);
    QT_ASSERT(disturber_runs + 8u >= RTC_HZ * RUN_TICKS / configTICK_RATE_HZ);
}

QTEST_MAIN(QTEST_CASE(test_registers_survive_preemption_and_interrupts))
