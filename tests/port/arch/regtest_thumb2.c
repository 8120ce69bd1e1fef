/* SPDX-License-Identifier: MIT */
/*
 * regtest_thumb2.c: the register-check task bodies of regtest.h for
 * ARMv7-M and ARMv8-M Mainline (Thumb-2). Register n of
 * task t holds the byte 0xtn repeated four times, a Thumb-2 immediate, so
 * each check is one `cmp` with no scratch register. The FPU registers of task
 * t hold the byte (t << 5 | n) repeated, checked through r0 and r1, which are
 * saved on the stack around the FPU checks, as is the status pointer ([sp]).
 * The hardware saves r0-r3, r12, lr (and s0-s15, FPSCR) on exception entry;
 * the port's PendSV saves r4-r11 (and s16-s31): a slip in either shows here.
 * On a mismatch the failure path stores r0-r12, lr (or s0-s31, fpscr) into
 * the status block before it sets the error flag.
 */
#include "regtest.h"

#include <stddef.h>

#define PAT(t, r) "#0x" #t #r #t #r #t #r #t #r
#define SET(reg, t, r) "   mov " #reg ", " PAT(t, r) "\n"
#define CHECK(reg, t, r) "   cmp " #reg ", " PAT(t, r) "\n   bne 9f\n"
#define CORE(op, t)                                                                                \
    op(r0, t, 0) op(r1, t, 1) op(r2, t, 2) op(r3, t, 3) op(r4, t, 4) op(r5, t, 5) op(r6, t, 6)     \
        op(r7, t, 7) op(r8, t, 8) op(r9, t, 9) op(r10, t, A) op(r11, t, B) op(r12, t, C)           \
            op(lr, t, E)

#if defined(__ARM_FP) && !defined(__SOFTFP__)
/* FPU register n of task t: byte b = t * 32 + n, written as a decimal expression. */
#define FB(t, n) "((" #t " * 32 + " #n ") * 0x01010101)"
#define FSET(t, n) "   mov r0, #" FB(t, n) "\n   vmov s" #n ", r0\n"
#define FCHECK(t, n) "   vmov r0, s" #n "\n   cmp r0, #" FB(t, n) "\n   bne 8f\n"
#define FPU_ALL(op, t)                                                                             \
    op(t, 0) op(t, 1) op(t, 2) op(t, 3) op(t, 4) op(t, 5) op(t, 6) op(t, 7) op(t, 8) op(t, 9)      \
        op(t, 10) op(t, 11) op(t, 12) op(t, 13) op(t, 14) op(t, 15) op(t, 16) op(t, 17)            \
            op(t, 18) op(t, 19) op(t, 20) op(t, 21) op(t, 22) op(t, 23) op(t, 24) op(t, 25)        \
                op(t, 26) op(t, 27) op(t, 28) op(t, 29) op(t, 30) op(t, 31)
#define FPSCR_VALUE(t) "#(" #t " << 22)" /* the rounding mode field */
#define FPU_SETUP(t)                                                                               \
    FPU_ALL(FSET, t) "   mov r0, " FPSCR_VALUE(t) "\n   vmsr fpscr, r0\n"
#define FPU_CHECK(t)                                                                               \
    "   push {r0, r1}\n" FPU_ALL(FCHECK, t) "   vmrs r0, fpscr\n"                                  \
    "   cmp r0, " FPSCR_VALUE(t) "\n   bne 8f\n"                                                   \
    "   pop {r0, r1}\n"
/* r0, r1 are still pushed: the status pointer is at [sp, #8]. */
#define FPU_FAIL                                                                                   \
    "8: ldr r0, [sp, #8]\n"                                                                        \
    "   add r1, r0, #8\n"                                                                          \
    "   vstmia r1, {s0-s31}\n"                                                                     \
    "   vmrs r2, fpscr\n"                                                                          \
    "   str r2, [r0, #136]\n"                                                                      \
    "   mov r2, #2\n"                                                                              \
    "   str r2, [r0, #4]\n"                                                                        \
    "3: b 3b\n"
const char *const regtest_coverage = "r0-r12, lr, s0-s31, fpscr";
#else
#define FPU_SETUP(t) ""
#define FPU_CHECK(t) ""
#define FPU_FAIL ""
const char *const regtest_coverage = "r0-r12, lr";
#endif

/* The status pointer arrives in r0 and stays at [sp] for the whole run. */
#define REG_TASK(name, t)                                                                          \
    __attribute__((naked)) static void name(void *status)                                          \
    {                                                                                              \
        (void)status;                                                                              \
        __asm volatile("   push {r0, r1}\n" FPU_SETUP(t) CORE(SET, t) "1:\n" CORE(CHECK, t)        \
                           FPU_CHECK(t) "   push {r0, r1}\n"                                       \
                       "   ldr r0, [sp, #8]\n"                                                     \
                       "   ldr r1, [r0]\n"                                                         \
                       "   add r1, r1, #1\n"                                                       \
                       "   str r1, [r0]\n"                                                         \
                       "   pop {r0, r1}\n"                                                         \
                       "   b 1b\n" FPU_FAIL "9: push {r0}\n"                                       \
                       "   ldr r0, [sp, #4]\n"                                                     \
                       "   add r0, r0, #12\n"                                                      \
                       "   stmia r0, {r1-r12, lr}\n"                                               \
                       "   pop {r1}\n"                                                             \
                       "   str r1, [r0, #-4]\n"                                                    \
                       "   mov r1, #1\n"                                                           \
                       "   str r1, [r0, #-8]\n"                                                    \
                       "2: b 2b\n");                                                               \
    }

REG_TASK(regtest_1, 1)
REG_TASK(regtest_2, 2)
REG_TASK(regtest_3, 3)

void (*const regtest_tasks[REGTEST_TASKS])(void *) = {regtest_1, regtest_2, regtest_3};

static const char *const core_names[14] = {"r0", "r1", "r2",  "r3",  "r4",  "r5",  "r6",
                                           "r7", "r8", "r9", "r10", "r11", "r12", "lr"};
static const char *const fp_names[33] = {
    "s0",  "s1",  "s2",  "s3",  "s4",  "s5",  "s6",  "s7",  "s8",  "s9",  "s10",
    "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21",
    "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31", "fpscr"};

const char *regtest_expected(unsigned t, unsigned err, unsigned n, uintptr_t *value)
{
    const uint32_t task = t + 1u;

    if (err == 1u && n < 14u) {
        /* Register n holds the nibbles t, n (lr: n = 0xE) four times. */
        const uint32_t nib = n == 13u ? 0xEu : n;
        *value = (task << 4 | nib) * 0x01010101u;
        return core_names[n];
    }
#if defined(__ARM_FP) && !defined(__SOFTFP__)
    if (err == 2u && n < 33u) {
        *value = n == 32u ? task << 22 : (task * 32u + n) * 0x01010101u;
        return fp_names[n];
    }
#else
    (void)fp_names;
#endif
    return NULL;
}
