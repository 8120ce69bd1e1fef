/* SPDX-License-Identifier: MIT */
/*
 * port_time.c: the POSIX port's tick source, in one of two modes.
 *
 * Simulated time (configPOSIX_SIMULATED_TIME 1): there is no host timer and
 * no signal. A tick interrupt is raised once per idle-loop pass and once per
 * tick a task spends in posix_busy_ticks(); everything is synchronous, so two
 * runs of the same program schedule identically.
 *
 * Real time (0): a POSIX timer on CLOCK_MONOTONIC sends a real-time signal to
 * the kernel thread only, every 1/configTICK_RATE_HZ s. The handler counts the
 * tick and, if the interrupted code has interrupts unmasked, takes the pending
 * interrupts itself, possibly switching task from inside the handler (the
 * suspended task resumes there later and returns from the handler normally).
 * Other threads raising lines send the same signal to wake the kernel thread.
 * The idle task sleeps in sigsuspend, so an idle system costs no host CPU.
 */
#define _GNU_SOURCE
#include "port_private.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef configPOSIX_TICK_SIGNAL
#define configPOSIX_TICK_SIGNAL SIGRTMIN
#endif

#define SIMULATED (configPOSIX_SIMULATED_TIME != 0)

/* Older glibc names the SIGEV_THREAD_ID target only through its union. */
#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static timer_t tick_timer;
static struct sigaction saved_action;
static pid_t kernel_tid;

static void tick_handler(int sig, siginfo_t *info, void *uc)
{
    int saved_errno = errno;

    (void)sig;
    (void)uc;
    if (info->si_code == SI_TIMER) {
        /* Expirations the kernel merged while the signal was pending are ticks too. */
        port_raise_ticks(1ul + (info->si_overrun > 0 ? (unsigned long)info->si_overrun : 0ul));
    }
    port_run_pending(); /* does nothing if the interrupted code is masked or a handler */
    errno = saved_errno;
}

static void signal_set(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, configPOSIX_TICK_SIGNAL);
}

static void start_timer(void)
{
    struct sigaction sa;
    struct sigevent sev;
    struct itimerspec period;
    long ns = 1000000000L / (long)configTICK_RATE_HZ;
    int rc;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = tick_handler;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    rc = sigaction(configPOSIX_TICK_SIGNAL, &sa, &saved_action);
    configASSERT(rc == 0);

    kernel_tid = gettid();
    memset(&sev, 0, sizeof(sev));
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = configPOSIX_TICK_SIGNAL;
    sev.sigev_notify_thread_id = kernel_tid;
    rc = timer_create(CLOCK_MONOTONIC, &sev, &tick_timer);
    configASSERT(rc == 0); /* no timer: the scheduler would never tick */

    period.it_interval.tv_sec = ns / 1000000000L;
    period.it_interval.tv_nsec = ns % 1000000000L;
    period.it_value = period.it_interval;
    rc = timer_settime(tick_timer, 0, &period, NULL);
    configASSERT(rc == 0);
    (void)rc;
}

void port_time_start(void)
{
    sigset_t mask;

    /* Tasks start with the kernel thread's signal mask, less the tick signal. */
    (void)pthread_sigmask(SIG_SETMASK, NULL, &mask);
    if (!SIMULATED) {
        sigdelset(&mask, configPOSIX_TICK_SIGNAL);
    }
    port.task_sigmask = mask;
    if (!SIMULATED) {
        start_timer();
    }
}

void port_time_stop(void)
{
    sigset_t set, old;
    struct timespec now = {0, 0};

    if (SIMULATED) {
        return;
    }
    signal_set(&set);
    (void)pthread_sigmask(SIG_BLOCK, &set, &old);
    (void)timer_delete(tick_timer);
    /* `running` is clear: wait out raisers that saw it set, then swallow what they sent. */
    while (atomic_load(&port.kickers) != 0) {
        (void)sched_yield();
    }
    while (sigtimedwait(&set, NULL, &now) > 0) {
    }
    (void)sigaction(configPOSIX_TICK_SIGNAL, &saved_action, NULL);
    (void)pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void port_time_kick(void)
{
    int saved_errno = errno;

    if (SIMULATED) {
        return; /* taken at the kernel thread's next unmask or idle pass */
    }
    atomic_fetch_add(&port.kickers, 1);
    if (atomic_load(&port.running)) {
        (void)syscall(SYS_tgkill, (long)getpid(), (long)kernel_tid, (long)configPOSIX_TICK_SIGNAL);
    }
    atomic_fetch_sub(&port.kickers, 1);
    errno = saved_errno;
}

/*
 * Real time: sleep until the tick signal has been handled, unless ready(arg)
 * already holds. The signal is blocked around the test so that one arriving
 * just after it still ends the sleep.
 */
static void sleep_unless(bool (*ready)(const void *), const void *arg)
{
    sigset_t set, old, during;

    signal_set(&set);
    (void)pthread_sigmask(SIG_BLOCK, &set, &old);
    if (!ready(arg)) {
        during = old;
        sigdelset(&during, configPOSIX_TICK_SIGNAL);
        (void)sigsuspend(&during);
    }
    (void)pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static bool work_pending(const void *arg)
{
    (void)arg;
    return port_work_pending();
}

static bool ticks_reached(const void *arg)
{
    const unsigned long *until = arg;

    return (long)(atomic_load(&port.ticks_raised) - *until) >= 0;
}

void posix_port_idle_hook(void)
{
    if (SIMULATED) {
        port_raise_ticks(1);
    } else {
        sleep_unless(work_pending, NULL);
    }
    port_run_pending();
}

void posix_busy_ticks(TickType_t n)
{
    configASSERT(!atomic_load(&port.running) || pthread_equal(pthread_self(), port.kernel_thread));
    if (SIMULATED) {
        for (TickType_t i = 0; i < n; i++) {
            port_raise_ticks(1);
            port_run_pending(); /* the caller may be preempted by each tick */
        }
    } else {
        unsigned long until = atomic_load(&port.ticks_raised) + (unsigned long)n;

        while (!ticks_reached(&until)) {
            sleep_unless(ticks_reached, &until);
        }
    }
}

BaseType_t posix_time_is_simulated(void)
{
    return SIMULATED ? pdTRUE : pdFALSE;
}
