/* SPDX-License-Identifier: MIT */
/*
 * arm_port_private.h: the seam between the architecture-independent half of
 * the Cortex-M ports (ports/arm_common/: critical-section nesting, SysTick,
 * scheduler start and end, priority checks, reports) and each architecture's
 * half (ports/armv7m/, later armv6m/ and armv8m/: exception entry and exit,
 * the stack frame, the first-task start).
 *
 * Included only by port sources, which are compiled into the kernel library
 * and so also see kernel/private/port_contract.h.
 */
#ifndef ARM_PORT_PRIVATE_H
#define ARM_PORT_PRIVATE_H

#include "FreeRTOS.h"
#include "arm_port.h"
#include "arm_regs.h"
#include "port_contract.h"

/*
 * The Thread-mode state of the code that called xPortStartScheduler, saved so
 * that vPortEndScheduler can return to it: callee-saved core registers, LR,
 * the main stack pointer and, with an FPU, the callee-saved FP registers.
 * The architecture's assembly relies on this layout.
 */
struct arm_main_context {
    uint32_t core[9]; /* r4-r11, lr */
    uint32_t sp;
    uint32_t fp[16]; /* d8-d15, when the architecture has an FPU */
};

/* ---- Provided by the architecture (ports/<arch>/) ---- */

/*
 * Save the caller's context in ctx, then start sched_current through the SVC
 * handler. Returns (to the caller, with ctx's registers) only when
 * arm_port_resume_main(ctx) runs. Called with the kernel lock held and the
 * critical nesting already 0.
 */
void arm_port_start_first_task(struct arm_main_context *ctx);

/* Leave the calling task for good and return from arm_port_start_first_task(ctx). */
void arm_port_resume_main(struct arm_main_context *ctx) __attribute__((noreturn));

/* Architecture set-up before the first task runs (FPU lazy stacking, ...). */
void arm_port_arch_start(void);

/* ---- Provided by ports/arm_common/ ---- */

/* A task's return address: reports the bug through sched_task_exit_error(). */
void arm_port_task_exit(void);

/* Cores with BASEPRI (arm_basepri.c): start-time checks of the ceiling, grouping and SVC. */
void arm_port_check_ceiling(void);

/* Are SysTick and PendSV at the lowest priority? Reports and asserts if not. */
void arm_port_check_kernel_priorities(void);

/*
 * Format (%s, %u, %x, %c only; %x prints 0x and at least two hex digits)
 * into a static buffer and pass it to arm_port_report(). For the path to a
 * failing configASSERT only: not reentrant.
 */
void arm_port_reportf(const char *fmt, ...);

#endif /* ARM_PORT_PRIVATE_H */
