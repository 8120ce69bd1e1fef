/* SPDX-License-Identifier: MIT */
/*
 * riscv.c: the benchmark seam (bench_seam.h) for every Quartz RISC-V board, written against the
 * common board API (boards/common/riscv/board.h) only.
 *
 * The timer is the board's last hardware timer started with period 0, which makes it a
 * free-running count that raises no interrupt. The software interrupt is the board's software
 * line 0, which the board dispatches from the hart's software interrupt (below the machine
 * timer, where FromISR calls are allowed).
 */
#include "bench_seam.h"

#include "board.h"

#define BENCH_TIMER (BOARD_TIMER_COUNT - 1u)
#define BENCH_SOFT_LINE 0u

void bench_seam_init(void)
{
    board_timer_start(BENCH_TIMER, 0);
}

const char *bench_seam_board(void)
{
    return BOARD_NAME;
}

uint32_t bench_seam_now(void)
{
    return ~board_timer_value(BENCH_TIMER); /* the board counts down */
}

uint32_t bench_seam_timer_hz(void)
{
    return BOARD_TIMER_CLOCK_HZ;
}

void bench_seam_irq_set(void (*handler)(void))
{
    board_soft_irq_set_handler(BENCH_SOFT_LINE, handler);
}

void bench_seam_irq_raise(void)
{
    board_soft_irq_raise(BENCH_SOFT_LINE);
}

char *bench_seam_cmdline(char *buf, size_t size)
{
    return board_cmdline(buf, size);
}
