/* SPDX-License-Identifier: MIT */
/*
 * micro.c: the micro-benchmarks, each the cost of one kernel operation in virtual nanoseconds
 * (= instructions under QEMU -icount shift=0).
 *
 * Throughput figures time bench_params.iters operations with the free-running timer and divide,
 * then subtract the cost of an empty loop of the same count; their resolution is one timer
 * count (40 ns at 25 MHz) over the whole run, i.e. 40/iters ns. Latency figures (give or
 * interrupt to the first instruction of the woken task) cannot be looped: each is the average
 * of iters single-shot intervals, each started at a different phase of the timer period
 * (bench_sample_start), less the same average taken over an empty interval; their resolution is
 * about +-2 ns (see bench/README.md).
 *
 * Worker tasks sit between the runner and the idle task (BENCH_PRIO_BASE, +1 where a test
 * needs a higher-priority partner); the runner creates them, blocks until one calls
 * bench_done(), then deletes them and the objects, so every test starts from the same state.
 */
#include "bench.h"

#include "bench_seam.h"
#include "queue.h"
#include "semphr.h"

#include <stdio.h>

#define LOW BENCH_PRIO_BASE
#define HIGH (BENCH_PRIO_BASE + 1)
#ifndef BENCH_CREATE_STACK_WORDS
#define BENCH_CREATE_STACK_WORDS 128 /* stack of the task xTaskCreate+vTaskDelete times */
#endif
/* Each test stays a function of its own, so a profile (bench/profile.py) can find it. */
#define NOINLINE __attribute__((noinline))

static struct {
    SemaphoreHandle_t sem;
    SemaphoreHandle_t mutex;
    QueueHandle_t q1, q2;
    TaskHandle_t a, b;
    volatile uint32_t t_start; /* sampled by the waker, read by the woken task */
    uint32_t t0, t1;
    uint64_t acc;
} m;

static uint64_t loop_x100;   /* empty loop, hundredths of a ns per iteration */
static uint64_t sample_x100; /* bench_sample_start() then bench_seam_now(), nothing between */

static void park(void)
{
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void parked_task(void *arg)
{
    (void)arg;
    park();
}

/* Run the workers created by the caller until one calls bench_done(), then remove them. */
static void finish(void)
{
    bench_wait_done();
    vTaskDelete(m.a);
    vTaskDelete(m.b);
    m.a = m.b = NULL;
    bench_settle();
}

static void print_loop(const char *name, uint32_t ops_per_iter)
{
    const uint32_t n = bench_params.iters * ops_per_iter;

    bench_print_micro(name, bench_ns(m.t1 - m.t0), n, loop_x100 / ops_per_iter);
}

/* ---- yield between two equal-priority tasks ---- */

static void yield_first(void *arg)
{
    (void)arg;
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        taskYIELD();
    }
    park();
}

static void yield_second(void *arg)
{
    (void)arg;
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        taskYIELD();
    }
    m.t1 = bench_seam_now();
    bench_done();
}

static void NOINLINE micro_yield(void)
{
    m.a = bench_task(yield_first, "y1", LOW, NULL);
    m.b = bench_task(yield_second, "y2", LOW, NULL);
    finish();
    print_loop("yield_switch", 2);
}

/* ---- semaphore give to a higher-priority waiter ---- */

static void take_forever(void *arg)
{
    (void)arg;
    for (;;) {
        (void)xSemaphoreTake(m.sem, portMAX_DELAY);
    }
}

static void give_loop(void *arg)
{
    (void)arg;
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        (void)xSemaphoreGive(m.sem);
    }
    m.t1 = bench_seam_now();
    bench_done();
}

static void NOINLINE micro_sem_cycle(void)
{
    m.sem = xSemaphoreCreateBinary();
    m.a = bench_task(take_forever, "taker", HIGH, NULL);
    m.b = bench_task(give_loop, "giver", LOW, NULL);
    finish();
    vSemaphoreDelete(m.sem);
    print_loop("sem_give_wake_cycle", 1);
}

