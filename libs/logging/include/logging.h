/* SPDX-License-Identifier: MIT */
/*
 * logging.h: the thread-safe console under the Log* macros, usable directly by applications.
 *
 * Every line goes to one sink (stdout by default; logging_set_sink replaces it, e.g. to capture
 * output in a test or to send it to a UART). Output is serialised by logging_lock(), which is
 * the scheduler lock (vTaskSuspendAll) while the scheduler runs and nothing before it starts:
 * on the POSIX port printf and malloc are not reentrant across tasks (all tasks share one host
 * thread), so any task that calls them while other tasks may too should hold this lock.
 * Task context only; a line is truncated at LOGGING_LINE_MAX bytes.
 */
#ifndef LOGGING_H
#define LOGGING_H

#include <stdarg.h>
#include <stddef.h>

#include "logging_levels.h"

#ifndef LOGGING_LINE_MAX
#define LOGGING_LINE_MAX 256
#endif

/* Receives one whole line, newline included (not NUL-terminated). Called with the lock held. */
typedef void (*logging_sink_t)(const char *line, size_t length);

/* Replace the sink; NULL restores stdout. */
void logging_set_sink(logging_sink_t sink);

/* Hold / release the console lock. Nests. */
void logging_lock(void);
void logging_unlock(void);

/* printf a whole line (a newline is appended) under the lock. */
void logging_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The Log* macros' three steps. logging_begin takes the lock and writes the prefix, returning
 * nonzero; logging_append adds text; logging_end writes the line to the sink and unlocks.
 */
int logging_begin(int level, const char *library, const char *file, int line);
void logging_append(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void logging_end(void);

#endif /* LOGGING_H */
