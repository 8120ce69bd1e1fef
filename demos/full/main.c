/* SPDX-License-Identifier: MIT */
/*
 * The Quartz full demo for the QEMU boards: many tasks exercising the kernel
 * at once, and a check task that reports whether all of them still work.
 *   demo_queues.c   queue producer/consumer, a semaphore given from an
 *                   interrupt, two workers sharing a mutex, notifications;
 *   demo_timers.c   an auto-reload and a one-shot software timer, checking
 *                   their expiry ticks;
 *   demo_events.c   an event-group rendezvous (xEventGroupSync) and a task
 *                   waiting for bits set by a task and by an interrupt;
 *   demo_buffers.c  a stream-buffer producer/consumer and a message buffer
 *                   fed from an interrupt, checking every byte;
 *   regtest 1..N    fill every core register (and the FPU's where there is
 *                   one) with known values and check them continuously;
 *   check           every DEMO_CHECK_PERIOD, one status line: "OK" while all
 *                   is well, or "ERROR" naming every part at fault.
 * Two board timers interrupt: a kernel-aware one DEMO_ISR_HZ times a second
 * (semaphore, event bits, messages), and one above the kernel's interrupt
 * masking that scrambles scratch registers (and uses the FPU where there is
 * one) to exercise nesting and lazy FP stacking. The architecture-specific
 * parts sit behind demo_arch.h.
 *
 * Run length: forever, or the number of ticks given on the command line
 * (tools/qemu-run --append 10000), after which it prints
 * "demo: N checks passed, M failed" and exits with 0 only if all passed.
 */
#include "demo.h"
#include "demo_arch.h"

#include "board.h"
#include "regtest.h"

#include <stdio.h>
#include <stdlib.h>

#define ISR_TIMER 0u
#define NOISE_TIMER 1u
#define NOISE_TIMER_HZ 1500u

struct demo_watch demo_watch[W_COUNT] = {
    [W_PRODUCER] = {"producer"},
    [W_CONSUMER] = {"consumer"},
    [W_ISR_TAKER] = {"isr_taker"},
    [W_WORKER_A] = {"worker_a"},
    [W_WORKER_B] = {"worker_b"},
    [W_NOTIFIER] = {"notifier"},
    [W_WAITER] = {"waiter"},
    [W_TIMER_AUTO] = {"timer_auto"},
    [W_TIMER_ONE_SHOT] = {"timer_one_shot"},
    [W_SYNC] = {"sync"},
    [W_EVENT_WAITER] = {"event_waiter"},
    [W_STREAM_TX] = {"stream_tx"},
    [W_STREAM_RX] = {"stream_rx"},
    [W_MESSAGE_RX] = {"message_rx"},
    [W_REGTEST] = {"regtest"},
};

volatile uint32_t demo_overruns;
static struct regtest_status regtests[REGTEST_TASKS];
static volatile uint32_t noise_runs;
static volatile float noise_acc;

void demo_create(TaskFunction_t fn, const char *name, configSTACK_DEPTH_TYPE words, void *arg,
                 UBaseType_t priority, TaskHandle_t *handle)
{
    if (xTaskCreate(fn, name, words, arg, priority, handle) != pdPASS) {
        printf("demo: cannot create task %s\n", name);
        exit(1);
    }
}

void demo_fail(const char *what)
{
    printf("demo: cannot create %s\n", what);
    exit(1);
}

static void isr_timer_handler(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(ISR_TIMER);
    demo_queues_isr(&woken);
    demo_events_isr(&woken);
    demo_buffers_isr(&woken);
    portYIELD_FROM_ISR(woken);
}

/* Above the kernel's masking: never calls the kernel. Uses the FPU (lazy stacking) if any. */
static void noise_timer_handler(void)
{
    board_timer_ack(NOISE_TIMER);
    noise_runs++;
    noise_acc = noise_acc * 0.5f + (float)noise_runs;
    demo_arch_scramble_scratch_registers();
}

/* The register tasks report through their own status words: fold them into the table. */
static void collect_regtests(void)
{
    uint32_t loops = 0;

    for (int i = 0; i < REGTEST_TASKS; i++) {
        loops += regtests[i].loops;
        if (regtests[i].error != 0u) {
            demo_watch[W_REGTEST].errors = 1;
        }
    }
    demo_watch[W_REGTEST].progress = loops;
}

