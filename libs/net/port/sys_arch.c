/* SPDX-License-Identifier: MIT */
/*
 * sys_arch.c: lwIP's operating-system layer (lwip/sys.h) over the Quartz kernel, for every
 * board: lwIP threads are tasks, semaphores are counting semaphores, mutexes are kernel mutexes
 * (so lwIP's core lock inherits priority), mailboxes are queues of pointers, and time is the
 * tick count. Also the per-task errno, the random numbers and the core-lock check lwIP's
 * headers ask for (arch/cc.h, lwipopts.h).
 *
 * Rules this file relies on:
 * - Nothing here runs from an interrupt except sys_mbox_trypost_fromisr(). Drivers never call
 *   lwIP from a handler: they wake their task (qnet_eth_rx_isr()), which does.
 * - sys_arch_protect() is a kernel critical section, which nests by itself, so sys_prot_t
 *   carries nothing.
 * - Timeouts are milliseconds in lwIP and ticks in the kernel; waits round up to whole ticks
 *   so that a wait never ends early.
 */
#include "lwip/opt.h"
#include "lwip/stats.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"

#include "FreeRTOS.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"

#include "quartz_net/sys_net.h"

#include <stdint.h>
#include <stdio.h>

#if NO_SYS
#error "libs/net/port/sys_arch.c is the NO_SYS=0 OS layer; NO_SYS builds must not compile it"
#endif /* NO_SYS */
#if TCPIP_THREAD_PRIO >= configMAX_PRIORITIES
#error "TCPIP_THREAD_PRIO (lwipopts.h) must be below configMAX_PRIORITIES"
#endif /* TCPIP_THREAD_PRIO >= configMAX_PRIORITIES */
#ifndef QUARTZ_NET_ERRNO_TLS_INDEX
#error "lwipopts.h must define QUARTZ_NET_ERRNO_TLS_INDEX, the per-task errno's TLS slot"
#endif /* QUARTZ_NET_ERRNO_TLS_INDEX */
#if configNUM_THREAD_LOCAL_STORAGE_POINTERS <= QUARTZ_NET_ERRNO_TLS_INDEX
#error "per-task errno: configNUM_THREAD_LOCAL_STORAGE_POINTERS <= QUARTZ_NET_ERRNO_TLS_INDEX"
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS <= QUARTZ_NET_ERRNO_TLS_INDEX */
#if !configUSE_MUTEXES || !configUSE_COUNTING_SEMAPHORES
#error "lwIP on Quartz needs configUSE_MUTEXES and configUSE_COUNTING_SEMAPHORES"
#endif /* !configUSE_MUTEXES || !configUSE_COUNTING_SEMAPHORES */
#if !INCLUDE_xSemaphoreGetMutexHolder
#error "lwIP's core-lock check on Quartz needs INCLUDE_xSemaphoreGetMutexHolder"
#endif
#if !configSUPPORT_DYNAMIC_ALLOCATION
#error "lwIP's sys_arch on Quartz needs configSUPPORT_DYNAMIC_ALLOCATION"
#endif /* !configSUPPORT_DYNAMIC_ALLOCATION */

/* Wraps an lwIP thread so its function may return, which a task function must not do. */
struct thread_start {
    lwip_thread_fn fn;
    void *arg;
};

/* sys_now()'s millisecond clock, extended across tick-counter wraps (see sys_now()). */
static uint32_t now_ms;
static TickType_t now_last_tick;
static uint32_t now_rem; /* ms * rate not yet turned into whole milliseconds */

static uint32_t rand_state = 0x9e3779b9u;

static TickType_t ms_to_ticks(u32_t ms)
{
    uint64_t ticks = ((uint64_t)ms * configTICK_RATE_HZ + 999u) / 1000u;

    if (ticks == 0) {
        ticks = 1;
    }
    if (ticks >= (uint64_t)portMAX_DELAY) {
        ticks = (uint64_t)portMAX_DELAY - 1u;
    }
    return (TickType_t)ticks;
}

static u32_t ticks_to_ms(TickType_t ticks)
{
    return (u32_t)(((uint64_t)ticks * 1000u) / configTICK_RATE_HZ);
}

void sys_init(void)
{
    now_ms = 0;
    now_rem = 0;
    now_last_tick = xTaskGetTickCount();
}

/*
 * Milliseconds since sys_init(). lwIP's timers expect the value to wrap at 2^32 ms, while the
 * tick counter wraps at 2^N ticks; accumulating the difference since the last call keeps the
 * clock continuous at any tick rate, provided it is read at least once per tick-counter period
 * (the tcpip thread's timers do so every second).
 */
