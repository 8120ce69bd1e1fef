/* SPDX-License-Identifier: MIT */
/*
 * arm_tickless.c: tickless idle for the Cortex-M ports, the default
 * vPortSuppressTicksAndSleep behind portSUPPRESS_TICKS_AND_SLEEP when
 * configUSE_TICKLESS_IDLE is 1. Weak, so an application may replace it, as
 * FreeRTOS documents. It needs only SysTick, PRIMASK, WFI and the ICSR, which
 * every Cortex-M core has (ARMv6-M, ARMv7-M, ARMv8-M): each port lists this
 * file and maps portSUPPRESS_TICKS_AND_SLEEP onto it in its portmacro.h.
 *
 * Time keeping without drift. SysTick normally reloads one tick's count at
 * every boundary. To sleep `ticks` ticks, the port writes the reload register
 * only, never the running counter: the current tick ends as usual and its
 * reload starts one long count of ticks - 1 whole ticks (first phase); once
 * that count has started the reload goes back to one tick, and the core
 * sleeps again until the long count ends (second phase), its interrupt being
 * the sleep's last tick. The counter never stops, so a sleep that runs its
 * course loses no time at all. Only when another interrupt ends the second
 * phase early must the counter be rewritten: the count left tells how many
 * boundaries were crossed, and the counter restarts with what is left of the
 * current tick, so boundaries stay where they were; the few instructions for
 * which it is stopped are given back (configARM_TICKLESS_STOPPED_CPU_CYCLES).
 *
 * configPRE_SLEEP_PROCESSING / configPOST_SLEEP_PROCESSING run around each
 * of the two WFIs, with the ticks left to sleep.
 *
 * Context: the idle task, with the scheduler suspended (kernel/idle.c).
 * PRIMASK is set from the last check (eTaskConfirmSleepModeStatus) until the
 * tick count has been stepped: an interrupt arriving in between still ends
 * WFI (a pending interrupt wakes the core even while masked) and runs after
 * the bookkeeping, once PRIMASK is cleared.
 */
#include "arm_port_private.h"

#include "task.h"

#if configUSE_TICKLESS_IDLE == 1

/*
 * CPU cycles during which SysTick is stopped to restart it after an early
 * wake, from the CSR write that stops it to the one that restarts it: about
 * 32 instructions at -O2, some 40 cycles on a Cortex-M3/M4 without wait
 * states. A Quartz option: an error here drifts the tick by that many cycles
 * per early wake (never on sleeps that run their course). Override it for a
 * core with slow peripheral access, or for QEMU (-icount shift=4 runs 0.4
 * instructions per clock at 25 MHz: 13).
 */
#ifndef configARM_TICKLESS_STOPPED_CPU_CYCLES
#define configARM_TICKLESS_STOPPED_CPU_CYCLES 40u
#endif

#define PERIOD ARM_SYSTICK_CYCLES_PER_TICK
/* The long count covers ticks - 1 whole ticks in the 24-bit counter. */
#define MAX_TICKS ((ARM_SYST_RVR_MAX + 1u) / PERIOD + 1u)
/* The stop window in SysTick clocks (SysTick may run from a slower reference clock). */
#define STOPPED                                                                                    \
    ((uint32_t)(((uint64_t)configARM_TICKLESS_STOPPED_CPU_CYCLES * configSYSTICK_CLOCK_HZ) /       \
                configCPU_CLOCK_HZ))
/*
 * Counts at least this far from zero leave time to write the reload register
 * (a few instructions under PRIMASK) before the counter reaches zero.
 */
#define MIN_LEFT (STOPPED + (PERIOD >= 1024u ? 32u : 2u))

_Static_assert(PERIOD >= 2u * MIN_LEFT, "SysTick is too slow for tickless idle at this tick rate");

static inline int tick_pending(void)
{
    return (ARM_ICSR & ARM_ICSR_PENDSTSET) != 0u;
}

/* The counter reached zero (the tick is pending): wait the one clock until it reloads. */
static void wait_for_reload(void)
{
    while (ARM_SYST_CVR == 0u) {
    }
}

static void sleep_until_interrupt(TickType_t ticks)
{
    TickType_t idle_ticks = ticks;

    /* The application may sleep its own way (or not at all) and set idle_ticks to 0. */
    configPRE_SLEEP_PROCESSING(idle_ticks);
    if (idle_ticks > 0) {
        __asm volatile("dsb\n\twfi\n\tisb" ::: "memory");
    }
    configPOST_SLEEP_PROCESSING(idle_ticks);
    (void)idle_ticks;
}

