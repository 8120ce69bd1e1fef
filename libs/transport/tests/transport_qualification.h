/* SPDX-License-Identifier: MIT */
/*
 * transport_qualification.h: the qualification suite every transport_interface.h
 * implementation must pass (a board's lwIP sockets, TLS, the POSIX host transport).
 *
 * The suite talks to an echo server (tests/echo_server.h, or the stand-alone
 * transport_echo_server program for a board that reaches the host) and checks what the
 * protocol libraries rely on: payloads of 1 byte to 64 KiB arrive intact in order; send and
 * recv may move fewer bytes than asked and the rest follows; recv with no data returns 0, not an
 * error and not a block; a peer closing shows as a negative return; a context can be closed and
 * connected again; writev (when present) gathers in order; and two connections used by two tasks
 * at once do not disturb each other.
 *
 * A port fills a tq_target and runs the cases with the qtest harness:
 *
 *     tq_target = &my_target;
 *     return qtest_run(tq_cases, tq_case_count);
 */
#ifndef TRANSPORT_QUALIFICATION_H
#define TRANSPORT_QUALIFICATION_H

#include "qtest.h"
#include "transport_interface.h"

struct tq_target {
    const char *host;      /* the echo server's address, e.g. "127.0.0.1" */
    uint16_t echo_port;    /* echoes everything */
    uint16_t close_port;   /* sends ECHO_SERVER_BANNER then closes */
    uint16_t refused_port; /* nothing listens: connecting must fail */
    /* Two distinct contexts the cases connect and disconnect; unconnected at start and end. */
    NetworkContext_t *contexts[2];
    /* Connects ctx to host:port within a few seconds; 0 on success, nonzero on failure. */
    int (*connect)(NetworkContext_t *ctx, const char *host, uint16_t port);
    void (*disconnect)(NetworkContext_t *ctx);
    /* Fills in the transport's functions for ctx. */
    void (*interface)(TransportInterface_t *transport, NetworkContext_t *ctx);
};

extern const struct tq_target *tq_target;
extern const struct qtest_case tq_cases[];
extern const size_t tq_case_count;

#endif /* TRANSPORT_QUALIFICATION_H */
