/* SPDX-License-Identifier: MIT */
/*
 * conf_memory.c: stacks and heap. Stacks grow the way portSTACK_GROWTH says;
 * every task starts with the ABI's stack alignment whatever its depth (the
 * kernel rounds the top to portBYTE_ALIGNMENT, the port's first frame keeps
 * it); heap blocks are portBYTE_ALIGNMENT-aligned; and the kernel's overflow
 * check reports a task whose saved stack pointer has left its stack (method
 * 1) and one that wrote over the last 16 bytes of its stack (method 2).
 *
 * The overflow checks give the task a stack of their own (from the heap, so
 * that small boards do not keep it for the whole run) with a guard area
 * below it (stacks grow down on every port so far), so the deliberate
 * overflow lands in memory the check owns.
 */
#include "conf.h"

#include <string.h>

#define DEPTH CONF_QUIET_STACK
#define GUARD_WORDS 96u /* room below the stack for a switch-out's saved context (FP too) */

struct area {
    StackType_t guard[GUARD_WORDS];
    StackType_t stack[DEPTH];
};
static struct area *area;
static StaticTask_t tcb;
static volatile uintptr_t local_addr, deeper_addr, entry_sp;

__attribute__((noinline)) static void deeper(void)
{
    volatile int here = 0;

    deeper_addr = (uintptr_t)&here;
}

static void measure(void *arg)
{
    volatile int here = 0;

    (void)arg;
    entry_sp = conf_arch_sp();
    local_addr = (uintptr_t)&here;
    deeper();
    vTaskSuspend(NULL);
}

/* The check's own stack area, or NULL (the check has failed). */
static struct area *area_get(void)
{
    area = pvPortMalloc(sizeof(*area));
    CONF_EXPECT(area != NULL, "no heap for a %u-byte stack area", (unsigned)sizeof(*area));
    if (area != NULL) {
        memset(area, 0, sizeof(*area));
    }
    return area;
}

static void check_stack_growth(void)
{
    TaskHandle_t t;
    uintptr_t lo, hi;

    if (area_get() == NULL) {
        return;
    }
    t = xTaskCreateStatic(measure, "conf_grow", DEPTH, NULL, CONF_PRIO + 1, area->stack, &tcb);
    lo = (uintptr_t)area->stack;
    hi = lo + sizeof(area->stack);

    CONF_EXPECT(local_addr >= lo && local_addr < hi, "a task's local is not on its stack");
    if (portSTACK_GROWTH < 0) {
        CONF_EXPECT(deeper_addr < local_addr && local_addr > lo + sizeof(area->stack) / 2u,
                    "portSTACK_GROWTH < 0, but the task's frames grow upwards or start low");
    } else {
        CONF_EXPECT(deeper_addr > local_addr && local_addr < lo + sizeof(area->stack) / 2u,
                    "portSTACK_GROWTH > 0, but the task's frames grow downwards or start high");
    }
    vTaskDelete(t);
    vPortFree(area);
}

static void check_stack_alignment(void)
{
    /* Depths that leave the end of the stack unaligned unless the kernel rounds it. */
    for (unsigned extra = 1; extra <= 3; extra++) {
        TaskHandle_t t;

        entry_sp = 0;
        if (xTaskCreate(measure, "conf_align", DEPTH + extra, NULL, CONF_PRIO + 1, &t) != pdPASS) {
            conf_fail("cannot create a task");
            return;
        }
        CONF_EXPECT(entry_sp != 0u && entry_sp % conf_arch.stack_align == 0u,
                    "a task of depth %u started with sp 0x%lx, not %u-byte aligned as the ABI "
                    "wants: the first frame (pxPortInitialiseStack) breaks the alignment",
                    (unsigned)(DEPTH + extra), (unsigned long)entry_sp, conf_arch.stack_align);
        vTaskDelete(t);
    }
}

static void check_heap_alignment(void)
{
    void *blocks[8];

    for (unsigned i = 0; i < 8; i++) {
        blocks[i] = pvPortMalloc(1u + 5u * i);
        CONF_EXPECT(blocks[i] != NULL && (uintptr_t)blocks[i] % portBYTE_ALIGNMENT == 0u,
                    "pvPortMalloc(%u) returned %p, not portBYTE_ALIGNMENT (%u) aligned",
                    1u + 5u * i, blocks[i], (unsigned)portBYTE_ALIGNMENT);
    }
    for (unsigned i = 0; i < 8; i++) {
        vPortFree(blocks[i]);
    }
}

/* Moves sp past the stack's end, into the guard, and switches out there. */
static void overflow_by_sp(void *arg)
{
    volatile uint8_t big[sizeof(area->stack) + 16u];

    (void)arg;
    big[0] = 1; /* the lowest byte: in the guard, below the stack */
    taskYIELD();
    (void)big[0];
    vTaskSuspend(NULL);
}

/* Writes the stack's lowest word, the end of the fill pattern, with sp well inside. */
static void overflow_by_write(void *arg)
{
    (void)arg;
    area->stack[0] = 0;
    taskYIELD();
    vTaskSuspend(NULL);
}

static void run_overflow(void (*fn)(void *), const char *method)
{
    TaskHandle_t t;

    if (area_get() == NULL) {
        return;
    }
    conf_stack_overflows = 0;
    conf_stack_overflow_task = NULL;
    t = xTaskCreateStatic(fn, "conf_overflow", DEPTH, NULL, CONF_PRIO + 1, area->stack, &tcb);
    CONF_EXPECT(conf_stack_overflows > 0u && conf_stack_overflow_task == t,
                "overflow check %s did not report the task (%u reports)", method,
                conf_stack_overflows);
    vTaskDelete(t);
    vPortFree(area);
    conf_stack_overflows = 0;
}

static void check_overflow_method1(void)
{
    if (configCHECK_FOR_STACK_OVERFLOW < 1) {
        conf_skip("configCHECK_FOR_STACK_OVERFLOW is 0");
    } else if (conf_arch.no_method1 != NULL) {
        conf_skip(conf_arch.no_method1);
    } else {
        run_overflow(overflow_by_sp, "method 1 (saved stack pointer past the stack's end)");
    }
}

static void check_overflow_method2(void)
{
    if (configCHECK_FOR_STACK_OVERFLOW < 2) {
        conf_skip("configCHECK_FOR_STACK_OVERFLOW is below 2");
    } else {
        run_overflow(overflow_by_write, "method 2 (the stack's last 16 bytes overwritten)");
    }
}

const struct conf_check conf_checks_memory[] = {
    {"stack_growth", check_stack_growth},
    {"stack_alignment", check_stack_alignment},
    {"heap_alignment", check_heap_alignment},
    {"stack_overflow_method1", check_overflow_method1},
    {"stack_overflow_method2", check_overflow_method2},
    {NULL, NULL},
};
