/* SPDX-License-Identifier: MIT */
/*
 * The text tables: vTaskListTasks/vTaskList (name padded to the longest task
 * name, state letter X R B S D, priority, stack high water mark, task number)
 * and vTaskGetRunTimeStatistics/vTaskGetRunTimeStats (name, absolute time,
 * percentage or "<1%"), one "\r\n"-terminated row per task, parsed back and
 * checked against the task API; buffers too short for a row get none of it.
 */
#include "stats_test_util.h"

#include <stdlib.h>
#include <string.h>

#define HI (QTEST_PRIORITY + 1)
#define LO (QTEST_PRIORITY - 1)
#define MAX_LINES QTEST_TEXT_ROWS

/*
 * The table under test, and the rows parsed from it. A case that needs a second table and no
 * rows writes it over the rows (other): on a 16 KiB board the two do not fit side by side.
 */
static char text[QTEST_TEXT_BYTES];
static union {
    struct stats_line lines[MAX_LINES];
    char other[QTEST_TEXT_BYTES];
} scratch;

static void delay_task(void *arg)
{
    (void)arg;
    vTaskDelay(100);
    tt_park();
}

static void delete_self_task(void *arg)
{
    (void)arg;
    vTaskDelete(NULL);
}

static unsigned long field_number(const struct stats_line *l, unsigned i)
{
    return strtoul(l->fields[i], NULL, 10);
}

/* The row for task h: its state letter and every number as the task API reports them. */
static void check_list_row(int count, TaskHandle_t h, char letter)
{
    TaskStatus_t st;
    const struct stats_line *l = stats_find(scratch.lines, count, pcTaskGetName(h));

    QT_ASSERT(l != NULL);
    if (l == NULL) {
        return;
    }
    vTaskGetInfo(h, &st, pdTRUE, eInvalid);
    QT_EQ(l->name_width, configMAX_TASK_NAME_LEN - 1);
    QT_EQ(l->field_count, 4);
    QT_EQ(l->fields[0][0], letter);
    QT_EQ(l->fields[0][1], '\0');
    QT_EQ(field_number(l, 1), st.uxCurrentPriority);
    if (letter != 'X') { /* the running task's stack use moves as it runs */
        QT_EQ(field_number(l, 2), st.usStackHighWaterMark);
    }
    QT_EQ(field_number(l, 3), st.xTaskNumber);
}

static void test_vTaskListTasks_lists_every_task_with_its_state(void)
{
    TaskHandle_t r = tt_spawn(tt_park_task, "ready", LO, NULL);
    TaskHandle_t d = tt_spawn(delay_task, "delayed", HI, NULL);
    TaskHandle_t s = tt_spawn(tt_park_task, "suspended", HI, NULL);
    int count;

    (void)tt_spawn(delete_self_task, "deleted", HI, NULL);
    vTaskListTasks(text, sizeof(text));
    count = stats_parse(text, scratch.lines, MAX_LINES);
    QT_EQ(count, 6);
    /* Ready from the highest priority down, then blocked, deleted, suspended. */
    const char *order[] = {"qtest",   "ready",   configIDLE_TASK_NAME,
                           "delayed", "deleted", "suspended"};
    for (int i = 0; i < count && i < 6; i++) {
        QT_EQ(strcmp(scratch.lines[i].name, order[i]), 0);
    }
    check_list_row(count, xTaskGetCurrentTaskHandle(), 'X');
    check_list_row(count, r, 'R');
    check_list_row(count, xTaskGetIdleTaskHandle(), 'R');
    check_list_row(count, d, 'B');
    check_list_row(count, s, 'S');
    QT_EQ(stats_find(scratch.lines, count, "deleted")->fields[0][0], 'D');
    vTaskDelete(r);
    vTaskDelete(d);
    vTaskDelete(s);
}

/* The rows of both tables share scratch.lines: 4 rows each, one more than the 3 expected. */
static void test_vTaskList_is_vTaskListTasks_with_the_default_length(void)
{
    const struct stats_line *other_lines = &scratch.lines[4];
    TaskHandle_t s = tt_spawn(tt_park_task, "suspended", HI, NULL);
    int count;

    _Static_assert(MAX_LINES >= 8, "two tables of 4 rows");
    vTaskListTasks(text, sizeof(text));
    count = stats_parse(text, scratch.lines, 4);
    QT_EQ(count, 3);
    vTaskList(text);
    QT_EQ(stats_parse(text, &scratch.lines[4], 4), count);
    for (int i = 0; i < count; i++) {
        QT_EQ(strcmp(scratch.lines[i].name, other_lines[i].name), 0);
        for (unsigned f = 0; f < 4; f++) {
            /* The running task's high water mark may move between the calls. */
            if (scratch.lines[i].fields[0][0] != 'X' || f != 2) {
                QT_EQ(strcmp(scratch.lines[i].fields[f], other_lines[i].fields[f]), 0);
            }
        }
    }
    vTaskDelete(s);
}

