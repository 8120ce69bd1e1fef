/* SPDX-License-Identifier: MIT */
/*
 * qtest_internal.h: what the portable harness (qtest.c) needs from its
 * machine-specific half (qtest_posix.c on the host, qtest_arm.c on boards).
 * Not for tests.
 */
#ifndef QTEST_INTERNAL_H
#define QTEST_INTERNAL_H

/* Result of qtest_port_expect_assert when the machine cannot run the check (no fork). */
#define QTEST_CHECK_SKIPPED (-1)

/*
 * Run fn(arg) so that a configASSERT it trips is contained: 1 if it tripped
 * one, 0 if it returned without, QTEST_CHECK_SKIPPED where nothing can
 * contain it (fn is then not run).
 */
int qtest_port_expect_assert(void (*fn)(void *), void *arg);

/* First thing a failed configASSERT does: returns, unless it ends a contained check. */
void qtest_port_assert_failed(void);

/* From the tick hook, in the tick interrupt, on every tick. */
void qtest_port_tick(void);

/* End the test program with `status`, output flushed. */
void qtest_port_exit(int status) __attribute__((noreturn));

#endif /* QTEST_INTERNAL_H */
