/* SPDX-License-Identifier: MIT */
/* stats_test_util.c: the scenario and the table parser of stats_test_util.h. */
#include "stats_test_util.h"

#include <stdbool.h>
#include <string.h>

unsigned stats_test_timer_configured;

void stats_test_configure_timer(void);

void stats_test_configure_timer(void)
{
    stats_test_timer_configured++;
}

static void busy_then_park(void *arg)
{
    qtest_busy_ticks((TickType_t)(uintptr_t)arg);
    tt_park();
}

TaskHandle_t stats_scenario(void)
{
    TaskHandle_t a = tt_spawn(busy_then_park, "A", QTEST_PRIORITY + 1, (void *)(uintptr_t)30);

    QT_EQ(xTaskGetTickCount(), 30); /* A ran first */
    qtest_busy_ticks(10);
    vTaskDelay(15);
    QT_EQ(xTaskGetTickCount(), 55);
    return a;
}

/* Parse one line [start, end) into l; false if malformed. */
static bool parse_line(const char *start, const char *end, struct stats_line *l)
{
    const char *tab = memchr(start, '\t', (size_t)(end - start));
    size_t n;

    if (tab == NULL) {
        return false;
    }
    l->name_width = (size_t)(tab - start);
    n = l->name_width;
    while (n > 0 && start[n - 1] == ' ') {
        n--;
    }
    if (n >= sizeof(l->name)) {
        return false;
    }
    memcpy(l->name, start, n);
    l->name[n] = '\0';
    l->field_count = 0;
    for (const char *p = tab; p < end;) {
        const char *f = p + 1;
        const char *next = memchr(f, '\t', (size_t)(end - f));
        size_t len;

        if (next == NULL) {
            next = end;
        }
        len = (size_t)(next - f);
        if (len > 0) {
            if (l->field_count == 4 || len >= sizeof(l->fields[0])) {
                return false;
            }
            memcpy(l->fields[l->field_count], f, len);
            l->fields[l->field_count][len] = '\0';
            l->field_count++;
        }
        p = next;
    }
    return true;
}

int stats_parse(const char *text, struct stats_line *lines, unsigned max_lines)
{
    unsigned count = 0;

    while (*text != '\0') {
        const char *end = strstr(text, "\r\n");

        if (end == NULL || count == max_lines || !parse_line(text, end, &lines[count])) {
            return -1;
        }
        count++;
        text = end + 2;
    }
    return (int)count;
}

const struct stats_line *stats_find(const struct stats_line *lines, int count, const char *name)
{
    for (int i = 0; i < count; i++) {
        if (strcmp(lines[i].name, name) == 0) {
            return &lines[i];
        }
    }
    return NULL;
}
