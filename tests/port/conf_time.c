/* SPDX-License-Identifier: MIT */
/*
 * conf_time.c: time. The tick runs at configTICK_RATE_HZ measured against a
 * clock the port does not drive (the seam's conf_arch_clock), vTaskDelay
 * wakes on the tick it names, and, in a build with configUSE_TICKLESS_IDLE,
 * an idle stretch with the tick stopped still ends on time with every tick
 * accounted for.
 */
#include "conf.h"

#define SPAN_TICKS 500u

/*
 * Clock counts over a vTaskDelay(ticks) from one tick's wake-up to another's, and the ticks the
 * count moved meanwhile (on a best-effort host, more when a stall delivered ticks at once).
 */
static uint32_t clock_over(TickType_t ticks, TickType_t *counted)
{
    uint32_t start;
    uint32_t elapsed;
    TickType_t t0;

    conf_arch_clock_start();
    vTaskDelay(1); /* start right after a tick */
    start = conf_arch_clock();
    t0 = xTaskGetTickCount();
    vTaskDelay(ticks);
    elapsed = conf_arch_clock() - start;
    *counted = xTaskGetTickCount() - t0;
    conf_arch_clock_stop();
    return elapsed;
}

/* `counted` ticks took `elapsed` clock counts, within half a tick (or the host's tolerance). */
static void expect_span(uint32_t elapsed, TickType_t ticks, TickType_t counted, const char *what)
{
    const uint64_t per_tick = conf_arch.clock_hz / configTICK_RATE_HZ;
    const uint64_t want = per_tick * counted;
    const uint64_t slack = per_tick / 2u + want * conf_arch.best_effort_permille / 1000u;

    CONF_EXPECT(conf_arch.best_effort ? counted >= ticks : counted == ticks,
                "%s: vTaskDelay(%u) returned after %u ticks", what, (unsigned)ticks,
                (unsigned)counted);
    CONF_EXPECT(elapsed + slack >= want && elapsed <= want + slack,
                "%s: %u ticks took %lu clock counts, expected %lu +- %lu (%lu Hz clock): the tick "
                "runs at %lu Hz, not %u",
                what, (unsigned)counted, (unsigned long)elapsed, (unsigned long)want,
                (unsigned long)slack, (unsigned long)conf_arch.clock_hz,
                (unsigned long)((uint64_t)counted * conf_arch.clock_hz / (elapsed ? elapsed : 1u)),
                (unsigned)configTICK_RATE_HZ);
}

static void check_tick_rate(void)
{
    TickType_t counted;
    uint32_t elapsed = clock_over(SPAN_TICKS, &counted);

    expect_span(elapsed, SPAN_TICKS, counted, "tick rate");
}

static volatile unsigned tick_interrupts;

static void count_tick_interrupt(void)
{
    tick_interrupts++;
}

/*
 * Nothing else is ready: the idle task stops the tick for the whole delay, so the tick count
 * still follows the independent clock while the tick hook (which runs for each tick interrupt,
 * not for the ticks the port steps over) runs only a few times.
 */
static void check_tickless_idle(void)
{
    TickType_t counted;
    uint32_t elapsed;

    if (!configUSE_TICKLESS_IDLE) {
        conf_skip("configUSE_TICKLESS_IDLE is 0 in this build (see <board>/conformance/tickless)");
        return;
    }
    tick_interrupts = 0;
    conf_tick_hook = count_tick_interrupt;
    elapsed = clock_over(100, &counted);
    conf_tick_hook = NULL;
    expect_span(elapsed, 100, counted, "tickless idle");
    CONF_EXPECT(tick_interrupts < counted / 4u,
                "tickless idle: %u tick interrupts over %u ticks: the idle task did not stop the "
                "tick", tick_interrupts, (unsigned)counted);
}

const struct conf_check conf_checks_time[] = {
    {"tick_rate", check_tick_rate},
    {"tickless_idle", check_tickless_idle},
    {NULL, NULL},
};
