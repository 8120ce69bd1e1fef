/* SPDX-License-Identifier: MIT */
/*
 * port_riscv_util.h: helpers shared by the RISC-V port tests: reading a
 * task's saved frame and the hart's interrupt state (expected configASSERT
 * failures: port_test_asserts.h).
 */
#ifndef PORT_RISCV_UTIL_H
#define PORT_RISCV_UTIL_H

#include "FreeRTOS.h"
#include "task.h"

#include "port_test_asserts.h"
#include "riscv_frame.h"
#include "riscv_port.h"

#include <stdint.h>

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
