/* SPDX-License-Identifier: MIT */
/*
 * regtest.h: register-check tasks, shared by the port conformance suite
 * (tests/port/conf_context.c) and the full demo. Each task fills every
 * register it may (all general-purpose registers but the stack pointer and
 * the ABI's fixed ones, and every FP register and the FP control register
 * where there is an FPU) with values unique to the task and the register,
 * then checks them in an endless loop while the tick, interrupts and other
 * tasks preempt it. A mismatch stops the task with its error flag set and,
 * where the variant can, every checked register as it found them in regs[]
 * so that the suite can name the register that changed.
 *
 * One implementation per instruction set: regtest_thumb2.c (ARMv7-M,
 * ARMv8-M Mainline), regtest_armv6m.c, regtest_riscv.c, regtest_x86_64.c
 * (the POSIX port on an x86-64 host).
 */
#ifndef REGTEST_H
#define REGTEST_H

#include <stdint.h>

#define REGTEST_TASKS 3
#if defined(__ARM_ARCH_6M__)
#define REGTEST_DUMP_WORDS 1 /* regtest_armv6m.c dumps nothing: keep the 16 KiB boards' RAM */
#else
#define REGTEST_DUMP_WORDS 34
#endif

/* error: which bank mismatched */
#define REGTEST_ERR_CORE 1u
#define REGTEST_ERR_FP 2u

struct regtest_status {
    volatile uint32_t loops; /* checks completed */
    volatile uint32_t error; /* 0, or REGTEST_ERR_* after a mismatch */
    /* At a mismatch: register n of the failing bank as found (where regtest_expected knows n). */
    volatile uintptr_t regs[REGTEST_DUMP_WORDS];
};

/* Task bodies; each takes a struct regtest_status * as its argument. */
extern void (*const regtest_tasks[REGTEST_TASKS])(void *);

/* What the register tasks check, e.g. "r0-r12, lr, s0-s31, fpscr". */
extern const char *const regtest_coverage;

/*
 * For task index t (0..REGTEST_TASKS-1), bank err (REGTEST_ERR_*) and dump slot n: the name
 * of the register the dump holds there and the value the task keeps in it, or NULL when the
 * slot is unused (or the variant dumps nothing).
 */
const char *regtest_expected(unsigned t, unsigned err, unsigned n, uintptr_t *value);

#endif /* REGTEST_H */
