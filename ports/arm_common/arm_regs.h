/* SPDX-License-Identifier: MIT */
/*
 * arm_regs.h: the Cortex-M system registers Quartz touches (System Control
 * Block, NVIC, SysTick, FPU control), common to ARMv6-M, ARMv7-M and ARMv8-M
 * Mainline/Baseline, with small helpers. Addresses and bit positions are
 * those of the ARMv7-M/ARMv8-M Architecture Reference Manuals (System
 * Control Space at 0xE000E000).
 *
 * Ports, boards and tests include it; applications may too. It has no state
 * and needs nothing from the kernel. Registers a core does not implement
 * (BASEPRI-related fields on ARMv6-M, the FPU registers without an FPU) must
 * simply not be used on it.
 */
#ifndef ARM_REGS_H
#define ARM_REGS_H

#include <stdint.h>

/*
 * 1 on cores with BASEPRI (ARMv7-M, ARMv8-M Mainline: Thumb-2), 0 on those whose only
 * interrupt mask is PRIMASK (ARMv6-M, ARMv8-M Baseline: Thumb-1).
 */
#if defined(__ARM_ARCH_ISA_THUMB) && __ARM_ARCH_ISA_THUMB >= 2
#define ARM_HAS_BASEPRI 1
#else
#define ARM_HAS_BASEPRI 0
#endif

#define ARM_REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))
#define ARM_REG8(addr) (*(volatile uint8_t *)(uintptr_t)(addr))

/* ---- System Control Block ---- */
#define ARM_ICSR ARM_REG32(0xE000ED04u)  /* Interrupt Control and State */
#define ARM_VTOR ARM_REG32(0xE000ED08u)  /* Vector Table Offset */
#define ARM_AIRCR ARM_REG32(0xE000ED0Cu) /* Application Interrupt and Reset Control */
#define ARM_CCR ARM_REG32(0xE000ED14u)   /* Configuration and Control */
#define ARM_SHCSR ARM_REG32(0xE000ED24u) /* System Handler Control and State */
#define ARM_CFSR ARM_REG32(0xE000ED28u)  /* Configurable Fault Status (v7-M/v8-M Main) */
#define ARM_HFSR ARM_REG32(0xE000ED2Cu)  /* HardFault Status */
#define ARM_MMFAR ARM_REG32(0xE000ED34u) /* MemManage Fault Address */
#define ARM_BFAR ARM_REG32(0xE000ED38u)  /* BusFault Address */
#define ARM_CPACR ARM_REG32(0xE000ED88u) /* Coprocessor Access Control */

#define ARM_ICSR_PENDSVSET (1u << 28)
#define ARM_ICSR_PENDSVCLR (1u << 27)
#define ARM_ICSR_PENDSTSET (1u << 26)
#define ARM_ICSR_PENDSTCLR (1u << 25)
#define ARM_ICSR_VECTPENDING_MASK (0x1FFu << 12) /* highest pending exception, 0 if none */
#define ARM_ICSR_VECTACTIVE_MASK 0x1FFu

#define ARM_AIRCR_VECTKEY (0x05FAu << 16)
#define ARM_AIRCR_PRIGROUP_SHIFT 8
#define ARM_AIRCR_PRIGROUP_MASK (7u << ARM_AIRCR_PRIGROUP_SHIFT)
#define ARM_AIRCR_SYSRESETREQ (1u << 2)

#define ARM_CCR_STKALIGN (1u << 9)
#define ARM_CPACR_CP10_CP11_FULL (0xFu << 20)

/*
 * System handler priority bytes: exception n (4..15) has its priority in the
 * byte at 0xE000ED14 + n (SHPR1..SHPR3). On ARMv6-M only word access is
 * allowed; use arm_shpr_read/arm_shpr_write, which work everywhere.
 */
#define ARM_SHPR_BASE 0xE000ED18u
#define ARM_SHPR3 ARM_REG32(0xE000ED20u) /* PendSV in bits 23:16, SysTick in 31:24 */

/* Exception numbers (IPSR values). External interrupt n is exception 16 + n. */
#define ARM_EXC_NMI 2u
#define ARM_EXC_HARDFAULT 3u
#define ARM_EXC_MEMMANAGE 4u
#define ARM_EXC_BUSFAULT 5u
#define ARM_EXC_USAGEFAULT 6u
#define ARM_EXC_SVCALL 11u
#define ARM_EXC_DEBUGMON 12u
#define ARM_EXC_PENDSV 14u
#define ARM_EXC_SYSTICK 15u
#define ARM_EXC_IRQ0 16u