u32_t sys_now(void)
{
    u32_t result;

    taskENTER_CRITICAL();
    TickType_t now = xTaskGetTickCount();
    uint64_t scaled = (uint64_t)(TickType_t)(now - now_last_tick) * 1000u + now_rem;
    now_last_tick = now;
    now_ms += (uint32_t)(scaled / configTICK_RATE_HZ);
    now_rem = (uint32_t)(scaled % configTICK_RATE_HZ);
    result = now_ms;
    taskEXIT_CRITICAL();
    return result;
}

u32_t sys_jiffies(void)
{
    return (u32_t)xTaskGetTickCount();
}

sys_prot_t sys_arch_protect(void)
{
    taskENTER_CRITICAL();
    return 0;
}

void sys_arch_unprotect(sys_prot_t pval)
{
    (void)pval;
    taskEXIT_CRITICAL();
}

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
    sem->handle = xSemaphoreCreateCounting(0xffff, count);
    if (sem->handle == NULL) {
        SYS_STATS_INC(sem.err);
        return ERR_MEM;
    }
    SYS_STATS_INC_USED(sem);
    return ERR_OK;
}

void sys_sem_signal(sys_sem_t *sem)
{
    (void)xSemaphoreGive((SemaphoreHandle_t)sem->handle);
}

/* Waits for at most timeout ms (0: forever); returns the ms waited or SYS_ARCH_TIMEOUT. */
u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
    TickType_t start = xTaskGetTickCount();
    TickType_t wait = timeout == 0 ? portMAX_DELAY : ms_to_ticks(timeout);

    if (xSemaphoreTake((SemaphoreHandle_t)sem->handle, wait) != pdTRUE) {
        return SYS_ARCH_TIMEOUT;
    }
    return ticks_to_ms(xTaskGetTickCount() - start);
}

void sys_sem_free(sys_sem_t *sem)
{
    SYS_STATS_DEC(sem.used);
    vSemaphoreDelete((SemaphoreHandle_t)sem->handle);
    sem->handle = NULL;
}

err_t sys_mutex_new(sys_mutex_t *mutex)
{
    mutex->handle = xSemaphoreCreateMutex();
    if (mutex->handle == NULL) {
        SYS_STATS_INC(mutex.err);
        return ERR_MEM;
    }
    SYS_STATS_INC_USED(mutex);
    return ERR_OK;
}

void sys_mutex_lock(sys_mutex_t *mutex)
{
    (void)xSemaphoreTake((SemaphoreHandle_t)mutex->handle, portMAX_DELAY);
}

void sys_mutex_unlock(sys_mutex_t *mutex)
{
    (void)xSemaphoreGive((SemaphoreHandle_t)mutex->handle);
}

void sys_mutex_free(sys_mutex_t *mutex)
{
    SYS_STATS_DEC(mutex.used);
    vSemaphoreDelete((SemaphoreHandle_t)mutex->handle);
    mutex->handle = NULL;
}

err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
    mbox->handle = size > 0 ? xQueueCreate((UBaseType_t)size, sizeof(void *)) : NULL;
    if (mbox->handle == NULL) {
        SYS_STATS_INC(mbox.err);
        return ERR_MEM;
    }
    SYS_STATS_INC_USED(mbox);
    return ERR_OK;
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
    (void)xQueueSendToBack((QueueHandle_t)mbox->handle, &msg, portMAX_DELAY);
}

err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
    if (xQueueSendToBack((QueueHandle_t)mbox->handle, &msg, 0) != pdTRUE) {
        SYS_STATS_INC(mbox.err);
        return ERR_MEM;
    }
    return ERR_OK;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
    BaseType_t woken = pdFALSE;

    if (xQueueSendToBackFromISR((QueueHandle_t)mbox->handle, &msg, &woken) != pdTRUE) {
        return ERR_MEM;
    }
    portYIELD_FROM_ISR(woken);
    return ERR_OK;
}