/* The woken task's side of a latency test: the interval from the waker's sample to here. */
static void take_and_time(void *arg)
{
    (void)arg;
    m.acc = 0;
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        (void)xSemaphoreTake(m.sem, portMAX_DELAY);
        m.acc += bench_seam_now() - m.t_start;
    }
    bench_done();
}

static void sample_and_give(void *arg)
{
    (void)arg;
    for (uint32_t i = 0;; i++) {
        m.t_start = bench_sample_start(i);
        (void)xSemaphoreGive(m.sem);
    }
}

static void NOINLINE micro_sem_latency(void)
{
    m.sem = xSemaphoreCreateBinary();
    m.a = bench_task(take_and_time, "taker", HIGH, NULL);
    m.b = bench_task(sample_and_give, "giver", LOW, NULL);
    finish();
    vSemaphoreDelete(m.sem);
    bench_print_micro("sem_give_to_woken", bench_ns(m.acc), bench_params.iters, sample_x100);
}

/* ---- interrupt to the first instruction of the task its handler wakes ---- */

static void give_from_isr(void)
{
    BaseType_t woken = pdFALSE;

    (void)xSemaphoreGiveFromISR(m.sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void sample_and_raise(void *arg)
{
    (void)arg;
    for (uint32_t i = 0;; i++) {
        m.t_start = bench_sample_start(i);
        bench_seam_irq_raise();
    }
}

static void NOINLINE micro_irq_latency(void)
{
    m.sem = xSemaphoreCreateBinary();
    bench_seam_irq_set(give_from_isr);
    m.a = bench_task(take_and_time, "taker", HIGH, NULL);
    m.b = bench_task(sample_and_raise, "raiser", LOW, NULL);
    finish();
    bench_seam_irq_set(NULL);
    vSemaphoreDelete(m.sem);
    bench_print_micro("irq_to_task", bench_ns(m.acc), bench_params.iters, sample_x100);
}

/* ---- round trips between two equal-priority tasks ---- */

static void queue_echo(void *arg)
{
    uint32_t v;

    (void)arg;
    for (;;) {
        (void)xQueueReceive(m.q1, &v, portMAX_DELAY);
        (void)xQueueSend(m.q2, &v, portMAX_DELAY);
    }
}

static void queue_client(void *arg)
{
    uint32_t v = 0;

    (void)arg;
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        (void)xQueueSend(m.q1, &i, portMAX_DELAY);
        (void)xQueueReceive(m.q2, &v, portMAX_DELAY);
        if (v != i) {
            bench_fail("queue round trip returned the wrong item");
        }
    }
    m.t1 = bench_seam_now();
    bench_done();
}

static void NOINLINE micro_queue(void)
{
    m.q1 = xQueueCreate(1, sizeof(uint32_t));
    m.q2 = xQueueCreate(1, sizeof(uint32_t));
    m.b = bench_task(queue_echo, "echo", LOW, NULL);
    m.a = bench_task(queue_client, "client", LOW, NULL);
    finish();
    vQueueDelete(m.q1);
    vQueueDelete(m.q2);
    print_loop("queue_round_trip", 1);
}

static void notify_echo(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        xTaskNotifyGive(m.a);
    }
}

static void notify_client(void *arg)
{
    (void)arg;
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        xTaskNotifyGive(m.b);
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    }
    m.t1 = bench_seam_now();
    bench_done();
}

static void NOINLINE micro_notify(void)
{
    m.a = bench_task(notify_client, "client", LOW, NULL);
    m.b = bench_task(notify_echo, "echo", LOW, NULL);
    finish();
    print_loop("notify_round_trip", 1);
}

/* ---- mutexes ---- */

static void NOINLINE micro_mutex_uncontended(void)
{
    SemaphoreHandle_t mx = xSemaphoreCreateMutex();

    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        if (xSemaphoreTake(mx, 0) != pdPASS) {
            bench_fail("uncontended mutex take failed");
        }
        (void)xSemaphoreGive(mx);
    }
    m.t1 = bench_seam_now();
    vSemaphoreDelete(mx);
    print_loop("mutex_uncontended", 1);
}

