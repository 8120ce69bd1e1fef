/* SPDX-License-Identifier: MIT */
/*
 * net_time.c: the wall clock SNTP sets (quartz_net/net_time.h). The last answer's Unix time
 * and the tick count when it arrived are the clock's base; the time now is the base plus the
 * ticks since. The base is written by the tcpip thread and read by any task, always inside a
 * critical section so a reader never sees half of an update.
 */
#include "quartz_net/net_time.h"

#include "FreeRTOS.h"
#include "task.h"

static uint32_t base_sec;
static uint32_t base_usec;
static TickType_t base_tick;
static int synced;

void qnet_sntp_set_time(uint32_t sec, uint32_t usec)
{
    taskENTER_CRITICAL();
    base_sec = sec;
    base_usec = usec;
    base_tick = xTaskGetTickCount();
    synced = 1;
    taskEXIT_CRITICAL();
}

int qnet_time_get(uint32_t *sec, uint32_t *usec)
{
    uint64_t total_usec;
    uint32_t seconds;

    taskENTER_CRITICAL();
    if (!synced) {
        taskEXIT_CRITICAL();
        return -1;
    }
    total_usec = (uint64_t)base_usec + (uint64_t)(TickType_t)(xTaskGetTickCount() - base_tick) *
                                           1000000u / configTICK_RATE_HZ;
    seconds = base_sec;
    taskEXIT_CRITICAL();
    *sec = seconds + (uint32_t)(total_usec / 1000000u);
    *usec = (uint32_t)(total_usec % 1000000u);
    return 0;
}
