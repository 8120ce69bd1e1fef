/* SPDX-License-Identifier: MIT */
/*
 * cortex_m.c: the benchmark seam (bench_seam.h) for every Quartz Cortex-M board, written
 * against the common board API (boards/common/cortex-m/board.h) and the architectural NVIC
 * and SCB registers only, so a new Cortex-M board needs no bench code of its own.
 *
 * The timer is the board's last hardware timer, free-running with the longest period the board
 * allows (2^32 counts); its interrupt line is never enabled in the NVIC. The software interrupt
 * is the board's first spare line, pended through the NVIC's set-pending register.
 *
 * The interrupt is kept lean, because the interrupt figures include it: raising it is one
 * store of a register address and a bit worked out once, and on the cores with a vector table
 * offset register (ARMv7-M, ARMv8-M Mainline) its handler sits in its own slot of a RAM copy
 * of the vector table, so the core enters it directly instead of through the board's
 * dispatcher (which looks the handler up on every interrupt). ARMv6-M goes through the board.
 */
#include "bench_seam.h"

#include "board.h"

#define BENCH_TIMER (BOARD_TIMER_COUNT - 1u)

/* NVIC and SCB registers (ARMv6-M/ARMv7-M/ARMv8-M Architecture Reference Manuals, B3.2, B3.4). */
#define NVIC_ISER(n) (*(volatile uint32_t *)(0xE000E100u + 4u * (n)))
#define NVIC_ICER(n) (*(volatile uint32_t *)(0xE000E180u + 4u * (n)))
#define NVIC_ISPR_ADDR(n) ((volatile uint32_t *)(0xE000E200u + 4u * (n)))
#define NVIC_IPR(n) (*(volatile uint32_t *)(0xE000E400u + 4u * (n)))
#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)

#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
#define SEAM_OWN_VECTORS 1
#else
#define SEAM_OWN_VECTORS 0
#endif

static unsigned soft_irq;

/* What bench_seam_irq_raise writes, and where. */
static struct {
    volatile uint32_t *ispr;
    uint32_t bit;
} raise_to;

#if SEAM_OWN_VECTORS
#define VECTORS (16u + BOARD_IRQ_COUNT)
/* VTOR needs the table aligned to its size rounded up to a power of two, 128 bytes at least. */
#define VECTORS_ALIGN (VECTORS <= 32u ? 128 : VECTORS <= 64u ? 256 : VECTORS <= 128u ? 512 : 1024)
_Static_assert(VECTORS <= 256u, "VECTORS_ALIGN covers tables of up to 256 entries");

static uint32_t vectors[VECTORS] __attribute__((aligned(VECTORS_ALIGN)));
static uint32_t board_vector; /* the board's entry for the line, put back when it is unset */

/* Switch to a RAM copy of the board's vector table: the same handlers until the bench sets one. */
static void own_vectors(void)
{
    const uint32_t *board = (const uint32_t *)(uintptr_t)SCB_VTOR;

    for (unsigned i = 0; i < VECTORS; i++) {
        vectors[i] = board[i];
    }
    board_vector = vectors[16u + soft_irq];
    __asm volatile("dsb" ::: "memory"); /* the copy is complete before the core may fetch it */
    SCB_VTOR = (uint32_t)(uintptr_t)vectors;
    __asm volatile("dsb\n\tisb" ::: "memory");
}
#endif

void bench_seam_init(void)
{
    board_timer_start(BENCH_TIMER, 0); /* 0: a period of 2^32 counts */
    soft_irq = board_spare_irq(0);
    raise_to.ispr = NVIC_ISPR_ADDR(soft_irq / 32u);
    raise_to.bit = 1u << (soft_irq % 32u);
#if SEAM_OWN_VECTORS
    own_vectors();
#endif
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
        NVIC_ICER(soft_irq / 32u) = raise_to.bit;
    }
    board_irq_set_handler(soft_irq, handler);
#if SEAM_OWN_VECTORS
    vectors[16u + soft_irq] = handler != NULL ? (uint32_t)(uintptr_t)handler : board_vector;
    __asm volatile("dsb" ::: "memory"); /* the entry is in place before the line is enabled */
#endif
    if (handler != NULL) {
        NVIC_ISER(soft_irq / 32u) = raise_to.bit;
    }
}

void bench_seam_irq_raise(void)
{
    *raise_to.ispr = raise_to.bit;
    /* Let the pended interrupt be taken before the next instruction, as on real hardware
     * after the write completes (DSB), and refetch after it (ISB). */
    __asm volatile("dsb\n\tisb" ::: "memory");
}

char *bench_seam_cmdline(char *buf, size_t size)
{
    return board_cmdline(buf, size);
}
