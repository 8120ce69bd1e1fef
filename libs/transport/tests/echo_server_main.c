/* SPDX-License-Identifier: MIT */
/*
 * transport_echo_server: the qualification suite's peer as a stand-alone host program, for
 * running the suite from a board (QEMU) whose network reaches the host. Prints the three ports
 * on one line ("echo N close N refused N") and serves until killed.
 */
#include "echo_server.h"

#include <stdio.h>
#include <unistd.h>

int main(void)
{
    struct echo_server server;

    if (echo_server_start(&server) != 0) {
        fprintf(stderr, "transport_echo_server: cannot bind 127.0.0.1\n");
        return 1;
    }
    printf("echo %u close %u refused %u\n", server.echo_port, server.close_port,
           server.refused_port);
    fflush(stdout);
    for (;;) {
        pause();
    }
}