static void test_vTaskListTasks_writes_whole_rows_only(void)
{
    char *small = scratch.other;
    size_t first_row;
    TaskHandle_t top;

    /* The first row is then a task that does not run, so its stack high water mark holds. */
    vTaskSuspendAll();
    top = tt_spawn(tt_park_task, "top", HI, NULL);
    vTaskListTasks(text, sizeof(text));
    QT_EQ(strncmp(text, "top ", 4), 0);
    first_row = (size_t)(strstr(text, "\r\n") + 2 - text);
    memset(small, '#', sizeof(scratch.other));
    vTaskListTasks(small, first_row + 1); /* one row and its terminator */
    QT_EQ(strlen(small), first_row);
    QT_EQ(strncmp(small, text, first_row), 0);
    memset(small, '#', sizeof(scratch.other));
    vTaskListTasks(small, first_row); /* one byte short of a row: an empty string */
    QT_EQ(small[0], '\0');
    QT_EQ(small[1], '#');
    memset(small, '#', sizeof(scratch.other));
    vTaskListTasks(small, 0); /* nothing at all */
    QT_EQ(small[0], '#');
    (void)xTaskResumeAll();
    vTaskDelete(top);
}

static void test_vTaskGetRunTimeStatistics_reports_time_and_percentages(void)
{
    TaskHandle_t a = stats_scenario();
    TaskHandle_t z = tt_spawn(tt_park_task, "zero", LO, NULL); /* never runs */
    const struct stats_line *l;
    int count;

    vTaskGetRunTimeStatistics(text, sizeof(text));
    count = stats_parse(text, scratch.lines, MAX_LINES);
    QT_EQ(count, 4);
    static const struct {
        const char *name;
        unsigned long time;
        const char *percent;
    } want[] = {{"A", 300, "54%"},
                {"qtest", 100, "18%"},
                {configIDLE_TASK_NAME, 150, "27%"},
                {"zero", 0, "<1%"}};
    for (unsigned i = 0; i < 4; i++) {
        l = stats_find(scratch.lines, count, want[i].name);
        QT_ASSERT(l != NULL);
        if (l != NULL) {
            QT_EQ(l->name_width, configMAX_TASK_NAME_LEN - 1);
            QT_EQ(l->field_count, 2);
            QT_EQ(field_number(l, 0), want[i].time);
            QT_EQ(strcmp(l->fields[1], want[i].percent), 0);
        }
    }
    QT_ASSERT(strstr(text, "\t300\t\t54%\r\n") != NULL); /* the exact separators */
    vTaskDelete(a);
    vTaskDelete(z);
}

static void test_vTaskGetRunTimeStats_is_the_statistics_with_the_default_length(void)
{
    TaskHandle_t a = stats_scenario();

    vTaskGetRunTimeStatistics(text, sizeof(text));
    vTaskGetRunTimeStats(scratch.other);
    QT_EQ(strcmp(text, scratch.other), 0);
    memset(scratch.other, '#', sizeof(scratch.other));
    vTaskGetRunTimeStatistics(scratch.other, 1); /* room for the terminator only */
    QT_EQ(scratch.other[0], '\0');
    vTaskDelete(a);
}

/* ---- Misuse (configASSERT) ---- */

static void list_into_null(void *arg)
{
    (void)arg;
    vTaskListTasks(NULL, 100);
}

static void stats_into_null(void *arg)
{
    (void)arg;
    vTaskGetRunTimeStatistics(NULL, 100);
}

static void test_formatting_misuse_asserts(void)
{
    QT_EXPECT_ASSERT(list_into_null, NULL);
    QT_EXPECT_ASSERT(stats_into_null, NULL);
}

QTEST_MAIN(QTEST_CASE(test_vTaskListTasks_lists_every_task_with_its_state),
           QTEST_CASE(test_vTaskList_is_vTaskListTasks_with_the_default_length),
           QTEST_CASE(test_vTaskListTasks_writes_whole_rows_only),
           QTEST_CASE(test_vTaskGetRunTimeStatistics_reports_time_and_percentages),
           QTEST_CASE(test_vTaskGetRunTimeStats_is_the_statistics_with_the_default_length),
           QTEST_CASE(test_formatting_misuse_asserts))
