/* SPDX-License-Identifier: MIT */
/*
 * trace_recorder.h: the log behind the trace_api configuration's hooks, and
 * checks over it. While recording is on, every traceENTER_<fn> and
 * traceRETURN_<fn> the kernel runs (in any task or interrupt) appends one
 * event: the function's name, whether it is the entry or the return, and the
 * arguments or return value as uint64_t. The log holds TRACE_REC_MAX events;
 * later ones are counted as dropped and fail the checks.
 */
#ifndef TRACE_RECORDER_H
#define TRACE_RECORDER_H

#include "FreeRTOS.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A board's board_test_config.h may shrink the log (the longest case logs 76 events). */
#ifndef TRACE_REC_MAX
#define TRACE_REC_MAX 256
#endif
#define TRACE_REC_MAX_ARGS 7
#define TRACE_NOT_FOUND ((size_t)-1)

struct trace_event {
    const char *fn;
    bool is_return;
    int argc;
    uint64_t args[TRACE_REC_MAX_ARGS];
};

/* Empty the log and start recording; stop recording. */
void trace_rec_start(void);
void trace_rec_stop(void);
size_t trace_rec_count(void);
const struct trace_event *trace_rec_event(size_t index);

/*
 * The index of the first event at or after *pos that is fn's entry (is_return
 * false) or return, checked to carry exactly the argc values given; *pos moves
 * past it. A missing or different event fails the case (the log is printed)
 * and gives TRACE_NOT_FOUND.
 */
size_t trace_check(const char *file, int line, size_t *pos, const char *fn, bool is_return,
                   int argc, ...);

/* Each argument is converted as the hooks convert it, so pointers and integers compare. */
#define TR_A1(a) TRACE_REC_ARG(a)
#define TR_A2(a, ...) TRACE_REC_ARG(a), TR_A1(__VA_ARGS__)
#define TR_A3(a, ...) TRACE_REC_ARG(a), TR_A2(__VA_ARGS__)
#define TR_A4(a, ...) TRACE_REC_ARG(a), TR_A3(__VA_ARGS__)
#define TR_A5(a, ...) TRACE_REC_ARG(a), TR_A4(__VA_ARGS__)
#define TR_A6(a, ...) TRACE_REC_ARG(a), TR_A5(__VA_ARGS__)
#define TR_A7(a, ...) TRACE_REC_ARG(a), TR_A6(__VA_ARGS__)
#define TR_COUNT_(_1, _2, _3, _4, _5, _6, _7, n, ...) n
#define TR_COUNT(...) TR_COUNT_(__VA_ARGS__, 7, 6, 5, 4, 3, 2, 1, 0)
#define TR_MAP_(n, ...) TR_A##n(__VA_ARGS__)
#define TR_MAP(n, ...) TR_MAP_(n, __VA_ARGS__)

/* The entry of fn with these arguments / with none. */
#define QT_TRACE_ENTER(pos, fn, ...)                                                               \
    trace_check(__FILE__, __LINE__, (pos), #fn, false, TR_COUNT(__VA_ARGS__),                      \
                TR_MAP(TR_COUNT(__VA_ARGS__), __VA_ARGS__))
#define QT_TRACE_ENTER0(pos, fn) trace_check(__FILE__, __LINE__, (pos), #fn, false, 0)
/* The return of fn with this value / of a void fn. */
#define QT_TRACE_RETURN(pos, fn, value)                                                            \
    trace_check(__FILE__, __LINE__, (pos), #fn, true, 1, TRACE_REC_ARG(value))
#define QT_TRACE_RETURN_VOID(pos, fn) trace_check(__FILE__, __LINE__, (pos), #fn, true, 0)

#endif /* TRACE_RECORDER_H */
