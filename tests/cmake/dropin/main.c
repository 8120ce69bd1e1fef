/* SPDX-License-Identifier: MIT */
/*
 * A small FreeRTOS application, unchanged from how it would be written for
 * FreeRTOS: a producer and a consumer exchange 100 items through a queue,
 * then the consumer ends the scheduler and main checks the result.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "task.h"

#include <stdio.h>
#include <stdlib.h>

#define ITEMS 100

static QueueHandle_t queue;
static volatile int received_ok;

void vAssertCalled(const char *file, unsigned long line)
{
    printf("dropin: assert at %s:%lu\n", file, line);
    exit(2);
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("dropin: stack overflow in %s\n", name);
    exit(3);
}

static void producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITEMS; i++) {
        xQueueSend(queue, &i, portMAX_DELAY);
        if (i % 10 == 0) {
            vTaskDelay(pdMS_TO_TICKS(1));
        }
    }
    vTaskDelete(NULL);
}

static void consumer(void *arg)
{
    int value, expected = 0;

    (void)arg;
    while (expected < ITEMS) {
        if (xQueueReceive(queue, &value, pdMS_TO_TICKS(1000)) != pdPASS || value != expected) {
            break;
        }
        expected++;
    }
    received_ok = expected == ITEMS;
    vTaskEndScheduler();
}

int main(void)
{
    queue = xQueueCreate(4, sizeof(int));
    xTaskCreate(producer, "producer", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    xTaskCreate(consumer, "consumer", configMINIMAL_STACK_SIZE, NULL, 2, NULL);
    vTaskStartScheduler();
    vQueueDelete(queue);
    printf("dropin: %s\n", received_ok ? "PASS" : "FAIL");
    return received_ok ? 0 : 1;
}
