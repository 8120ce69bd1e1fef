/* SPDX-License-Identifier: MIT */
/*
 * The ARMv8-M port's hardware stack limit (GCC_ARM_CM33_NTZ_NONSECURE): each
 * task runs with PSPLIM at its stack base, so a task that overflows is
 * stopped before it writes a byte below its stack, the port reports it by
 * name (arm_port_report) and fails configASSERT, and, since the port_arm
 * configASSERT returns, the task is left suspended while the rest of the
 * system runs on.
 *
 * Each victim's stack sits in a static region directly above a guard filled
 * with a pattern: without the limit (or with a wrong one) the victim's frames
 * would run into the guard, which the tests check is intact.
 */
#include "port_arm_util.h"
#include "qtest.h"

#include "arm_regs.h"
#include "task.h"

#include <string.h>

#define GUARD_WORDS 64u
#define VICTIM_WORDS 512u
#define GUARD_PATTERN 0x5AFEC0DEu
#define DIG_FRAME_WORDS 32u

static StackType_t region[GUARD_WORDS + VICTIM_WORDS] __attribute__((aligned(8)));
static StaticTask_t victim_tcb;
static volatile uint32_t dig_limit = 1000000u; /* far deeper than any stack here */
static volatile unsigned bystander_runs;
static volatile float fp_seen;
static TaskHandle_t volatile kernel_flagged;

static StackType_t *victim_stack(void)
{
    for (unsigned i = 0; i < GUARD_WORDS; i++) {
        region[i] = GUARD_PATTERN;
    }
    return &region[GUARD_WORDS];
}

static unsigned guard_damage(void)
{
    unsigned damaged = 0;

    for (unsigned i = 0; i < GUARD_WORDS; i++) {
        damaged += region[i] != GUARD_PATTERN;
    }
    return damaged;
}

/* The kernel's own check (method 2) may also see the victim's last frames near its base. */
static void record_kernel_overflow(TaskHandle_t task, char *name)
{
    (void)name;
    kernel_flagged = task;
}

/* Each level fills a 128-byte frame, then goes one deeper: no tail call, no end in sight. */
static uint32_t dig(uint32_t depth)
{
    volatile uint32_t frame[DIG_FRAME_WORDS];

    for (uint32_t i = 0; i < DIG_FRAME_WORDS; i++) {
        frame[i] = depth + i;
    }
    if (depth >= dig_limit) {
        return frame[0];
    }
    return frame[depth % DIG_FRAME_WORDS] + dig(depth + 1u);
}

static void digger(void *arg)
{
    (void)arg;
    (void)dig(0);
    for (;;) {
        vTaskSuspend(NULL); /* never reached: the limit stops dig first */
    }
}

static void fp_digger(void *arg)
{
    volatile float x = 1.5f;

    (void)arg;
    x = x * 3.0f; /* the task now has FP state: its frames are the extended ones */
    fp_seen = x;
    (void)dig(0);
    for (;;) {
        vTaskSuspend(NULL);
    }
}

/*
 * Puts its stack pointer 40 bytes above its limit and yields: the hardware's 32-byte frame
 * fits, the 40 bytes PendSV saves by software do not. PendSV must notice by itself.
 */
__attribute__((naked)) static void squeezer(void *arg)
{
    (void)arg;
    __asm volatile("   mrs r0, psplim            \n"
                   "   add r0, r0, #40           \n"
                   "   mov sp, r0                \n"
                   "   movw r1, #0xED04          \n" /* ICSR */
                   "   movt r1, #0xE000          \n"
                   "   mov r2, #0x10000000       \n" /* PENDSVSET */
                   "   str r2, [r1]              \n"
                   "   dsb                       \n"
                   "   isb                       \n"
                   "   b .                       \n");
}

static void bystander(void *arg)
{
    (void)arg;
    for (;;) {
        bystander_runs++;
        vTaskDelay(1);
    }
}

/* Run `code` as the victim above everything else and check the port stopped it cleanly. */
static void expect_overflow_stopped(TaskFunction_t code, const char *name)
{
    char expected[48];
    TaskHandle_t victim;
    TaskHandle_t other;
    unsigned runs;

    kernel_flagged = NULL;
    qtest_stack_overflow_hook = record_kernel_overflow;
    QT_EQ(xTaskCreate(bystander, "bystander", configMINIMAL_STACK_SIZE, NULL, QTEST_PRIORITY + 1,
                      &other),
          pdPASS);
    port_test_clear_report();
    port_test_expect_asserts(1);
    victim = xTaskCreateStatic(code, name, VICTIM_WORDS, NULL, QTEST_PRIORITY + 2, victim_stack(),
                               &victim_tcb);
    QT_ASSERT(victim != NULL);
    /* It ran at once, overflowed, and the port stopped it before we got here. */
    QT_EQ(port_test_asserts_seen(), 1);
    strcpy(expected, "task '");
    strcat(expected, name);
    strcat(expected, "' overflowed its stack");
    QT_ASSERT(strstr(port_test_last_report(), expected) != NULL);
    QT_ASSERT(strstr(port_test_last_report(), "PSPLIM") != NULL);
    QT_EQ(eTaskGetState(victim), eSuspended);
    QT_EQ(guard_damage(), 0);
    QT_ASSERT(kernel_flagged == NULL || kernel_flagged == victim);
    /* Everyone else runs on. */
    runs = bystander_runs;
    vTaskDelay(10);
    QT_ASSERT(bystander_runs >= runs + 9u);
    QT_EQ(eTaskGetState(victim), eSuspended);
    vTaskDelete(victim);
    vTaskDelete(other);
}

static void test_task_limit_is_its_stack_base(void)
{
    uint32_t limit;
    uint32_t sp;

    __asm volatile("mrs %0, psplim" : "=r"(limit));
    __asm volatile("mov %0, sp" : "=r"(sp));
    QT_ASSERT(limit != 0u);
    QT_EQ(limit % 8u, 0);
    QT_ASSERT(sp > limit);
    /* The harness task's stack is QTEST_STACK words: the limit is within 8 bytes of its base. */
    QT_ASSERT(sp - limit < QTEST_STACK * sizeof(StackType_t));
    QT_EQ(ARM_REG32(0xE000ED24u) & (1u << 18), 1u << 18); /* SHCSR.USGFAULTENA */
}

static void test_deep_recursion_is_stopped_at_the_limit(void)
{
    expect_overflow_stopped(digger, "digger");
}

static void test_overflow_with_fp_state_is_stopped(void)
{
    float y = 0.5f;

    expect_overflow_stopped(fp_digger, "fp_digger");
    QT_ASSERT(fp_seen == 4.5f);
    QT_EQ(ARM_FPCCR & 1u, 0); /* LSPACT: no lazy FP save is left pointing into the victim */
    y = y * 8.0f;             /* the FPU still works here */
    QT_ASSERT(y == 4.0f);
}

static void test_no_room_for_context_is_stopped_by_pendsv(void)
{
    expect_overflow_stopped(squeezer, "squeezer");
}

QTEST_MAIN(QTEST_CASE(test_task_limit_is_its_stack_base),
           QTEST_CASE(test_deep_recursion_is_stopped_at_the_limit),
           QTEST_CASE(test_overflow_with_fp_state_is_stopped),
           QTEST_CASE(test_no_room_for_context_is_stopped_by_pendsv))
