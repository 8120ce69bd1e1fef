/* SPDX-License-Identifier: MIT */
/*
 * port_riscv_util.h: helpers shared by the RISC-V port tests: counting
 * expected configASSERT failures, reading a task's saved frame and the
 * hart's interrupt state.
 */
#ifndef PORT_RISCV_UTIL_H
#define PORT_RISCV_UTIL_H

#include "FreeRTOS.h"
#include "task.h"

#include "riscv_frame.h"
#include "riscv_port.h"

#include <stdint.h>

/* The next n configASSERT failures are counted and execution continues. */
void port_test_expect_asserts(unsigned n);
/* Failures counted since port_test_expect_asserts; stops expecting more. */
unsigned port_test_asserts_seen(void);

/* A word of the frame a task that is not running saved (RISCV_FRAME_* byte offset). */
uint32_t port_test_frame_word(TaskHandle_t task, unsigned offset);

/* mstatus.MIE as 0 or 1. */
static inline unsigned port_test_mie(void)
{
    return (riscv_csr_read(mstatus) & RISCV_MSTATUS_MIE) != 0u;
}

static inline uintptr_t port_test_sp(void)
{
    uintptr_t sp;

    __asm volatile("mv %0, sp" : "=r"(sp));
    return sp;
}

/* The interrupt stack's top (the port's, from the linker script or configISR_STACK_SIZE_WORDS). */
extern StackType_t *const riscv_port_isr_stack_top;

#endif /* PORT_RISCV_UTIL_H */