static void print_ok(const uint32_t *now)
{
    printf("check: OK at %lu s: %lu items, %lu timer gives, %lu mutex rounds, %lu notifications, "
           "%lu+%lu timer expiries, %lu rendezvous, %lu event waits, %lu stream reads, "
           "%lu messages, %lu register checks (%s), %lu overruns",
           (unsigned long)(xTaskGetTickCount() / configTICK_RATE_HZ),
           (unsigned long)now[W_CONSUMER], (unsigned long)now[W_ISR_TAKER],
           (unsigned long)(now[W_WORKER_A] + now[W_WORKER_B]), (unsigned long)now[W_WAITER],
           (unsigned long)now[W_TIMER_AUTO], (unsigned long)now[W_TIMER_ONE_SHOT],
           (unsigned long)now[W_SYNC], (unsigned long)now[W_EVENT_WAITER],
           (unsigned long)now[W_STREAM_RX], (unsigned long)now[W_MESSAGE_RX],
           (unsigned long)now[W_REGTEST], regtest_coverage, (unsigned long)demo_overruns);
}

/* One status line; returns the number of parts at fault. */
static unsigned check_once(const uint32_t *last, uint32_t *now)
{
    unsigned faults = 0;

    collect_regtests();
    for (int i = 0; i < W_COUNT; i++) {
        now[i] = demo_watch[i].progress;
    }
    for (int i = 0; i < W_COUNT; i++) {
        if (demo_watch[i].errors != 0u || now[i] == last[i]) {
            printf("%s%s (%s)", faults++ == 0 ? "check: ERROR " : ", ", demo_watch[i].name,
                   demo_watch[i].errors != 0u ? "saw corruption" : "stalled");
        }
    }
    if (faults == 0) {
        print_ok(now);
    }
    printf("\n");
    return faults;
}

static void check(void *arg)
{
    const TickType_t stop_after = (TickType_t)(uintptr_t)arg;
    TickType_t wake = xTaskGetTickCount();
    uint32_t last[W_COUNT] = {0}, now[W_COUNT];
    unsigned passed = 0, failed = 0;

    for (;;) {
        xTaskDelayUntil(&wake, DEMO_CHECK_PERIOD);
        if (check_once(last, now) == 0) {
            passed++;
        } else {
            failed++;
        }
        for (int i = 0; i < W_COUNT; i++) {
            last[i] = now[i];
        }
        if (stop_after != 0 && xTaskGetTickCount() >= stop_after) {
            printf("demo: %u checks passed, %u failed\n", passed, failed);
            exit(failed == 0 && passed > 0 ? 0 : 1);
        }
    }
}

static void start_timer(unsigned t, uint32_t hz, enum demo_irq_level level, void (*handler)(void))
{
    demo_arch_timer_irq(t, level, handler);
    board_timer_start(t, BOARD_TIMER_CLOCK_HZ / hz);
}

/* The run length in ticks from the command line ("image 10000"), or 0 for ever. */
static TickType_t run_length(void)
{
    static char cmdline[128];
    const char *arg = board_cmdline(cmdline, sizeof(cmdline));

    while (*arg != '\0' && *arg != ' ') {
        arg++; /* skip the image name */
    }
    return (TickType_t)strtoul(arg, NULL, 10);
}

int main(void)
{
    const TickType_t stop_after = run_length();
    static char regtest_names[REGTEST_TASKS][12];

    printf("Quartz full demo on %s (%s), status every %u ms\n", BOARD_NAME, portARCH_NAME,
           (unsigned)(DEMO_CHECK_PERIOD * portTICK_PERIOD_MS));
    demo_queues_start();
    demo_timers_start();
    demo_events_start();
    demo_buffers_start();
    for (int i = 0; i < REGTEST_TASKS; i++) {
        (void)snprintf(regtest_names[i], sizeof(regtest_names[i]), "regtest_%d", i + 1);
        demo_create(regtest_tasks[i], regtest_names[i], DEMO_STACK_WORDS, &regtests[i], 1, NULL);
    }
    demo_create(check, "check", DEMO_PRINT_STACK_WORDS, (void *)(uintptr_t)stop_after,
                configMAX_PRIORITIES - 1, NULL);
    printf("demo: %u tasks and the idle and timer tasks; %u bytes of heap left for those two\n",
           (unsigned)uxTaskGetNumberOfTasks(), (unsigned)xPortGetFreeHeapSize());
    start_timer(ISR_TIMER, DEMO_ISR_HZ, DEMO_IRQ_KERNEL_AWARE, isr_timer_handler);
    start_timer(NOISE_TIMER, NOISE_TIMER_HZ, DEMO_IRQ_ABOVE_KERNEL, noise_timer_handler);
    vTaskStartScheduler();
    printf("demo: the scheduler returned\n");
    return 1;
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("check: ERROR %s (stack overflow)\n", name);
    exit(1);
}
