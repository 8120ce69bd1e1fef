/* SPDX-License-Identifier: MIT */
/*
 * tm.c: the eight tests of the Thread-Metric benchmark definition, written from that
 * definition against the FreeRTOS API. Each runs its tasks for bench_params.period_ms while the
 * runner sleeps, then reports the operations completed and the elapsed virtual time, scaled to
 * operations per virtual second (10^9 instructions under QEMU -icount shift=0).
 *
 * What one operation is (bench/README.md has the table):
 *   basic        one pass of a fixed arithmetic loop (calibrates the core, no kernel calls)
 *   cooperative  one taskYIELD() by one of five equal-priority tasks
 *   preemptive   one wake-up of one of five tasks (five per round of resumes and suspends)
 *   interrupt    raise an interrupt whose handler gives a semaphore, then take it
 *   irq_preempt  raise an interrupt whose handler resumes a higher-priority task, which counts
 *                and suspends itself again
 *   message      send a 16-byte message to a queue and receive it back
 *   sync         take and give a binary semaphore
 *   memory       pvPortMalloc(128) and vPortFree
 * Each test also checks what it can (message contents, counters that must stay in step) and
 * ends the run with "bench: error" when a check fails.
 */
#include "bench.h"

#include "bench_seam.h"
#include "queue.h"
#include "semphr.h"

#include <stdio.h>
#include <string.h>

#define TM_TASKS 5
#define MSG_WORDS 4 /* 16 bytes */

static volatile uint32_t counter[TM_TASKS];
static volatile uint32_t isr_counter;
static volatile uint32_t failures;
static TaskHandle_t tasks[TM_TASKS];
static SemaphoreHandle_t sem;
static QueueHandle_t queue;

/* ---- basic processing ---- */

static void basic_task(void *arg)
{
    volatile uint32_t work[16];

    (void)arg;
    memset((void *)work, 0, sizeof(work));
    for (;;) {
        for (uint32_t i = 0; i < 16; i++) {
            work[i] = work[i] * 31u + i;
        }
        counter[0]++;
    }
}

/* ---- cooperative scheduling ---- */

static void coop_task(void *arg)
{
    volatile uint32_t *const mine = arg;

    for (;;) {
        (*mine)++;
        taskYIELD();
    }
}

/* ---- preemptive scheduling: task i resumes task i+1, which preempts it ---- */

static void preempt_task(void *arg)
{
    const uint32_t i = (uint32_t)(uintptr_t)arg;

    for (;;) {
        if (i != 0) {
            vTaskSuspend(NULL);
        }
        counter[i]++;
        if (i + 1 < TM_TASKS) {
            vTaskResume(tasks[i + 1]);
        }
    }
}

/* ---- interrupt processing ---- */

static void irq_give(void)
{
    BaseType_t woken = pdFALSE;

    isr_counter++;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void irq_task(void *arg)
{
    (void)arg;
    for (;;) {
        bench_seam_irq_raise();
        if (xSemaphoreTake(sem, portMAX_DELAY) != pdPASS) {
            failures++;
        }
        counter[0]++;
    }
}

/* ---- interrupt preemption processing ---- */

static void irq_resume(void)
{
    isr_counter++;
    portYIELD_FROM_ISR(xTaskResumeFromISR(tasks[1]));
}

static void irq_raiser(void *arg)
{
    (void)arg;
    for (;;) {
        bench_seam_irq_raise();
        counter[0]++;
    }
}

static void irq_woken(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
        counter[1]++;
    }
}

/* ---- message, synchronisation and memory processing ---- */

static void message_task(void *arg)
{
    uint32_t out[MSG_WORDS] = {0}, in[MSG_WORDS];

    (void)arg;
    for (uint32_t n = 0;; n++) {
        out[0] = n;
        out[MSG_WORDS - 1] = ~n;
        if (xQueueSend(queue, out, 0) != pdPASS || xQueueReceive(queue, in, 0) != pdPASS ||
            memcmp(in, out, sizeof(in)) != 0) {
            failures++;
        }
        counter[0]++;
    }
}

static void sync_task(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreTake(sem, 0) != pdPASS || xSemaphoreGive(sem) != pdPASS) {
            failures++;
        }
        counter[0]++;
    }
}

static void memory_task(void *arg)
{
    (void)arg;
    for (;;) {
        void *p = pvPortMalloc(128);

        if (p == NULL) {
            failures++;
        }
        vPortFree(p);
        counter[0]++;
    }
}

/* ---- the runner's side ---- */

struct tm_test {
    const char *name;
    void (*setup)(void);
    uint32_t (*check)(void); /* operations completed; sets failures when inconsistent */
};

