/* SPDX-License-Identifier: MIT */
/*
 * The FreeRTOS V11 per-API trace hooks: for a representative call of each API
 * family, traceENTER_<fn> fires with the call's arguments, traceRETURN_<fn>
 * with the value the call returned (or with nothing, for a void function), in
 * that order, with the hooks of the API functions it calls nested between
 * them, in tasks and in an interrupt. Each case records only around the calls
 * it checks. Functions reached through a macro (xQueueSend, xSemaphoreTake,
 * xTimerStart, ...) are traced under the function the macro calls, as in
 * FreeRTOS.
 */
#include "FreeRTOS.h"
#include "croutine.h"
#include "event_groups.h"
#include "message_buffer.h"
#include "qtest.h"
#include "qtest_port.h"
#include "queue.h"
#include "semphr.h"
#include "stream_buffer.h"
#include "task.h"
#include "timers.h"
#include "trace_recorder.h"

#include <string.h>

/* The task the creation case creates: it stays suspended until deleted. */
static void parked_task(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

/* ---- Tasks and the scheduler ---- */

static void test_xTaskCreate_enter_has_its_arguments_and_return_pdPASS(void)
{
    TaskHandle_t task = NULL;
    int param = 0;
    size_t pos = 0, enter, stack_malloc, ret;

    trace_rec_start();
    BaseType_t result = xTaskCreate(parked_task, "traced", configMINIMAL_STACK_SIZE, &param,
                                    tskIDLE_PRIORITY + 1, &task);
    trace_rec_stop();
    QT_EQ(result, pdPASS);
    enter = QT_TRACE_ENTER(&pos, xTaskCreate, parked_task, "traced", configMINIMAL_STACK_SIZE,
                           &param, tskIDLE_PRIORITY + 1, &task);
    QT_EQ(enter, 0); /* the first thing recorded */
    /* The stack comes from the heap (Quartz allocates it and the TCB as one block): its
     * allocation is traced inside xTaskCreate's hooks. */
    for (stack_malloc = pos; stack_malloc < trace_rec_count(); stack_malloc++) {
        const struct trace_event *e = trace_rec_event(stack_malloc);

        if (!e->is_return && strcmp(e->fn, "pvPortMalloc") == 0) {
            QT_EQ(e->argc, 1);
            QT_ASSERT(e->args[0] >= configMINIMAL_STACK_SIZE * sizeof(StackType_t));
            break;
        }
    }
    ret = QT_TRACE_RETURN(&pos, xTaskCreate, pdPASS);
    QT_ASSERT(stack_malloc > enter && stack_malloc < ret);
    QT_EQ(ret, trace_rec_count() - 1); /* the last */

    pos = 0;
    trace_rec_start();
    vTaskDelete(task);
    trace_rec_stop();
    QT_TRACE_ENTER(&pos, vTaskDelete, task);
    QT_TRACE_RETURN_VOID(&pos, vTaskDelete);
}

static void test_task_priority_and_delay_hooks(void)
{
    TaskHandle_t self = xTaskGetCurrentTaskHandle();
    size_t pos = 0;

    trace_rec_start();
    UBaseType_t prio = uxTaskPriorityGet(NULL);
    vTaskPrioritySet(NULL, prio + 1);
    eTaskState state = eTaskGetState(self);
    vTaskDelay(0); /* a yield: the early branch of vTaskDelay */
    vTaskDelay(2);
    TickType_t now = xTaskGetTickCount();
    vTaskPrioritySet(NULL, prio);
    trace_rec_stop();
    QT_EQ(prio, QTEST_PRIORITY);
    QT_EQ(state, eRunning);
    QT_ASSERT(now >= 2);
    QT_TRACE_ENTER(&pos, uxTaskPriorityGet, NULL);
    QT_TRACE_RETURN(&pos, uxTaskPriorityGet, QTEST_PRIORITY);
    QT_TRACE_ENTER(&pos, vTaskPrioritySet, NULL, QTEST_PRIORITY + 1);
    QT_TRACE_RETURN_VOID(&pos, vTaskPrioritySet);
    QT_TRACE_ENTER(&pos, eTaskGetState, self);
    QT_TRACE_RETURN(&pos, eTaskGetState, eRunning);
    QT_TRACE_ENTER(&pos, vTaskDelay, 0);
    QT_TRACE_RETURN_VOID(&pos, vTaskDelay);
    QT_TRACE_ENTER(&pos, vTaskDelay, 2);
    QT_TRACE_RETURN_VOID(&pos, vTaskDelay);
    QT_TRACE_ENTER0(&pos, xTaskGetTickCount);
    QT_TRACE_RETURN(&pos, xTaskGetTickCount, now);
}

static void test_scheduler_suspend_resume_and_static_buffer_hooks(void)
{
    StackType_t *stack = NULL;
    StaticTask_t *tcb = NULL;
    size_t pos = 0;

    trace_rec_start();
    vTaskSuspendAll();
    BaseType_t state = xTaskGetSchedulerState();
    BaseType_t yielded = xTaskResumeAll();
    /* The test task is created dynamically: the failing branch returns pdFALSE. */
    BaseType_t got = xTaskGetStaticBuffers(NULL, &stack, &tcb);
    trace_rec_stop();
    QT_EQ(state, taskSCHEDULER_SUSPENDED);
    QT_EQ(got, pdFALSE);
    QT_TRACE_ENTER0(&pos, vTaskSuspendAll);
    QT_TRACE_RETURN_VOID(&pos, vTaskSuspendAll);
    QT_TRACE_ENTER0(&pos, xTaskGetSchedulerState);
    QT_TRACE_RETURN(&pos, xTaskGetSchedulerState, taskSCHEDULER_SUSPENDED);
    QT_TRACE_ENTER0(&pos, xTaskResumeAll);
    QT_TRACE_RETURN(&pos, xTaskResumeAll, yielded);
    QT_TRACE_ENTER(&pos, xTaskGetStaticBuffers, NULL, &stack, &tcb);
    QT_TRACE_RETURN(&pos, xTaskGetStaticBuffers, pdFALSE);
}

static void test_notification_hooks(void)
{
    TaskHandle_t self = xTaskGetCurrentTaskHandle();
    size_t pos = 0;

    trace_rec_start();
    BaseType_t given = xTaskNotifyGive(self);
    uint32_t taken = ulTaskNotifyTake(pdTRUE, 0);
    trace_rec_stop();
    QT_EQ(given, pdPASS);
    QT_EQ(taken, 1);
    QT_TRACE_ENTER(&pos, xTaskGenericNotify, self, tskDEFAULT_INDEX_TO_NOTIFY, 0, eIncrement, NULL);
    QT_TRACE_RETURN(&pos, xTaskGenericNotify, pdPASS);
    QT_TRACE_ENTER(&pos, ulTaskGenericNotifyTake, tskDEFAULT_INDEX_TO_NOTIFY, pdTRUE, 0);
    QT_TRACE_RETURN(&pos, ulTaskGenericNotifyTake, 1);
}

/* ---- Queues, semaphores and mutexes ---- */

static void test_queue_create_send_receive_delete_hooks(void)
{
    uint32_t in = 0x1234, out = 0;
    size_t pos = 0;

    trace_rec_start();
    QueueHandle_t q = xQueueCreate(3, sizeof(uint32_t));
    BaseType_t sent = xQueueSend(q, &in, 0);
    BaseType_t received = xQueueReceive(q, &out, 0);
    BaseType_t empty = xQueueReceive(q, &out, 0);
    vQueueDelete(q);
    trace_rec_stop();
    QT_ASSERT(q != NULL);
    QT_EQ(out, in);
    QT_TRACE_ENTER(&pos, xQueueGenericCreate, 3, sizeof(uint32_t), queueQUEUE_TYPE_BASE);
    QT_TRACE_RETURN(&pos, xQueueGenericCreate, q);
    QT_TRACE_ENTER(&pos, xQueueGenericSend, q, &in, 0, queueSEND_TO_BACK);
    QT_TRACE_RETURN(&pos, xQueueGenericSend, sent);
    QT_TRACE_ENTER(&pos, xQueueReceive, q, &out, 0);
    QT_TRACE_RETURN(&pos, xQueueReceive, received);
    QT_TRACE_ENTER(&pos, xQueueReceive, q, &out, 0);
    QT_TRACE_RETURN(&pos, xQueueReceive, errQUEUE_EMPTY);
    QT_TRACE_ENTER(&pos, vQueueDelete, q);
    QT_TRACE_ENTER(&pos, vPortFree, q);
    QT_TRACE_RETURN_VOID(&pos, vPortFree);
    QT_TRACE_RETURN_VOID(&pos, vQueueDelete);
    QT_EQ(sent, pdPASS);
    QT_EQ(received, pdPASS);
    QT_EQ(empty, errQUEUE_EMPTY);
}

static void test_blocking_receive_returns_after_its_timeout(void)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(uint32_t));
    uint32_t out = 0;
    size_t pos = 0;

    trace_rec_start();
    BaseType_t got = xQueueReceive(q, &out, 5);
    TickType_t now = xTaskGetTickCount();
    trace_rec_stop();
    QT_EQ(got, errQUEUE_EMPTY);
    QT_ASSERT(now >= 5);
    QT_TRACE_ENTER(&pos, xQueueReceive, q, &out, 5);
    QT_TRACE_RETURN(&pos, xQueueReceive, errQUEUE_EMPTY);
    QT_TRACE_ENTER0(&pos, xTaskGetTickCount);
    QT_TRACE_RETURN(&pos, xTaskGetTickCount, now);
    vQueueDelete(q);
}

