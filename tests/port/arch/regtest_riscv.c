/* SPDX-License-Identifier: MIT */
/*
 * regtest_riscv.c: the RISC-V register-check task bodies of regtest.h,
 * shared by the full demo and the port conformance suite. Task t fills ra and x5-x31 (every register a trap must preserve but
 * sp, gp and tp, which the port never changes) with (t << 24 | n << 16 |
 * t << 8 | n) for register n, and with an FPU f0-f31 with (t << 24 | 0xF0 <<
 * 8 | n) and fcsr's rounding mode with t, then checks them in an endless
 * loop while traps preempt it. A check borrows x31 (and x30) as scratch,
 * parking them in the task's own stack slot, so nothing but the trap can
 * disturb the others. The first FP instruction also exercises the port's
 * FPU enabling. The status pointer stays in the slot at 0(sp). On a
 * mismatch the failure path stores every checked register (x_n in regs[n],
 * or f_n and fcsr in regs[n] and regs[32]) before it sets the error flag.
 *
 * The bodies are one top-level assembly block, so the assembler macro is
 * always defined before its uses.
 */
#include "regtest.h"

#include <stddef.h>

#if defined(__riscv_flen) && !defined(__riscv_float_abi_soft)
#define REGTEST_FP 1
const char *const regtest_coverage = "ra, t0-t6, s0-s11, a0-a7, f0-f31, fcsr";
#else
#define REGTEST_FP 0
const char *const regtest_coverage = "ra, t0-t6, s0-s11, a0-a7";
#endif

void regtest_riscv_1(void *status);
void regtest_riscv_2(void *status);
void regtest_riscv_3(void *status);

#define STR_(x) #x
#define STR(x) STR_(x)

