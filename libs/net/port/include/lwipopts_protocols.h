/* SPDX-License-Identifier: MIT */
/*
 * lwipopts_protocols.h: which protocols lwIP builds for Quartz, the same everywhere. Each
 * lwipopts.h (the POSIX port's, the boards', the fuzz target's) includes it and keeps only
 * what differs: threading (NO_SYS), memory and window sizes, the APIs. lwIP's opt.h gives
 * every option not set here or there its default.
 */
#ifndef QUARTZ_LWIPOPTS_PROTOCOLS_H
#define QUARTZ_LWIPOPTS_PROTOCOLS_H

#define LWIP_IPV4 1
#define LWIP_IPV6 1
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 1
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_AUTOIP 0
#define LWIP_IGMP 1
#define LWIP_DNS 1
#define DNS_MAX_SERVERS 2
#define LWIP_IPV6_AUTOCONFIG 1
#define LWIP_IPV6_MLD 1
#define LWIP_IPV6_DHCP6 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define ARP_QUEUEING 1
/* SNTP (lwip/apps/sntp.h): each answer sets Quartz's network clock (quartz_net/net_time.h). */
#define SNTP_SET_SYSTEM_TIME_US(sec, us) qnet_sntp_set_time((sec), (us))
#define SNTP_STARTUP_DELAY 0

#define TCP_MSS 1460
#define TCP_QUEUE_OOSEQ 1
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_WND_SCALE 0

#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_HAVE_LOOPIF 1    /* 127.0.0.1 and ::1 */
#define LWIP_NETIF_LOOPBACK 1 /* packets to an interface's own address loop back */
#define ETH_PAD_SIZE 0

#endif /* QUARTZ_LWIPOPTS_PROTOCOLS_H */
