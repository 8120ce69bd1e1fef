/* SPDX-License-Identifier: MIT */
/*
 * arch/cc.h: lwIP's compiler and platform definitions for Quartz, the same on every board
 * (lwIP includes it from lwip/arch.h; board sizing lives in each board's lwipopts.h).
 *
 * - Error numbers come from the C library's <errno.h>, so applications compare lwIP socket
 *   errors with the same ECONNREFUSED, EWOULDBLOCK, ... they use elsewhere.
 * - errno is per task: lwIP's socket layer reports errors through set_errno(), which Quartz
 *   stores in the calling task's own slot (qnet_errno(), see quartz_net/sys_net.h) and also
 *   copies to the C library's errno for code that reads it straight after the failing call.
 * - Assertions print and then trip configASSERT, like the kernel's own.
 * - struct timeval comes from the C library (lwIP's private one would clash with it).
 */
#ifndef QUARTZ_LWIP_ARCH_CC_H
#define QUARTZ_LWIP_ARCH_CC_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#define LWIP_ERRNO_STDINCLUDE 1
#define LWIP_TIMEVAL_PRIVATE 0

/* Every Quartz target (x86-64 host, Cortex-M, RV32) is little-endian; glibc says so itself. */
#ifndef BYTE_ORDER
#define BYTE_ORDER LITTLE_ENDIAN
#endif

void qnet_set_errno(int err);
#define set_errno(err)                                                                             \
    do {                                                                                           \
        if (err) {                                                                                 \
            qnet_set_errno(err);                                                                   \
        }                                                                                          \
    } while (0)

uint32_t qnet_rand(void);
void qnet_sntp_set_time(uint32_t sec, uint32_t usec); /* for SNTP_SET_SYSTEM_TIME_US */
#define LWIP_RAND() qnet_rand()

void qnet_platform_assert(const char *msg, int line, const char *file);
#define LWIP_PLATFORM_ASSERT(msg) qnet_platform_assert((msg), __LINE__, __FILE__)
#define LWIP_PLATFORM_DIAG(x)                                                                      \
    do {                                                                                           \
        printf x;                                                                                  \
    } while (0)

#endif /* QUARTZ_LWIP_ARCH_CC_H */
