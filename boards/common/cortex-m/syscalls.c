/* SPDX-License-Identifier: MIT */
/*
 * syscalls.c: the newlib system calls a bare-metal program needs. Standard
 * output and error go to the board console; there is no input and no file
 * system; _sbrk hands out the RAM between the end of .bss and the main
 * stack; _exit and _kill end the run through semihosting (board_exit), so
 * exit(status) and abort() become QEMU's exit status.
 *
 * Locking: none. newlib's stdio and malloc are not protected between tasks
 * (configUSE_NEWLIB_REENTRANT is not supported): tasks that print must take
 * turns, e.g. under vTaskSuspendAll() or a mutex.
 */
#include "board.h"

#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>

#define EXIT_SIGNAL_BASE 128

extern char __heap_start[], __heap_end[];

/* Prototypes of the system calls newlib's C library calls. */
int _write(int fd, const char *buf, int len);
int _read(int fd, char *buf, int len);
int _close(int fd);
int _lseek(int fd, int offset, int whence);
int _fstat(int fd, struct stat *st);
int _isatty(int fd);
void *_sbrk(ptrdiff_t increment);
void _exit(int status);
int _kill(int pid, int sig);
int _getpid(void);

int _write(int fd, const char *buf, int len)
{
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    board_console_write(buf, (size_t)len);
    return len;
}

int _read(int fd, char *buf, int len)
{
    (void)fd;
    (void)buf;
    (void)len;
    return 0; /* end of file */
}

int _close(int fd)
{
    (void)fd;
    errno = EBADF;
    return -1;
}

int _lseek(int fd, int offset, int whence)
{
    (void)fd;
    (void)offset;
    (void)whence;
    return 0;
}

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR; /* a terminal: stdio line-buffers it */
    return 0;
}

int _isatty(int fd)
{
    (void)fd;
    return 1;
}

void *_sbrk(ptrdiff_t increment)
{
    static char *brk = __heap_start;
    char *previous = brk;

    if (increment > __heap_end - brk || increment < __heap_start - brk) {
        errno = ENOMEM;
        return (void *)-1;
    }
    brk += increment;
    return previous;
}

void _exit(int status)
{
    board_exit(status);
}

int _kill(int pid, int sig)
{
    (void)pid;
    board_exit(EXIT_SIGNAL_BASE + sig); /* abort() raises SIGABRT: exit like a shell would */
}

int _getpid(void)
{
    return 1;
}
