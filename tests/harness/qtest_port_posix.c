/* SPDX-License-Identifier: MIT */
/*
 * qtest_port.h on the POSIX port: simulated interrupt lines and simulated
 * busy time; and the harness's host half (qtest_internal.h): QT_EXPECT_ASSERT
 * runs its statement in a forked child, whose kernel state is a copy, so the
 * parent's is untouched.
 */
#include "qtest.h"
#include "qtest_internal.h"
#include "qtest_port.h"

#include "posix_port.h"

#include <sys/wait.h>
#include <unistd.h>

_Static_assert(QTEST_IRQ_COUNT <= POSIX_IRQ_COUNT, "the POSIX port has too few lines");

#define EXIT_ASSERTED 77

static volatile int in_child;

/* Flushes coverage counters in forked children, when built with --coverage. */
extern void __gcov_dump(void) __attribute__((weak));

void qtest_busy_ticks(TickType_t n)
{
    posix_busy_ticks(n);
}

void qtest_irq_set_handler(unsigned irq, void (*handler)(void))
{
    posix_irq_set_handler(irq, handler);
}

void qtest_irq_raise(unsigned irq)
{
    posix_irq_raise(irq);
}

static void child_exit(int status)
{
    if (__gcov_dump) {
        __gcov_dump();
    }
    _exit(status);
}

int qtest_port_expect_assert(void (*fn)(void *), void *arg)
{
    int status = 0;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        in_child = 1;
        fn(arg);
        child_exit(0);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        return 0;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == EXIT_ASSERTED;
}

void qtest_port_tick(void)
{
}

void qtest_port_assert_failed(void)
{
    if (in_child) {
        child_exit(EXIT_ASSERTED);
    }
}

void qtest_port_exit(int status)
{
    fflush(stdout);
    _exit(status);
}