/* Waits for at most timeout ms (0: forever); msg may be NULL to drop the message. */
u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
    TickType_t start = xTaskGetTickCount();
    TickType_t wait = timeout == 0 ? portMAX_DELAY : ms_to_ticks(timeout);
    void *item;

    if (xQueueReceive((QueueHandle_t)mbox->handle, &item, wait) != pdTRUE) {
        return SYS_ARCH_TIMEOUT;
    }
    if (msg != NULL) {
        *msg = item;
    }
    return ticks_to_ms(xTaskGetTickCount() - start);
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
    void *item;

    if (xQueueReceive((QueueHandle_t)mbox->handle, &item, 0) != pdTRUE) {
        return SYS_MBOX_EMPTY;
    }
    if (msg != NULL) {
        *msg = item;
    }
    return 0;
}

/* lwIP frees only drained mailboxes; messages still queued would leak, so they count as errors. */
void sys_mbox_free(sys_mbox_t *mbox)
{
    if (uxQueueMessagesWaiting((QueueHandle_t)mbox->handle) != 0) {
        SYS_STATS_INC(mbox.err);
    }
    SYS_STATS_DEC(mbox.used);
    vQueueDelete((QueueHandle_t)mbox->handle);
    mbox->handle = NULL;
}

static void thread_trampoline(void *arg)
{
    struct thread_start start = *(struct thread_start *)arg;

    vPortFree(arg);
    start.fn(start.arg);
    vTaskDelete(NULL);
}

/* stacksize is in StackType_t words, as for xTaskCreate (lwipopts.h sizes are in words). */
sys_thread_t sys_thread_new(const char *name, lwip_thread_fn thread, void *arg, int stacksize,
                            int prio)
{
    struct thread_start *start = pvPortMalloc(sizeof(*start));
    TaskHandle_t task = NULL;

    LWIP_ASSERT("sys_thread_new: no memory", start != NULL);
    start->fn = thread;
    start->arg = arg;
    if (xTaskCreate(thread_trampoline, name, (configSTACK_DEPTH_TYPE)stacksize, start,
                    (UBaseType_t)prio, &task) != pdPASS) {
        vPortFree(start);
        LWIP_ASSERT("sys_thread_new: cannot create the task", 0);
    }
    return task;
}

/*
 * lwIP calls this (LWIP_ASSERT_CORE_LOCKED in lwipopts.h) at the top of every core function:
 * the caller must hold the core lock. Before tcpip_init() has created the lock only
 * lwip_init() runs, on one task, so there is nothing to check yet.
 */
void qnet_assert_core_locked(void)
{
    SemaphoreHandle_t lock = (SemaphoreHandle_t)lock_tcpip_core.handle;

    if (lock == NULL || xTaskGetSchedulerState() == taskSCHEDULER_NOT_STARTED) {
        return;
    }
    LWIP_ASSERT("lwIP core function called without the core lock (LOCK_TCPIP_CORE)",
                xSemaphoreGetMutexHolder(lock) == xTaskGetCurrentTaskHandle());
}

void qnet_set_errno(int err)
{
    vTaskSetThreadLocalStoragePointer(NULL, QUARTZ_NET_ERRNO_TLS_INDEX, (void *)(intptr_t)err);
    errno = err;
}

int qnet_errno(void)
{
    return (int)(intptr_t)pvTaskGetThreadLocalStoragePointer(NULL, QUARTZ_NET_ERRNO_TLS_INDEX);
}

/* xorshift32: DNS ids, source ports and TCP sequence numbers; boards seed it with entropy. */
uint32_t qnet_rand(void)
{
    uint32_t x;

    taskENTER_CRITICAL();
    x = rand_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rand_state = x;
    taskEXIT_CRITICAL();
    return x;
}

void qnet_rand_seed(uint32_t seed)
{
    taskENTER_CRITICAL();
    rand_state ^= seed;
    if (rand_state == 0) {
        rand_state = 0x9e3779b9u;
    }
    taskEXIT_CRITICAL();
}

void qnet_platform_assert(const char *msg, int line, const char *file)
{
    printf("lwIP assertion \"%s\" failed at %s:%d\n", msg, file, line);
    fflush(stdout);
    configASSERT(0);
    /* Without configASSERT: stop here rather than run on with the stack's state broken. */
    taskDISABLE_INTERRUPTS();
    for (;;) {
    }
}

static void started(void *arg)
{
    xSemaphoreGive((SemaphoreHandle_t)arg);
}

void qnet_start(void)
{
    static int done;
    SemaphoreHandle_t up = xSemaphoreCreateBinary();

    configASSERT(!done && up != NULL); /* lwIP cannot be initialised twice */
    done = 1;
    tcpip_init(started, up);
    (void)xSemaphoreTake(up, portMAX_DELAY);
    vSemaphoreDelete(up);
}
