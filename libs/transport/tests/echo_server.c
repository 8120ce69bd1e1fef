/* SPDX-License-Identifier: MIT */
/*
 * echo_server.c: a small blocking TCP echo server on 127.0.0.1 (see echo_server.h).
 *
 * One acceptor thread polls the two listening sockets; each accepted echo connection gets a
 * detached thread that reads and writes back until end of stream. Threads are created with
 * every signal blocked so the POSIX port's tick signal (aimed at the kernel thread anyway)
 * never lands here. The server lives until the process exits.
 */
#define _GNU_SOURCE
#include "echo_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int listen_fd[2] = {-1, -1}; /* echo, close */

/* Binds a TCP socket to 127.0.0.1 on a free port; listens if asked. Returns fd, *port set. */
static int bind_loopback(uint16_t *port, int do_listen)
{
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0) {
        return -1;
    }
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0 ||
        (do_listen && listen(fd, 16) != 0) ||
        getsockname(fd, (struct sockaddr *)&addr, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(addr.sin_port);
    return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);

        if (w <= 0) {
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void *echo_connection(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[16384];
    ssize_t n;

    while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
        if (write_all(fd, buf, (size_t)n) != 0) {
            break;
        }
    }
    close(fd);
    return NULL;
}

static void serve_close(int fd)
{
    (void)write_all(fd, ECHO_SERVER_BANNER, strlen(ECHO_SERVER_BANNER));
    (void)shutdown(fd, SHUT_RDWR);
    close(fd);
}

static void *acceptor(void *arg)
{
    struct pollfd p[2] = {{.fd = listen_fd[0], .events = POLLIN},
                          {.fd = listen_fd[1], .events = POLLIN}};

    (void)arg;
    for (;;) {
        if (poll(p, 2, -1) <= 0) {
            continue;
        }
        for (int i = 0; i < 2; i++) {
            int fd;
            pthread_t t;

            if ((p[i].revents & POLLIN) == 0 || (fd = accept(p[i].fd, NULL, NULL)) < 0) {
                continue;
            }
            if (i == 1) {
                serve_close(fd);
            } else if (pthread_create(&t, NULL, echo_connection, (void *)(intptr_t)fd) == 0) {
                pthread_detach(t);
            } else {
                close(fd);
            }
        }
    }
    return NULL;
}

int echo_server_start(struct echo_server *server)
{
    sigset_t all, old;
    pthread_t t;
    int rc;

    listen_fd[0] = bind_loopback(&server->echo_port, 1);
    listen_fd[1] = bind_loopback(&server->close_port, 1);
    /* Kept open and never listening: connections to it are refused. */
    if (listen_fd[0] < 0 || listen_fd[1] < 0 || bind_loopback(&server->refused_port, 0) < 0) {
        return -1;
    }
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&t, NULL, acceptor, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        return -1;
    }
    pthread_detach(t);
    return 0;
}
