/* SPDX-License-Identifier: MIT */
/*
 * demo_events.c: the full demo's event groups.
 *   sync_0..N-1   DEMO_SYNC_TASKS tasks meet at a rendezvous
 *                 (xEventGroupSync) after delays of different lengths. Each
 *                 counts its rounds; right after passing one, every other
 *                 task has passed the same round (it may not have counted it
 *                 yet) and none has passed the next: rounds differ by at most
 *                 one, and nobody is ahead.
 *   event_waiter  waits for two bits at once, clearing them on exit
 *                 (xEventGroupWaitBits): one set by sync_0 after each
 *                 rendezvous, one set from the kernel-aware timer interrupt
 *                 (xEventGroupSetBitsFromISR, deferred to the timer service
 *                 task) every ISR_SET_EVERY interrupts.
 */
#include "demo.h"

#include "event_groups.h"

#define SYNC_ALL ((EventBits_t)((1u << DEMO_SYNC_TASKS) - 1u))
#define BIT_FROM_TASK ((EventBits_t)1u << 8)
#define BIT_FROM_ISR ((EventBits_t)1u << 9)
#define BOTH_BITS (BIT_FROM_TASK | BIT_FROM_ISR)
#define ISR_SET_EVERY 10u /* 20 times a second */

static EventGroupHandle_t rendezvous;
static EventGroupHandle_t flags;
static volatile uint32_t rounds[DEMO_SYNC_TASKS];
static const char *const sync_names[8] = {"sync_0", "sync_1", "sync_2", "sync_3",
                                          "sync_4", "sync_5", "sync_6", "sync_7"};

/* Right after task `me` passed its latest round: is every other task at that round or one short? */
static int rounds_consistent(unsigned me)
{
    const uint32_t mine = rounds[me];

    for (unsigned i = 0; i < DEMO_SYNC_TASKS; i++) {
        const uint32_t theirs = rounds[i];

        if (theirs > mine || theirs + 1u < mine) {
            return 0;
        }
    }
    return 1;
}

static void sync_task(void *arg)
{
    const unsigned me = (unsigned)(uintptr_t)arg;

    for (;;) {
        const EventBits_t bits =
            xEventGroupSync(rendezvous, (EventBits_t)1u << me, SYNC_ALL, pdMS_TO_TICKS(500));

        if ((bits & SYNC_ALL) != SYNC_ALL) {
            demo_error(W_SYNC);
            continue;
        }
        rounds[me]++;
        if (!rounds_consistent(me)) {
            demo_error(W_SYNC);
        }
        if (me == 0) {
            (void)xEventGroupSetBits(flags, BIT_FROM_TASK);
            demo_progress(W_SYNC);
        }
        vTaskDelay((TickType_t)(me + 1u)); /* the others wait at the rendezvous for the slowest */
    }
}

void demo_events_isr(BaseType_t *woken)
{
    static unsigned calls;

    if (++calls % ISR_SET_EVERY != 0u) {
        return;
    }
    if (xEventGroupSetBitsFromISR(flags, BIT_FROM_ISR, woken) != pdPASS) {
        demo_overrun(); /* the timer service's command queue was full */
    }
}

static void event_waiter(void *arg)
{
    (void)arg;
    for (;;) {
        const EventBits_t bits =
            xEventGroupWaitBits(flags, BOTH_BITS, pdTRUE, pdTRUE, pdMS_TO_TICKS(200));

        if ((bits & BOTH_BITS) != BOTH_BITS) {
            demo_error(W_EVENT_WAITER);
        } else {
            demo_progress(W_EVENT_WAITER);
        }
    }
}

void demo_events_start(void)
{
    rendezvous = xEventGroupCreate();
    flags = xEventGroupCreate();
    if (rendezvous == NULL || flags == NULL) {
        demo_fail("the event groups");
    }
    for (unsigned i = 0; i < DEMO_SYNC_TASKS; i++) {
        demo_create(sync_task, sync_names[i], DEMO_STACK_WORDS, (void *)(uintptr_t)i, 2, NULL);
    }
    demo_create(event_waiter, "event_waiter", DEMO_STACK_WORDS, NULL, 3, NULL);
}
