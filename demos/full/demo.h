/* SPDX-License-Identifier: MIT */
/*
 * demo.h: what the full demo's parts share. Each part (demo_queues.c,
 * demo_timers.c, demo_events.c, demo_buffers.c) creates its tasks and
 * objects in its *_start function, called from main() before the scheduler
 * starts, and reports through the watch table: a task counts progress after
 * each round it verified and an error for each check that failed. The check
 * task (main.c) reads the table every DEMO_CHECK_PERIOD and names every entry
 * that saw an error or made no progress.
 *
 * Sizes the board's FreeRTOSConfig.h may override (all in words or tasks):
 *   DEMO_STACK_WORDS        each demo task's stack (default configMINIMAL_STACK_SIZE)
 *   DEMO_PRINT_STACK_WORDS  the check task's, which calls printf (default 4x the above)
 *   DEMO_SYNC_TASKS         tasks meeting at the event-group rendezvous (2..8, default 3)
 */
#ifndef DEMO_H
#define DEMO_H

#include "FreeRTOS.h"
#include "task.h"

#include <stdint.h>

#ifndef DEMO_STACK_WORDS
#define DEMO_STACK_WORDS configMINIMAL_STACK_SIZE
#endif
#ifndef DEMO_PRINT_STACK_WORDS
#define DEMO_PRINT_STACK_WORDS (4 * DEMO_STACK_WORDS)
#endif
#ifndef DEMO_SYNC_TASKS
#define DEMO_SYNC_TASKS 3
#endif
#if DEMO_SYNC_TASKS < 2 || DEMO_SYNC_TASKS > 8
#error "DEMO_SYNC_TASKS must be 2..8 (a rendezvous needs two, the event group holds the bits)."
#endif

#define DEMO_CHECK_PERIOD pdMS_TO_TICKS(2000)
/* The kernel-aware board timer's rate: it feeds a semaphore, an event bit and a message buffer. */
#define DEMO_ISR_HZ 200u

/* The watch table: one entry per task (or group of tasks) the check task watches. */
enum demo_watch_id {
    W_PRODUCER,
    W_CONSUMER,
    W_ISR_TAKER,
    W_WORKER_A,
    W_WORKER_B,
    W_NOTIFIER,
    W_WAITER,
    W_TIMER_AUTO,
    W_TIMER_ONE_SHOT,
    W_SYNC,
    W_EVENT_WAITER,
    W_STREAM_TX,
    W_STREAM_RX,
    W_MESSAGE_RX,
    W_REGTEST,
    W_COUNT
};

struct demo_watch {
    const char *name;
    volatile uint32_t progress;
    volatile uint32_t errors;
};

extern struct demo_watch demo_watch[W_COUNT];

static inline void demo_progress(enum demo_watch_id id)
{
    demo_watch[id].progress++;
}

static inline void demo_error(enum demo_watch_id id)
{
    demo_watch[id].errors++;
}

/*
 * A send that found no room and gave up without blocking (from an interrupt, or the timer
 * service's own command): a symptom of overload, not corruption. It happens when QEMU without
 * -icount (make run) catches up after the host stalled it and fires the timer interrupts back to
 * back. Counted and shown, not an error; what was not sent is sent later, in sequence.
 */
extern volatile uint32_t demo_overruns;

static inline void demo_overrun(void)
{
    demo_overruns++;
}

/* xTaskCreate, or a message and exit(1). */
void demo_create(TaskFunction_t fn, const char *name, configSTACK_DEPTH_TYPE words, void *arg,
                 UBaseType_t priority, TaskHandle_t *handle);

/* A kernel object the demo could not create: a message and exit(1). */
void demo_fail(const char *what);

/* The parts. The *_isr functions run in the kernel-aware timer interrupt, in this order. */
void demo_queues_start(void);
void demo_queues_isr(BaseType_t *woken);
void demo_timers_start(void);
void demo_events_start(void);
void demo_events_isr(BaseType_t *woken);
void demo_buffers_start(void);
void demo_buffers_isr(BaseType_t *woken);

#endif /* DEMO_H */