static void test_queue_static_buffers_of_a_dynamic_queue_return_pdFALSE(void)
{
    QueueHandle_t q = xQueueCreate(1, 1);
    StaticQueue_t *buffer = NULL;
    size_t pos = 0;

    trace_rec_start();
    BaseType_t got = xQueueGetStaticBuffers(q, NULL, &buffer);
    UBaseType_t waiting = uxQueueMessagesWaiting(q);
    trace_rec_stop();
    QT_EQ(got, pdFALSE);
    QT_EQ(waiting, 0);
    QT_TRACE_ENTER(&pos, xQueueGenericGetStaticBuffers, q, NULL, &buffer);
    QT_TRACE_RETURN(&pos, xQueueGenericGetStaticBuffers, pdFALSE);
    QT_TRACE_ENTER(&pos, uxQueueMessagesWaiting, q);
    QT_TRACE_RETURN(&pos, uxQueueMessagesWaiting, 0);
    vQueueDelete(q);
}

static void test_mutex_and_semaphore_hooks(void)
{
    size_t pos = 0;

    trace_rec_start();
    SemaphoreHandle_t m = xSemaphoreCreateMutex();
    BaseType_t took = xSemaphoreTake(m, 0);
    BaseType_t gave = xSemaphoreGive(m);
    SemaphoreHandle_t c = xSemaphoreCreateCounting(5, 2);
    UBaseType_t count = uxSemaphoreGetCount(c);
    trace_rec_stop();
    QT_EQ(took, pdPASS);
    QT_EQ(gave, pdPASS);
    QT_EQ(count, 2);
    QT_TRACE_ENTER(&pos, xQueueCreateMutex, queueQUEUE_TYPE_MUTEX);
    QT_TRACE_ENTER(&pos, xQueueGenericCreate, 1, 0, queueQUEUE_TYPE_MUTEX);
    QT_TRACE_RETURN(&pos, xQueueGenericCreate, m);
    QT_TRACE_RETURN(&pos, xQueueCreateMutex, m);
    QT_TRACE_ENTER(&pos, xQueueSemaphoreTake, m, 0);
    QT_TRACE_RETURN(&pos, xQueueSemaphoreTake, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueGenericSend, m, NULL, semGIVE_BLOCK_TIME, queueSEND_TO_BACK);
    QT_TRACE_RETURN(&pos, xQueueGenericSend, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueCreateCountingSemaphore, 5, 2);
    QT_TRACE_RETURN(&pos, xQueueCreateCountingSemaphore, c);
    QT_TRACE_ENTER(&pos, uxQueueMessagesWaiting, c);
    QT_TRACE_RETURN(&pos, uxQueueMessagesWaiting, 2);
    vSemaphoreDelete(m);
    vSemaphoreDelete(c);
}

