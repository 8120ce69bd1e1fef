/* SPDX-License-Identifier: MIT */
/*
 * quartz_net/sys_net.h: what Quartz adds around lwIP for applications: starting the stack,
 * the calling task's socket errno, and seeding lwIP's random numbers. Everything else is
 * lwIP's own API (lwip/sockets.h, lwip/netdb.h, lwip/api.h, lwip/tcpip.h).
 *
 * lwIP has no shutdown: the stack is started once per program and runs until the end.
 */
#ifndef QUARTZ_NET_SYS_NET_H
#define QUARTZ_NET_SYS_NET_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Start lwIP: its tcpip thread, the loopback interface and the core lock. Call once, from a
 * task (the scheduler must be running); returns when the stack is ready for interfaces
 * (qnet_eth_add()) and sockets.
 */
void qnet_start(void);

/*
 * The last error the socket API reported to the calling task (ECONNREFUSED, EWOULDBLOCK, ...).
 * lwIP also writes the C library's errno, which every task shares on the POSIX port and which
 * another task's socket call may overwrite before this task reads it; this value is the
 * calling task's own (kept in thread-local storage slot QUARTZ_NET_ERRNO_TLS_INDEX).
 */
int qnet_errno(void);

/* Mix entropy (a hardware RNG, an unconnected ADC, a MAC address) into lwIP's LWIP_RAND(). */
void qnet_rand_seed(uint32_t seed);

/* Used by lwIP through arch/cc.h and lwipopts.h; not for applications. */
void qnet_set_errno(int err);
uint32_t qnet_rand(void);
void qnet_assert_core_locked(void);
void qnet_platform_assert(const char *msg, int line, const char *file);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_SYS_NET_H */
