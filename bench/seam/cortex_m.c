/* SPDX-License-Identifier: MIT */
/*
 * cortex_m.c: the benchmark seam (bench_seam.h) for every Quartz Cortex-M board, written
 * against the common board API (boards/common/cortex-m/board.h) and the architectural NVIC
 * registers only, so a new Cortex-M board needs no bench code of its own.
 *
 * The timer is the board's last hardware timer, free-running with the longest period the board
 * allows (2^32 counts); its interrupt line is never enabled in the NVIC. The software interrupt
 * is the board's first spare line, pended through the NVIC's set-pending register.
 */
#include "bench_seam.h"

#include "board.h"

#define BENCH_TIMER (BOARD_TIMER_COUNT - 1u)

/* NVIC registers (ARMv6-M/ARMv7-M/ARMv8-M Architecture Reference Manuals, B3.4). */
#define NVIC_ISER(n) (*(volatile uint32_t *)(0xE000E100u + 4u * (n)))
#define NVIC_ICER(n) (*(volatile uint32_t *)(0xE000E180u + 4u * (n)))
#define NVIC_ISPR(n) (*(volatile uint32_t *)(0xE000E200u + 4u * (n)))
#define NVIC_IPR(n) (*(volatile uint32_t *)(0xE000E400u + 4u * (n)))

static unsigned soft_irq;

void bench_seam_init(void)
{
    board_timer_start(BENCH_TIMER, 0); /* 0: a period of 2^32 counts */
    soft_irq = board_spare_irq(0);
    /* All-ones is the lowest priority on every implementation; IPRs are word-accessed
     * because ARMv6-M has no byte access to them. */
    NVIC_IPR(soft_irq / 4u) |= 0xFFu << (8u * (soft_irq % 4u));
}

const char *bench_seam_board(void)
{
    return BOARD_NAME;
}

uint32_t bench_seam_now(void)
{
    return ~board_timer_value(BENCH_TIMER); /* the hardware counts down */
}

uint32_t bench_seam_timer_hz(void)
{
    return BOARD_TIMER_CLOCK_HZ;
}

void bench_seam_irq_set(void (*handler)(void))
{
    if (handler == NULL) {
        NVIC_ICER(soft_irq / 32u) = 1u << (soft_irq % 32u);
    }
    board_irq_set_handler(soft_irq, handler);
    if (handler != NULL) {
        NVIC_ISER(soft_irq / 32u) = 1u << (soft_irq % 32u);
    }
}

void bench_seam_irq_raise(void)
{
    NVIC_ISPR(soft_irq / 32u) = 1u << (soft_irq % 32u);
    /* Let the pended interrupt be taken before the next instruction, as on real hardware
     * after the write completes (DSB), and refetch after it (ISB). */
    __asm volatile("dsb\n\tisb" ::: "memory");
}

char *bench_seam_cmdline(char *buf, size_t size)
{
    return board_cmdline(buf, size);
}
