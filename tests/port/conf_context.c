/* SPDX-License-Identifier: MIT */
/*
 * conf_context.c: context checks. A new task of higher priority runs at once
 * with its parameter; every register survives preemption by the tick, by an
 * interrupt that switches tasks (portYIELD_FROM_ISR) and by nested
 * interrupts that clobber what a handler may; a task's yield switches before
 * it returns, a yield inside a critical section waits for the outermost exit,
 * and a handler's switch happens on its exit only when it asks.
 *
 * The register checks run REGTEST_TASKS tasks (arch/regtest_*.c) below the
 * conductor, time-sliced by the tick; a failing task has dumped its
 * registers and the FAIL line names the first one that changed.
 */
#include "conf.h"
#include "regtest.h"

#include "semphr.h"

#include <stdio.h>

#define RUN_TICKS 200u
#define TIMER_HZ 3000u /* never in step with the tick */
#define LINE_NESTED 0u
#define LINE_GIVE 1u

static struct regtest_status status[REGTEST_TASKS];
static TaskHandle_t regtask[REGTEST_TASKS];
static TaskHandle_t disturber;
static volatile uint32_t timer_runs, nested_runs, nested_inside, disturber_runs;
static volatile int in_timer;

static void disturber_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        disturber_runs++;
    }
}

static void timer_wakes_disturber(void)
{
    BaseType_t woken = pdFALSE;

    in_timer = 1;
    timer_runs++;
    conf_arch_irq_raise(LINE_NESTED); /* preempts this handler where the port nests */
    vTaskNotifyGiveFromISR(disturber, &woken);
    in_timer = 0;
    portYIELD_FROM_ISR(woken);
}

static void nested_clobbers(void)
{
    nested_runs++;
    nested_inside += in_timer;
    conf_arch_clobber_scratch();
}

uint32_t conf_regtasks_progress(void)
{
    uint32_t sum = 0;

    for (unsigned i = 0; i < REGTEST_TASKS; i++) {
        sum += status[i].loops;
    }
    return sum;
}

int conf_regtasks_failed(void)
{
    for (unsigned i = 0; i < REGTEST_TASKS; i++) {
        if (status[i].error != 0u) {
            return 1;
        }
    }
    return 0;
}

/* The first register a failed task found changed, from its dump. */
static void describe_failure(unsigned t)
{
    const unsigned err = status[t].error;

    for (unsigned n = 0; n < REGTEST_DUMP_WORDS; n++) {
        uintptr_t want;
        const char *name = regtest_expected(t, err, n, &want);

        if (name != NULL && status[t].regs[n] != want) {
            conf_fail("register task %u: %s = 0x%lx, expected 0x%lx (%s bank; checked %s)", t + 1,
                      name, (unsigned long)status[t].regs[n], (unsigned long)want,
                      err == REGTEST_ERR_FP ? "FP" : "general-purpose", regtest_coverage);
            return;
        }
    }
    conf_fail("register task %u found a %s register changed (checked %s)", t + 1,
              err == REGTEST_ERR_FP ? "FP" : "general-purpose", regtest_coverage);
}

void conf_regtasks_start(void)
{
    static const char *const names[REGTEST_TASKS] = {"conf_regs1", "conf_regs2", "conf_regs3"};

    for (unsigned i = 0; i < REGTEST_TASKS; i++) {
        status[i].loops = 0;
        status[i].error = 0;
        CONF_EXPECT(xTaskCreate(regtest_tasks[i], names[i], CONF_QUIET_STACK, &status[i],
                                CONF_PRIO - 1, &regtask[i]) == pdPASS,
                    "cannot create register task %u", i + 1);
    }
}

void conf_regtasks_stop(void)
{
    for (unsigned i = 0; i < REGTEST_TASKS; i++) {
        vTaskDelete(regtask[i]);
    }
    for (unsigned i = 0; i < REGTEST_TASKS; i++) {
        if (status[i].error != 0u) {
            describe_failure(i);
        }
        /* None yields: each got CPU time only through preemption by the tick. */
        CONF_EXPECT(status[i].loops > 10u, "register task %u ran only %lu loops", i + 1,
                    (unsigned long)status[i].loops);
    }
}

static void check_registers_tick(void)
{
    conf_regtasks_start();
    vTaskDelay(RUN_TICKS);
    conf_regtasks_stop();
}

/* The timer wakes a top-priority task; a second line, raised inside its handler, clobbers. */
static void run_with_interrupts(enum conf_irq_level nested_level)
{
    timer_runs = nested_runs = nested_inside = disturber_runs = 0;
    CONF_EXPECT(xTaskCreate(disturber_task, "conf_disturb", CONF_QUIET_STACK, NULL, CONF_PRIO_HIGH,
                            &disturber) == pdPASS,
                "cannot create the disturber task");
    conf_arch_irq_set(LINE_NESTED, nested_level, nested_clobbers);
    conf_regtasks_start();
    conf_arch_timer_start(TIMER_HZ, CONF_IRQ_LOW, timer_wakes_disturber);
    vTaskDelay(RUN_TICKS);
    conf_arch_timer_stop();
    conf_regtasks_stop();
    conf_arch_irq_set(LINE_NESTED, nested_level, NULL);
    vTaskDelete(disturber);
    if (conf_arch.best_effort) {
        CONF_EXPECT(timer_runs > 0u, "the interrupt source never interrupted");
    } else {
        CONF_EXPECT(timer_runs + 2u >= TIMER_HZ * RUN_TICKS / configTICK_RATE_HZ,
                    "the timer interrupted %lu times in %u ticks at %u Hz",
                    (unsigned long)timer_runs, RUN_TICKS, TIMER_HZ);
    }
    CONF_EXPECT(disturber_runs * 2u >= timer_runs,
                "portYIELD_FROM_ISR ran the woken task %lu times for %lu interrupts",
                (unsigned long)disturber_runs, (unsigned long)timer_runs);
    CONF_EXPECT(nested_runs == timer_runs, "the nested line ran %lu times for %lu interrupts",
                (unsigned long)nested_runs, (unsigned long)timer_runs);
}

