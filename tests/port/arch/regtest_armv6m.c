/* SPDX-License-Identifier: MIT */
/*
 * regtest_armv6m.c: the register-check task bodies of regtest.h for ARMv6-M
 * (Thumb-1), the counterpart of regtest.c. Register n of task t holds the
 * word 0xtntntntn (n in hex; lr is n = E), as there.
 *
 * Thumb-1 has no 32-bit immediates and no compare-with-immediate for high
 * registers, so every expected value comes from the literal pool into a
 * scratch register, and the scratch is freed by pushing it: r7 while r0-r6
 * and r8-r12, lr are checked, then r6 while r7 is. Exactly one word is pushed
 * at every check, so the failure path finds the status pointer (pushed first,
 * at entry) one word further up. PendSV saves r4-r11 through r4-r7 and MOV on
 * this core: a slip there shows up in the high registers. A mismatch sets the
 * error flag only: with one scratch register and no STM of high registers,
 * a dump would cost more code than the 16 KiB boards can spare.
 */
#include "regtest.h"

#include <stddef.h>

#define PAT(t, r) "0x" #t #r #t #r #t #r #t #r
#define SET_LOW(reg, t, r) "   ldr " #reg ", =" PAT(t, r) "\n"
#define SET_HIGH(reg, t, r) "   ldr r0, =" PAT(t, r) "\n   mov " #reg ", r0\n"
#define CHECK(reg, scratch, t, r)                                                                  \
    "   ldr " #scratch ", =" PAT(t, r) "\n   cmp " #reg ", " #scratch "\n   bne 9f\n"

/* The high registers first: they are loaded through r0. */
#define SET_ALL(t)                                                                                 \
    SET_HIGH(r8, t, 8) SET_HIGH(r9, t, 9) SET_HIGH(r10, t, A) SET_HIGH(r11, t, B)                  \
    SET_HIGH(r12, t, C) SET_HIGH(lr, t, E) SET_LOW(r0, t, 0) SET_LOW(r1, t, 1) SET_LOW(r2, t, 2)   \
    SET_LOW(r3, t, 3) SET_LOW(r4, t, 4) SET_LOW(r5, t, 5) SET_LOW(r6, t, 6) SET_LOW(r7, t, 7)

#define CHECK_BY_R7(t)                                                                             \
    CHECK(r0, r7, t, 0) CHECK(r1, r7, t, 1) CHECK(r2, r7, t, 2) CHECK(r3, r7, t, 3)                \
    CHECK(r4, r7, t, 4) CHECK(r5, r7, t, 5) CHECK(r6, r7, t, 6) CHECK(r8, r7, t, 8)                \
    CHECK(r9, r7, t, 9) CHECK(r10, r7, t, A) CHECK(r11, r7, t, B) CHECK(r12, r7, t, C)             \
    CHECK(lr, r7, t, E)
#define CHECK_ALL(t)                                                                               \
    "   push {r7}\n" CHECK_BY_R7(t) "   pop {r7}\n"                                                \
    "   push {r6}\n" CHECK(r7, r6, t, 7) "   pop {r6}\n"

const char *const regtest_coverage = "r0-r12, lr";

/* The status pointer arrives in r0 and stays at [sp] (pushed with r1, for alignment). */
#define REG_TASK(name, t)                                                                          \
    __attribute__((naked)) static void name(void *status)                                          \
    {                                                                                              \
        (void)status;                                                                              \
        __asm volatile(".syntax unified\n"                                                         \
                       "   push {r0, r1}\n" SET_ALL(t) "1:\n" CHECK_ALL(t)                         \
                       "   push {r0, r1}\n"                                                        \
                       "   ldr r0, [sp, #8]\n"                                                     \
                       "   ldr r1, [r0]\n"                                                         \
                       "   adds r1, #1\n"                                                          \
                       "   str r1, [r0]\n"                                                         \
                       "   pop {r0, r1}\n"                                                         \
                       "   b 1b\n"                                                                 \
                       "9: ldr r0, [sp, #4]\n"                                                     \
                       "   movs r1, #1\n"                                                          \
                       "   str r1, [r0, #4]\n"                                                     \
                       "2: b 2b\n"                                                                 \
                       "   .ltorg\n");                                                             \
    }

REG_TASK(regtest_1, 1)
REG_TASK(regtest_2, 2)
REG_TASK(regtest_3, 3)

void (*const regtest_tasks[REGTEST_TASKS])(void *) = {regtest_1, regtest_2, regtest_3};

const char *regtest_expected(unsigned t, unsigned err, unsigned n, uintptr_t *value)
{
    (void)t;
    (void)err;
    (void)n;
    (void)value;
    return NULL; /* no dump */
}
