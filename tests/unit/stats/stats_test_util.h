/* SPDX-License-Identifier: MIT */
/*
 * stats_test_util.h: helpers for the run-time statistics tests.
 *
 * The stats configurations count time with the simulated tick count times 10
 * (STATS_PER_TICK), so a task that runs n ticks is charged exactly 10 n.
 * stats_scenario() builds a known history: the helper task "A" (above the
 * case task) runs 30 ticks and suspends itself, the case task runs 10 ticks,
 * then sleeps 15 ticks while the idle task runs. It returns at tick 55.
 */
#ifndef STATS_TEST_UTIL_H
#define STATS_TEST_UTIL_H

#include "../task/task_test_util.h"

#define STATS_PER_TICK 10u

/* Calls of portCONFIGURE_TIMER_FOR_RUN_TIME_STATS() so far (the stats configurations). */
extern unsigned stats_test_timer_configured;

/* Run the scenario above; returns task A (suspended). */
TaskHandle_t stats_scenario(void);

/* One parsed line of a task table: the name (padding removed) and up to four fields. */
struct stats_line {
    char name[configMAX_TASK_NAME_LEN];
    size_t name_width; /* characters before the first tab, padding included */
    char fields[4][QTEST_TEXT_FIELD_BYTES];
    unsigned field_count;
};

/*
 * Split text into lines ending "\r\n" and each line at tabs (empty fields
 * from double tabs dropped). Returns the number of lines, or -1 if the text
 * is malformed (a line without "\r\n", too many fields).
 */
int stats_parse(const char *text, struct stats_line *lines, unsigned max_lines);

/* The parsed line for name, or NULL. */
const struct stats_line *stats_find(const struct stats_line *lines, int count, const char *name);

#endif /* STATS_TEST_UTIL_H */
