/* SPDX-License-Identifier: MIT */
/*
 * conf_stress.c: a timed stress run with a check task. For STRESS_TICKS the
 * register-check tasks spin, a producer feeds a higher-priority consumer
 * through a short queue (a switch at every item), and a hardware interrupt
 * gives a counting semaphore to a top-priority task. The conductor, as the
 * check task, wakes every CHECK_TICKS and requires that every activity made
 * progress since its last visit and that nothing saw corrupted data.
 */
#include "conf.h"

#include "queue.h"
#include "semphr.h"

#define STRESS_TICKS 1000u
#define CHECK_TICKS 50u
#define TIMER_HZ 1700u

static QueueHandle_t queue;
static SemaphoreHandle_t sem;
static volatile uint32_t produced, consumed, out_of_order, isr_gives, isr_takes;

static void producer(void *arg)
{
    uint32_t next = 0;

    (void)arg;
    for (;;) {
        if (xQueueSend(queue, &next, portMAX_DELAY) == pdPASS) {
            produced = ++next;
        }
    }
}

static void consumer(void *arg)
{
    uint32_t want = 0;
    uint32_t v;

    (void)arg;
    for (;;) {
        if (xQueueReceive(queue, &v, portMAX_DELAY) == pdPASS) {
            out_of_order += v != want;
            want = v + 1u;
            consumed++;
        }
    }
}

static void timer_gives(void)
{
    BaseType_t woken = pdFALSE;

    isr_gives++;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void isr_taker(void *arg)
{
    (void)arg;
    for (;;) {
        if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
            isr_takes++;
        }
    }
}

/*
 * One visit of the check task: everything moved since the last one (on a best-effort host,
 * whose stalls deliver many ticks at once, since the start when the run ends).
 */
static void visit(uint32_t last[3], unsigned tick)
{
    const uint32_t now[3] = {conf_regtasks_progress(), consumed, isr_takes};
    static const char *const what[3] = {"register tasks", "queue consumer", "interrupt taker"};

    for (unsigned i = 0; i < 3; i++) {
        if (!conf_arch.best_effort) {
            CONF_EXPECT(now[i] != last[i], "at tick %u of %u the %s made no progress in %u ticks",
                        tick, STRESS_TICKS, what[i], CHECK_TICKS);
            last[i] = now[i];
        } else if (tick == STRESS_TICKS) {
            CONF_EXPECT(now[i] != 0u, "the %s made no progress in %u ticks", what[i], STRESS_TICKS);
        }
    }
    CONF_EXPECT(out_of_order == 0u, "the consumer received %lu items out of order",
                (unsigned long)out_of_order);
}

static void check_stress(void)
{
    TaskHandle_t t[3];
    uint32_t last[3] = {0, 0, 0};

    produced = consumed = out_of_order = isr_gives = isr_takes = 0;
    queue = xQueueCreate(2, sizeof(uint32_t));
    sem = xSemaphoreCreateCounting(1000, 0);
    CONF_EXPECT(queue != NULL && sem != NULL, "cannot create the objects");
    CONF_EXPECT(xTaskCreate(producer, "conf_prod", CONF_QUIET_STACK, NULL, CONF_PRIO - 1, &t[0]) ==
                        pdPASS &&
                    xTaskCreate(consumer, "conf_cons", CONF_QUIET_STACK, NULL, CONF_PRIO + 1,
                                &t[1]) == pdPASS &&
                    xTaskCreate(isr_taker, "conf_taker", CONF_QUIET_STACK, NULL, CONF_PRIO_HIGH,
                                &t[2]) == pdPASS,
                "cannot create the tasks");
    conf_regtasks_start();
    conf_arch_timer_start(TIMER_HZ, CONF_IRQ_LOW, timer_gives);
    /* A register task that stopped on a mismatch is named by conf_regtasks_stop. */
    for (unsigned tick = CHECK_TICKS;
         tick <= STRESS_TICKS && conf_failures() == 0u && !conf_regtasks_failed();
         tick += CHECK_TICKS) {
        vTaskDelay(CHECK_TICKS);
        visit(last, tick);
    }
    conf_arch_timer_stop();
    conf_regtasks_stop();
    for (unsigned i = 0; i < 3; i++) {
        vTaskDelete(t[i]);
    }
    CONF_EXPECT(isr_takes == isr_gives, "%lu interrupt gives, %lu takes", (unsigned long)isr_gives,
                (unsigned long)isr_takes);
    CONF_EXPECT(consumed + 3u >= produced, "%lu produced, %lu consumed", (unsigned long)produced,
                (unsigned long)consumed);
    vQueueDelete(queue);
    vSemaphoreDelete(sem);
}

const struct conf_check conf_checks_stress[] = {
    {"stress", check_stress},
    {NULL, NULL},
};
