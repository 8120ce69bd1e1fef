/* SPDX-License-Identifier: MIT */
/*
 * Stress test for software timers and event groups, across the tick-count
 * wrap (the case first steps the count to WRAP_LEAD ticks before it):
 * - auto-reload timers of assorted periods, whose callbacks check that they
 *   run exactly on their expiry ticks;
 * - one-shot timers restarted with new periods by tasks at several
 *   priorities, each waiting for its timer's callback through an event bit;
 * - producers setting bits that a consumer collects with wait-for-all;
 * - three tasks at different priorities meeting at an xEventGroupSync
 *   rendezvous every round;
 * - a simulated interrupt setting event bits (deferred through the daemon)
 *   and pending function calls.
 * A check task verifies progress every CHECK_PERIOD ticks; every user counts
 * the errors it sees, which must stay zero. The scenario runs twice and must
 * give the identical trace digest.
 */
#include "FreeRTOS.h"
#include "event_groups.h"
#include "qtest.h"
#include "qtest_port.h"
#include "task.h"
#include "timers.h"

#define STRESS_TICKS 12000u
#define WRAP_LEAD 3000u
#define CHECK_PERIOD 500u
#define AUTO_TIMERS 12
/*
 * The workers print nothing, so they run on QTEST_QUIET_STACK. A board whose heap cannot hold
 * 13 of them (board_test_config.h) runs fewer one-shot restarters, producers and parties.
 */
#ifndef STRESS_TIMERS_ONE_SHOTS
#define STRESS_TIMERS_ONE_SHOTS 4
#endif
#ifndef STRESS_TIMERS_PRODUCERS
#define STRESS_TIMERS_PRODUCERS 4
#endif
#ifndef STRESS_TIMERS_PARTIES
#define STRESS_TIMERS_PARTIES 3
#endif
#define ONE_SHOTS STRESS_TIMERS_ONE_SHOTS
#define PRODUCERS STRESS_TIMERS_PRODUCERS
#define PARTIES STRESS_TIMERS_PARTIES
#define IRQ_LINE 3
#define IRQ_EVERY 11u
#define PEND_EVERY 3u /* every third interrupt also pends a call */

struct auto_timer {
    TimerHandle_t timer;
    TickType_t next; /* the tick its callback must run on */
    uint32_t fired;
};

struct one_shot {
    TimerHandle_t timer;
    uint32_t fired, rounds;
};

static struct auto_timer autos[AUTO_TIMERS];
static struct one_shot shots[ONE_SHOTS];
static EventGroupHandle_t shot_done, produced, rendezvous, irq_group;
static TaskHandle_t workers[ONE_SHOTS + PRODUCERS + 1 + PARTIES + 1];
static unsigned worker_count;
static volatile uint32_t errors, collected, party_rounds[PARTIES], irq_raised, irq_seen;
static volatile uint32_t pend_sent, pend_failed, pend_run, checks;
static volatile uint64_t digest;

static void trace(uint32_t event)
{
    taskENTER_CRITICAL();
    digest = (digest ^ event) * 0x100000001b3ull ^ xTaskGetTickCount();
    taskEXIT_CRITICAL();
}

static void error(void)
{
    taskENTER_CRITICAL();
    errors++;
    taskEXIT_CRITICAL();
}

static void spawn(TaskFunction_t fn, const char *name, UBaseType_t prio, void *arg)
{
    if (xTaskCreate(fn, name, QTEST_QUIET_STACK, arg, prio, &workers[worker_count]) != pdPASS) {
        error();
    }
    worker_count++;
}

/* ---- Timers ---- */

static void auto_cb(TimerHandle_t t)
{
    struct auto_timer *a = pvTimerGetTimerID(t);

    if (xTaskGetTickCount() != a->next) {
        error();
    }
    a->next += xTimerGetPeriod(t);
    a->fired++;
    trace(0x1000u + (uint32_t)(a - autos));
}

static void shot_cb(TimerHandle_t t)
{
    struct one_shot *s = pvTimerGetTimerID(t);
    const unsigned i = (unsigned)(s - shots);

    /* A one-shot's expiry time stays where it fired. */
    if (xTaskGetTickCount() != xTimerGetExpiryTime(t) || xTimerIsTimerActive(t)) {
        error();
    }
    s->fired++;
    (void)xEventGroupSetBits(shot_done, (EventBits_t)1 << i);
    trace(0x2000u + i);
}

