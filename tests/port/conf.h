/* SPDX-License-Identifier: MIT */
/*
 * conf.h: the port conformance suite (tests/port/README.md). The portable
 * checks (conf_*.c) see the port only through the FreeRTOS API and through
 * the architecture seam declared here, which tests/port/arch/<arch>.c
 * implements for each port family. Nothing in the portable part knows an
 * architecture or a board.
 *
 * One scheduler runs the whole suite: main creates the conductor task, which
 * runs every check in turn and then ends the scheduler. A check reports with
 * conf_fail() (the first failure's detail is kept) and must delete every
 * task and object it created before it returns, so the next check starts
 * from a quiet system. The report is one line per check, "PASS name",
 * "FAIL name: detail" or "SKIP name: why", and ends with "N passed, N failed".
 */
#ifndef CONF_H
#define CONF_H

#include "FreeRTOS.h"
#include "task.h"

#include <stdint.h>

/* ---- The check API (conf_main.c) ---- */

struct conf_check {
    const char *name;
    void (*run)(void);
};

/* Record a failure of the running check; only the first detail is printed. */
void conf_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The running check does not apply to this port or configuration: why. */
void conf_skip(const char *why);
/* Failures recorded in the running check so far. */
unsigned conf_failures(void);

#define CONF_EXPECT(cond, ...)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            conf_fail(__VA_ARGS__);                                                                \
        }                                                                                          \
    } while (0)

/* Priorities: the conductor runs every check at CONF_PRIO; helpers above or below it. */
#define CONF_PRIO ((UBaseType_t)2)
#define CONF_PRIO_HIGH ((UBaseType_t)(configMAX_PRIORITIES - 1))
/*
 * Words of stack for a helper task that prints nothing and calls only the kernel: the board's
 * QTEST_QUIET_STACK (board_test_config.h) where it sets one, as small boards do.
 */
#if defined(QTEST_QUIET_STACK)
#define CONF_QUIET_STACK QTEST_QUIET_STACK
#else
#define CONF_QUIET_STACK configMINIMAL_STACK_SIZE
#endif

/* Counted by the hooks in conf_main.c; a check that provokes one resets it first. */
extern volatile unsigned conf_stack_overflows;
extern TaskHandle_t volatile conf_stack_overflow_task;
/* Called from the tick hook (interrupt context) when set. */
extern void (*volatile conf_tick_hook)(void);

/*
 * The register-check tasks (conf_context.c): start them below CONF_PRIO; stop deletes them and
 * fails the check, naming the register, if one found a register changed (failed: one has, and
 * has stopped). Progress is the sum of their loops.
 */
void conf_regtasks_start(void);
void conf_regtasks_stop(void);
uint32_t conf_regtasks_progress(void);
int conf_regtasks_failed(void);

/* The checks, by concern (each file's table). */
extern const struct conf_check conf_checks_context[];
extern const struct conf_check conf_checks_interrupts[];
extern const struct conf_check conf_checks_fromisr[];
extern const struct conf_check conf_checks_time[];
extern const struct conf_check conf_checks_memory[];
extern const struct conf_check conf_checks_stress[];

/* ---- The architecture seam (tests/port/arch/<arch>.c) ---- */

/*
 * Interrupt levels, relative to the kernel's masking boundary
 * (configMAX_SYSCALL_INTERRUPT_PRIORITY or the port's equivalent):
 *   CONF_IRQ_LOW      the lowest priority (the tick's and the switch's);
 *   CONF_IRQ_CEILING  the highest priority that may still call FromISR APIs:
 *                     masked by critical sections;
 *   CONF_IRQ_ABOVE    above the boundary: never masked by the kernel, must not
 *                     call the kernel. Only where conf_arch.has_above says so.
 * A higher level preempts a handler of a lower one where conf_arch.nests.
 */
enum conf_irq_level { CONF_IRQ_LOW, CONF_IRQ_CEILING, CONF_IRQ_ABOVE };

#define CONF_IRQ_LINES 3u /* software-raised lines 0..2 */

struct conf_arch {
    const char *name;
    unsigned has_above;   /* CONF_IRQ_ABOVE exists (BASEPRI-style masking) */
    unsigned nests;       /* a higher-level interrupt preempts a running handler */
    unsigned stack_align; /* the ABI's stack alignment at a function's entry, bytes */
    /* NULL when overflow method 1 (saved SP past the stack's end) can fire; else why not */
    const char *no_method1;
    uint32_t clock_hz; /* conf_arch_clock's rate */
    /*
     * 1 on a host, which may stall the whole process for a while (its missed ticks then arrive
     * at once): rates are checked to best_effort_permille, and the stress run's progress over the
     * whole run instead of at every visit. 0 on a board: exact, under QEMU's virtual time.
     */
    unsigned best_effort;
    unsigned best_effort_permille;
};
extern const struct conf_arch conf_arch;

/* Route software line `line` to handler at `level` and enable it (NULL: disable). */
void conf_arch_irq_set(unsigned line, enum conf_irq_level level, void (*handler)(void));
/* Make line pending: taken at once where its level is unmasked. Any context. */
void conf_arch_irq_raise(unsigned line);

/*
 * A hardware interrupt source (a board timer) runs handler hz times a second at level,
 * asynchronously to the tasks; the seam acknowledges the device. (Where there is no such
 * source, as on the POSIX port, the tick raises a line instead: once per tick, whatever hz.)
 */
void conf_arch_timer_start(uint32_t hz, enum conf_irq_level level, void (*handler)(void));
void conf_arch_timer_stop(void);

/* An up-counting clock independent of the tick (wraps at 2^32), at conf_arch.clock_hz. */
void conf_arch_clock_start(void);
uint32_t conf_arch_clock(void);
void conf_arch_clock_stop(void);

/* The caller's stack pointer at the call (what the ABI keeps aligned at every call). */
uintptr_t conf_arch_sp(void);

/* Overwrite every register the ABI lets an interrupt handler clobber (a nested handler's job). */
void conf_arch_clobber_scratch(void);

#endif /* CONF_H */
