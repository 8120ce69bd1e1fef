/* SPDX-License-Identifier: MIT */
/*
 * startup.c: reset for Quartz's RISC-V virt boards. QEMU (-bios none) starts
 * hart 0 in M-mode at the ELF entry with every section already loaded, so
 * start-up only sets gp, sp and tp (the TLS block picolibc keeps errno in),
 * points mtvec at the port's trap entry (so that a fault in main() is
 * reported too), turns the FPU on for main() when built for one, zeroes
 * .bss and .tbss, runs constructors, initialises the board, then
 * exit(main()).
 */
#include "board.h"

#include "riscv_frame.h"
#include "riscv_port.h"

#include <stdlib.h>

extern uint32_t __bss_start[], __bss_end[], __tbss_start[], __tbss_end[];
extern void (*__init_array_start[])(void), (*__init_array_end[])(void);

void board_reset(void) __attribute__((naked, noreturn, section(".text.board_reset")));
void board_start(void) __attribute__((noreturn));
void board_init(void);
int main(void);
void freertos_risc_v_trap_handler(void);

void board_reset(void)
{
    __asm volatile(".option push\n"
                   ".option norelax\n" /* gp cannot be set relative to itself */
                   "   la gp, __global_pointer$\n"
                   ".option pop\n"
                   "   la sp, __stack_top\n"
                   "   la tp, __tls_base\n"
                   "   csrw mie, zero\n"
                   "   csrci mstatus, 8\n"
                   "   la t0, freertos_risc_v_trap_handler\n"
                   "   csrw mtvec, t0\n"
                   "   j board_start\n");
}

static void zero(uint32_t *from, uint32_t *to)
{
    while (from < to) {
        *from++ = 0;
    }
}

void board_start(void)
{
#if RISCV_FRAME_HAS_FP
    riscv_csr_set(mstatus, RISCV_MSTATUS_FS_INITIAL);
    __asm volatile("fscsr zero");
#endif
    zero(__bss_start, __bss_end);
    zero(__tbss_start, __tbss_end);
    for (void (**fn)(void) = __init_array_start; fn < __init_array_end; fn++) {
        (*fn)();
    }
    board_init();
    exit(main());
}