static void restarter(void *arg)
{
    struct one_shot *s = arg;
    const unsigned i = (unsigned)(s - shots);

    for (;;) {
        const TickType_t period = (TickType_t)(1 + (s->rounds * 7 + i * 3) % 17);
        EventBits_t got;

        if (xTimerChangePeriod(s->timer, period, portMAX_DELAY) != pdPASS) {
            error();
        }
        got = xEventGroupWaitBits(shot_done, (EventBits_t)1 << i, pdTRUE, pdFALSE, period + 20);
        if ((got & ((EventBits_t)1 << i)) == 0) {
            error();
        }
        s->rounds++;
        if (s->rounds % 4 == 0) {
            qtest_busy_ticks(1);
        }
    }
}

/* ---- Event groups between tasks ---- */

static void producer(void *arg)
{
    const unsigned i = (unsigned)(uintptr_t)arg;
    uint32_t n = 0;

    for (;;) {
        vTaskDelay((TickType_t)(1 + (n++ + i) % 5));
        (void)xEventGroupSetBits(produced, (EventBits_t)1 << i);
    }
}

static void consumer(void *arg)
{
    const EventBits_t all = ((EventBits_t)1 << PRODUCERS) - 1;

    (void)arg;
    for (;;) {
        EventBits_t got = xEventGroupWaitBits(produced, all, pdTRUE, pdTRUE, 50);

        if ((got & all) != all) {
            error();
        }
        collected++;
        trace(0x3000u);
    }
}

static void party(void *arg)
{
    const unsigned i = (unsigned)(uintptr_t)arg;
    const EventBits_t all = ((EventBits_t)1 << PARTIES) - 1;

    for (;;) {
        EventBits_t got;

        if ((party_rounds[i] + i) % 3 == 0) {
            qtest_busy_ticks(1);
        } else {
            vTaskDelay((TickType_t)(1 + (party_rounds[i] * 5 + i) % 4));
        }
        got = xEventGroupSync(rendezvous, (EventBits_t)1 << i, all, 100);
        if ((got & all) != all) {
            error();
        }
        party_rounds[i]++;
        /* Nobody can be a whole round ahead of another. */
        for (unsigned j = 0; j < PARTIES; j++) {
            if (party_rounds[j] + 1 < party_rounds[i]) {
                error();
            }
        }
        trace(0x4000u + i);
    }
}

/* ---- Interrupts ---- */

static void pended(void *arg1, uint32_t arg2)
{
    (void)arg1;
    if (arg2 != pend_run) {
        error(); /* pended calls run in the order they were pended */
    }
    pend_run++;
}

static void irq_handler(void)
{
    BaseType_t woken = pdFALSE;

    irq_raised++;
    if (xEventGroupSetBitsFromISR(irq_group, 0x1, &woken) != pdPASS) {
        error();
    }
    if (irq_raised % PEND_EVERY == 0) {
        if (xTimerPendFunctionCallFromISR(pended, NULL, pend_sent, &woken) == pdPASS) {
            pend_sent++;
        } else {
            pend_failed++;
        }
    }
    portYIELD_FROM_ISR(woken);
}

static void irq_source(void)
{
    if (xTaskGetTickCountFromISR() % IRQ_EVERY == 0) {
        qtest_irq_raise(IRQ_LINE);
    }
}

static void irq_waiter(void *arg)
{
    (void)arg;
    for (;;) {
        if ((xEventGroupWaitBits(irq_group, 0x1, pdTRUE, pdFALSE, 2 * IRQ_EVERY) & 0x1) == 0) {
            error();
        } else {
            irq_seen++;
        }
    }
}

/* ---- The scenario ---- */

static void create_objects(void)
{
    static const TickType_t periods[AUTO_TIMERS] = {3, 5, 7, 11, 13, 17, 23, 5, 1, 2, 29, 31};
    const TickType_t now = xTaskGetTickCount();

    shot_done = xEventGroupCreate();
    produced = xEventGroupCreate();
    rendezvous = xEventGroupCreate();
    irq_group = xEventGroupCreate();
    for (int i = 0; i < AUTO_TIMERS; i++) {
        autos[i].fired = 0;
        autos[i].next = (TickType_t)(now + periods[i]);
        autos[i].timer = xTimerCreate("auto", periods[i], pdTRUE, &autos[i], auto_cb);
        if (autos[i].timer == NULL || xTimerStart(autos[i].timer, 0) != pdPASS) {
            error();
        }
    }
    for (int i = 0; i < ONE_SHOTS; i++) {
        shots[i].fired = shots[i].rounds = 0;
        shots[i].timer = xTimerCreate("shot", 1, pdFALSE, &shots[i], shot_cb);
    }
}

