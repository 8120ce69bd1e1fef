/* SPDX-License-Identifier: MIT */
/*
 * test_net_sys_arch.c: lwIP's OS layer on Quartz (port/sys_arch.c) on its own, without the
 * stack running: semaphores, mutexes, mailboxes, threads, time and the per-task errno. Built
 * with the default configuration (simulated time), so every wait is asserted in exact ticks
 * (1 tick = 1 ms at its configTICK_RATE_HZ of 1000). Uses qtest's fresh scheduler per case;
 * each case frees what it creates, which the harness checks.
 */
#include "qtest.h"

#include "FreeRTOS.h"
#include "task.h"

#include "semphr.h"

#include "lwip/stats.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"
#include "quartz_net/sys_net.h"

#include <errno.h>

static void test_sys_now_follows_the_tick(void)
{
    u32_t start;

    sys_init();
    start = sys_now();
    vTaskDelay(25);
    QT_EQ(sys_now() - start, 25);
    QT_EQ(sys_jiffies(), xTaskGetTickCount());
}

static void test_sys_sem_wait_times_out_in_whole_ticks(void)
{
    sys_sem_t sem;
    TickType_t start;

    QT_EQ(sys_sem_new(&sem, 0), ERR_OK);
    QT_ASSERT(sys_sem_valid(&sem));
    start = xTaskGetTickCount();
    QT_EQ(sys_arch_sem_wait(&sem, 10), SYS_ARCH_TIMEOUT);
    QT_EQ(xTaskGetTickCount() - start, 10);
    sys_sem_free(&sem);
    QT_ASSERT(!sys_sem_valid(&sem));
}

static void test_sys_sem_counts_signals(void)
{
    sys_sem_t sem;

    QT_EQ(sys_sem_new(&sem, 1), ERR_OK);
    sys_sem_signal(&sem);
    QT_EQ(sys_arch_sem_wait(&sem, 5), 0);
    QT_EQ(sys_arch_sem_wait(&sem, 5), 0);
    QT_EQ(sys_arch_sem_wait(&sem, 5), SYS_ARCH_TIMEOUT);
    sys_sem_free(&sem);
}

static sys_sem_t signal_sem;

static void signal_later(void *arg)
{
    (void)arg;
    vTaskDelay(7);
    sys_sem_signal(&signal_sem);
}

/* A wait that ends early reports the milliseconds it took. */
static void test_sys_sem_wait_returns_time_waited(void)
{
    QT_EQ(sys_sem_new(&signal_sem, 0), ERR_OK);
    QT_ASSERT(sys_thread_new("signal", signal_later, NULL, 2048, QTEST_PRIORITY + 1) != NULL);
    QT_EQ(sys_arch_sem_wait(&signal_sem, 0), 7);
    vTaskDelay(1); /* the thread's task deletes itself once its function returns */
    sys_sem_free(&signal_sem);
}

static void test_sys_mbox_is_fifo_and_bounded(void)
{
    sys_mbox_t mbox;
    int a = 1, b = 2;
    void *msg = NULL;

    QT_EQ(sys_mbox_new(&mbox, 2), ERR_OK);
    QT_EQ(sys_mbox_trypost(&mbox, &a), ERR_OK);
    sys_mbox_post(&mbox, &b);
    QT_EQ(sys_mbox_trypost(&mbox, &a), ERR_MEM);
    QT_EQ(sys_arch_mbox_tryfetch(&mbox, &msg), 0);
    QT_PTR_EQ(msg, &a);
    QT_EQ(sys_arch_mbox_fetch(&mbox, &msg, 0), 0);
    QT_PTR_EQ(msg, &b);
    QT_EQ(sys_arch_mbox_tryfetch(&mbox, &msg), SYS_MBOX_EMPTY);
    QT_EQ(sys_arch_mbox_fetch(&mbox, NULL, 3), SYS_ARCH_TIMEOUT);
    sys_mbox_free(&mbox);
    QT_ASSERT(!sys_mbox_valid(&mbox));
}

static void test_sys_mbox_free_with_messages_counts_an_error(void)
{
    sys_mbox_t mbox;
    int a = 1;
    u16_t errors = lwip_stats.sys.mbox.err;

    QT_EQ(sys_mbox_new(&mbox, 1), ERR_OK);
    sys_mbox_post(&mbox, &a);
    sys_mbox_free(&mbox);
    QT_EQ(lwip_stats.sys.mbox.err, errors + 1);
}

static void test_sys_mutex_excludes_and_tracks_stats(void)
{
    sys_mutex_t mutex;
    u16_t used = lwip_stats.sys.mutex.used;

    QT_EQ(sys_mutex_new(&mutex), ERR_OK);
    QT_EQ(lwip_stats.sys.mutex.used, used + 1);
    sys_mutex_lock(&mutex);
    QT_ASSERT(xSemaphoreGetMutexHolder(mutex.handle) == xTaskGetCurrentTaskHandle());
    sys_mutex_unlock(&mutex);
    QT_PTR_EQ(xSemaphoreGetMutexHolder(mutex.handle), NULL);
    sys_mutex_free(&mutex);
    QT_EQ(lwip_stats.sys.mutex.used, used);
}

static volatile int other_errno;

static void set_other_errno(void *arg)
{
    (void)arg;
    qnet_set_errno(ECONNRESET);
    other_errno = qnet_errno();
}

/* Each task keeps its own socket errno, whatever other tasks' calls report meanwhile. */
static void test_qnet_errno_is_per_task(void)
{
    qnet_set_errno(EWOULDBLOCK);
    QT_EQ(errno, EWOULDBLOCK);
    QT_ASSERT(sys_thread_new("errno", set_other_errno, NULL, 2048, QTEST_PRIORITY + 1) != NULL);
    QT_EQ(other_errno, ECONNRESET);
    QT_EQ(qnet_errno(), EWOULDBLOCK);
    vTaskDelay(1);
}

static void test_qnet_rand_varies(void)
{
    uint32_t a = qnet_rand(), b = qnet_rand();

    qnet_rand_seed(0x12345678u);
    QT_ASSERT(a != b && b != qnet_rand());
}

static void check_core_lock_unheld(void *arg)
{
    (void)arg;
    if (sys_mutex_new(&lock_tcpip_core) == ERR_OK) {
        qnet_assert_core_locked();
    }
}

/* An lwIP core call without the core lock trips configASSERT (through LWIP_ASSERT). */
static void test_core_lock_check_rejects_unlocked_caller(void)
{
    QT_EXPECT_ASSERT(check_core_lock_unheld, NULL);
}

QTEST_MAIN(QTEST_CASE(test_sys_now_follows_the_tick),
           QTEST_CASE(test_sys_sem_wait_times_out_in_whole_ticks),
           QTEST_CASE(test_sys_sem_counts_signals),
           QTEST_CASE(test_sys_sem_wait_returns_time_waited),
           QTEST_CASE(test_sys_mbox_is_fifo_and_bounded),
           QTEST_CASE(test_sys_mbox_free_with_messages_counts_an_error),
           QTEST_CASE(test_sys_mutex_excludes_and_tracks_stats),
           QTEST_CASE(test_qnet_errno_is_per_task), QTEST_CASE(test_qnet_rand_varies),
           QTEST_CASE(test_core_lock_check_rejects_unlocked_caller))
