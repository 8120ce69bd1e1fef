/* SPDX-License-Identifier: MIT */
/*
 * idle.c: the idle task. It frees tasks that deleted themselves, yields to
 * other idle-priority tasks, calls the idle hook and lets the port idle the
 * processor (portIDLE_HOOK; on the POSIX port in simulated time this is where
 * time moves on). It never blocks: there must always be a ready task.
 *
 * Tickless idle (configUSE_TICKLESS_IDLE): when no task is due for at least
 * configEXPECTED_IDLE_TIME_BEFORE_SLEEP ticks, the idle task suspends the
 * scheduler and hands the port the number of ticks until the next wake time
 * (portSUPPRESS_TICKS_AND_SLEEP). The port stretches its tick to that wake
 * time, sleeps, and steps the tick count by the ticks that passed
 * (vTaskStepTick); the scheduler, suspended throughout, runs the woken tasks
 * when it resumes. Interrupts may still ready tasks meanwhile: the port checks
 * eTaskConfirmSleepModeStatus() with interrupts masked right before it sleeps.
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

#if configUSE_TICKLESS_IDLE
/* Ticks the idle task may sleep: 0 when anything but it could run now. Scheduler suspended. */
static TickType_t expected_idle_ticks(void)
{
    if (sched.yield_pending || sched.pended_ticks != 0 ||
        sched_current->priority != tskIDLE_PRIORITY ||
        sched_ready_several(tskIDLE_PRIORITY)) {
        return 0;
    }
    /* next_unblock is portMAX_DELAY with nothing delayed this epoch: sleep to the wrap at most. */
    return (TickType_t)(sched.next_unblock - sched.tick_count);
}

static void suppress_ticks(void)
{
    /* A cheap unlocked look first: most idle passes have a task due within the threshold. */
    const TickType_t until_next = (TickType_t)(sched.next_unblock - sched.tick_count);
    TickType_t expected;

    if (until_next < configEXPECTED_IDLE_TIME_BEFORE_SLEEP) {
        return;
    }
    vTaskSuspendAll();
    expected = expected_idle_ticks();
    if (expected >= configEXPECTED_IDLE_TIME_BEFORE_SLEEP) {
        traceLOW_POWER_IDLE_BEGIN();
        portSUPPRESS_TICKS_AND_SLEEP(expected);
        traceLOW_POWER_IDLE_END();
    }
    (void)xTaskResumeAll();
}
#endif /* configUSE_TICKLESS_IDLE */

static void idle_task(void *arg)
{
    (void)arg;
    for (;;) {
        free_deleted_tasks();
        if (!configUSE_PREEMPTION ||
            (configIDLE_SHOULD_YIELD &&
             sched_ready_several(tskIDLE_PRIORITY))) {
            taskYIELD();
        }
        if (configUSE_IDLE_HOOK) {
            vApplicationIdleHook();
        }
#if configUSE_TICKLESS_IDLE
        suppress_ticks(); /* one definition: coverage tools merge a function's counts by line */
#endif
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
