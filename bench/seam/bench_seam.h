/* SPDX-License-Identifier: MIT */
/*
 * bench_seam.h: the only things the benchmark suite needs from a board beyond the FreeRTOS API
 * and the C library (printf reaches the console, exit() ends the run). One small file per
 * family of boards implements it (bench/seam/<seam>.c); bench/image/CMakeLists.txt picks the
 * file for the board being built.
 *
 * Invariants: bench_seam_now() counts up at bench_seam_timer_hz() and never stops once
 * bench_seam_init() has run (unsigned subtraction of two readings is the elapsed count, valid
 * for at least 2^31 counts); it reads hardware only, so it is callable from tasks and handlers
 * alike. The software interrupt runs its handler at the lowest priority, the priority from
 * which FromISR functions may always be called.
 */
#ifndef BENCH_SEAM_H
#define BENCH_SEAM_H

#include <stddef.h>
#include <stdint.h>

/* Start the free-running timer and prepare (but do not enable) the software interrupt. */
void bench_seam_init(void);

/* The board's name, printed in the results. */
const char *bench_seam_board(void);

/* The free-running counter and its rate. */
uint32_t bench_seam_now(void);
uint32_t bench_seam_timer_hz(void);

/* Route the software interrupt to handler and enable it (handler NULL: disable it). */
void bench_seam_irq_set(void (*handler)(void));

/* Make the software interrupt pending: it runs as soon as the caller's priority allows. */
void bench_seam_irq_raise(void);

/* The run's command line (QEMU -append text), or "" when the board has none. Returns buf. */
char *bench_seam_cmdline(char *buf, size_t size);

#endif /* BENCH_SEAM_H */
