/* SPDX-License-Identifier: MIT */
/*
 * Register integrity across preemption: tasks hold known values in r0-r12
 * and lr (and, with an FPU, s0-s31 and FPSCR) and check them in a tight loop,
 * while the tick time-slices them, a kernel-aware timer interrupt wakes a
 * high-priority task that preempts them (a PendSV switch at an arbitrary
 * instruction), and a second timer above the syscall ceiling interrupts
 * everything and clobbers every register it can (using the FPU, so lazy
 * stacking has to save the interrupted task's s0-s15). r0-r3, r12, lr, s0-s15
 * and FPSCR are saved by the hardware on exception entry, r4-r11 and s16-s31
 * by PendSV; a slip in either shows up as a mismatch.
 */
#include "port_arm_util.h"
#include "qtest.h"
#include "regtest.h"

#include "arm_regs.h"
#include "board.h"
#include "task.h"

#define RUN_TICKS 300u
#define KERNEL_TIMER 0u
#define KERNEL_TIMER_HZ 7000u
#define RAW_TIMER 1u
#define RAW_TIMER_HZ 3000u

static struct regtest_status status[REGTEST_TASKS];
static volatile uint32_t disturber_runs, raw_runs;
static volatile float raw_acc;
static TaskHandle_t disturber;

static void disturber_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        disturber_runs++;
    }
}

static void kernel_timer_handler(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(KERNEL_TIMER);
    vTaskNotifyGiveFromISR(disturber, &woken);
    portYIELD_FROM_ISR(woken);
}

/* Above the ceiling: no kernel calls, just wreck every register the ABI lets it. */
static void raw_timer_handler(void)
{
    board_timer_ack(RAW_TIMER);
    raw_runs++;
    raw_acc = raw_acc * 0.5f + (float)raw_runs; /* FPU instructions, where there is an FPU */
#if defined(__ARM_FP) && !defined(__SOFTFP__)
    __asm volatile("vmov s0, r0\n vmov s1, r0\n vmov s15, r0\n vmov s16, r0\n vmov s31, r0\n"
                   "vmsr fpscr, r0\n" ::
                       : "s0", "s1", "s15", "s16", "s31", "memory");
#endif
    /* Thumb-1 compatible (ARMv6-M, where GCC passes inline asm in divided syntax). */
    __asm volatile(
        ".syntax unified\n movs r0, #0\n movs r1, #0\n movs r2, #0\n movs r3, #0\n movs r4, #0\n"
        "movs r5, #0\n movs r6, #0\n movs r7, #0\n mov r8, r0\n mov r9, r0\n"
        "mov r10, r0\n mov r11, r0\n mov r12, r0\n" ::
            : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
              "cc", "memory");
}

static void start_timer(unsigned t, uint32_t hz, uint8_t prio, void (*handler)(void))
{
    unsigned irq = board_timer_irq(t);

    board_irq_set_handler(irq, handler);
    arm_nvic_set_priority(irq, prio);
    arm_nvic_enable(irq);
    board_timer_start(t, BOARD_TIMER_CLOCK_HZ / hz);
}

static void stop_timer(unsigned t)
{
    board_timer_stop(t);
    arm_nvic_disable(board_timer_irq(t));
    arm_nvic_clear_pending(board_timer_irq(t));
    board_irq_set_handler(board_timer_irq(t), NULL);
}

static void test_core_registers_survive_preemption_and_interrupts(void)
{
    TaskHandle_t tasks[REGTEST_TASKS];

    disturber_runs = raw_runs = 0;
    QT_EQ(xTaskCreate(disturber_task, "disturb", configMINIMAL_STACK_SIZE, NULL,
                      configMAX_PRIORITIES - 1, &disturber),
          pdPASS);
    for (int i = 0; i < REGTEST_TASKS; i++) {
        status[i].loops = status[i].error = 0;
        QT_EQ(xTaskCreate(regtest_tasks[i], "regs", configMINIMAL_STACK_SIZE, &status[i], 1,
                          &tasks[i]),
              pdPASS);
    }
    start_timer(KERNEL_TIMER, KERNEL_TIMER_HZ, PRIO_BELOW_CEILING, kernel_timer_handler);
    start_timer(RAW_TIMER, RAW_TIMER_HZ, PRIO_ABOVE_CEILING, raw_timer_handler);
    vTaskDelay(RUN_TICKS);
    stop_timer(KERNEL_TIMER);
    stop_timer(RAW_TIMER);
    for (int i = 0; i < REGTEST_TASKS; i++) {
        vTaskDelete(tasks[i]);
        QT_EQ(status[i].error, 0);
        QT_ASSERT(status[i].loops > 1000u); /* each got CPU time, time-sliced by the tick */
    }
    vTaskDelete(disturber);
    /* Every interrupt was taken (within one period of the expected count). */
    QT_ASSERT(disturber_runs + 8u >= KERNEL_TIMER_HZ * RUN_TICKS / configTICK_RATE_HZ);
    QT_ASSERT(raw_runs + 4u >= RAW_TIMER_HZ * RUN_TICKS / configTICK_RATE_HZ);
}

QTEST_MAIN(QTEST_CASE(test_core_registers_survive_preemption_and_interrupts))
