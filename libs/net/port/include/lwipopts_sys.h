/* SPDX-License-Identifier: MIT */
/*
 * lwipopts_sys.h: lwIP on the Quartz kernel (NO_SYS=0), the same for the POSIX port and the
 * boards: how lwIP's threads and locks map onto tasks, and the APIs and statistics built.
 * Their lwipopts.h includes it after setting the sizes (stacks, mailboxes) it leaves to them.
 *
 * Threading: the tcpip thread, and lwIP's core locking, so socket and netconn calls run lwIP's
 * code in the calling task under one mutex (lock_tcpip_core) instead of posting every call to
 * the tcpip thread. Received frames still go through the tcpip thread's mailbox. Stack sizes
 * are in StackType_t words (sys_thread_new()).
 */
#ifndef QUARTZ_LWIPOPTS_SYS_H
#define QUARTZ_LWIPOPTS_SYS_H

#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
#define LWIP_ASSERT_CORE_LOCKED() qnet_assert_core_locked()
void qnet_assert_core_locked(void);
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_PRIO 6 /* below the drivers' receive tasks (7), above application tasks */
/* Thread-local storage slot (per task) holding the socket errno: see quartz_net/sys_net.h. */
#define QUARTZ_NET_ERRNO_TLS_INDEX 1

#define LWIP_NETIF_HOSTNAME 1
#define LWIP_NETIF_API 1
#define LWIP_NETCONN 1
#define LWIP_SOCKET 1
#define LWIP_SOCKET_SELECT 1
#define LWIP_SOCKET_POLL 1
#define LWIP_COMPAT_SOCKETS 1
/* No close()/read()/ioctl() macros: on the host they would shadow the C library's own. */
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SO_RCVTIMEO 1
#define LWIP_SO_SNDTIMEO 1
#define LWIP_SO_RCVBUF 1
#define LWIP_SO_LINGER 1
#define SO_REUSE 1
#define LWIP_TCP_CLOSE_TIMEOUT_MS_DEFAULT 5000

#define LWIP_STATS 1
#define LINK_STATS 1
#define ETHARP_STATS 1
#define IP_STATS 1
#define ICMP_STATS 1
#define UDP_STATS 1
#define TCP_STATS 1
#define MEM_STATS 1
#define MEMP_STATS 1
#define SYS_STATS 1
#define LWIP_CHECKSUM_CTRL_PER_NETIF 0

#include "lwipopts_protocols.h"

#endif /* QUARTZ_LWIPOPTS_SYS_H */
