/* SPDX-License-Identifier: MIT */
/*
 * stack.c: stack-overflow detection at every switch-out
 * (configCHECK_FOR_STACK_OVERFLOW). Method 1 checks the saved stack pointer
 * against the stack's limit; method 2 also checks that the last 16 bytes of
 * the stack still hold the fill pattern written at creation.
 */
#include "kernel.h"

#define GUARD_BYTES 16u

KERNEL_NO_ASAN static bool guard_intact(const tcb_t *t)
{
#if portSTACK_GROWTH < 0
    const uint8_t *g = (const uint8_t *)t->stack;
#else
    const uint8_t *g = (const uint8_t *)(t->stack_end + 1) - GUARD_BYTES;
#endif
    for (unsigned i = 0; i < GUARD_BYTES; i++) {
        if (g[i] != 0xa5u) {
            return false;
        }
    }
    return true;
}

void stack_check_overflow(tcb_t *t)
{
    bool overflow;

#if portSTACK_GROWTH < 0
    overflow = t->top_of_stack <= t->stack;
#else
    overflow = t->top_of_stack >= t->stack_end;
#endif
    if (configCHECK_FOR_STACK_OVERFLOW > 1 && !guard_intact(t)) {
        overflow = true;
    }
    if (overflow) {
        vApplicationStackOverflowHook(t, t->name);
    }
}