static void start_workers(void)
{
    worker_count = 0;
    for (int i = 0; i < ONE_SHOTS; i++) {
        spawn(restarter, "restart", (UBaseType_t)(1 + i), &shots[i]);
    }
    for (int i = 0; i < PRODUCERS; i++) {
        spawn(producer, "prod", (UBaseType_t)(1 + i % 3), (void *)(uintptr_t)i);
    }
    spawn(consumer, "cons", 2, NULL);
    for (int i = 0; i < PARTIES; i++) {
        spawn(party, "party", (UBaseType_t)(1 + 2 * i), (void *)(uintptr_t)i);
    }
    spawn(irq_waiter, "irq", 4, NULL);
    qtest_irq_set_handler(IRQ_LINE, irq_handler);
    qtest_tick_hook = irq_source;
}

static void check_progress(void)
{
    const TickType_t start = xTaskGetTickCount();
    TickType_t wake = start;
    uint32_t last_auto = 0, last_shots = 0, last_collected = 0, last_party = 0, last_irq = 0;

    while ((TickType_t)(xTaskGetTickCount() - start) < STRESS_TICKS) {
        uint32_t fired = 0, shot_rounds = 0;

        xTaskDelayUntil(&wake, CHECK_PERIOD);
        for (int i = 0; i < AUTO_TIMERS; i++) {
            fired += autos[i].fired;
        }
        for (int i = 0; i < ONE_SHOTS; i++) {
            shot_rounds += shots[i].rounds;
        }
        QT_ASSERT(fired > last_auto);
        QT_ASSERT(shot_rounds > last_shots);
        QT_ASSERT(collected > last_collected);
        QT_ASSERT(party_rounds[0] > last_party);
        QT_ASSERT(irq_seen > last_irq);
        QT_EQ(errors, 0);
        last_auto = fired;
        last_shots = shot_rounds;
        last_collected = collected;
        last_party = party_rounds[0];
        last_irq = irq_seen;
        checks++;
    }
}

/* Stop the users, then delete what they used (timers through the daemon). */
static void stop_and_delete(void)
{
    qtest_tick_hook = NULL;
    for (unsigned i = 0; i < worker_count; i++) {
        vTaskSuspend(workers[i]);
    }
    for (int i = 0; i < AUTO_TIMERS; i++) {
        QT_EQ(xTimerDelete(autos[i].timer, portMAX_DELAY), pdPASS);
    }
    for (int i = 0; i < ONE_SHOTS; i++) {
        QT_EQ(xTimerDelete(shots[i].timer, portMAX_DELAY), pdPASS);
    }
    vEventGroupDelete(shot_done);
    vEventGroupDelete(produced);
    vEventGroupDelete(rendezvous);
    vEventGroupDelete(irq_group);
    vTaskDelay(1); /* the daemon (above us) has freed the timers by now */
}

static uint64_t run_scenario(void)
{
    vTaskSuspendAll(); /* nothing is delayed yet: move close to the tick-count wrap */
    vTaskStepTick((TickType_t)(0u - WRAP_LEAD));
    (void)xTaskResumeAll();
    digest = 1469598103934665603ull;
    errors = collected = irq_raised = irq_seen = pend_sent = pend_failed = pend_run = 0;
    checks = 0;
    for (int i = 0; i < PARTIES; i++) {
        party_rounds[i] = 0;
    }
    vTaskPrioritySet(NULL, configMAX_PRIORITIES - 2); /* below the daemon only */
    create_objects();
    start_workers();
    check_progress();
    QT_EQ(errors, 0);
    QT_EQ(pend_failed, 0);
    QT_EQ(pend_run, pend_sent);
    QT_ASSERT(irq_seen + 1 >= irq_raised); /* the last one may still be on its way */
    QT_ASSERT(checks >= STRESS_TICKS / CHECK_PERIOD - 1);
    stop_and_delete();
    return digest;
}

static uint64_t first_digest;

static void test_stress_timers_run_first(void)
{
    first_digest = run_scenario();
}

static void test_stress_timers_replay_identical(void)
{
    QT_EQ(run_scenario(), first_digest);
}

QTEST_MAIN(QTEST_CASE(test_stress_timers_run_first),
           QTEST_CASE(test_stress_timers_replay_identical))
