/* SPDX-License-Identifier: MIT */
/*
 * The Quartz full demo for the QEMU boards. Tasks:
 *   producer/consumer  a rising sequence through a queue, checked in order;
 *   isr_taker          takes a binary semaphore the board's hardware timer
 *                      gives from its interrupt (FromISR) 200 times a second;
 *   worker A/B         increment a shared counter under a mutex, checking
 *                      that nobody else is inside with them;
 *   notifier/waiter    task notifications carrying a sequence number;
 *   regtest 1..3       fill every core register (and the FPU registers on
 *                      the M4F) with known values and check them continuously;
 *   check              every CHECK_PERIOD verifies that each task made
 *                      progress and saw no error, and prints one status line:
 *                      "OK" while all is well, or "ERROR" naming the tasks at
 *                      fault.
 * A second timer interrupt, above configMAX_SYSCALL_INTERRUPT_PRIORITY,
 * clobbers registers (and uses the FPU) to exercise nesting and lazy FPU
 * stacking. Software timers, event groups and stream buffers join the demo
 * once the kernel has them.
 *
 * Run length: forever, or the number of ticks given on the command line
 * (tools/qemu-run --append 10000), after which it prints
 * "demo: N checks passed, M failed" and exits with 0 only if all passed.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#include "arm_regs.h"
#include "board.h"
#include "regtest.h"

#include <stdio.h>
#include <stdlib.h>

#define CHECK_PERIOD pdMS_TO_TICKS(2000)
#define ISR_TIMER 0u
#define ISR_TIMER_HZ 200u
#define NOISE_TIMER 1u
#define NOISE_TIMER_HZ 1500u
#define KERNEL_AWARE_PRIO ((uint8_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY + 0x20))
#define ABOVE_CEILING_PRIO ((uint8_t)(configMAX_SYSCALL_INTERRUPT_PRIORITY - 0x40))
#define STACK_WORDS 256
#define PRINT_STACK_WORDS 1024

enum watched {
    W_PRODUCER, W_CONSUMER, W_ISR_TAKER, W_WORKER_A, W_WORKER_B, W_NOTIFIER, W_WAITER,
    W_REGTEST_1, W_REGTEST_2, W_REGTEST_3, W_COUNT
};

static const char *const names[W_COUNT] = {
    "producer", "consumer", "isr_taker", "worker_a", "worker_b", "notifier", "waiter",
    "regtest_1", "regtest_2", "regtest_3"};

static volatile uint32_t progress[W_COUNT];
static volatile uint32_t errors[W_COUNT];
static struct regtest_status regtests[REGTEST_TASKS];

static QueueHandle_t queue;
static SemaphoreHandle_t isr_sem;
static SemaphoreHandle_t mutex;
static TaskHandle_t waiter_handle;
static volatile uint32_t shared_counter;
static volatile int inside;
static volatile uint32_t noise_runs;
static volatile float noise_acc;

static void producer(void *arg)
{
    uint32_t next = 0;

    (void)arg;
    for (;;) {
        if (xQueueSend(queue, &next, pdMS_TO_TICKS(100)) == pdPASS) {
            next++;
            progress[W_PRODUCER]++;
        } else {
            errors[W_PRODUCER]++;
        }
        vTaskDelay(next % 4);
    }
}

static void consumer(void *arg)
{
    uint32_t expected = 0, v;

    (void)arg;
    for (;;) {
        if (xQueueReceive(queue, &v, pdMS_TO_TICKS(100)) != pdPASS || v != expected) {
            errors[W_CONSUMER]++;
            expected = v + 1;
            continue;
        }
        expected++;
        progress[W_CONSUMER]++;
    }
}

static void isr_timer_handler(void)
{
    BaseType_t woken = pdFALSE;

    board_timer_ack(ISR_TIMER);
    (void)xSemaphoreGiveFromISR(isr_sem, &woken);
    portYIELD_FROM_ISR(woken);
}

/* Above the ceiling: never calls the kernel; uses the FPU (lazy stacking) where there is one. */
static void noise_timer_handler(void)
{
    board_timer_ack(NOISE_TIMER);
    noise_runs++;
    noise_acc = noise_acc * 0.5f + (float)noise_runs;
    __asm volatile("mov r0, #0\n mov r1, #0\n mov r2, #0\n mov r3, #0\n mov r12, #0\n" ::
                       : "r0", "r1", "r2", "r3", "r12", "memory");
}

static void isr_taker(void *arg)
{
    (void)arg;
    for (;;) {
        /* The timer gives every 5 ms: 20 ms without one is an error. */
        if (xSemaphoreTake(isr_sem, pdMS_TO_TICKS(20)) == pdPASS) {
            progress[W_ISR_TAKER]++;
        } else {
            errors[W_ISR_TAKER]++;
        }
    }
}

static void worker(void *arg)
{
    const enum watched me = (enum watched)(uintptr_t)arg;

    for (;;) {
        if (xSemaphoreTake(mutex, pdMS_TO_TICKS(500)) != pdPASS) {
            errors[me]++;
            continue;
        }
        if (inside) {
            errors[me]++;
        }
        inside = 1;
        shared_counter++;
        taskYIELD(); /* the other worker must wait for the mutex, not walk in */
        inside = 0;
        xSemaphoreGive(mutex);
        progress[me]++;
        vTaskDelay(1 + (me == W_WORKER_B));
    }
}

static void notifier(void *arg)
{
    uint32_t n = 0;

    (void)arg;
    for (;;) {
        n++;
        (void)xTaskNotify(waiter_handle, n, eSetValueWithOverwrite);
        progress[W_NOTIFIER]++;
        vTaskDelay(pdMS_TO_TICKS(3));
    }
}

