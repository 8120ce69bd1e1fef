/* SPDX-License-Identifier: MIT */
/*
 * startup.c: reset, vector table and fault reporting for Quartz's Cortex-M
 * boards. The board supplies board_defs.h (BOARD_IRQ_COUNT) and
 * board_init(); the linker script supplies the section symbols below.
 *
 * Reset: enable the FPU (when built for one) before any C code may use it,
 * copy .data from its load address, zero .bss, run constructors, initialise
 * the board, then exit(main()). Every external interrupt goes through one
 * dispatcher and a table of handlers (board_irq_set_handler). A fault prints
 * what the core recorded and ends the run with status BOARD_EXIT_FAULT.
 */
#include "board.h"

#include "arm_regs.h"

#include <stdlib.h>

#define BOARD_EXIT_FAULT 3
#define BOARD_EXIT_UNEXPECTED_IRQ 4

/* Linker script symbols. */
extern uint32_t __stack_top[];
extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];

/* Provided by the board (board.c) and the application. */
void board_init(void);
int main(void);
void __libc_init_array(void);

/* The kernel's handlers (ports/armv7m/port.c, ports/arm_common/arm_port.c). */
void vPortSVCHandler(void);
void xPortPendSVHandler(void);
void xPortSysTickHandler(void);

void board_reset_handler(void) __attribute__((noreturn));
void board_fault_entry(void);
void board_fault_report(const uint32_t *frame, uint32_t exc_return) __attribute__((noreturn));
static void irq_dispatch(void);

/*
 * UsageFault: the ARMv8-M port catches a task's stack overflow (PSPLIM) there and hands any
 * other UsageFault back as a HardFault. Other ports do not define it: it is the fault report.
 */
void arm_port_usage_fault_handler(void) __attribute__((weak, alias("board_fault_entry")));

static void (*volatile irq_handlers[BOARD_IRQ_COUNT])(void);

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) static const vector_t vectors[16 + BOARD_IRQ_COUNT] = {
    [0] = (vector_t)(uintptr_t)__stack_top,
    [1] = board_reset_handler,
    [2 ... 5] = board_fault_entry, /* NMI, HardFault, MemManage, BusFault */
    [ARM_EXC_USAGEFAULT] = arm_port_usage_fault_handler,
    [7 ... 10] = board_fault_entry, /* SecureFault, reserved */
    [ARM_EXC_SVCALL] = vPortSVCHandler,
    [12 ... 13] = board_fault_entry, /* DebugMonitor, reserved */
    [ARM_EXC_PENDSV] = xPortPendSVHandler,
    [ARM_EXC_SYSTICK] = xPortSysTickHandler,
    [16 ... 16 + BOARD_IRQ_COUNT - 1] = irq_dispatch,
};

/* C library start-up hooks: there are no crti/crtn objects (-nostartfiles). */
void _init(void);
void _fini(void);
void _init(void)
{
}

void _fini(void)
{
}

void board_reset_handler(void)
{
#if defined(__ARM_FP)
    ARM_CPACR |= ARM_CPACR_CP10_CP11_FULL; /* before any code that may touch the FPU */
    arm_barrier();
#endif
    ARM_VTOR = (uint32_t)(uintptr_t)vectors;
    for (uint32_t *src = __data_load, *dst = __data_start; dst < __data_end;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = __bss_start; dst < __bss_end;) {
        *dst++ = 0;
    }
    __libc_init_array();
    board_init();
    exit(main());
}

void board_irq_set_handler(unsigned irq, void (*handler)(void))
{
    if (irq < BOARD_IRQ_COUNT) {
        irq_handlers[irq] = handler;
    }
}

static void irq_dispatch(void)
{
    const uint32_t irq = arm_ipsr() - ARM_EXC_IRQ0;
    void (*handler)(void) = irq < BOARD_IRQ_COUNT ? irq_handlers[irq] : NULL;

    if (handler == NULL) {
        board_console_put_hex("\nunexpected interrupt: IRQ ", irq);
        board_console_puts(" has no handler (board_irq_set_handler)\n");
        board_exit(BOARD_EXIT_UNEXPECTED_IRQ);
    }
    handler();
}

/* Find the stacked frame (main or process stack, EXC_RETURN bit 2) and report it. */
__attribute__((naked)) void board_fault_entry(void)
{
    __asm volatile("   movs r0, #4             \n"
                   "   mov r1, lr              \n"
                   "   tst r0, r1              \n"
                   "   beq 1f                  \n"
                   "   mrs r0, psp             \n"
                   "   b 2f                    \n"
                   "1: mrs r0, msp             \n"
                   "2: ldr r2, =board_fault_report \n"
                   "   bx r2                   \n"
                   "   .ltorg                  \n");
}

void board_fault_report(const uint32_t *frame, uint32_t exc_return)
{
    static const char *const names[16] = {
        "?", "?", "NMI", "HardFault", "MemManage", "BusFault", "UsageFault", "SecureFault",
        "reserved", "reserved", "reserved", "SVCall", "DebugMonitor", "reserved", "PendSV",
        "SysTick"};

    board_console_puts("\nFAULT: ");
    board_console_puts(names[arm_ipsr() & 15u]);
    board_console_put_hex(" pc=", frame[6]);
    board_console_put_hex(" lr=", frame[5]);
    board_console_put_hex(" xpsr=", frame[7]);
    board_console_put_hex(" sp=", (uint32_t)(uintptr_t)frame);
    board_console_put_hex(" exc_return=", exc_return);
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
    board_console_put_hex("\n       cfsr=", ARM_CFSR);
    board_console_put_hex(" hfsr=", ARM_HFSR);
    board_console_put_hex(" mmfar=", ARM_MMFAR);
    board_console_put_hex(" bfar=", ARM_BFAR);
#endif
    board_console_puts("\n");
    board_exit(BOARD_EXIT_FAULT);
}
