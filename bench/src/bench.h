/* SPDX-License-Identifier: MIT */
/*
 * bench.h: what the benchmark files share: the run's parameters, the runner task, worker task
 * helpers, time arithmetic and the output format.
 *
 * Output: one line per figure, every line starting "bench: " so the parser (bench/run.py) can
 * skip anything else the board prints:
 *   bench: begin board=<name> kernel=<version> timer_hz=<hz> period_ms=<p> iters=<n>
 *   bench: size <type> <bytes>                       sizeof of a static object type
 *   bench: ram <what> <bytes>                        RAM measured at run time
 *   bench: micro <name> <ns>.<hundredths>            virtual ns per operation
 *   bench: tm <name> <count> <elapsed ns> <per second>
 *   bench: end ok
 * A failed check prints "bench: error <what>" and ends the run with status 1.
 *
 * Priorities: the runner runs at BENCH_PRIO_RUNNER, above every worker, so a worker runs only
 * while the runner blocks; workers use BENCH_PRIO_BASE and up. Stack sizes (in words) suit
 * boards with RAM to spare; a small board's bench/boards/<board>.cmake may lower them.
 */
#ifndef BENCH_H
#define BENCH_H

#include "FreeRTOS.h"
#include "task.h"

#include <stdint.h>

#define BENCH_PRIO_RUNNER (configMAX_PRIORITIES - 1)
#define BENCH_PRIO_BASE 1
#ifndef BENCH_STACK_WORDS
#define BENCH_STACK_WORDS 512 /* a worker's: kernel calls only */
#endif
#ifndef BENCH_RUNNER_STACK_WORDS
#define BENCH_RUNNER_STACK_WORDS 1024 /* the runner's: printf */
#endif

struct bench_params {
    uint32_t period_ms; /* length of each Thread-Metric-definition test */
    uint32_t iters;     /* iterations of each micro-benchmark */
};

extern struct bench_params bench_params;
extern TaskHandle_t bench_runner;

/* Print "bench: error <what>" and end the run with status 1. */
void bench_fail(const char *what) __attribute__((noreturn));

/* Create a worker task (failure ends the run). */
TaskHandle_t bench_task(TaskFunction_t fn, const char *name, UBaseType_t prio, void *arg);

/* A worker's last act: wake the runner, then never run again (the runner deletes it). */
void bench_done(void) __attribute__((noreturn));

/* Block the runner until bench_done(). */
void bench_wait_done(void);

/* Let the idle task run (it frees the memory of deleted tasks), so each test starts alike. */
void bench_settle(void);

/* Timer counts to virtual nanoseconds (one instruction each under QEMU -icount shift=0). */
uint64_t bench_ns(uint64_t counts);

/*
 * Wait for the timer to advance, then for (k mod counts-per-sample) short delay steps, and
 * return the timer: successive k spread the sampling instant evenly over one timer period, so
 * the average of many single-shot intervals has no quantisation bias.
 */
uint32_t bench_sample_start(uint32_t k);

/* Print a micro-benchmark figure given in hundredths of a ns. */
void bench_print_x100(const char *name, uint64_t x100);

/* Print a micro-benchmark: total_ns over n operations, less overhead_x100 per operation. */
void bench_print_micro(const char *name, uint64_t total_ns, uint32_t n, uint64_t overhead_x100);

/* Per-operation cost of the empty loop shape, in hundredths of a ns (subtracted above). */
uint64_t bench_loop_overhead_x100(void);

/* The parts of the suite, run in this order by the runner. */
void bench_footprint(void);
void bench_micro(void);
void bench_tm(void);

#endif /* BENCH_H */
