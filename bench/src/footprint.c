/* SPDX-License-Identifier: MIT */
/*
 * footprint.c: the RAM side of the footprint figures that only the running image can give:
 * sizeof each static object type (what a statically allocated object costs), and the heap a
 * dynamically created task takes beyond its stack (its control block plus the allocator's
 * per-block overhead). Flash and the kernel's own static RAM come from the object files
 * (bench/run.py runs the toolchain's size on the kernel libraries).
 */
#include "bench.h"

#include "event_groups.h"
#include "queue.h"
#include "semphr.h"
#include "stream_buffer.h"
#include "timers.h"

#include <stdio.h>

#define PROBE_STACK_WORDS 256

static void print_size(const char *type, size_t bytes)
{
    printf("bench: size %s %lu\n", type, (unsigned long)bytes);
}

static void idle_forever(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

/* Heap bytes one xTaskCreate takes beyond its stack. The probe task is below the runner, so it
 * never runs; deleting it returns both blocks before the next test. */
static void task_heap_cost(void)
{
    const size_t before = xPortGetFreeHeapSize();
    TaskHandle_t h = NULL;

    if (xTaskCreate(idle_forever, "probe", PROBE_STACK_WORDS, NULL, BENCH_PRIO_BASE, &h) !=
        pdPASS) {
        bench_fail("probe xTaskCreate");
    }
    const size_t used = before - xPortGetFreeHeapSize();
    vTaskDelete(h);
    bench_settle();
    printf("bench: ram task_beyond_stack %lu\n",
           (unsigned long)(used - PROBE_STACK_WORDS * sizeof(StackType_t)));
}

void bench_footprint(void)
{
    print_size("StaticTask_t", sizeof(StaticTask_t));
    print_size("StaticQueue_t", sizeof(StaticQueue_t));
    print_size("StaticSemaphore_t", sizeof(StaticSemaphore_t));
    print_size("StaticEventGroup_t", sizeof(StaticEventGroup_t));
    print_size("StaticTimer_t", sizeof(StaticTimer_t));
    print_size("StaticStreamBuffer_t", sizeof(StaticStreamBuffer_t));
    print_size("StaticMessageBuffer_t", sizeof(StaticMessageBuffer_t));
    print_size("StaticList_t", sizeof(StaticList_t));
    task_heap_cost();
}