static void test_recursive_mutex_hooks_on_every_exit(void)
{
    SemaphoreHandle_t m = xSemaphoreCreateRecursiveMutex();
    size_t pos = 0;

    trace_rec_start();
    BaseType_t first = xSemaphoreTakeRecursive(m, 0);
    BaseType_t again = xSemaphoreTakeRecursive(m, 0);
    BaseType_t inner = xSemaphoreGiveRecursive(m);
    BaseType_t outer = xSemaphoreGiveRecursive(m);
    BaseType_t not_held = xSemaphoreGiveRecursive(m);
    trace_rec_stop();
    QT_EQ(first, pdPASS);
    QT_EQ(again, pdPASS);
    QT_EQ(inner, pdPASS);
    QT_EQ(outer, pdPASS);
    QT_EQ(not_held, pdFAIL);
    QT_TRACE_ENTER(&pos, xQueueTakeMutexRecursive, m, 0);
    QT_TRACE_RETURN(&pos, xQueueTakeMutexRecursive, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueTakeMutexRecursive, m, 0);
    QT_TRACE_RETURN(&pos, xQueueTakeMutexRecursive, pdPASS);
    for (int i = 0; i < 2; i++) {
        QT_TRACE_ENTER(&pos, xQueueGiveMutexRecursive, m);
        QT_TRACE_RETURN(&pos, xQueueGiveMutexRecursive, pdPASS);
    }
    QT_TRACE_ENTER(&pos, xQueueGiveMutexRecursive, m);
    QT_TRACE_RETURN(&pos, xQueueGiveMutexRecursive, pdFAIL);
    vSemaphoreDelete(m);
}

