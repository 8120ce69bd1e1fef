/* SPDX-License-Identifier: MIT */
/*
 * riscv_port.h: what the RISC-V port offers applications, boards and tests
 * beyond the FreeRTOS API: the interrupt hooks it calls, CSR access, and the
 * PLIC (platform-level interrupt controller) registers. Include it
 * explicitly. No state; the hooks run in the trap handler (interrupt
 * context, MIE = 0, on the interrupt stack), where only FromISR functions may
 * be called.
 */
#ifndef RISCV_PORT_H
#define RISCV_PORT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* mcause values (the interrupt bit set for interrupts) */
#define RISCV_MCAUSE_INTERRUPT 0x80000000u
#define RISCV_IRQ_S_SOFT 1u
#define RISCV_IRQ_M_SOFT 3u
#define RISCV_IRQ_M_TIMER 7u
#define RISCV_IRQ_M_EXT 11u
#define RISCV_EXC_ILLEGAL_INSTRUCTION 2u
#define RISCV_EXC_ECALL_M 11u

/* mie / mip bits */
#define RISCV_MIP_SSIP (1u << RISCV_IRQ_S_SOFT)
#define RISCV_MIP_MSIP (1u << RISCV_IRQ_M_SOFT)
#define RISCV_MIP_MTIP (1u << RISCV_IRQ_M_TIMER)
#define RISCV_MIP_MEIP (1u << RISCV_IRQ_M_EXT)

#define riscv_csr_read(csr)                                                                        \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm volatile("csrr %0, " #csr : "=r"(v_)::"memory");                                     \
        v_;                                                                                        \
    })
#define riscv_csr_set(csr, bits) __asm volatile("csrs " #csr ", %0" ::"r"(bits) : "memory")
#define riscv_csr_clear(csr, bits) __asm volatile("csrc " #csr ", %0" ::"r"(bits) : "memory")

/*
 * Hooks, weak in the port (their defaults fail configASSERT, or stop the hart
 * without one). A board or application defines the ones it needs.
 *
 * riscv_port_external_interrupt: a PLIC source interrupted. With
 *   configPLIC_BASE_ADDRESS defined the port claims the source, calls this,
 *   then completes it; without, it is called with source 0 for every machine
 *   external interrupt and must find and clear the source itself.
 * riscv_port_other_interrupt: an interrupt cause the port does not handle
 *   (not the machine timer, software or external interrupt): a supervisor
 *   software interrupt raised by M-mode software (mip.SSIP), a platform's
 *   local interrupts (cause 16 and up). The hook must clear its cause.
 * riscv_port_exception: an exception the port does not handle (everything but
 *   the first FP instruction of a task). Must not return.
 */
void riscv_port_external_interrupt(uint32_t source);
void riscv_port_other_interrupt(uint32_t cause);
void riscv_port_exception(uint32_t mcause, uint32_t mepc, uint32_t mtval, int in_handler)
    __attribute__((noreturn));

/* ---- PLIC (SiFive/RISC-V PLIC register map), for boards that have one ---- */
#define RISCV_PLIC_REG(base, off) (*(volatile uint32_t *)(uintptr_t)((base) + (off)))
#define RISCV_PLIC_PRIORITY(base, src) RISCV_PLIC_REG(base, 4u * (src))
#define RISCV_PLIC_PENDING(base, src)                                                              \
    ((RISCV_PLIC_REG(base, 0x1000u + 4u * ((src) / 32u)) >> ((src) % 32u)) & 1u)
/* The enable word holding source src's bit (1 << src % 32) for context ctx. */
#define RISCV_PLIC_ENABLE(base, ctx, src)                                                          \
    RISCV_PLIC_REG(base, 0x2000u + 0x80u * (ctx) + 4u * ((src) / 32u))
#define RISCV_PLIC_THRESHOLD(base, ctx) RISCV_PLIC_REG(base, 0x200000u + 0x1000u * (ctx))
#define RISCV_PLIC_CLAIM(base, ctx) RISCV_PLIC_REG(base, 0x200004u + 0x1000u * (ctx))

#ifdef __cplusplus
}
#endif

#endif /* RISCV_PORT_H */