/* Woken by the holder, blocks on the mutex (the holder inherits its priority), gets it when the
 * holder gives it back. */
static void mutex_waiter(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        (void)xSemaphoreTake(m.mutex, portMAX_DELAY);
        (void)xSemaphoreGive(m.mutex);
    }
}

static void mutex_holder(void *arg)
{
    (void)arg;
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        (void)xSemaphoreTake(m.mutex, portMAX_DELAY);
        xTaskNotifyGive(m.a);
        (void)xSemaphoreGive(m.mutex);
    }
    m.t1 = bench_seam_now();
    bench_done();
}

static void NOINLINE micro_mutex_contended(void)
{
    m.mutex = xSemaphoreCreateMutex();
    m.a = bench_task(mutex_waiter, "waiter", HIGH, NULL);
    m.b = bench_task(mutex_holder, "holder", LOW, NULL);
    finish();
    vSemaphoreDelete(m.mutex);
    print_loop("mutex_contended_cycle", 1);
}

/* ---- run in the runner itself ---- */

static void NOINLINE micro_create_delete(void)
{
    TaskHandle_t h = NULL;

    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        if (xTaskCreate(parked_task, "cd", BENCH_CREATE_STACK_WORDS, NULL, LOW, &h) != pdPASS) {
            bench_fail("xTaskCreate in the create/delete loop");
        }
        vTaskDelete(h);
    }
    m.t1 = bench_seam_now();
    bench_settle();
    print_loop("task_create_delete", 1);
}

static void NOINLINE micro_malloc(void)
{
    m.t0 = bench_seam_now();
    for (uint32_t i = 0; i < bench_params.iters; i++) {
        void *p = pvPortMalloc(128);

        if (p == NULL) {
            bench_fail("pvPortMalloc(128)");
        }
        vPortFree(p);
    }
    m.t1 = bench_seam_now();
    print_loop("malloc_free_128", 1);
}

/* The self-test's intervals: the same call, with and without 100 no-ops. */
static void __attribute__((noinline)) no_nops(void)
{
    __asm volatile("" ::: "memory");
}

static void __attribute__((noinline)) hundred_nops(void)
{
    __asm volatile(".rept 100\n\tnop\n\t.endr" ::: "memory");
}

/* Average of iters single-shot intervals around fn (NULL: an empty interval). */
static uint64_t sampled_x100(void (*fn)(void))
{
    uint64_t acc = 0;

    for (uint32_t i = 0; i < bench_params.iters; i++) {
        const uint32_t s = bench_sample_start(i);

        if (fn != NULL) {
            fn();
        }
        acc += bench_seam_now() - s;
    }
    return bench_ns(acc) * 100u / bench_params.iters;
}

/*
 * The two overheads subtracted from every figure, and a self-test of the single-shot method:
 * 100 no-ops must measure 100 ns within 2 (the timer counts 40 ns steps).
 */
static void calibrate(void)
{
    loop_x100 = bench_loop_overhead_x100();
    sample_x100 = sampled_x100(NULL);
    const uint64_t with_x100 = sampled_x100(hundred_nops);
    const uint64_t without_x100 = sampled_x100(no_nops);
    const uint64_t check_x100 = with_x100 > without_x100 ? with_x100 - without_x100 : 0;

    bench_print_x100("calib_empty_loop", loop_x100);
    bench_print_x100("calib_timer_read", sample_x100);
    bench_print_x100("calib_100_nops", check_x100);
}

void bench_micro(void)
{
    calibrate();
    micro_yield();
    micro_sem_cycle();
    micro_sem_latency();
    micro_queue();
    micro_notify();
    micro_mutex_uncontended();
    micro_mutex_contended();
    micro_irq_latency();
    micro_create_delete();
    micro_malloc();
}
