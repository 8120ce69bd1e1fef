/* SPDX-License-Identifier: MIT */
/*
 * conf_fromisr.c: every FromISR API, called from a real interrupt at the
 * kernel's ceiling (the most urgent priority allowed to call them, where a
 * port's masking mistakes show first). Each group runs in one handler; the
 * handler checks what it can see at once, and the task checks the effects
 * that the timer task applies later (event group bits, timer commands,
 * pended function calls). The FAIL line names the first API that misbehaved.
 */
#include "conf.h"

#include "event_groups.h"
#include "message_buffer.h"
#include "queue.h"
#include "semphr.h"
#include "stream_buffer.h"
#include "timers.h"

#include <string.h>

#define LINE 0u
#define TAG ((TaskHookFunction_t)0x1234)

static QueueHandle_t queue, one, member;
static QueueSetHandle_t set;
static SemaphoreHandle_t binary, mutex;
static EventGroupHandle_t group;
static StreamBufferHandle_t stream;
static MessageBufferHandle_t messages;
static TimerHandle_t timer;
static TaskHandle_t conductor, helper;
static volatile const char *bad_api;
static volatile unsigned pended_calls;
static volatile TickType_t tick_in_task;

#define ISR_EXPECT(cond, api)                                                                      \
    do {                                                                                           \
        if (!(cond) && bad_api == NULL) {                                                          \
            bad_api = (api);                                                                       \
        }                                                                                          \
    } while (0)

static void queue_apis(void)
{
    BaseType_t w = pdFALSE;
    uint32_t v = 0;

    ISR_EXPECT(xQueueSendToBackFromISR(queue, &(uint32_t){1}, &w) == pdPASS,
               "xQueueSendToBackFromISR");
    ISR_EXPECT(xQueueSendToFrontFromISR(queue, &(uint32_t){2}, &w) == pdPASS,
               "xQueueSendToFrontFromISR");
    ISR_EXPECT(uxQueueMessagesWaitingFromISR(queue) == 2u, "uxQueueMessagesWaitingFromISR");
    ISR_EXPECT(xQueueIsQueueFullFromISR(queue) == pdTRUE, "xQueueIsQueueFullFromISR");
    ISR_EXPECT(xQueueSendFromISR(queue, &(uint32_t){3}, &w) == errQUEUE_FULL, "xQueueSendFromISR");
    ISR_EXPECT(xQueuePeekFromISR(queue, &v) == pdPASS && v == 2u, "xQueuePeekFromISR");
    ISR_EXPECT(xQueueReceiveFromISR(queue, &v, &w) == pdPASS && v == 2u, "xQueueReceiveFromISR");
    ISR_EXPECT(xQueueReceiveFromISR(queue, &v, &w) == pdPASS && v == 1u, "xQueueReceiveFromISR");
    ISR_EXPECT(xQueueIsQueueEmptyFromISR(queue) == pdTRUE, "xQueueIsQueueEmptyFromISR");
    ISR_EXPECT(xQueueOverwriteFromISR(one, &(uint32_t){4}, &w) == pdPASS &&
                   xQueueOverwriteFromISR(one, &(uint32_t){5}, &w) == pdPASS &&
                   xQueueReceiveFromISR(one, &v, &w) == pdPASS && v == 5u,
               "xQueueOverwriteFromISR");
    ISR_EXPECT(xQueueSendFromISR(member, &(uint32_t){6}, &w) == pdPASS &&
                   xQueueSelectFromSetFromISR(set) == member &&
                   xQueueReceiveFromISR(member, &v, &w) == pdPASS && v == 6u,
               "xQueueSelectFromSetFromISR");
    ISR_EXPECT(xSemaphoreGiveFromISR(binary, &w) == pdPASS, "xSemaphoreGiveFromISR");
    ISR_EXPECT(uxSemaphoreGetCountFromISR(binary) == 1u, "uxSemaphoreGetCountFromISR");
    ISR_EXPECT(xSemaphoreTakeFromISR(binary, &w) == pdPASS, "xSemaphoreTakeFromISR");
    ISR_EXPECT(xSemaphoreGetMutexHolderFromISR(mutex) == conductor,
               "xSemaphoreGetMutexHolderFromISR");
    portYIELD_FROM_ISR(w);
}

