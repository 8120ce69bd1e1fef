/* SPDX-License-Identifier: MIT */
/*
 * stack.c: stack-overflow detection at every switch-out
 * (configCHECK_FOR_STACK_OVERFLOW). Method 1 checks the saved stack pointer
 * against the stack's limit; method 2 also checks that the last 16 bytes of
 * the stack still hold the fill pattern written at creation.
 */
#include "kernel.h"

#define GUARD_BYTES 16u
#define GUARD_WORDS (GUARD_BYTES / sizeof(StackType_t))
/* TASK_STACK_FILL_BYTE in every byte of a stack word. */
#define GUARD_WORD ((StackType_t)(~(StackType_t)0 / 0xffu * TASK_STACK_FILL_BYTE))

/* Word compares: this runs at every switch-out, so it must stay a handful of instructions. */
KERNEL_NO_ASAN static bool guard_intact(const tcb_t *t)
{
#if portSTACK_GROWTH < 0
    const StackType_t *g = t->stack;
#else
    const StackType_t *g = t->stack_end + 1 - GUARD_WORDS;
#endif
    StackType_t diff = 0;

    for (unsigned i = 0; i < GUARD_WORDS; i++) {
        diff |= g[i] ^ GUARD_WORD;
    }
    return diff == 0;
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
