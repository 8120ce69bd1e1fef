/* SPDX-License-Identifier: MIT */
/*
 * conf_main.c: the conformance suite's runner and the application hooks.
 *
 * main starts one scheduler whose first task, the conductor, runs every
 * check in order and then calls vTaskEndScheduler; main checks that the
 * scheduler came back (where the port can end it) and prints the summary.
 * A failed configASSERT is never expected by a check: it prints a FAIL line
 * naming the running check and the assertion's place, and ends the run.
 */
#include "conf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

volatile unsigned conf_stack_overflows;
TaskHandle_t volatile conf_stack_overflow_task;
void (*volatile conf_tick_hook)(void);

static const struct conf_check *current;
static unsigned failures;
static const char *skipped;
static char detail[192];
static unsigned passed_total, failed_total;
static volatile int scheduler_ran;

void conf_fail(const char *fmt, ...)
{
    va_list ap;

    if (failures++ == 0) {
        va_start(ap, fmt);
        (void)vsnprintf(detail, sizeof(detail), fmt, ap);
        va_end(ap);
    }
}

void conf_skip(const char *why)
{
    skipped = why;
}

unsigned conf_failures(void)
{
    return failures;
}

static void report(const char *name)
{
    if (skipped != NULL && failures == 0) {
        printf("SKIP %s: %s\n", name, skipped);
    } else if (failures == 0) {
        passed_total++;
        printf("PASS %s\n", name);
    } else {
        failed_total++;
        printf("FAIL %s: %s\n", name, detail);
    }
    fflush(stdout);
}

static void run_table(const struct conf_check *table)
{
    for (; table->name != NULL; table++) {
        current = table;
        failures = 0;
        skipped = NULL;
        conf_stack_overflows = 0;
        table->run();
        report(table->name);
    }
    current = NULL;
}

static void conductor(void *arg)
{
    (void)arg;
    scheduler_ran = 1;
    run_table(conf_checks_context);
    run_table(conf_checks_interrupts);
    run_table(conf_checks_fromisr);
    run_table(conf_checks_time);
    run_table(conf_checks_memory);
    run_table(conf_checks_stress);
    vTaskEndScheduler();
    for (;;) { /* a port that cannot end the scheduler never gets here */
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("port conformance: %s, tick %u Hz, portBYTE_ALIGNMENT %u\n", conf_arch.name,
           (unsigned)configTICK_RATE_HZ, (unsigned)portBYTE_ALIGNMENT);
    if (xTaskCreate(conductor, "conductor", configMINIMAL_STACK_SIZE * 2, NULL, CONF_PRIO, NULL) !=
        pdPASS) {
        printf("FAIL first_task: cannot create the conductor task\n");
        return 1;
    }
    vTaskStartScheduler();
    /* The scheduler ended: the first task ran, and vTaskEndScheduler came back here. */
    failures = 0;
    skipped = NULL;
    CONF_EXPECT(scheduler_ran, "vTaskStartScheduler returned without running the first task");
    report("scheduler_start_and_end");
    printf("%u passed, %u failed\n", passed_total, failed_total);
    fflush(stdout);
    exit(failed_total == 0 ? 0 : 1);
}

void conf_assert_failed(const char *file, int line);

void conf_assert_failed(const char *file, int line)
{
    taskDISABLE_INTERRUPTS();
    printf("FAIL %s: configASSERT failed at %s:%d\n", current ? current->name : "startup", file,
           line);
    printf("%u passed, %u failed\n", passed_total, failed_total + 1u);
    fflush(stdout);
    exit(1);
}

void vApplicationTickHook(void)
{
    if (conf_tick_hook != NULL) {
        conf_tick_hook();
    }
}

void vApplicationIdleHook(void)
{
}

void vApplicationMallocFailedHook(void)
{
    conf_fail("pvPortMalloc failed (heap too small for this check)");
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)name;
    conf_stack_overflows++;
    conf_stack_overflow_task = task;
}

void vApplicationGetIdleTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                   configSTACK_DEPTH_TYPE *depth)
{
    static StaticTask_t idle_tcb;
    static StackType_t idle_stack[configMINIMAL_STACK_SIZE];

    *tcb = &idle_tcb;
    *stack = idle_stack;
    *depth = configMINIMAL_STACK_SIZE;
}

void vApplicationGetTimerTaskMemory(StaticTask_t **tcb, StackType_t **stack,
                                    configSTACK_DEPTH_TYPE *depth)
{
    static StaticTask_t timer_tcb;
    static StackType_t timer_stack[configTIMER_TASK_STACK_DEPTH];

    *tcb = &timer_tcb;
    *stack = timer_stack;
    *depth = configTIMER_TASK_STACK_DEPTH;
}
