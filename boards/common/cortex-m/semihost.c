/* SPDX-License-Identifier: MIT */
/*
 * semihost.c: the Arm semihosting calls the boards need: ending the run
 * with a status (SYS_EXIT_EXTENDED, reason ADP_Stopped_ApplicationExit,
 * which QEMU turns into its own exit status), reading the command line, and
 * writing a string or bytes to the debugger's console (SYS_WRITE0,
 * SYS_WRITEC), which works before a board has a console of its own and for
 * boards whose UART carries something else.
 * A semihosting call is BKPT 0xAB with the operation in r0 and a pointer to
 * its parameter block in r1; QEMU must run with -semihosting-config
 * enable=on (tools/qemu-run does).
 */
#include "board.h"

#define SYS_WRITEC 0x03u
#define SYS_WRITE0 0x04u
#define SYS_GET_CMDLINE 0x15u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static uint32_t semihost_call(uint32_t op, void *block)
{
    register uint32_t r0 __asm("r0") = op;
    register void *r1 __asm("r1") = block;

    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_exit(int status)
{
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};

    for (;;) {
        (void)semihost_call(SYS_EXIT_EXTENDED, block);
    }
}

char *board_cmdline(char *buf, size_t size)
{
    uint32_t block[2] = {(uint32_t)(uintptr_t)buf, (uint32_t)size};

    if (size == 0) {
        return buf;
    }
    buf[0] = '\0';
    if (semihost_call(SYS_GET_CMDLINE, block) != 0u) {
        buf[0] = '\0';
    }
    return buf;
}

void board_semihost_puts(const char *s)
{
    (void)semihost_call(SYS_WRITE0, (void *)(uintptr_t)s);
}

void board_semihost_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        (void)semihost_call(SYS_WRITEC, &c);
    }
}
