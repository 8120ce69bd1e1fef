/* SPDX-License-Identifier: MIT */
/*
 * trace_recorder.c: the recorder the trace_api configuration's hooks call
 * (trace_api_recorder.h declares trace_rec_enter/trace_rec_return), and the
 * checks the trace tests make over its log.
 *
 * The hooks run in tasks, in interrupts and inside the kernel's critical
 * sections, so recording masks interrupts with the FromISR mask (which nests)
 * and calls nothing of the kernel's own: a kernel call here would run hooks
 * inside a hook.
 */
#include "trace_recorder.h"

#include "qtest.h"

#include <stdarg.h>
#include <string.h>

static struct trace_event log_[QTEST_TRACE_EVENTS];
static uint64_t values_[QTEST_TRACE_ARGS];
static volatile size_t count_;
static volatile size_t values_used_;
static volatile size_t dropped_;
static volatile bool recording_;

static void record(const char *fn, bool is_return, int argc, va_list ap)
{
    UBaseType_t mask;

    if (!recording_) {
        return;
    }
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (argc > TRACE_REC_MAX_ARGS) {
        dropped_++; /* a hook with more arguments than any API function has */
    } else if (count_ < QTEST_TRACE_EVENTS && values_used_ + (size_t)argc <= QTEST_TRACE_ARGS) {
        struct trace_event *ev = &log_[count_];
        uint64_t *values = &values_[values_used_];

        ev->fn = fn;
        ev->args = values;
        ev->is_return = is_return;
        ev->argc = (uint8_t)argc;
        for (int i = 0; i < argc; i++) {
            values[i] = va_arg(ap, uint64_t);
        }
        values_used_ += (size_t)argc;
        count_++;
    } else {
        dropped_++;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

void trace_rec_enter(const char *fn, int argc, ...)
{
    va_list ap;

    va_start(ap, argc);
    record(fn, false, argc, ap);
    va_end(ap);
}

void trace_rec_return(const char *fn, int argc, ...)
{
    va_list ap;

    va_start(ap, argc);
    record(fn, true, argc, ap);
    va_end(ap);
}

void trace_rec_start(void)
{
    recording_ = false;
    count_ = 0;
    values_used_ = 0;
    dropped_ = 0;
    recording_ = true;
}

void trace_rec_stop(void)
{
    recording_ = false;
}

size_t trace_rec_count(void)
{
    return count_;
}

const struct trace_event *trace_rec_event(size_t index)
{
    return index < count_ ? &log_[index] : NULL;
}

static void dump(void)
{
    printf("  trace log (%lu events, %lu dropped):\n", (unsigned long)count_,
           (unsigned long)dropped_);
    for (size_t i = 0; i < count_; i++) {
        printf("  %3lu %s %s(", (unsigned long)i, log_[i].is_return ? "RETURN" : "ENTER ", log_[i].fn);
        for (int a = 0; a < log_[i].argc; a++) {
            printf("%s0x%llx", a ? ", " : "", (unsigned long long)log_[i].args[a]);
        }
        printf(")\n");
    }
}

size_t trace_check(const char *file, int line, size_t *pos, const char *fn, bool is_return,
                   int argc, ...)
{
    uint64_t want[TRACE_REC_MAX_ARGS];
    va_list ap;
    size_t i;

    va_start(ap, argc);
    for (int a = 0; a < argc; a++) {
        want[a] = va_arg(ap, uint64_t);
    }
    va_end(ap);
    for (i = *pos; i < count_; i++) {
        if (log_[i].is_return == is_return && strcmp(log_[i].fn, fn) == 0) {
            break;
        }
    }
    if (dropped_ != 0 || i == count_ || log_[i].argc != argc ||
        memcmp(log_[i].args, want, (size_t)argc * sizeof(want[0])) != 0) {
        qtest_fail(file, line, "expected %s %s with %d values from event %lu",
                   is_return ? "RETURN" : "ENTER", fn, argc, (unsigned long)*pos);
        dump();
        return TRACE_NOT_FOUND;
    }
    *pos = i + 1;
    return i;
}
