/* SPDX-License-Identifier: MIT */
/*
 * bench_main.c: the benchmark image's entry, its runner task and the helpers every part of the
 * suite shares (bench.h). Written against the FreeRTOS API and bench_seam.h only, so the same
 * image builds against any kernel offering that API (bench/image/CMakeLists.txt, KERNEL_DIR).
 *
 * main() reads the run's parameters from the command line ("period_ms=<n> iters=<n>"), creates
 * the runner at the highest priority and starts the scheduler. The runner runs the footprint
 * probes, the micro-benchmarks and the Thread-Metric-definition tests in turn, prints
 * "bench: end ok" and exits with status 0. Every figure depends only on instructions executed,
 * so under QEMU -icount two runs print the same lines.
 */
#include "bench.h"

#include "bench_seam.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bench_params bench_params = {.period_ms = 250, .iters = 10000};
TaskHandle_t bench_runner;

void bench_fail(const char *what)
{
    printf("bench: error %s\n", what);
    exit(1);
}

TaskHandle_t bench_task(TaskFunction_t fn, const char *name, UBaseType_t prio, void *arg)
{
    TaskHandle_t h = NULL;

    if (xTaskCreate(fn, name, BENCH_STACK_WORDS, arg, prio, &h) != pdPASS) {
        bench_fail("xTaskCreate");
    }
    return h;
}

void bench_done(void)
{
    xTaskNotifyGive(bench_runner);
    for (;;) {
        vTaskSuspend(NULL);
    }
}

void bench_wait_done(void)
{
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
}

void bench_settle(void)
{
    vTaskDelay(2);
}

uint64_t bench_ns(uint64_t counts)
{
    return counts * 1000000000u / bench_seam_timer_hz();
}

uint32_t bench_sample_start(uint32_t k)
{
    const uint32_t per_count = 1000000000u / bench_seam_timer_hz();
    const uint32_t t = bench_seam_now();

    while (bench_seam_now() == t) {
    }
    for (uint32_t i = k % (per_count ? per_count : 1u); i != 0; i--) {
        __asm volatile("nop");
    }
    return bench_seam_now();
}

void bench_print_x100(const char *name, uint64_t x100)
{
    printf("bench: micro %s %lu.%02lu\n", name, (unsigned long)(x100 / 100u),
           (unsigned long)(x100 % 100u));
}

void bench_print_micro(const char *name, uint64_t total_ns, uint32_t n, uint64_t overhead_x100)
{
    const uint64_t x100 = total_ns * 100u / n;

    bench_print_x100(name, x100 > overhead_x100 ? x100 - overhead_x100 : 0);
}

uint64_t bench_loop_overhead_x100(void)
{
    const uint32_t n = bench_params.iters;
    const uint32_t t0 = bench_seam_now();

    for (uint32_t i = 0; i < n; i++) {
        __asm volatile("" ::: "memory");
    }
    return bench_ns(bench_seam_now() - t0) * 100u / n;
}

static uint32_t param(const char *cmdline, const char *key, uint32_t fallback)
{
    const char *p = strstr(cmdline, key);

    return p != NULL ? (uint32_t)strtoul(p + strlen(key), NULL, 10) : fallback;
}

static void runner(void *arg)
{
    (void)arg;
    printf("bench: begin board=%s kernel=%s timer_hz=%lu period_ms=%lu iters=%lu\n",
           bench_seam_board(), tskKERNEL_VERSION_NUMBER, (unsigned long)bench_seam_timer_hz(),
           (unsigned long)bench_params.period_ms, (unsigned long)bench_params.iters);
    bench_footprint();
    bench_micro();
    bench_tm();
    printf("bench: end ok\n");
    exit(0);
}

int main(void)
{
    static char cmdline[160];

    bench_seam_init();
    bench_seam_cmdline(cmdline, sizeof(cmdline));
    bench_params.period_ms = param(cmdline, "period_ms=", bench_params.period_ms);
    bench_params.iters = param(cmdline, "iters=", bench_params.iters);
    if (bench_params.period_ms == 0 || bench_params.iters == 0) {
        bench_fail("period_ms and iters must be positive");
    }
    if (xTaskCreate(runner, "runner", BENCH_RUNNER_STACK_WORDS, NULL, BENCH_PRIO_RUNNER,
                    &bench_runner) != pdPASS) {
        bench_fail("cannot create the runner");
    }
    vTaskStartScheduler();
    bench_fail("vTaskStartScheduler returned");
}

/* ---- Hooks the configurations ask the application for ---- */

#if configCHECK_FOR_STACK_OVERFLOW
void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("bench: error stack overflow in %s\n", name);
    exit(1);
}
#endif /* configCHECK_FOR_STACK_OVERFLOW */

#if configUSE_MALLOC_FAILED_HOOK
void vApplicationMallocFailedHook(void)
{
    bench_fail("heap exhausted");
}
#endif /* configUSE_MALLOC_FAILED_HOOK */

#if configSUPPORT_STATIC_ALLOCATION
void vApplicationGetIdleTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                   configSTACK_DEPTH_TYPE *words)
{
    static StaticTask_t idle_tcb;
    static StackType_t idle_stack[configMINIMAL_STACK_SIZE];

    *tcb = &idle_tcb;
    *stack = idle_stack;
    *words = configMINIMAL_STACK_SIZE;
}
#endif /* configSUPPORT_STATIC_ALLOCATION */

#if configSUPPORT_STATIC_ALLOCATION && configUSE_TIMERS
void vApplicationGetTimerTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                    configSTACK_DEPTH_TYPE *words)
{
    static StaticTask_t timer_tcb;
    static StackType_t timer_stack[configTIMER_TASK_STACK_DEPTH];

    *tcb = &timer_tcb;
    *stack = timer_stack;
    *words = configTIMER_TASK_STACK_DEPTH;
}
#endif /* configSUPPORT_STATIC_ALLOCATION && configUSE_TIMERS */
