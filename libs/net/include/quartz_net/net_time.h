/* SPDX-License-Identifier: MIT */
/*
 * quartz_net/net_time.h: wall-clock time from the network. lwIP's SNTP client (lwip/apps/sntp.h)
 * reports each answer through SNTP_SET_SYSTEM_TIME_US (lwipopts.h), which lands in
 * qnet_sntp_set_time(); from then on qnet_time_get() is that time plus the ticks since, so
 * reading the clock costs no network traffic and never goes backwards between answers unless
 * the server's time does.
 *
 * Starting SNTP (with the core lock held, as for any lwIP core call):
 *     LOCK_TCPIP_CORE(); sntp_setoperatingmode(SNTP_OPMODE_POLL);
 *     sntp_setserver(0, &server); sntp_init(); UNLOCK_TCPIP_CORE();
 */
#ifndef QUARTZ_NET_NET_TIME_H
#define QUARTZ_NET_NET_TIME_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Unix time now (seconds and microseconds); 0, or -1 before the first SNTP answer. */
int qnet_time_get(uint32_t *sec, uint32_t *usec);

/* lwIP's SNTP client calls this (tcpip thread) with each answer's Unix time. */
void qnet_sntp_set_time(uint32_t sec, uint32_t usec);

#ifdef __cplusplus
}
#endif

#endif /* QUARTZ_NET_NET_TIME_H */
