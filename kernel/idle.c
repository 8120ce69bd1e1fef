/* SPDX-License-Identifier: MIT */
/*
 * idle.c: the idle task. It frees tasks that deleted themselves, yields to
 * other idle-priority tasks, calls the idle hook and lets the port idle the
 * processor (portIDLE_HOOK; on the POSIX port in simulated time this is where
 * time moves on). It never blocks: there must always be a ready task.
 */
#include "kernel.h"

static void free_deleted_tasks(void)
{
    while (listCURRENT_LIST_LENGTH(&sched.deleted) > 0) {
        tcb_t *t;

        taskENTER_CRITICAL();
        t = (tcb_t *)listGET_OWNER_OF_HEAD_ENTRY(&sched.deleted);
        (void)uxListRemove(&t->state_item);
        taskEXIT_CRITICAL();
        task_free(t);
    }
}

static void idle_task(void *arg)
{
    (void)arg;
    for (;;) {
        free_deleted_tasks();
        if (!configUSE_PREEMPTION ||
            (configIDLE_SHOULD_YIELD &&
             listCURRENT_LIST_LENGTH(&sched.ready[tskIDLE_PRIORITY]) > 1)) {
            taskYIELD();
        }
        if (configUSE_IDLE_HOOK) {
            vApplicationIdleHook();
        }
        portIDLE_HOOK();
    }
}

BaseType_t idle_task_create(void)
{
#if configSUPPORT_STATIC_ALLOCATION
    StaticTask_t *tcb = NULL;
    StackType_t *stack = NULL;
    configSTACK_DEPTH_TYPE depth = 0;

    vApplicationGetIdleTaskMemory(&tcb, &stack, &depth);
    sched.idle = xTaskCreateStatic(idle_task, configIDLE_TASK_NAME, depth, NULL,
                                   tskIDLE_PRIORITY | portPRIVILEGE_BIT, stack, tcb);
    return sched.idle != NULL ? pdPASS : pdFAIL;
#else
    return xTaskCreate(idle_task, configIDLE_TASK_NAME, configMINIMAL_STACK_SIZE, NULL,
                       tskIDLE_PRIORITY | portPRIVILEGE_BIT, &sched.idle);
#endif
}
