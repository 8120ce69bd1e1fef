/* SPDX-License-Identifier: MIT */
/*
 * posix.c: the conformance suite's seam (conf.h) on the POSIX port
 * (ports/posix, real-time mode: the tick is a host timer signal).
 *
 * The port's interrupt model has one level, masked by every critical
 * section, and handlers never nest. Software lines are the port's lines 1..3.
 * The periodic interrupt source is line 4, raised from the tick hook (so it
 * runs right after each tick, at whatever instruction the tick signal caught
 * a task): a host thread raising it on its own schedule starves on a loaded
 * machine. The independent clock is CLOCK_MONOTONIC in microseconds. The
 * host may stall the process, so the suite's rate checks are best effort.
 */
#include "conf.h"

#include "posix_port.h"

#include <time.h>

#define TIMER_LINE 4u

const struct conf_arch conf_arch = {
    .name = "POSIX (host)",
    .has_above = 0,
    .nests = 0,
    .stack_align = 16, /* the System V x86-64 ABI's, at every call */
    .no_method1 = "the port keeps each context above its stack: top_of_stack never moves",
    .best_effort = 1,
    .best_effort_permille = 100,
    .clock_hz = 1000000u,
};

void conf_arch_irq_set(unsigned line, enum conf_irq_level level, void (*handler)(void))
{
    (void)level;
    posix_irq_set_handler(line + 1u, handler);
}

void conf_arch_irq_raise(unsigned line)
{
    posix_irq_raise(line + 1u);
}

static void raise_timer_line(void)
{
    posix_irq_raise(TIMER_LINE); /* tail-chained after the tick */
}

void conf_arch_timer_start(uint32_t hz, enum conf_irq_level level, void (*handler)(void))
{
    (void)hz;
    (void)level;
    posix_irq_set_handler(TIMER_LINE, handler);
    conf_tick_hook = raise_timer_line;
}

void conf_arch_timer_stop(void)
{
    conf_tick_hook = NULL;
    posix_irq_set_handler(TIMER_LINE, NULL);
}

void conf_arch_clock_start(void)
{
}

uint32_t conf_arch_clock(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint32_t)((uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u);
}

void conf_arch_clock_stop(void)
{
}

__attribute__((naked)) uintptr_t conf_arch_sp(void)
{
    __asm volatile("lea 8(%rsp), %rax\n ret\n"); /* above the return address: the caller's */
}

void conf_arch_clobber_scratch(void)
{
    __asm volatile("xor %%eax, %%eax\n xor %%ecx, %%ecx\n xor %%edx, %%edx\n xor %%esi, %%esi\n"
                   "xor %%edi, %%edi\n xor %%r8d, %%r8d\n xor %%r9d, %%r9d\n xor %%r10d, %%r10d\n"
                   "xor %%r11d, %%r11d\n pxor %%xmm0, %%xmm0\n pxor %%xmm15, %%xmm15\n" ::
                       : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0",
                         "xmm15", "memory");
}
