/* SPDX-License-Identifier: MIT */
/*
 * conf_interrupts.c: critical sections and interrupt levels. Critical
 * sections nest (only the outermost exit unmasks) and hold off interrupts at
 * and below the kernel's boundary; an interrupt above it still runs inside
 * one (where the port has such a level); the FromISR masks nest inside a
 * real handler; a more urgent interrupt nests in a running handler where the
 * port nests interrupts, and runs after it where it does not; and
 * xPortIsInsideInterrupt tells handlers from tasks.
 */
#include "conf.h"

#include "queue.h"
#include "semphr.h"

#define LINE_A 0u
#define LINE_B 1u
#define LINE_C 2u

static volatile unsigned runs_a, runs_b, runs_c;
static volatile unsigned order[4];
static volatile unsigned steps;
static volatile BaseType_t inside_seen;

static void record(unsigned what)
{
    if (steps < 4u) {
        order[steps++] = what;
    }
}

static void count_a(void)
{
    runs_a++;
    inside_seen = xPortIsInsideInterrupt();
}

static void count_b(void)
{
    runs_b++;
}

static void count_c(void)
{
    runs_c++;
}

static void lines_set(void (*a)(void), enum conf_irq_level la, void (*b)(void),
                      enum conf_irq_level lb)
{
    runs_a = runs_b = runs_c = 0;
    steps = 0;
    conf_arch_irq_set(LINE_A, la, a);
    conf_arch_irq_set(LINE_B, lb, b);
}

static void lines_clear(void)
{
    conf_arch_irq_set(LINE_A, CONF_IRQ_LOW, NULL);
    conf_arch_irq_set(LINE_B, CONF_IRQ_LOW, NULL);
    conf_arch_irq_set(LINE_C, CONF_IRQ_LOW, NULL);
}

static void check_critical_nesting(void)
{
    lines_set(count_a, CONF_IRQ_CEILING, count_b, CONF_IRQ_LOW);
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    taskEXIT_CRITICAL();
    conf_arch_irq_raise(LINE_A);
    CONF_EXPECT(runs_a == 0u,
                "an interrupt at the ceiling ran after an inner taskEXIT_CRITICAL, inside the "
                "outer critical section: critical sections do not nest");
    taskEXIT_CRITICAL();
    CONF_EXPECT(runs_a == 1u, "the held-off interrupt did not run at the outermost exit");
    lines_clear();
}

/*
 * Kernel calls inside a critical section keep it: a port may give the kernel its own lock
 * (portKERNEL_LOCK), which must restore the critical section's mask, not unmask.
 */
static void check_critical_survives_kernel_calls(void)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(uint32_t));
    SemaphoreHandle_t s = xSemaphoreCreateBinary();
    uint32_t v = 7;

    CONF_EXPECT(q != NULL && s != NULL, "no memory for a queue and a semaphore");
    lines_set(count_a, CONF_IRQ_CEILING, count_b, CONF_IRQ_LOW);
    taskENTER_CRITICAL();
    CONF_EXPECT(xQueueSend(q, &v, 0) == pdPASS && xQueueReceive(q, &v, 0) == pdPASS &&
                    xSemaphoreGive(s) == pdPASS && xSemaphoreTake(s, 0) == pdPASS,
                "a queue or semaphore call failed inside a critical section");
    xTaskNotifyGive(xTaskGetCurrentTaskHandle());
    CONF_EXPECT(ulTaskNotifyTake(pdTRUE, 0) == 1u, "a notification was lost");
    conf_arch_irq_raise(LINE_A);
    CONF_EXPECT(runs_a == 0u, "an interrupt at the ceiling ran inside a critical section after "
                              "kernel calls: a kernel call unmasked interrupts on its way out");
    taskEXIT_CRITICAL();
    CONF_EXPECT(runs_a == 1u, "the held-off interrupt did not run at the critical section's exit");
    lines_clear();
    vQueueDelete(q);
    vSemaphoreDelete(s);
}