static void waiter(void *arg)
{
    uint32_t last = 0, value;

    (void)arg;
    for (;;) {
        if (xTaskNotifyWait(0, 0, &value, pdMS_TO_TICKS(50)) != pdTRUE || value != last + 1) {
            errors[W_WAITER]++;
            last = value;
            continue;
        }
        last = value;
        progress[W_WAITER]++;
    }
}

/* One status line; returns the number of tasks at fault. */
static unsigned check_once(const uint32_t *last, uint32_t *now)
{
    unsigned faults = 0;

    for (int i = 0; i < W_COUNT; i++) {
        now[i] = progress[i];
    }
    for (int i = 0; i < REGTEST_TASKS; i++) {
        now[W_REGTEST_1 + i] = regtests[i].loops;
        errors[W_REGTEST_1 + i] = regtests[i].error;
    }
    for (int i = 0; i < W_COUNT; i++) {
        if (errors[i] != 0 || now[i] == last[i]) {
            printf("%s%s (%s)", faults++ == 0 ? "check: ERROR " : ", ", names[i],
                   errors[i] != 0 ? "saw corruption" : "stalled");
        }
    }
    if (faults == 0) {
        printf("check: OK at %lu s: %lu items, %lu timer gives, %lu mutex rounds, "
               "%lu notifications, %lu register checks (%s)",
               (unsigned long)(xTaskGetTickCount() / configTICK_RATE_HZ),
               (unsigned long)now[W_CONSUMER], (unsigned long)now[W_ISR_TAKER],
               (unsigned long)(now[W_WORKER_A] + now[W_WORKER_B]),
               (unsigned long)now[W_WAITER],
               (unsigned long)(now[W_REGTEST_1] + now[W_REGTEST_2] + now[W_REGTEST_3]),
               regtest_coverage);
    }
    printf("\n");
    return faults;
}

static void check(void *arg)
{
    const TickType_t stop_after = (TickType_t)(uintptr_t)arg;
    TickType_t wake = xTaskGetTickCount();
    uint32_t last[W_COUNT] = {0}, now[W_COUNT];
    unsigned passed = 0, failed = 0;

    for (;;) {
        xTaskDelayUntil(&wake, CHECK_PERIOD);
        if (check_once(last, now) == 0) {
            passed++;
        } else {
            failed++;
        }
        for (int i = 0; i < W_COUNT; i++) {
            last[i] = now[i];
        }
        if (stop_after != 0 && xTaskGetTickCount() >= stop_after) {
            printf("demo: %u checks passed, %u failed\n", passed, failed);
            exit(failed == 0 && passed > 0 ? 0 : 1);
        }
    }
}

static void start_timer(unsigned t, uint32_t hz, uint8_t prio, void (*handler)(void))
{
    const unsigned irq = board_timer_irq(t);

    board_irq_set_handler(irq, handler);
    arm_nvic_set_priority(irq, prio);
    arm_nvic_enable(irq);
    board_timer_start(t, BOARD_TIMER_CLOCK_HZ / hz);
}

static void create(TaskFunction_t fn, const char *name, uint16_t words, void *arg,
                   UBaseType_t prio, TaskHandle_t *handle)
{
    if (xTaskCreate(fn, name, words, arg, prio, handle) != pdPASS) {
        printf("demo: cannot create task %s\n", name);
        exit(1);
    }
}

/* The run length in ticks from the command line ("image 10000"), or 0 for ever. */
static TickType_t run_length(void)
{
    static char cmdline[128];
    const char *arg = board_cmdline(cmdline, sizeof(cmdline));

    while (*arg != '\0' && *arg != ' ') {
        arg++; /* skip the image name */
    }
    return (TickType_t)strtoul(arg, NULL, 10);
}

int main(void)
{
    const TickType_t stop_after = run_length();

    printf("Quartz full demo on %s (%s), %d tasks, status every %u ms\n", BOARD_NAME,
           portARCH_NAME, W_COUNT + 1, (unsigned)(CHECK_PERIOD * portTICK_PERIOD_MS));
    queue = xQueueCreate(8, sizeof(uint32_t));
    isr_sem = xSemaphoreCreateBinary();
    mutex = xSemaphoreCreateMutex();
    create(producer, "producer", STACK_WORDS, NULL, 2, NULL);
    create(consumer, "consumer", STACK_WORDS, NULL, 3, NULL);
    create(isr_taker, "isr_taker", STACK_WORDS, NULL, 4, NULL);
    create(worker, "worker_a", STACK_WORDS, (void *)W_WORKER_A, 2, NULL);
    create(worker, "worker_b", STACK_WORDS, (void *)W_WORKER_B, 2, NULL);
    create(waiter, "waiter", STACK_WORDS, NULL, 3, &waiter_handle);
    create(notifier, "notifier", STACK_WORDS, NULL, 2, NULL);
    for (int i = 0; i < REGTEST_TASKS; i++) {
        create(regtest_tasks[i], names[W_REGTEST_1 + i], STACK_WORDS, &regtests[i], 1, NULL);
    }
    create(check, "check", PRINT_STACK_WORDS, (void *)(uintptr_t)stop_after,
           configMAX_PRIORITIES - 1, NULL);
    start_timer(ISR_TIMER, ISR_TIMER_HZ, KERNEL_AWARE_PRIO, isr_timer_handler);
    start_timer(NOISE_TIMER, NOISE_TIMER_HZ, ABOVE_CEILING_PRIO, noise_timer_handler);
    vTaskStartScheduler();
    printf("demo: the scheduler returned\n");
    return 1;
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("check: ERROR %s (stack overflow)\n", name);
    exit(1);
}