/* clang-format off */
__asm__(
    ".set REGTEST_FP, " STR(REGTEST_FP) "\n"
    ".macro regtest_fp_set t, n\n"
    "    li x31, (\\t << 24) | (0xF0 << 8) | \\n\n"
    "    fmv.w.x f\\n, x31\n"
    ".endm\n"
    ".macro regtest_fp_check t, n\n"
    "    fmv.x.w x30, f\\n\n"
    "    li x31, (\\t << 24) | (0xF0 << 8) | \\n\n"
    "    bne x30, x31, 8f\n"
    ".endm\n"
    ".macro regtest_x_set t, n\n"
    "    li x\\n, (\\t << 24) | (\\n << 16) | (\\t << 8) | \\n\n"
    ".endm\n"
    ".macro regtest_x_check t, n\n"
    "    li x31, (\\t << 24) | (\\n << 16) | (\\t << 8) | \\n\n"
    "    bne x\\n, x31, 9f\n"
    ".endm\n"
    ".macro regtest_body t\n"
    "    addi sp, sp, -16\n"
    "    sw a0, 0(sp)\n"                      /* the status pointer */
    ".if REGTEST_FP\n"                        /* the first FP write enables the FPU (a trap) */
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        regtest_fp_set \\t, \\n\n"
    "    .endr\n"
    "    .irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "        regtest_fp_set \\t, \\n\n"
    "    .endr\n"
    "    li x31, \\t << 5\n"                   /* fcsr.frm = t, no flags */
    "    fscsr x31\n"
    ".endif\n"
    "    regtest_x_set \\t, 1\n"
    "    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18\n"
    "        regtest_x_set \\t, \\n\n"
    "    .endr\n"
    "    .irp n, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "        regtest_x_set \\t, \\n\n"
    "    .endr\n"
    "1:\n"
    "    sw x30, 8(sp)\n"                     /* x31, with x30 as scratch */
    "    li x30, (\\t << 24) | (31 << 16) | (\\t << 8) | 31\n"
    "    bne x31, x30, 7f\n"
    "    lw x30, 8(sp)\n"
    "    regtest_x_check \\t, 1\n"            /* the others, with x31 as scratch */
    "    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18\n"
    "        regtest_x_check \\t, \\n\n"
    "    .endr\n"
    "    .irp n, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30\n"
    "        regtest_x_check \\t, \\n\n"
    "    .endr\n"
    "    sw x30, 8(sp)\n"
    ".if REGTEST_FP\n"
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        regtest_fp_check \\t, \\n\n"
    "    .endr\n"
    "    .irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "        regtest_fp_check \\t, \\n\n"
    "    .endr\n"
    "    frcsr x30\n"
    "    li x31, \\t << 5\n"
    "    bne x30, x31, 8f\n"
    ".endif\n"
    "    lw x30, 0(sp)\n"                     /* status->loops++ */
    "    lw x31, 0(x30)\n"
    "    addi x31, x31, 1\n"
    "    sw x31, 0(x30)\n"
    "    lw x30, 8(sp)\n"
    "    li x31, (\\t << 24) | (31 << 16) | (\\t << 8) | 31\n"
    "    j 1b\n"
    "9:\n"                                  /* x_n wrong; x31 was right, x30 is real */
    "    sw x30, 8(sp)\n"
    "    li x31, (\\t << 24) | (31 << 16) | (\\t << 8) | 31\n"
    "7:\n"                                  /* dump: the real x30 is at 8(sp) */
    "    lw x30, 0(sp)\n"
    "    sw x1, 12(x30)\n"
    "    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18\n"
    "        sw x\\n, (8 + 4 * \\n)(x30)\n"
    "    .endr\n"
    "    .irp n, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31\n"
    "        sw x\\n, (8 + 4 * \\n)(x30)\n"
    "    .endr\n"
    "    lw x31, 8(sp)\n"
    "    sw x31, (8 + 4 * 30)(x30)\n"
    "    li x31, 1\n"                         /* status->error = core, and stop */
    "    sw x31, 4(x30)\n"
    "2:  j 2b\n"
    "8:\n"
    ".if REGTEST_FP\n"
    "    lw x30, 0(sp)\n"
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        fsw f\\n, (8 + 4 * \\n)(x30)\n"
    "    .endr\n"
    "    .irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
    "        fsw f\\n, (8 + 4 * \\n)(x30)\n"
    "    .endr\n"
    "    frcsr x31\n"
    "    sw x31, (8 + 4 * 32)(x30)\n"
    "    li x31, 2\n"                         /* status->error = FP, and stop */
    "    sw x31, 4(x30)\n"
    "    j 2b\n"
    ".endif\n"
    ".endm\n"
    "    .section .text.regtest_riscv, \"ax\", @progbits\n"
    "    .balign 4\n"
    "    .global regtest_riscv_1\n"
    "regtest_riscv_1:\n"
    "    regtest_body 1\n"
    "    .global regtest_riscv_2\n"
    "regtest_riscv_2:\n"
    "    regtest_body 2\n"
    "    .global regtest_riscv_3\n"
    "regtest_riscv_3:\n"
    "    regtest_body 3\n"
    "    .purgem regtest_body\n"
    "    .purgem regtest_x_check\n"
    "    .purgem regtest_x_set\n"
    "    .purgem regtest_fp_check\n"
    "    .purgem regtest_fp_set\n"
    "    .text\n");
/* clang-format on */

void (*const regtest_tasks[REGTEST_TASKS])(void *) = {regtest_riscv_1, regtest_riscv_2,
                                                      regtest_riscv_3};

static const char *const x_names[32] = {
    NULL, "ra", NULL, NULL, NULL, "t0", "t1", "t2", "s0", "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const f_names[33] = {
    "f0",  "f1",  "f2",  "f3",  "f4",  "f5",  "f6",  "f7",  "f8",  "f9",  "f10",
    "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21",
    "f22", "f23", "f24", "f25", "f26", "f27", "f28", "f29", "f30", "f31", "fcsr"};

const char *regtest_expected(unsigned t, unsigned err, unsigned n, uintptr_t *value)
{
    const uint32_t task = t + 1u;

    if (err == 1u && n < 32u && x_names[n] != NULL) {
        *value = task << 24 | n << 16 | task << 8 | n;
        return x_names[n];
    }
    if (REGTEST_FP && err == 2u && n < 33u) {
        *value = n == 32u ? task << 5 : task << 24 | 0xF0u << 8 | n;
        return f_names[n];
    }
    return NULL;
}