static void task_apis(void)
{
    BaseType_t w = pdFALSE;
    uint32_t prev = 0;

    ISR_EXPECT(xTaskGetTickCountFromISR() - tick_in_task <= 1u, "xTaskGetTickCountFromISR");
    ISR_EXPECT(uxTaskPriorityGetFromISR(conductor) == CONF_PRIO, "uxTaskPriorityGetFromISR");
    ISR_EXPECT(uxTaskBasePriorityGetFromISR(conductor) == CONF_PRIO,
               "uxTaskBasePriorityGetFromISR");
    ISR_EXPECT(xTaskGetApplicationTaskTagFromISR(conductor) == TAG,
               "xTaskGetApplicationTaskTagFromISR");
    ISR_EXPECT(xTaskNotifyFromISR(helper, 5, eSetValueWithOverwrite, &w) == pdPASS,
               "xTaskNotifyFromISR");
    ISR_EXPECT(xTaskNotifyAndQueryFromISR(helper, 0, eIncrement, &prev, &w) == pdPASS && prev == 5u,
               "xTaskNotifyAndQueryFromISR");
    vTaskNotifyGiveFromISR(helper, &w);           /* 7 */
    vTaskNotifyGiveIndexedFromISR(helper, 2, &w); /* index 2: 1 */
    ISR_EXPECT(xTaskNotifyIndexedFromISR(helper, 1, 0x30, eSetBits, &w) == pdPASS,
               "xTaskNotifyIndexedFromISR");
    ISR_EXPECT(xTaskResumeFromISR(helper) == pdFALSE, "xTaskResumeFromISR"); /* lower priority */
    portYIELD_FROM_ISR(w);
}

static void pended(void *p, uint32_t v)
{
    if (p == (void *)&pended_calls && v == 42u) {
        pended_calls++;
    }
}

static void deferred_and_buffer_apis(void)
{
    BaseType_t w = pdFALSE;
    uint8_t buf[4];

    ISR_EXPECT(xEventGroupSetBitsFromISR(group, 0x3, &w) == pdPASS, "xEventGroupSetBitsFromISR");
    ISR_EXPECT(xEventGroupGetBitsFromISR(group) == 0u, "xEventGroupGetBitsFromISR"); /* deferred */
    ISR_EXPECT(xTimerStartFromISR(timer, &w) == pdPASS, "xTimerStartFromISR");
    ISR_EXPECT(xTimerChangePeriodFromISR(timer, 10000, &w) == pdPASS, "xTimerChangePeriodFromISR");
    ISR_EXPECT(xTimerResetFromISR(timer, &w) == pdPASS, "xTimerResetFromISR");
    ISR_EXPECT(xTimerPendFunctionCallFromISR(pended, (void *)&pended_calls, 42, &w) == pdPASS,
               "xTimerPendFunctionCallFromISR");
    ISR_EXPECT(xStreamBufferSendFromISR(stream, "abc", 3, &w) == 3u, "xStreamBufferSendFromISR");
    ISR_EXPECT(xStreamBufferReceiveFromISR(stream, buf, 3, &w) == 3u && memcmp(buf, "abc", 3) == 0,
               "xStreamBufferReceiveFromISR");
    (void)xStreamBufferSendCompletedFromISR(stream, &w);
    (void)xStreamBufferReceiveCompletedFromISR(stream, &w);
    ISR_EXPECT(xStreamBufferSendFromISR(stream, "d", 1, &w) == 1u &&
                   xStreamBufferResetFromISR(stream) == pdPASS &&
                   xStreamBufferIsEmpty(stream) == pdTRUE,
               "xStreamBufferResetFromISR");
    ISR_EXPECT(xMessageBufferSendFromISR(messages, "xy", 2, &w) == 2u, "xMessageBufferSendFromISR");
    ISR_EXPECT(xMessageBufferReceiveFromISR(messages, buf, sizeof(buf), &w) == 2u &&
                   memcmp(buf, "xy", 2) == 0,
               "xMessageBufferReceiveFromISR");
    (void)xMessageBufferSendCompletedFromISR(messages, &w);
    (void)xMessageBufferReceiveCompletedFromISR(messages, &w);
    ISR_EXPECT(xMessageBufferSendFromISR(messages, "z", 1, &w) == 1u &&
                   xMessageBufferResetFromISR(messages) == pdPASS &&
                   xMessageBufferIsEmpty(messages) == pdTRUE,
               "xMessageBufferResetFromISR");
    portYIELD_FROM_ISR(w);
}

static void second_deferred(void)
{
    BaseType_t w = pdFALSE;

    ISR_EXPECT(xEventGroupGetBitsFromISR(group) == 0x3u, "xEventGroupGetBitsFromISR");
    ISR_EXPECT(xEventGroupClearBitsFromISR(group, 0x1) == pdPASS, "xEventGroupClearBitsFromISR");
    ISR_EXPECT(xTimerStopFromISR(timer, &w) == pdPASS, "xTimerStopFromISR");
    portYIELD_FROM_ISR(w);
}

