/* SPDX-License-Identifier: MIT */
/*
 * regtest_x86_64.c: the register-check task bodies of regtest.h for the POSIX
 * port on an x86-64 host, where the tick is a signal that may switch tasks
 * at any instruction (ports/posix, real-time mode). Task t keeps in register
 * n (the hardware number: rax 0, rcx 1, ... r15 15; rsp excluded) the byte
 * (t << 4 | n) eight times, in xmm_n's low half the byte (t << 4 | n) ^ 0x80
 * eight times, and in MXCSR the rounding mode t. A check borrows r11 (and r10
 * while r11 itself is checked), parking r10 in the frame slot at 8(%rsp): the
 * scratch registers are caller-saved ones, so every callee-saved register
 * holds its value all the time. The status pointer stays at 0(%rsp). On a mismatch every checked register goes
 * to the status block before the error flag is set.
 */
#include "regtest.h"

#include <stddef.h>

const char *const regtest_coverage = "rax-r15 but rsp, xmm0-xmm15 (low half), mxcsr";

void regtest_x86_64_1(void *status);
void regtest_x86_64_2(void *status);
void regtest_x86_64_3(void *status);

/* clang-format off */
__asm__(
    ".macro rt_pat t, n, reg\n"
    "    movabs $(((\\t << 4) | \\n) * 0x0101010101010101), \\reg\n"
    ".endm\n"
    ".macro rt_fpat t, n, reg\n"
    "    movabs $((((\\t << 4) | \\n) ^ 0x80) * 0x0101010101010101), \\reg\n"
    ".endm\n"
    /* register names by hardware number, for .irp */
    ".macro rt_each_gpr op, t\n"
    "    \\op \\t, 0, %rax\n    \\op \\t, 1, %rcx\n    \\op \\t, 2, %rdx\n    \\op \\t, 3, %rbx\n"
    "    \\op \\t, 5, %rbp\n    \\op \\t, 6, %rsi\n    \\op \\t, 7, %rdi\n    \\op \\t, 8, %r8\n"
    "    \\op \\t, 9, %r9\n    \\op \\t, 10, %r10\n    \\op \\t, 12, %r12\n    \\op \\t, 13, %r13\n"
    "    \\op \\t, 14, %r14\n    \\op \\t, 15, %r15\n"
    ".endm\n"
    ".macro rt_set t, n, reg\n"
    "    rt_pat \\t, \\n, \\reg\n"
    ".endm\n"
    ".macro rt_check t, n, reg\n"
    "    rt_pat \\t, \\n, %r11\n"
    "    cmp %r11, \\reg\n"
    "    jne 9f\n"
    ".endm\n"
    ".macro rt_dump t, n, reg\n"
    "    mov \\reg, (8 + 8 * \\n)(%r10)\n"
    ".endm\n"
    ".macro rt_body t\n"
    "    sub $24, %rsp\n"
    "    mov %rdi, 0(%rsp)\n"                      /* the status pointer */
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        rt_fpat \\t, \\n, %rax\n"
    "        movq %rax, %xmm\\n\n"
    "    .endr\n"
    "    movl $(0x1F80 | (\\t << 13)), 16(%rsp)\n" /* masked exceptions, rounding mode t */
    "    ldmxcsr 16(%rsp)\n"
    "    rt_each_gpr rt_set, \\t\n"
    "    rt_pat \\t, 11, %r11\n"
    "1:\n"
    "    mov %r10, 8(%rsp)\n"                      /* r11, with r10 as scratch */
    "    rt_pat \\t, 11, %r10\n"
    "    cmp %r10, %r11\n"
    "    jne 7f\n"
    "    mov 8(%rsp), %r10\n"
    "    rt_each_gpr rt_check, \\t\n"              /* the others, with r11 as scratch */
    "    mov %r10, 8(%rsp)\n"
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        movq %xmm\\n, %r10\n"
    "        rt_fpat \\t, \\n, %r11\n"
    "        cmp %r11, %r10\n"
    "        jne 8f\n"
    "    .endr\n"
    "    stmxcsr 16(%rsp)\n"
    "    cmpl $(0x1F80 | (\\t << 13)), 16(%rsp)\n"
    "    jne 8f\n"
    "    mov 0(%rsp), %r10\n"                      /* status->loops++ */
    "    incl 0(%r10)\n"
    "    mov 8(%rsp), %r10\n"
    "    rt_pat \\t, 11, %r11\n"
    "    jmp 1b\n"
    "9:\n"                                       /* a GPR wrong; r11 was right, r10 is real */
    "    mov %r10, 8(%rsp)\n"
    "    rt_pat \\t, 11, %r11\n"
    "7:\n"                                       /* dump: the real r10 is at 8(%rsp) */
    "    mov 0(%rsp), %r10\n"
    "    rt_each_gpr rt_dump, \\t\n"
    "    mov %r11, (8 + 8 * 11)(%r10)\n"
    "    mov 8(%rsp), %r11\n"
    "    mov %r11, (8 + 8 * 10)(%r10)\n"
    "    movl $1, 4(%r10)\n"                       /* status->error = core, and stop */
    "2:  pause\n"
    "    jmp 2b\n"
    "8:\n"
    "    mov 0(%rsp), %r10\n"
    "    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
    "        movq %xmm\\n, (8 + 8 * \\n)(%r10)\n"
    "    .endr\n"
    "    stmxcsr 16(%rsp)\n"
    "    mov 16(%rsp), %r11d\n"
    "    mov %r11, (8 + 8 * 16)(%r10)\n"
    "    movl $2, 4(%r10)\n"                       /* status->error = FP, and stop */
    "    jmp 2b\n"
    ".endm\n"
    "    .text\n"
    "    .balign 16\n"
    "    .global regtest_x86_64_1\n"
    "regtest_x86_64_1:\n"
    "    rt_body 1\n"
    "    .global regtest_x86_64_2\n"
    "regtest_x86_64_2:\n"
    "    rt_body 2\n"
    "    .global regtest_x86_64_3\n"
    "regtest_x86_64_3:\n"
    "    rt_body 3\n"
    "    .purgem rt_body\n"
    "    .purgem rt_dump\n"
    "    .purgem rt_check\n"
    "    .purgem rt_set\n"
    "    .purgem rt_each_gpr\n"
    "    .purgem rt_fpat\n"
    "    .purgem rt_pat\n");
/* clang-format on */

void (*const regtest_tasks[REGTEST_TASKS])(void *) = {regtest_x86_64_1, regtest_x86_64_2,
                                                      regtest_x86_64_3};

static const char *const gpr_names[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp",
                                          "rsi", "rdi", "r8",  "r9",  "r10", "r11",
                                          "r12", "r13", "r14", "r15"};
static const char *const xmm_names[17] = {
    "xmm0", "xmm1", "xmm2",  "xmm3",  "xmm4",  "xmm5",  "xmm6",  "xmm7", "xmm8",
    "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "mxcsr"};

const char *regtest_expected(unsigned t, unsigned err, unsigned n, uintptr_t *value)
{
    const uintptr_t task = t + 1u;

    if (err == 1u && n < 16u && n != 4u) {
        *value = (task << 4 | n) * (uintptr_t)0x0101010101010101u;
        return gpr_names[n];
    }
    if (err == 2u && n < 17u) {
        *value = n == 16u ? 0x1F80u | task << 13 : ((task << 4 | n) ^ 0x80u) *
                                                        (uintptr_t)0x0101010101010101u;
        return xmm_names[n];
    }
    return NULL;
}
