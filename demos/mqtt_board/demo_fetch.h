/* SPDX-License-Identifier: MIT */
/*
 * demo_fetch.h: the board MQTT demo's HTTP download: a file fetched from the host's HTTP
 * server in Range parts over one kept-alive connection, its bytes counted and checksummed
 * (CRC-32, the polynomial of zlib and Ethernet) as they arrive, never held whole.
 */
#ifndef DEMO_FETCH_H
#define DEMO_FETCH_H

#include <stdint.h>

struct fetch_result {
    uint32_t bytes; /* the file's length (from Content-Range) and bytes received */
    uint32_t crc32;
    unsigned parts; /* Range requests made */
};

/* Fetches `path` from BOARD_NET_HOST:port; returns 0 on success with *out filled. */
int demo_fetch(uint16_t port, const char *path, struct fetch_result *out);

#endif /* DEMO_FETCH_H */
