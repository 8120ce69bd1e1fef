/* SPDX-License-Identifier: MIT */
/*
 * logging.c: the console behind logging.h and the Log* macros.
 *
 * One line buffer is shared by every task; it is only touched with the console lock held. The
 * lock is the scheduler lock: while it is held no other task runs, so the line buffer, the sink
 * and libc's stdio (not reentrant across tasks on the POSIX port) are used by one task at a
 * time. Interrupts still run, and must not log. Before the scheduler starts (and after it ends)
 * there is only one flow of control and the lock does nothing. Nesting is counted so a task may
 * call logging_printf while it holds the lock.
 */
#include "logging.h"

#include "FreeRTOS.h"
#include "task.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LOCK_DEPTH_MAX 32u

static logging_sink_t current_sink;
static char line_buf[LOGGING_LINE_MAX + 1];
static size_t line_used;
static unsigned lock_depth;
static uint32_t suspended_levels; /* bit n: the lock at depth n suspended the scheduler */

static const char *const level_names[] = {"NONE", "ERROR", "WARN", "INFO", "DEBUG"};

static void stdout_sink(const char *line, size_t length)
{
    (void)fwrite(line, 1, length, stdout);
    (void)fflush(stdout);
}

void logging_set_sink(logging_sink_t sink)
{
    logging_lock();
    current_sink = sink;
    logging_unlock();
}

void logging_lock(void)
{
    configASSERT(lock_depth < LOCK_DEPTH_MAX);
    if (xTaskGetSchedulerState() != taskSCHEDULER_NOT_STARTED) {
        vTaskSuspendAll();
        suspended_levels |= 1u << lock_depth;
    }
    lock_depth++;
}

void logging_unlock(void)
{
    configASSERT(lock_depth > 0);
    lock_depth--;
    if ((suspended_levels & (1u << lock_depth)) != 0) {
        suspended_levels &= ~(1u << lock_depth);
        (void)xTaskResumeAll();
    }
}

static void line_vappend(const char *fmt, va_list ap)
{
    size_t room = LOGGING_LINE_MAX - line_used;
    int n = vsnprintf(&line_buf[line_used], room + 1, fmt, ap);

    if (n > 0) {
        line_used += ((size_t)n < room) ? (size_t)n : room;
    }
}

static void line_append(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    line_vappend(fmt, ap);
    va_end(ap);
}

/* Writes the line (plus its newline) to the sink and empties the buffer. Lock held. */
static void line_flush(void)
{
    if (line_used == LOGGING_LINE_MAX) {
        line_used--; /* truncated: keep room for the newline */
    }
    line_buf[line_used++] = '\n';
    (current_sink != NULL ? current_sink : stdout_sink)(line_buf, line_used);
    line_used = 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash != NULL ? slash + 1 : path;
}

int logging_begin(int level, const char *library, const char *file, int line)
{
    const char *name = (level >= 0 && level <= LOG_DEBUG) ? level_names[level] : "?";

    logging_lock();
    line_used = 0;
    line_append("[%s] [%s] [%s:%d] ", name, library, base_name(file), line);
    return 1;
}

void logging_append(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    line_vappend(fmt, ap);
    va_end(ap);
}

void logging_end(void)
{
    line_flush();
    logging_unlock();
}

void logging_printf(const char *fmt, ...)
{
    va_list ap;
    size_t saved_used;
    char saved[LOGGING_LINE_MAX + 1];

    logging_lock();
    /* A nested call (from inside a Log* message) must not clobber the line being built. */
    saved_used = line_used;
    memcpy(saved, line_buf, saved_used);
    line_used = 0;
    va_start(ap, fmt);
    line_vappend(fmt, ap);
    va_end(ap);
    line_flush();
    memcpy(line_buf, saved, saved_used);
    line_used = saved_used;
    logging_unlock();
}
