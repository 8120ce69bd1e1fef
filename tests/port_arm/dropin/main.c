/* SPDX-License-Identifier: MIT */
/* Two tasks ping-pong with notifications while a third delays; then report and exit. */
#include "FreeRTOS.h"
#include "task.h"

void app_write(const char *s);
void app_exit(int status);
void app_assert_failed(const char *file, int line);

static TaskHandle_t ping_task, pong_task;
static volatile int rounds, delays;

void app_assert_failed(const char *file, int line)
{
    (void)line;
    app_write("dropin: configASSERT failed in ");
    app_write(file);
    app_write("\n");
    app_exit(2);
}

static void ping(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        xTaskNotifyGive(pong_task);
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        rounds++;
    }
    vTaskDelay(20);
    app_write(rounds == 100 && delays >= 10 ? "dropin: PASS\n" : "dropin: FAIL\n");
    app_exit(rounds == 100 && delays >= 10 ? 0 : 1);
}

static void pong(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        xTaskNotifyGive(ping_task);
    }
}

static void sleeper(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskDelay(1);
        delays++;
    }
}

int main(void)
{
    xTaskCreate(ping, "ping", configMINIMAL_STACK_SIZE, NULL, 2, &ping_task);
    xTaskCreate(pong, "pong", configMINIMAL_STACK_SIZE, NULL, 2, &pong_task);
    xTaskCreate(sleeper, "sleep", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    vTaskStartScheduler();
    return 1;
}