static void setup_one(TaskFunction_t fn)
{
    tasks[0] = bench_task(fn, "tm0", BENCH_PRIO_BASE, NULL);
}

static void setup_basic(void)
{
    setup_one(basic_task);
}

static void setup_coop(void)
{
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        tasks[i] = bench_task(coop_task, "coop", BENCH_PRIO_BASE, (void *)&counter[i]);
    }
}

static void setup_preempt(void)
{
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        tasks[i] = bench_task(preempt_task, "pre", BENCH_PRIO_BASE + i, (void *)(uintptr_t)i);
    }
}

static void setup_irq(void)
{
    sem = xSemaphoreCreateBinary();
    bench_seam_irq_set(irq_give);
    setup_one(irq_task);
}

static void setup_irq_preempt(void)
{
    tasks[1] = bench_task(irq_woken, "woken", BENCH_PRIO_BASE + 1, NULL);
    bench_seam_irq_set(irq_resume);
    tasks[0] = bench_task(irq_raiser, "raiser", BENCH_PRIO_BASE, NULL);
}

static void setup_message(void)
{
    queue = xQueueCreate(4, MSG_WORDS * sizeof(uint32_t));
    setup_one(message_task);
}

static void setup_sync(void)
{
    sem = xSemaphoreCreateBinary();
    (void)xSemaphoreGive(sem);
    setup_one(sync_task);
}

static void setup_memory(void)
{
    setup_one(memory_task);
}

/*
 * Tasks taking turns stay in step within `slack` counts. For the preemptive test that is one (the
 * period ends mid-round). Among the cooperative tasks each tick's time slice lets the task it
 * interrupts (after its count, before its yield) lose one turn, so there it is the ticks run.
 */
static uint32_t sum_in_step(uint32_t slack)
{
    uint32_t sum = 0;

    for (uint32_t i = 0; i < TM_TASKS; i++) {
        sum += counter[i];
        if (counter[i] == 0 || counter[i] + slack < counter[0] || counter[0] + slack < counter[i]) {
            failures++;
        }
    }
    return sum;
}

static uint32_t check_single(void)
{
    return counter[0];
}

static uint32_t check_preempt(void)
{
    return sum_in_step(1);
}

static uint32_t check_coop(void)
{
    return sum_in_step(pdMS_TO_TICKS(bench_params.period_ms) + 1);
}

static uint32_t check_irq(void)
{
    if (isr_counter != counter[0] && isr_counter != counter[0] + 1) {
        failures++;
    }
    return counter[0];
}

static uint32_t check_irq_preempt(void)
{
    /* The runner may wake between the handler and the woken task's count: one apart at most. */
    if ((isr_counter != counter[1] && isr_counter != counter[1] + 1) ||
        counter[0] + 1 < counter[1] || counter[1] + 1 < counter[0]) {
        failures++;
    }
    return counter[1];
}

static const struct tm_test tests[] = {
    {"basic", setup_basic, check_single},
    {"cooperative", setup_coop, check_coop},
    {"preemptive", setup_preempt, check_preempt},
    {"interrupt", setup_irq, check_irq},
    {"irq_preempt", setup_irq_preempt, check_irq_preempt},
    {"message", setup_message, check_single},
    {"sync", setup_sync, check_single},
    {"memory", setup_memory, check_single},
};

static void teardown(void)
{
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        if (tasks[i] != NULL) {
            vTaskDelete(tasks[i]);
            tasks[i] = NULL;
        }
    }
    bench_seam_irq_set(NULL);
    if (sem != NULL) {
        vSemaphoreDelete(sem);
        sem = NULL;
    }
    if (queue != NULL) {
        vQueueDelete(queue);
        queue = NULL;
    }
    bench_settle();
}

static void run(const struct tm_test *t)
{
    memset((void *)counter, 0, sizeof(counter));
    isr_counter = failures = 0;
    t->setup();
    const uint32_t t0 = bench_seam_now();
    vTaskDelay(pdMS_TO_TICKS(bench_params.period_ms));
    const uint32_t t1 = bench_seam_now();
    const uint32_t ops = t->check(); /* the workers are stopped: the runner outranks them */
    teardown();
    if (failures != 0) {
        printf("bench: error tm %s: %lu failed checks\n", t->name, (unsigned long)failures);
        bench_fail("Thread-Metric test check");
    }
    const uint64_t ns = bench_ns(t1 - t0);
    printf("bench: tm %s %lu %lu %lu\n", t->name, (unsigned long)ops, (unsigned long)ns,
           (unsigned long)((uint64_t)ops * 1000000000u / ns));
}

void bench_tm(void)
{
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        run(&tests[i]);
    }
}