/*
 * First phase, with the reload register holding the long count: sleep to the
 * end of the current tick. Returns 1 when that boundary has passed (its
 * interrupt consumed here, the long count running, the reload back to one
 * tick); 0 when another interrupt came first, or the boundary came before
 * the reload was written (the reload is back to one tick, the counter
 * untouched, a tick interrupt pending in the second case).
 */
static int sleep_rest_of_tick(TickType_t ticks)
{
    if (!tick_pending()) {
        sleep_until_interrupt(ticks);
    }
    if (!tick_pending()) {
        if (ARM_SYST_CVR >= MIN_LEFT) {
            ARM_SYST_RVR = PERIOD - 1u; /* before the boundary: nothing has changed */
            return 0;
        }
        while (!tick_pending()) {
            /* the boundary is a few clocks away: let it pass and start the long count */
        }
    }
    wait_for_reload();
    ARM_SYST_RVR = PERIOD - 1u;
    if (ticks > 2u && ARM_SYST_CVR < PERIOD) {
        /* An ordinary tick's reload, not the long count's: the boundary beat the reload write. */
        return 0;
    }
    ARM_ICSR = ARM_ICSR_PENDSTCLR;
    return 1;
}

/* Start a count of `cycles` SysTick clocks from the stopped counter, then ordinary ticks. */
static void load_count(uint32_t cycles)
{
    ARM_SYST_RVR = cycles - 1u;
    ARM_SYST_CVR = 0u; /* the next clock loads RVR */
    ARM_SYST_CSR = ARM_SYSTICK_CSR_RUN;
    wait_for_reload();
    ARM_SYST_RVR = PERIOD - 1u;
}

/*
 * The second phase ended early: stop the counter, restart ordinary ticks in
 * phase with the boundaries, and return the ticks to step: the boundaries
 * crossed, less one left to a pending tick interrupt. A boundary inside the
 * stop window counts as crossed.
 */
static TickType_t end_long_count_early(TickType_t ticks)
{
    uint32_t left;
    uint32_t crossed;

    ARM_SYST_CSR = ARM_SYSTICK_CSR_STOP;
    left = ARM_SYST_CVR;
    if (tick_pending() || left == 0u) {
        /* It ended after all: the tick after it has begun (or begins now). */
        ARM_ICSR = ARM_ICSR_PENDSTSET;
        crossed = ticks - 1u;
        left = left == 0u ? PERIOD : left;
    } else {
        /* The long count ends on a boundary, so whole ticks are in what is left. */
        const uint32_t boundaries_left = (left + PERIOD - 1u) / PERIOD;

        crossed = ticks - boundaries_left;
        left -= (boundaries_left - 1u) * PERIOD;
    }
    if (left < MIN_LEFT) {
        crossed++;
        left += PERIOD;
    }
    load_count(left - STOPPED);
    return (TickType_t)crossed;
}

__attribute__((weak)) void vPortSuppressTicksAndSleep(TickType_t expected_idle_ticks)
{
    const TickType_t ticks = expected_idle_ticks < MAX_TICKS ? expected_idle_ticks : MAX_TICKS;
    const uint32_t long_count = (uint32_t)(ticks - 1u) * PERIOD;
    TickType_t slept = 0;

    __asm volatile("cpsid i" ::: "memory");
    /*
     * A task readied since the kernel decided, or a tick due now or about to be: no sleep. The
     * counter is read last, so that the reload below is written well before it reaches zero.
     */
    if (eTaskConfirmSleepModeStatus() == eAbortSleep || tick_pending() || ARM_SYST_CVR < MIN_LEFT) {
        __asm volatile("cpsie i" ::: "memory");
        return;
    }
    ARM_SYST_RVR = long_count - 1u; /* taken when the current tick ends */
    if (sleep_rest_of_tick(ticks)) {
        sleep_until_interrupt((TickType_t)(ticks - 1u));
        if (tick_pending()) {
            slept = (TickType_t)(ticks - 1u); /* the pending interrupt counts the last */
        } else {
            slept = end_long_count_early(ticks);
        }
    }
    if (slept > 0u) {
        vTaskStepTick(slept);
    }
    __asm volatile("cpsie i" ::: "memory");
}

#endif /* configUSE_TICKLESS_IDLE == 1 */
