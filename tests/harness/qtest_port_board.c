/* SPDX-License-Identifier: MIT */
/*
 * The half of qtest_port.h (and of the harness's qtest_internal.h) that every
 * QEMU board shares, whatever its architecture; qtest_port_<arch>.c adds the
 * interrupt lines.
 *
 * Busy time is CPU time, as on the host: the task spins until n tick
 * interrupts have arrived while it was the running task (counted from the
 * harness's tick hook, so ticks that arrive while the scheduler is suspended
 * count too, and ticks spent in other tasks do not).
 *
 * There is no fork: a QT_EXPECT_ASSERT check cannot be contained, so it is
 * skipped (qtest.c reports it). The run ends through the board (board_exit).
 */
#include "qtest.h"
#include "qtest_internal.h"
#include "qtest_port.h"

#include "board.h"

_Static_assert(configUSE_TICK_HOOK, "the harness counts tick interrupts in the tick hook");

#define BUSY_SLOTS 8

/* Tasks inside qtest_busy_ticks and the ticks each has used so far. */
static struct {
    TaskHandle_t task;
    volatile unsigned long ticks;
} busy[BUSY_SLOTS];

void qtest_port_tick(void)
{
    TaskHandle_t running = xTaskGetCurrentTaskHandle(); /* the task this tick interrupted */

    for (unsigned i = 0; i < BUSY_SLOTS; i++) {
        if (busy[i].task == running && running != NULL) {
            busy[i].ticks++;
        }
    }
}

void qtest_busy_ticks(TickType_t n)
{
    unsigned slot = BUSY_SLOTS;

    taskENTER_CRITICAL();
    for (unsigned i = 0; i < BUSY_SLOTS && slot == BUSY_SLOTS; i++) {
        if (busy[i].task == NULL) {
            slot = i;
            busy[i].ticks = 0;
            busy[i].task = xTaskGetCurrentTaskHandle();
        }
    }
    taskEXIT_CRITICAL();
    configASSERT(slot < BUSY_SLOTS); /* more busy tasks than slots */
    if (slot == BUSY_SLOTS) {
        return;
    }
    while (busy[slot].ticks < (unsigned long)n) {
    }
    busy[slot].task = NULL;
}

int qtest_port_expect_assert(void (*fn)(void *), void *arg)
{
    (void)fn;
    (void)arg;
    return QTEST_CHECK_SKIPPED;
}

void qtest_port_assert_failed(void)
{
}

void qtest_port_exit(int status)
{
    fflush(stdout);
    board_exit(status);
}