static void test_queue_set_hooks(void)
{
    QueueSetHandle_t set = xQueueCreateSet(2);
    QueueHandle_t q = xQueueCreate(2, sizeof(uint8_t));
    uint8_t item = 7;
    size_t pos = 0;

    trace_rec_start();
    BaseType_t added = xQueueAddToSet(q, set);
    QueueSetMemberHandle_t none = xQueueSelectFromSet(set, 0);
    (void)xQueueSend(q, &item, 0);
    QueueSetMemberHandle_t member = xQueueSelectFromSet(set, 0);
    trace_rec_stop();
    QT_EQ(added, pdPASS);
    QT_PTR_EQ(none, NULL);
    QT_PTR_EQ(member, q);
    QT_TRACE_ENTER(&pos, xQueueAddToSet, q, set);
    QT_TRACE_RETURN(&pos, xQueueAddToSet, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueSelectFromSet, set, 0);
    QT_TRACE_RETURN(&pos, xQueueSelectFromSet, NULL);
    QT_TRACE_ENTER(&pos, xQueueSelectFromSet, set, 0);
    QT_TRACE_RETURN(&pos, xQueueSelectFromSet, q);
    QT_EQ(xQueueReceive(q, &item, 0), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    vQueueDelete(q);
    vQueueDelete(set);
}

/* ---- From an interrupt ---- */

static QueueHandle_t isr_queue;
static SemaphoreHandle_t isr_sem;
static uint32_t isr_item = 0x55;
static BaseType_t isr_woken, isr_sent, isr_given;

static void isr_send_and_give(void)
{
    isr_sent = xQueueSendFromISR(isr_queue, &isr_item, &isr_woken);
    isr_given = xSemaphoreGiveFromISR(isr_sem, &isr_woken);
}

static void test_from_isr_hooks_fire_inside_the_interrupt(void)
{
    size_t pos = 0;

    isr_queue = xQueueCreate(1, sizeof(uint32_t));
    isr_sem = xSemaphoreCreateBinary();
    qtest_irq_set_handler(1, isr_send_and_give);
    trace_rec_start();
    qtest_irq_raise(1);
    trace_rec_stop();
    QT_EQ(isr_sent, pdPASS);
    QT_EQ(isr_given, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueGenericSendFromISR, isr_queue, &isr_item, &isr_woken,
                   queueSEND_TO_BACK);
    QT_TRACE_RETURN(&pos, xQueueGenericSendFromISR, pdPASS);
    QT_TRACE_ENTER(&pos, xQueueGiveFromISR, isr_sem, &isr_woken);
    QT_TRACE_RETURN(&pos, xQueueGiveFromISR, pdPASS);
    vQueueDelete(isr_queue);
    vSemaphoreDelete(isr_sem);
}

/* ---- Timers and event groups ---- */

static void timer_cb(TimerHandle_t timer)
{
    (void)timer;
}

static void test_timer_hooks(void)
{
    int id = 0;
    size_t pos = 0;
    StaticTimer_t *buffer = NULL;

    trace_rec_start();
    TimerHandle_t t = xTimerCreate("tm", 10, pdFALSE, &id, timer_cb);
    void *got_id = pvTimerGetTimerID(t);
    BaseType_t started = xTimerChangePeriod(t, 20, 0); /* also starts it */
    BaseType_t got_buffer = xTimerGetStaticBuffer(t, &buffer);
    BaseType_t deleted = xTimerDelete(t, 0);
    trace_rec_stop();
    QT_PTR_EQ(got_id, &id);
    QT_EQ(started, pdPASS);
    QT_EQ(got_buffer, pdFALSE);
    QT_EQ(deleted, pdPASS);
    QT_TRACE_ENTER(&pos, xTimerCreate, "tm", 10, pdFALSE, &id, timer_cb);
    QT_TRACE_RETURN(&pos, xTimerCreate, t);
    QT_TRACE_ENTER(&pos, pvTimerGetTimerID, t);
    QT_TRACE_RETURN(&pos, pvTimerGetTimerID, &id);
    QT_TRACE_ENTER(&pos, xTimerGenericCommandFromTask, t, tmrCOMMAND_CHANGE_PERIOD, 20, NULL, 0);
    QT_TRACE_RETURN(&pos, xTimerGenericCommandFromTask, pdPASS);
    QT_TRACE_ENTER(&pos, xTimerGetStaticBuffer, t, &buffer);
    QT_TRACE_RETURN(&pos, xTimerGetStaticBuffer, pdFALSE);
    QT_TRACE_ENTER(&pos, xTimerGenericCommandFromTask, t, tmrCOMMAND_DELETE, 0, NULL, 0);
    QT_TRACE_RETURN(&pos, xTimerGenericCommandFromTask, pdPASS);
}

static void test_event_group_hooks(void)
{
    size_t pos = 0;

    trace_rec_start();
    EventGroupHandle_t g = xEventGroupCreate();
    EventBits_t set = xEventGroupSetBits(g, 0x5);
    EventBits_t waited = xEventGroupWaitBits(g, 0x1, pdTRUE, pdFALSE, 0);
    EventBits_t cleared = xEventGroupClearBits(g, 0x4);
    vEventGroupDelete(g);
    trace_rec_stop();
    QT_EQ(set, 0x5);
    QT_EQ(waited, 0x5);
    QT_EQ(cleared, 0x4);
    QT_TRACE_ENTER0(&pos, xEventGroupCreate);
    QT_TRACE_RETURN(&pos, xEventGroupCreate, g);
    QT_TRACE_ENTER(&pos, xEventGroupSetBits, g, 0x5);
    QT_TRACE_RETURN(&pos, xEventGroupSetBits, 0x5);
    QT_TRACE_ENTER(&pos, xEventGroupWaitBits, g, 0x1, pdTRUE, pdFALSE, 0);
    QT_TRACE_RETURN(&pos, xEventGroupWaitBits, 0x5);
    QT_TRACE_ENTER(&pos, xEventGroupClearBits, g, 0x4);
    QT_TRACE_RETURN(&pos, xEventGroupClearBits, 0x4);
    QT_TRACE_ENTER(&pos, vEventGroupDelete, g);
    QT_TRACE_RETURN_VOID(&pos, vEventGroupDelete);
}

/* ---- Stream and message buffers ---- */

static void test_stream_and_message_buffer_hooks(void)
{
    static const char data[] = "hello";
    char buf[16];
    size_t pos = 0;

    trace_rec_start();
    StreamBufferHandle_t sb = xStreamBufferCreate(32, 1);
    size_t sent = xStreamBufferSend(sb, data, 5, 0);
    size_t got = xStreamBufferReceive(sb, buf, sizeof(buf), 0);
    MessageBufferHandle_t mb = xMessageBufferCreate(64);
    vStreamBufferDelete(sb);
    trace_rec_stop();
    QT_EQ(sent, 5);
    QT_EQ(got, 5);
    QT_TRACE_ENTER(&pos, xStreamBufferGenericCreate, 32, 1, sbTYPE_STREAM_BUFFER, NULL, NULL);
    QT_TRACE_RETURN(&pos, xStreamBufferGenericCreate, sb);
    QT_TRACE_ENTER(&pos, xStreamBufferSend, sb, data, 5, 0);
    QT_TRACE_RETURN(&pos, xStreamBufferSend, 5);
    QT_TRACE_ENTER(&pos, xStreamBufferReceive, sb, buf, sizeof(buf), 0);
    QT_TRACE_RETURN(&pos, xStreamBufferReceive, 5);
    QT_TRACE_ENTER(&pos, xStreamBufferGenericCreate, 64, 0, sbTYPE_MESSAGE_BUFFER, NULL, NULL);
    QT_TRACE_RETURN(&pos, xStreamBufferGenericCreate, mb);
    QT_TRACE_ENTER(&pos, vStreamBufferDelete, sb);
    QT_TRACE_RETURN_VOID(&pos, vStreamBufferDelete);
    vMessageBufferDelete(mb);
}

/* ---- Lists, the heap and co-routines ---- */

static void test_list_hooks(void)
{
    List_t list;
    ListItem_t item;
    size_t pos = 0;

    trace_rec_start();
    vListInitialise(&list);
    vListInitialiseItem(&item);
    vListInsertEnd(&list, &item);
    UBaseType_t left = uxListRemove(&item);
    trace_rec_stop();
    QT_EQ(left, 0);
    QT_TRACE_ENTER(&pos, vListInitialise, &list);
    QT_TRACE_RETURN_VOID(&pos, vListInitialise);
    QT_TRACE_ENTER(&pos, vListInitialiseItem, &item);
    QT_TRACE_RETURN_VOID(&pos, vListInitialiseItem);
    QT_TRACE_ENTER(&pos, vListInsertEnd, &list, &item);
    QT_TRACE_RETURN_VOID(&pos, vListInsertEnd);
    QT_TRACE_ENTER(&pos, uxListRemove, &item);
    QT_TRACE_RETURN(&pos, uxListRemove, 0);
}

static void test_heap_hooks(void)
{
    size_t pos = 0;

    trace_rec_start();
    void *p = pvPortMalloc(24);
    void *z = pvPortCalloc(3, 8);
    size_t free_bytes = xPortGetFreeHeapSize();
    vPortFree(z);
    vPortFree(p);
    vPortFree(NULL); /* the early exit */
    trace_rec_stop();
    QT_ASSERT(p != NULL && z != NULL);
    QT_TRACE_ENTER(&pos, pvPortMalloc, 24);
    QT_TRACE_RETURN(&pos, pvPortMalloc, p);
    QT_TRACE_ENTER(&pos, pvPortCalloc, 3, 8);
    QT_TRACE_RETURN(&pos, pvPortCalloc, z);
    QT_TRACE_ENTER0(&pos, xPortGetFreeHeapSize);
    QT_TRACE_RETURN(&pos, xPortGetFreeHeapSize, free_bytes);
    QT_TRACE_ENTER(&pos, vPortFree, z);
    QT_TRACE_RETURN_VOID(&pos, vPortFree);
    QT_TRACE_ENTER(&pos, vPortFree, p);
    QT_TRACE_RETURN_VOID(&pos, vPortFree);
    QT_TRACE_ENTER(&pos, vPortFree, NULL);
    QT_TRACE_RETURN_VOID(&pos, vPortFree);
    QT_EQ(pos, trace_rec_count()); /* vPortFree(NULL) calls nothing else */
}

static void co_routine(CoRoutineHandle_t handle, UBaseType_t index)
{
    (void)handle;
    (void)index;
}

static void test_co_routine_hooks(void)
{
    size_t pos = 0;

    trace_rec_start();
    BaseType_t created = xCoRoutineCreate(co_routine, 1, 7);
    vCoRoutineSchedule();
    vCoRoutineResetState();
    trace_rec_stop();
    QT_EQ(created, pdPASS);
    QT_TRACE_ENTER(&pos, xCoRoutineCreate, co_routine, 1, 7);
    QT_TRACE_RETURN(&pos, xCoRoutineCreate, pdPASS);
    QT_TRACE_ENTER0(&pos, vCoRoutineSchedule);
    QT_TRACE_RETURN_VOID(&pos, vCoRoutineSchedule);
    QT_TRACE_ENTER0(&pos, vCoRoutineResetState);
    QT_TRACE_RETURN_VOID(&pos, vCoRoutineResetState);
}

QTEST_MAIN(QTEST_CASE(test_xTaskCreate_enter_has_its_arguments_and_return_pdPASS),
           QTEST_CASE(test_task_priority_and_delay_hooks),
           QTEST_CASE(test_scheduler_suspend_resume_and_static_buffer_hooks),
           QTEST_CASE(test_notification_hooks),
           QTEST_CASE(test_queue_create_send_receive_delete_hooks),
           QTEST_CASE(test_blocking_receive_returns_after_its_timeout),
           QTEST_CASE(test_queue_static_buffers_of_a_dynamic_queue_return_pdFALSE),
           QTEST_CASE(test_mutex_and_semaphore_hooks),
           QTEST_CASE(test_recursive_mutex_hooks_on_every_exit), QTEST_CASE(test_queue_set_hooks),
           QTEST_CASE(test_from_isr_hooks_fire_inside_the_interrupt), QTEST_CASE(test_timer_hooks),
           QTEST_CASE(test_event_group_hooks), QTEST_CASE(test_stream_and_message_buffer_hooks),
           QTEST_CASE(test_list_hooks), QTEST_CASE(test_heap_hooks),
           QTEST_CASE(test_co_routine_hooks))
