/* SPDX-License-Identifier: MIT */
/*
 * regtest.h: register-check tasks, shared by the full demo and the port's
 * register test (test_port_arm_registers.c). Each task fills every
 * core register it may (r0-r12, lr) and, on a core with an FPU, s0-s31 and
 * FPSCR with values unique to the task, then checks them in an endless loop
 * while the tick, interrupts and other tasks preempt it. A mismatch stops the
 * task with its error flag set.
 */
#ifndef REGTEST_H
#define REGTEST_H

#include <stdint.h>

#define REGTEST_TASKS 3

struct regtest_status {
    volatile uint32_t loops; /* checks completed */
    volatile uint32_t error; /* 1 after a mismatch */
};

/* Task bodies; each takes a struct regtest_status * as its argument. */
extern void (*const regtest_tasks[REGTEST_TASKS])(void *);

/* What the register tasks check: "r0-r12, lr" or "r0-r12, lr, s0-s31, fpscr". */
extern const char *const regtest_coverage;

#endif /* REGTEST_H */