static void check_registers_interrupt_switch(void)
{
    run_with_interrupts(CONF_IRQ_LOW);
}

static void check_registers_nested_interrupts(void)
{
    const enum conf_irq_level level = conf_arch.has_above ? CONF_IRQ_ABOVE : CONF_IRQ_CEILING;

    run_with_interrupts(level);
    if (conf_arch.nests) {
        CONF_EXPECT(nested_inside == nested_runs,
                    "only %lu of %lu higher-priority interrupts nested in the running handler",
                    (unsigned long)nested_inside, (unsigned long)nested_runs);
    } else {
        CONF_EXPECT(nested_inside == 0u, "%lu handlers nested on a port whose handlers never nest",
                    (unsigned long)nested_inside);
    }
}

/* ---- Task start ---- */

static void *volatile entry_arg;

static void record_entry(void *arg)
{
    entry_arg = arg;
    vTaskSuspend(NULL);
}

static void check_task_entry(void)
{
    TaskHandle_t t;
    static int param;

    entry_arg = NULL;
    CONF_EXPECT(xTaskCreate(record_entry, "conf_entry", CONF_QUIET_STACK, &param, CONF_PRIO + 1,
                            &t) == pdPASS,
                "cannot create the task");
    CONF_EXPECT(entry_arg == &param, "a new task of higher priority got parameter %p, not %p",
                entry_arg, (void *)&param);
    vTaskDelete(t);
}

/* ---- Yields ---- */

static volatile unsigned peer_runs;
static SemaphoreHandle_t sem;

static void peer_task(void *arg)
{
    (void)arg;
    for (;;) {
        peer_runs++;
        vTaskSuspend(NULL);
    }
}

/*
 * The peer is created after the delay, so that it is not in the middle of a yield of its own
 * when the test yields: a peer preempted by the tick just before its yield's store to the
 * interrupt control register would, resumed, only finish that yield, and would have run
 * without anything to show for it.
 */
static void check_yield_from_task(void)
{
    TaskHandle_t t;

    vTaskDelay(1); /* right after a tick: no tick comes between the next lines */
    peer_runs = 0;
    CONF_EXPECT(xTaskCreate(peer_task, "conf_peer", CONF_QUIET_STACK, NULL, CONF_PRIO, &t) ==
                    pdPASS,
                "cannot create the task");
    CONF_EXPECT(peer_runs == 0u, "a new task of equal priority ran before its creator yielded");
    taskYIELD();
    CONF_EXPECT(peer_runs == 1u, "taskYIELD returned before the ready peer of equal priority ran");
    vTaskDelete(t);
}

static void check_yield_inside_critical(void)
{
    TaskHandle_t t;

    CONF_EXPECT(xTaskCreate(peer_task, "conf_peer", CONF_QUIET_STACK, NULL, CONF_PRIO + 1, &t) ==
                    pdPASS,
                "cannot create the task");
    peer_runs = 0;
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    vTaskResume(t); /* asks for a switch the critical section must hold off */
    taskEXIT_CRITICAL();
    CONF_EXPECT(peer_runs == 0u, "a switch happened inside a nested critical section");
    taskEXIT_CRITICAL();
    CONF_EXPECT(peer_runs == 1u, "the held-off switch did not happen at the outermost exit");
    vTaskDelete(t);
}

static volatile BaseType_t ask_switch;

static void give_from_isr(void)
{
    BaseType_t woken = pdFALSE;

    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(ask_switch ? woken : pdFALSE);
}

static void taker_task(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
            peer_runs++;
        }
    }
}

static void check_yield_from_isr(void)
{
    TaskHandle_t t;

    sem = xSemaphoreCreateBinary();
    peer_runs = 0;
    CONF_EXPECT(xTaskCreate(taker_task, "conf_taker", CONF_QUIET_STACK, NULL, CONF_PRIO + 1, &t) ==
                    pdPASS,
                "cannot create the task");
    conf_arch_irq_set(LINE_GIVE, CONF_IRQ_CEILING, give_from_isr);
    ask_switch = pdTRUE;
    conf_arch_irq_raise(LINE_GIVE);
    CONF_EXPECT(peer_runs == 1u, "portYIELD_FROM_ISR(pdTRUE) did not switch on the handler's exit");
    ask_switch = pdFALSE;
    vTaskDelay(1);
    conf_arch_irq_raise(LINE_GIVE);
    CONF_EXPECT(peer_runs == 1u, "a handler that did not ask for a switch switched anyway");
    vTaskDelay(1);
    CONF_EXPECT(peer_runs == 2u, "the woken task did not run by the next tick");
    conf_arch_irq_set(LINE_GIVE, CONF_IRQ_CEILING, NULL);
    vTaskDelete(t);
    vSemaphoreDelete(sem);
}

const struct conf_check conf_checks_context[] = {
    {"task_entry", check_task_entry},
    {"yield_from_task", check_yield_from_task},
    {"yield_inside_critical", check_yield_inside_critical},
    {"yield_from_isr", check_yield_from_isr},
    {"registers_tick_preemption", check_registers_tick},
    {"registers_interrupt_switch", check_registers_interrupt_switch},
    {"registers_nested_interrupts", check_registers_nested_interrupts},
    {NULL, NULL},
};
