/* SPDX-License-Identifier: MIT */
/*
 * syscalls.c: the hooks picolibc needs on a bare-metal RISC-V board. stdout
 * and stderr are one stream writing to the board console; there is no stdin
 * and no file system; malloc's sbrk (in picolibc) takes the RAM between
 * __heap_start and __heap_end from the linker script; _exit and kill end the
 * run through board_exit, so exit(status) and abort() become QEMU's exit
 * status.
 *
 * Locking: none. picolibc's stdio and malloc are not protected between tasks,
 * and errno is one for all of them: tasks that print must take turns, e.g.
 * under vTaskSuspendAll() or a mutex.
 */
#include "board.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#define EXIT_SIGNAL_BASE 128

static int console_put(char c, FILE *file)
{
    (void)file;
    board_console_write(&c, 1);
    return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &console;
FILE *const stderr = &console;

void _exit(int status)
{
    board_exit(status);
}

int kill(pid_t pid, int sig)
{
    (void)pid;
    board_exit(EXIT_SIGNAL_BASE + sig); /* abort() raises SIGABRT: exit like a shell would */
}

pid_t getpid(void)
{
    return 1;
}
