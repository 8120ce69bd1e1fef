/* SPDX-License-Identifier: MIT */
/*
 * arm_stack_guard.h: portSTACK_GUARD_INTACT for the Thumb-2 cores (ARMv7-M,
 * ARMv8-M Mainline), the guard-word test of stack-overflow check method 2
 * that the kernel runs on every switch-out (stack_check_overflow() in
 * kernel/private/kernel.h, which falls back to C without it).
 *
 * The 16 guard bytes are one load-multiple and one chain of compares under a
 * single IT: 7 instructions, where the C loop compiles to two double loads
 * and eight exclusive-ors and ors. The fill word (0xa5a5a5a5) is a Thumb-2
 * modified immediate, so each compare is one instruction. The registers the
 * load uses are clobbers rather than outputs because LDM needs them in
 * ascending order, which an output list cannot ask for; r2, r3, r12 and lr
 * cost nothing there (the switch saves lr anyway: it may call the hook).
 */
#ifndef ARM_STACK_GUARD_H
#define ARM_STACK_GUARD_H

/* Non-zero when the four words at g all equal fill (a constant: it is an immediate). */
#define portSTACK_GUARD_INTACT(g, fill)                                                            \
    __extension__({                                                                                \
        const StackType_t *g_ = (g);                                                               \
        register StackType_t c_ __asm__("ip"); /* not r4: nothing to save */                     \
        StackType_t a_, b_;                                                                        \
        int intact_;                                                                               \
        __asm__("ldrd %[a], %[b], [%[g]]      \n"                                                  \
                "ldrd %[g], %[c], [%[g], #8]  \n"                                                  \
                "cmp %[a], %[k]               \n"                                                  \
                "ittt eq                      \n"                                                  \
                "cmpeq %[b], %[k]             \n"                                                  \
                "cmpeq %[g], %[k]             \n"                                                  \
                "cmpeq %[c], %[k]             \n"                                                  \
                : "=@cceq"(intact_), [a] "=&r"(a_), [b] "=&r"(b_), [c] "=&r"(c_), [g] "+r"(g_)   \
                : [k] "i"(fill), "m"(*(const StackType_t(*)[4])(g)));                              \
        intact_;                                                                                   \
    })

#endif /* ARM_STACK_GUARD_H */
