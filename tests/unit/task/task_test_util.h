/* SPDX-License-Identifier: MIT */
/*
 * task_test_util.h: helpers shared by the task and notification tests.
 *
 * A trace records what ran when: tt_trace('A') appends "A<tick>", tt_mark('A')
 * appends "A", space separated, and TT_EXPECT_TRACE compares the whole record
 * with an expected string. Only one task (or handler) runs at a time on the
 * POSIX port, so the trace needs no lock.
 *
 * tt_spawn creates a task with xTaskCreate, or from a static pool when the
 * configuration has no dynamic allocation, so the same case runs in both.
 */
#ifndef TASK_TEST_UTIL_H
#define TASK_TEST_UTIL_H

#include "FreeRTOS.h"
#include "task.h"

#include "qtest_port.h"
#include "qtest.h"

#define TT_STACK configMINIMAL_STACK_SIZE

/* Interrupt line the tests use for simulated interrupts. */
#define TT_IRQ 5u

/* Forget the trace (each case starts with an empty one). */
void tt_trace_reset(void);
/* Append id and the current tick. */
void tt_trace(char id);
/* Append id alone. */
void tt_mark(char id);
/* The trace so far, e.g. "A0 B1 q2". */
const char *tt_trace_get(void);
void tt_expect_trace_at(const char *file, int line, const char *expected);
#define TT_EXPECT_TRACE(expected) tt_expect_trace_at(__FILE__, __LINE__, (expected))

/* Create a task of TT_STACK words; fails the case if that is impossible. */
TaskHandle_t tt_spawn(TaskFunction_t fn, const char *name, UBaseType_t priority, void *arg);

/* Suspend the calling task for good (a task function must never return). */
void tt_park(void) __attribute__((noreturn));

/* A task body that parks at once. */
void tt_park_task(void *arg);

/* Run fn as the handler of TT_IRQ, now (from task context, interrupts unmasked). */
void tt_interrupt(void (*fn)(void));

#endif /* TASK_TEST_UTIL_H */
