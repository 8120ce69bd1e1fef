/* SPDX-License-Identifier: MIT */
/*
 * test_logging_output.c: the Log* macros' line format and level filtering, truncation, nested
 * logging_printf, and lines from several preempting tasks arriving whole and one at a time.
 * Real-time configuration, so preemption is asynchronous as in applications.
 */
#define LIBRARY_LOG_NAME "TEST"
#define LIBRARY_LOG_LEVEL LOG_INFO
#include "logging_stack.h"

#include "qtest.h"
#include "task.h"

#include <string.h>

#define CAPTURE_LINES 64

static char captured[CAPTURE_LINES][LOGGING_LINE_MAX + 1];
static volatile unsigned capture_count;
static volatile unsigned lines_seen;
static volatile int in_sink;
static volatile unsigned overlaps, malformed;

static void capture_sink(const char *line, size_t length)
{
    unsigned i = capture_count;

    if (i < CAPTURE_LINES) {
        memcpy(captured[i], line, length);
        captured[i][length] = '\0';
        capture_count = i + 1;
    }
}

static void reset_capture(void)
{
    capture_count = 0;
    memset(captured, 0, sizeof(captured));
    logging_set_sink(capture_sink);
}

static void test_LogInfo_writes_one_prefixed_line(void)
{
    int line;

    reset_capture();
    line = __LINE__ + 1;
    LogInfo(("x=%d y=%s", 42, "ok"));
    logging_set_sink(NULL);
    QT_EQ(capture_count, 1);
    {
        char expected[128];
        snprintf(expected, sizeof(expected), "[INFO] [TEST] [test_logging_output.c:%d] x=42 y=ok\n",
                 line);
        QT_ASSERT(strcmp(captured[0], expected) == 0);
    }
}

static void test_LogDebug_above_library_level_emits_nothing(void)
{
    reset_capture();
    LogDebug(("hidden %d", 1));
    LogError(("shown"));
    LogWarn(("shown too"));
    logging_set_sink(NULL);
    QT_EQ(capture_count, 2);
    QT_ASSERT(strncmp(captured[0], "[ERROR] [TEST]", 14) == 0);
    QT_ASSERT(strncmp(captured[1], "[WARN] [TEST]", 13) == 0);
}

static void test_logging_long_line_truncated_with_newline(void)
{
    static char big[1000];

    memset(big, 'a', sizeof(big) - 1);
    reset_capture();
    LogInfo(("%s", big));
    logging_set_sink(NULL);
    QT_EQ(capture_count, 1);
    QT_EQ(strlen(captured[0]), LOGGING_LINE_MAX);
    QT_EQ(captured[0][LOGGING_LINE_MAX - 1], '\n');
}

static int nested_printf(void)
{
    logging_printf("inner %d", 7);
    return 8;
}

static void test_logging_printf_nested_in_message_keeps_both_lines(void)
{
    reset_capture();
    LogInfo(("outer %d", nested_printf()));
    logging_set_sink(NULL);
    QT_EQ(capture_count, 2);
    QT_ASSERT(strcmp(captured[0], "inner 7\n") == 0);
    QT_ASSERT(strstr(captured[1], "] outer 8\n") != NULL);
}

/* Checks the line is whole and nobody else is inside the sink; lingers to invite preemption. */
static void checking_sink(const char *line, size_t length)
{
    volatile unsigned spin;

    if (in_sink) {
        overlaps++;
    }
    in_sink = 1;
    if (length < 2 || line[length - 1] != '\n' || memchr(line, '\n', length - 1) != NULL ||
        strncmp(line, "[INFO] [TEST]", 13) != 0) {
        malformed++;
    }
    for (spin = 0; spin < 20000; spin++) {
    }
    lines_seen++;
    in_sink = 0;
}

static void logging_worker(void *arg)
{
    TaskHandle_t parent = arg;

    for (int i = 0; i < 200; i++) {
        LogInfo(("task %s line %d", pcTaskGetName(NULL), i));
    }
    xTaskNotifyGive(parent);
    vTaskDelete(NULL);
}

static void test_logging_lines_from_tasks_arrive_whole(void)
{
    lines_seen = 0;
    overlaps = 0;
    malformed = 0;
    logging_set_sink(checking_sink);
    for (int i = 0; i < 3; i++) {
        char name[8] = {'w', (char)('0' + i), 0};
        QT_EQ(xTaskCreate(logging_worker, name, configMINIMAL_STACK_SIZE, xTaskGetCurrentTaskHandle(),
                          tskIDLE_PRIORITY + 1, NULL),
              pdPASS);
    }
    for (int i = 0; i < 3; i++) {
        QT_EQ(ulTaskNotifyTake(pdFALSE, pdMS_TO_TICKS(60000)), 1);
    }
    logging_set_sink(NULL);
    QT_EQ(lines_seen, 600);
    QT_EQ(overlaps, 0);
    QT_EQ(malformed, 0);
}

static void test_logging_before_scheduler_needs_no_lock(void)
{
    reset_capture();
    LogInfo(("before the scheduler"));
    logging_set_sink(NULL);
    QT_EQ(capture_count, 1);
}

QTEST_MAIN(QTEST_CASE(test_LogInfo_writes_one_prefixed_line),
           QTEST_CASE(test_LogDebug_above_library_level_emits_nothing),
           QTEST_CASE(test_logging_long_line_truncated_with_newline),
           QTEST_CASE(test_logging_printf_nested_in_message_keeps_both_lines),
           QTEST_CASE(test_logging_lines_from_tasks_arrive_whole),
           QTEST_CASE_NO_SCHEDULER(test_logging_before_scheduler_needs_no_lock))