static void idle_helper(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void timer_fn(TimerHandle_t t)
{
    (void)t;
}

static void create_objects(void)
{
    conductor = xTaskGetCurrentTaskHandle();
    vTaskSetApplicationTaskTag(NULL, TAG);
    queue = xQueueCreate(2, sizeof(uint32_t));
    one = xQueueCreate(1, sizeof(uint32_t));
    member = xQueueCreate(1, sizeof(uint32_t));
    set = xQueueCreateSet(1);
    binary = xSemaphoreCreateBinary();
    mutex = xSemaphoreCreateMutex();
    group = xEventGroupCreate();
    stream = xStreamBufferCreate(16, 1);
    messages = xMessageBufferCreate(16);
    timer = xTimerCreate("conf_timer", 100, pdFALSE, NULL, timer_fn);
    CONF_EXPECT(xTaskCreate(idle_helper, "conf_helper", CONF_QUIET_STACK, NULL, CONF_PRIO - 1,
                            &helper) == pdPASS,
                "cannot create the helper task");
    CONF_EXPECT(queue && one && member && set && binary && mutex && group && stream && messages &&
                    timer,
                "cannot create the objects");
    (void)xQueueAddToSet(member, set);
    (void)xSemaphoreTake(mutex, 0);
}

static void delete_objects(void)
{
    (void)xSemaphoreGive(mutex);
    vTaskSetApplicationTaskTag(NULL, NULL);
    (void)xTimerDelete(timer, portMAX_DELAY);
    (void)xQueueRemoveFromSet(member, set);
    vQueueDelete(set);
    vQueueDelete(member);
    vQueueDelete(one);
    vQueueDelete(queue);
    vSemaphoreDelete(binary);
    vSemaphoreDelete(mutex);
    vEventGroupDelete(group);
    vStreamBufferDelete(stream);
    vMessageBufferDelete(messages);
    vTaskDelete(helper);
    vTaskDelay(2); /* the timer task deletes the timer */
}

static void run_in_handler(void (*handler)(void))
{
    conf_arch_irq_set(LINE, CONF_IRQ_CEILING, handler);
    tick_in_task = xTaskGetTickCount();
    conf_arch_irq_raise(LINE);
    conf_arch_irq_set(LINE, CONF_IRQ_CEILING, NULL);
}

static void check_fromisr_apis(void)
{
    bad_api = NULL;
    pended_calls = 0;
    create_objects();
    vTaskSuspend(helper);
    run_in_handler(queue_apis);
    run_in_handler(task_apis);
    CONF_EXPECT(ulTaskNotifyValueClearIndexed(helper, 0, ~0u) == 7u,
                "xTaskNotifyFromISR/AndQuery/vTaskNotifyGiveFromISR left the wrong value");
    CONF_EXPECT(ulTaskNotifyValueClearIndexed(helper, 1, ~0u) == 0x30u,
                "xTaskNotifyIndexedFromISR left the wrong value");
    CONF_EXPECT(ulTaskNotifyValueClearIndexed(helper, 2, ~0u) == 1u,
                "vTaskNotifyGiveIndexedFromISR left the wrong value");
    CONF_EXPECT(eTaskGetState(helper) == eReady, "xTaskResumeFromISR did not make the task ready");
    run_in_handler(deferred_and_buffer_apis);
    vTaskDelay(2); /* the timer task runs the deferred commands */
    CONF_EXPECT(pended_calls == 1u, "xTimerPendFunctionCallFromISR: the function ran %u times",
                pended_calls);
    CONF_EXPECT(
        xTimerIsTimerActive(timer) && xTimerGetPeriod(timer) == 10000u,
        "xTimerStart/ChangePeriod/ResetFromISR: the timer is not running with period 10000");
    run_in_handler(second_deferred);
    vTaskDelay(2);
    CONF_EXPECT(xEventGroupGetBits(group) == 0x2u, "xEventGroupClearBitsFromISR: bits 0x%lx",
                (unsigned long)xEventGroupGetBits(group));
    CONF_EXPECT(!xTimerIsTimerActive(timer), "xTimerStopFromISR: the timer still runs");
    CONF_EXPECT(bad_api == NULL, "%s misbehaved in an interrupt at the ceiling",
                bad_api ? (const char *)bad_api : "");
    delete_objects();
}

const struct conf_check conf_checks_fromisr[] = {
    {"fromisr_apis", check_fromisr_apis},
    {NULL, NULL},
};