static void check_critical_masks_ceiling(void)
{
    lines_set(count_a, CONF_IRQ_CEILING, count_b, CONF_IRQ_LOW);
    taskENTER_CRITICAL();
    conf_arch_irq_raise(LINE_A);
    conf_arch_irq_raise(LINE_B);
    CONF_EXPECT(runs_a == 0u, "an interrupt at the ceiling (may call FromISR) ran inside a "
                              "critical section: taskENTER_CRITICAL does not mask it");
    CONF_EXPECT(runs_b == 0u, "a lowest-priority interrupt ran inside a critical section");
    taskEXIT_CRITICAL();
    CONF_EXPECT(runs_a == 1u && runs_b == 1u,
                "held-off interrupts did not run when the critical section ended (%u, %u)", runs_a,
                runs_b);
    CONF_EXPECT(inside_seen == pdTRUE, "xPortIsInsideInterrupt was false in a handler");
    CONF_EXPECT(xPortIsInsideInterrupt() == pdFALSE, "xPortIsInsideInterrupt was true in a task");
    lines_clear();
}

static void check_critical_spares_above(void)
{
    if (!conf_arch.has_above) {
        conf_skip("the port's critical sections mask every interrupt level");
        return;
    }
    lines_set(count_a, CONF_IRQ_ABOVE, count_b, CONF_IRQ_CEILING);
    taskENTER_CRITICAL();
    conf_arch_irq_raise(LINE_A);
    CONF_EXPECT(runs_a == 1u, "an interrupt above configMAX_SYSCALL_INTERRUPT_PRIORITY was held "
                              "off by a critical section");
    taskEXIT_CRITICAL();
    lines_clear();
}

/* In a handler: the FromISR masks nest, and hold off a line at the ceiling until restored. */
static volatile unsigned c_during_inner, c_during_outer, c_after_outer;

static void masks_in_handler(void)
{
    UBaseType_t outer = taskENTER_CRITICAL_FROM_ISR();
    UBaseType_t inner = taskENTER_CRITICAL_FROM_ISR();

    conf_arch_irq_raise(LINE_C);
    c_during_inner = runs_c;
    taskEXIT_CRITICAL_FROM_ISR(inner);
    c_during_outer = runs_c;
    taskEXIT_CRITICAL_FROM_ISR(outer);
    c_after_outer = runs_c;
}

static void check_isr_masks_nest(void)
{
    lines_set(masks_in_handler, CONF_IRQ_LOW, count_b, CONF_IRQ_LOW);
    conf_arch_irq_set(LINE_C, CONF_IRQ_CEILING, count_c);
    conf_arch_irq_raise(LINE_A);
    CONF_EXPECT(c_during_inner == 0u && c_during_outer == 0u,
                "a ceiling interrupt ran inside taskENTER_CRITICAL_FROM_ISR (%u inner, %u after "
                "the inner exit)",
                c_during_inner, c_during_outer);
    if (conf_arch.nests) {
        CONF_EXPECT(c_after_outer == 1u,
                    "restoring the handler's mask did not let the ceiling interrupt preempt it");
    }
    CONF_EXPECT(runs_c == 1u, "the held-off interrupt never ran");
    lines_clear();
}

static void low_raises_high(void)
{
    record(1);
    conf_arch_irq_raise(LINE_B);
    record(3);
}

static void high_records(void)
{
    record(2);
}

static void check_interrupt_nesting(void)
{
    lines_set(low_raises_high, CONF_IRQ_LOW, high_records, CONF_IRQ_CEILING);
    conf_arch_irq_raise(LINE_A);
    CONF_EXPECT(steps == 3u, "%u of the 3 steps ran", steps);
    if (conf_arch.nests) {
        CONF_EXPECT(order[1] == 2u && order[2] == 3u,
                    "a more urgent interrupt did not preempt a running handler");
    } else {
        CONF_EXPECT(order[1] == 3u && order[2] == 2u,
                    "a handler was preempted on a port whose handlers never nest");
    }
    lines_clear();
}

const struct conf_check conf_checks_interrupts[] = {
    {"critical_nesting", check_critical_nesting},
    {"critical_masks_ceiling", check_critical_masks_ceiling},
    {"critical_survives_kernel_calls", check_critical_survives_kernel_calls},
    {"critical_spares_above_ceiling", check_critical_spares_above},
    {"isr_masks_nest", check_isr_masks_nest},
    {"interrupt_nesting", check_interrupt_nesting},
    {NULL, NULL},
};
