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

#include "arm_regs.h"
#include "board.h"
#include "task.h"

#define RUN_TICKS 300u
#define KERNEL_TIMER 0u
#define KERNEL_TIMER_HZ 7000u
#define RAW_TIMER 1u
#define RAW_TIMER_HZ 3000u
#define REG_TASKS 3

/* Per task: [0] loop count, [1] 1 after a mismatch. */
static volatile uint32_t status[REG_TASKS][2];
static volatile uint32_t disturber_runs, raw_runs;
static volatile float raw_acc;
static TaskHandle_t disturber;

/* The value of register r in task t: the byte 0xtr repeated (a Thumb-2 immediate). */
#define PAT(t, r) "#0x" #t #r #t #r #t #r #t #r
#define SET(reg, t, r) "   mov " #reg ", " PAT(t, r) "\n"
#define CHECK(reg, t, r) "   cmp " #reg ", " PAT(t, r) "\n   bne 9f\n"
#define ALL(op, t)                                                                                 \
    op(r0, t, 0) op(r1, t, 1) op(r2, t, 2) op(r3, t, 3) op(r4, t, 4) op(r5, t, 5) op(r6, t, 6)     \
        op(r7, t, 7) op(r8, t, 8) op(r9, t, 9) op(r10, t, A) op(r11, t, B) op(r12, t, C)           \
            op(lr, t, E)

#if defined(__ARM_FP) && !defined(__SOFTFP__)
/* FPU register n of task t: the byte t * 32 + n repeated, checked through r0 (saved around). */
#define FB(t, n) "((" #t " * 32 + " #n ") * 0x01010101)"
#define FSET(t, n) "   mov r0, #" FB(t, n) "\n   vmov s" #n ", r0\n"
#define FCHECK(t, n) "   vmov r0, s" #n "\n   cmp r0, #" FB(t, n) "\n   bne 8f\n"
#define FPU_ALL(op, t)                                                                             \
    op(t, 0) op(t, 1) op(t, 2) op(t, 3) op(t, 4) op(t, 5) op(t, 6) op(t, 7) op(t, 8) op(t, 9)      \
        op(t, 10) op(t, 11) op(t, 12) op(t, 13) op(t, 14) op(t, 15) op(t, 16) op(t, 17)            \
            op(t, 18) op(t, 19) op(t, 20) op(t, 21) op(t, 22) op(t, 23) op(t, 24) op(t, 25)        \
                op(t, 26) op(t, 27) op(t, 28) op(t, 29) op(t, 30) op(t, 31)
#define FPSCR_VALUE(t) "#(" #t " << 22)" /* the rounding-mode field */
#define FPU_SETUP(t) FPU_ALL(FSET, t) "   mov r0, " FPSCR_VALUE(t) "\n   vmsr fpscr, r0\n"
#define FPU_CHECK(t)                                                                               \
    "   push {r0, r1}\n" FPU_ALL(FCHECK, t) "   vmrs r0, fpscr\n"                                  \
    "   cmp r0, " FPSCR_VALUE(t) "\n   bne 8f\n"                                                   \
    "   pop {r0, r1}\n"
#define FPU_FAIL "8: pop {r0, r1}\n   b 9f\n"
#else
#define FPU_SETUP(t) ""
#define FPU_CHECK(t) ""
#define FPU_FAIL ""
#endif

/* Task body: arg (r0) points at the task's status; it stays on the stack at [sp]. */
#define REG_TASK(name, t)                                                                          \
    __attribute__((naked)) static void name(void *arg)                                             \
    {                                                                                              \
        (void)arg;                                                                                 \
        __asm volatile("   push {r0, r1}\n" FPU_SETUP(t) ALL(SET, t) "1:\n" ALL(CHECK, t)          \
                           FPU_CHECK(t) "   push {r0, r1}\n"                                       \
                       "   ldr r0, [sp, #8]\n"                                                     \
                       "   ldr r1, [r0]\n"                                                         \
                       "   add r1, r1, #1\n"                                                       \
                       "   str r1, [r0]\n"                                                         \
                       "   pop {r0, r1}\n"                                                         \
                       "   b 1b\n" FPU_FAIL "9: ldr r0, [sp]\n"                                    \
                       "   mov r1, #1\n"                                                           \
                       "   str r1, [r0, #4]\n"                                                     \
                       "3: b 3b\n");                                                               \
    }

REG_TASK(reg_task_1, 1)
REG_TASK(reg_task_2, 2)
REG_TASK(reg_task_3, 3)

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
    __asm volatile("mov r0, #0\n mov r1, #0\n mov r2, #0\n mov r3, #0\n mov r4, #0\n"
                   "mov r5, #0\n mov r6, #0\n mov r7, #0\n mov r8, #0\n mov r9, #0\n"
                   "mov r10, #0\n mov r11, #0\n mov r12, #0\n" ::
                       : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10",
                         "r11", "r12", "memory");
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
    static void (*const bodies[REG_TASKS])(void *) = {reg_task_1, reg_task_2, reg_task_3};
    TaskHandle_t tasks[REG_TASKS];

    disturber_runs = raw_runs = 0;
    QT_EQ(xTaskCreate(disturber_task, "disturb", configMINIMAL_STACK_SIZE, NULL,
                      configMAX_PRIORITIES - 1, &disturber),
          pdPASS);
    for (int i = 0; i < REG_TASKS; i++) {
        status[i][0] = status[i][1] = 0;
        QT_EQ(xTaskCreate(bodies[i], "regs", configMINIMAL_STACK_SIZE, (void *)status[i], 1,
                          &tasks[i]),
              pdPASS);
    }
    start_timer(KERNEL_TIMER, KERNEL_TIMER_HZ, PRIO_BELOW_CEILING, kernel_timer_handler);
    start_timer(RAW_TIMER, RAW_TIMER_HZ, PRIO_ABOVE_CEILING, raw_timer_handler);
    vTaskDelay(RUN_TICKS);
    stop_timer(KERNEL_TIMER);
    stop_timer(RAW_TIMER);
    for (int i = 0; i < REG_TASKS; i++) {
        vTaskDelete(tasks[i]);
        QT_EQ(status[i][1], 0);
        QT_ASSERT(status[i][0] > 1000u); /* each got CPU time, time-sliced by the tick */
    }
    vTaskDelete(disturber);
    /* Every interrupt was taken (within one period of the expected count). */
    QT_ASSERT(disturber_runs + 8u >= KERNEL_TIMER_HZ * RUN_TICKS / configTICK_RATE_HZ);
    QT_ASSERT(raw_runs + 4u >= RAW_TIMER_HZ * RUN_TICKS / configTICK_RATE_HZ);
}

QTEST_MAIN(QTEST_CASE(test_core_registers_survive_preemption_and_interrupts))