/* ---- SysTick ---- */
#define ARM_SYST_CSR ARM_REG32(0xE000E010u)
#define ARM_SYST_RVR ARM_REG32(0xE000E014u)
#define ARM_SYST_CVR ARM_REG32(0xE000E018u)
#define ARM_SYST_CSR_ENABLE (1u << 0)
#define ARM_SYST_CSR_TICKINT (1u << 1)
#define ARM_SYST_CSR_CLKSOURCE (1u << 2) /* 1: the processor clock */
#define ARM_SYST_CSR_COUNTFLAG (1u << 16)
#define ARM_SYST_RVR_MAX 0x00FFFFFFu

/* ---- NVIC ---- */
#define ARM_NVIC_ISER(n) ARM_REG32(0xE000E100u + 4u * (n))
#define ARM_NVIC_ICER(n) ARM_REG32(0xE000E180u + 4u * (n))
#define ARM_NVIC_ISPR(n) ARM_REG32(0xE000E200u + 4u * (n))
#define ARM_NVIC_ICPR(n) ARM_REG32(0xE000E280u + 4u * (n))
#define ARM_NVIC_IABR(n) ARM_REG32(0xE000E300u + 4u * (n))
#define ARM_NVIC_IPR_BASE 0xE000E400u

/* ---- FPU (ARMv7-M with FP extension, ARMv8-M Main) ---- */
#define ARM_FPCCR ARM_REG32(0xE000EF34u)
#define ARM_FPCCR_ASPEN (1u << 31) /* save FP state automatically on exception entry */
#define ARM_FPCCR_LSPEN (1u << 30) /* ...lazily: reserve the space, save on first FP use */

/* EXC_RETURN bit 4: 0 when the exception frame includes the FP state. */
#define ARM_EXC_RETURN_STD_FRAME (1u << 4)

static inline void arm_barrier(void)
{
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* The current exception number (0 in Thread mode). */
static inline uint32_t arm_ipsr(void)
{
    uint32_t v;

    __asm volatile("mrs %0, ipsr" : "=r"(v));
    return v & ARM_ICSR_VECTACTIVE_MASK;
}

/*
 * Byte access on the Mainline cores; word access on the others: ARMv6-M (and ARMv8-M
 * Baseline) have no byte access to the SHPRs or the NVIC IPRs.
 */
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
static inline uint8_t arm_prio_byte_read(uintptr_t byte_addr)
{
    return *(volatile const uint8_t *)byte_addr;
}

static inline void arm_prio_byte_write(uintptr_t byte_addr, uint8_t value)
{
    *(volatile uint8_t *)byte_addr = value;
}
#else
static inline uint8_t arm_prio_byte_read(uintptr_t byte_addr)
{
    uint32_t word = ARM_REG32(byte_addr & ~(uintptr_t)3u);

    return (uint8_t)(word >> (8u * (byte_addr & 3u)));
}

static inline void arm_prio_byte_write(uintptr_t byte_addr, uint8_t value)
{
    volatile uint32_t *word = (volatile uint32_t *)(byte_addr & ~(uintptr_t)3u);
    uint32_t shift = 8u * (byte_addr & 3u);

    *word = (*word & ~(0xFFu << shift)) | ((uint32_t)value << shift);
}
#endif

/* Priority of system exception 4..15. */
static inline uint8_t arm_shpr_read(uint32_t exception)
{
    return arm_prio_byte_read(ARM_SHPR_BASE + exception - 4u);
}

static inline void arm_shpr_write(uint32_t exception, uint8_t priority)
{
    arm_prio_byte_write(ARM_SHPR_BASE + exception - 4u, priority);
}

/* Priority of external interrupt irq (the raw byte: implemented bits are the top ones). */
static inline uint8_t arm_nvic_priority(uint32_t irq)
{
    return arm_prio_byte_read(ARM_NVIC_IPR_BASE + irq);
}

static inline void arm_nvic_set_priority(uint32_t irq, uint8_t priority)
{
    arm_prio_byte_write(ARM_NVIC_IPR_BASE + irq, priority);
}

static inline void arm_nvic_enable(uint32_t irq)
{
    ARM_NVIC_ISER(irq / 32u) = 1u << (irq % 32u);
    arm_barrier();
}

static inline void arm_nvic_disable(uint32_t irq)
{
    ARM_NVIC_ICER(irq / 32u) = 1u << (irq % 32u);
    arm_barrier();
}

/* Make irq pending; it is taken as soon as its priority allows (after the barrier). */
static inline void arm_nvic_set_pending(uint32_t irq)
{
    ARM_NVIC_ISPR(irq / 32u) = 1u << (irq % 32u);
    arm_barrier();
}

static inline void arm_nvic_clear_pending(uint32_t irq)
{
    ARM_NVIC_ICPR(irq / 32u) = 1u << (irq % 32u);
}

/* Not on ARMv6-M, which has no Interrupt Active Bit Registers. */
static inline int arm_nvic_is_active(uint32_t irq)
{
    return (ARM_NVIC_IABR(irq / 32u) >> (irq % 32u)) & 1u;
}

#endif /* ARM_REGS_H */
