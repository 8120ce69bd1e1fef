/* SPDX-License-Identifier: MIT */
/*
 * echo_server.h: the host-side peer of the transport qualification suite, on 127.0.0.1.
 *
 *   echo_port     echoes every byte back until the client closes
 *   close_port    sends "bye" and closes the connection at once
 *   refused_port  a bound socket that does not listen: connecting is refused
 *
 * It runs in its own host threads (plain pthreads, all signals blocked), never as Quartz tasks,
 * so its blocking I/O does not stop the kernel thread. Start it before the scheduler.
 */
#ifndef ECHO_SERVER_H
#define ECHO_SERVER_H

#include <stdint.h>

#define ECHO_SERVER_BANNER "bye"

struct echo_server {
    uint16_t echo_port;
    uint16_t close_port;
    uint16_t refused_port;
};

/* Binds all three ports (chosen by the host) and starts serving. 0 on success. */
int echo_server_start(struct echo_server *server);

#endif /* ECHO_SERVER_H */
