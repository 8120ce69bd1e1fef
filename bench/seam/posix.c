/* SPDX-License-Identifier: MIT */
/*
 * posix.c: the benchmark seam (bench_seam.h) for the POSIX host (boards/posix), with Quartz's
 * POSIX port. The timer is the host's monotonic clock in nanoseconds and the software
 * interrupt is the port's simulated interrupt line 1 (ports/posix/posix_port.h), so figures
 * measure host time: they vary from run to run and machine to machine, and bench/run.py marks
 * them noisy. This seam also supplies board_assert_failed, which the Cortex-M boards' board.c
 * provides for the configurations' configASSERT.
 */
#include "bench_seam.h"

#include "FreeRTOS.h"
#include "posix_port.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_IRQ_LINE 1u

void board_assert_failed(const char *file, int line);

void board_assert_failed(const char *file, int line)
{
    printf("configASSERT failed: %s:%d\n", file, line);
    exit(2);
}

void bench_seam_init(void)
{
}

const char *bench_seam_board(void)
{
    return "posix";
}

uint32_t bench_seam_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
}

uint32_t bench_seam_timer_hz(void)
{
    return 1000000000u;
}

void bench_seam_irq_set(void (*handler)(void))
{
    posix_irq_set_handler(BENCH_IRQ_LINE, handler);
}

void bench_seam_irq_raise(void)
{
    posix_irq_raise(BENCH_IRQ_LINE);
}

/* The program's arguments, joined by spaces (Linux: /proc/self/cmdline). */
char *bench_seam_cmdline(char *buf, size_t size)
{
    FILE *f = fopen("/proc/self/cmdline", "r");
    size_t n = 0;

    if (f != NULL) {
        n = fread(buf, 1, size - 1, f);
        fclose(f);
    }
    for (size_t i = 0; i < n; i++) {
        buf[i] = buf[i] == '\0' ? ' ' : buf[i];
    }
    buf[n] = '\0';
    return buf;
}
