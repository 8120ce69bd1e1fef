/* SPDX-License-Identifier: MIT */
/*
 * logging_stack.h: LogError / LogWarn / LogInfo / LogDebug for one library (or application file).
 *
 * Define LIBRARY_LOG_NAME (a string) and LIBRARY_LOG_LEVEL (from logging_levels.h) first, then
 * include this header. The message argument is a parenthesised printf argument list:
 *
 *     #define LIBRARY_LOG_NAME "MQTT"
 *     #define LIBRARY_LOG_LEVEL LOG_INFO
 *     #include "logging_stack.h"
 *     LogInfo(("connected to %s:%u", host, port));
 *
 * Each message becomes one line "[LEVEL] [NAME] [file:line] text" written whole to the console:
 * the console's lock (logging_lock) is held from the prefix to the newline, so lines from several
 * tasks never interleave. Call only from task context (or before the scheduler starts), never
 * from an interrupt handler.
 */
#ifndef LOGGING_STACK_H
#define LOGGING_STACK_H

#include "logging.h"
#include "logging_levels.h"

#ifndef LIBRARY_LOG_NAME
#error "define LIBRARY_LOG_NAME before including logging_stack.h"
#endif
#ifndef LIBRARY_LOG_LEVEL
#define LIBRARY_LOG_LEVEL LOG_ERROR
#endif

/* The statement around one message: prefix, the caller's printf arguments, newline. */
#define LOGGING_EMIT(level, message)                                                               \
    do {                                                                                           \
        if (logging_begin((level), LIBRARY_LOG_NAME, __FILE__, __LINE__)) {                        \
            logging_append message;                                                                \
            logging_end();                                                                         \
        }                                                                                          \
    } while (0)

/* Redefine the four macros for this translation unit, dropping any earlier definition. */
#undef LogError
#undef LogWarn
#undef LogInfo
#undef LogDebug

#if LIBRARY_LOG_LEVEL >= LOG_ERROR
#define LogError(message) LOGGING_EMIT(LOG_ERROR, message)
#else
#define LogError(message)
#endif

#if LIBRARY_LOG_LEVEL >= LOG_WARN
#define LogWarn(message) LOGGING_EMIT(LOG_WARN, message)
#else
#define LogWarn(message)
#endif

#if LIBRARY_LOG_LEVEL >= LOG_INFO
#define LogInfo(message) LOGGING_EMIT(LOG_INFO, message)
#else
#define LogInfo(message)
#endif

#if LIBRARY_LOG_LEVEL >= LOG_DEBUG
#define LogDebug(message) LOGGING_EMIT(LOG_DEBUG, message)
#else
#define LogDebug(message)
#endif

#endif /* LOGGING_STACK_H */
