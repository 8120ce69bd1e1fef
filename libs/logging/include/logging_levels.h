/* SPDX-License-Identifier: MIT */
/*
 * logging_levels.h: the verbosity levels the FreeRTOS libraries' logging macros use. A library
 * sets LIBRARY_LOG_LEVEL to one of these before including logging_stack.h; messages above that
 * level compile to nothing.
 */
#ifndef LOGGING_LEVELS_H
#define LOGGING_LEVELS_H

#define LOG_NONE 0  /* nothing */
#define LOG_ERROR 1 /* failures the library cannot recover from */
#define LOG_WARN 2  /* unexpected events the library recovers from */
#define LOG_INFO 3  /* the main steps of normal operation */
#define LOG_DEBUG 4 /* everything, for following the code */

#endif /* LOGGING_LEVELS_H */
