/* SPDX-License-Identifier: MIT */
/*
 * arm_port_private.h: the seam between the architecture-independent half of
 * the Cortex-M ports (ports/arm_common/: critical-section nesting, SysTick,
 * scheduler start and end, priority checks, reports) and each architecture's
 * half (ports/armv7m/, ports/armv6m/, ports/armv8m/: exception entry and exit,
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

/* ---- The SysTick tick (arm_port.c sets it up, arm_tickless.c reprograms it) ---- */
#ifndef configSYSTICK_CLOCK_HZ
#define configSYSTICK_CLOCK_HZ configCPU_CLOCK_HZ
#define ARM_SYSTICK_CLKSOURCE ARM_SYST_CSR_CLKSOURCE /* SysTick runs from the processor clock */
#else
#define ARM_SYSTICK_CLKSOURCE 0u /* the implementation-defined reference clock */
#endif
#define ARM_SYSTICK_CYCLES_PER_TICK ((uint32_t)(configSYSTICK_CLOCK_HZ / configTICK_RATE_HZ))
/* CSR values: counting with the tick interrupt, and stopped (the count holds). */
#define ARM_SYSTICK_CSR_RUN (ARM_SYSTICK_CLKSOURCE | ARM_SYST_CSR_TICKINT | ARM_SYST_CSR_ENABLE)
#define ARM_SYSTICK_CSR_STOP ARM_SYSTICK_CLKSOURCE

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

/*
 * The SVC handler met an SVC number other than ARM_SVC_START_FIRST_TASK: reports it and
 * trips configASSERT (arm_port_fail). If the assertion returns, so does the SVC (it does nothing).
 */
#define ARM_SVC_START_FIRST_TASK 0u
void arm_port_bad_svc(uint32_t number);

/*
 * Cores with BASEPRI (ARM_HAS_BASEPRI, arm_basepri.c): start-time checks of the ceiling,
 * grouping and SVC. Not built for PRIMASK-only cores (ARMv6-M), which have no ceiling.
 */
void arm_port_check_ceiling(void);

/*
 * A task the port has abandoned (ARMv8-M: its stack overflowed) leaves whatever critical
 * sections it was in: the nesting count, which belongs to the running task, goes back to 0.
 */
static inline void arm_port_reset_nesting(void)
{
    arm_port_nesting = 0;
}

/*
 * ARMv7-M and ARMv8-M Mainline (arm_mainline.c, which also provides arm_port_start_first_task
 * and arm_port_resume_main for them): the C side of ARMv8-M's PendSV, sched_switch_context()
 * under the kernel lock (ARMv7-M's PendSV takes the lock itself); and turning on lazy FP
 * stacking when the build uses the FPU.
 */
void arm_mainline_switch_context(void);
void arm_mainline_enable_lazy_fp(void);

/* Are SysTick and PendSV at the lowest priority? Fails (arm_port_fail) if not. */
void arm_port_check_kernel_priorities(void);

/*
 * A failed check: format the explanation (%s and %d only: a string, an int in decimal) into a
 * static buffer of 128 bytes, pass it to arm_port_report(), then trip configASSERT. Returns if
 * the assertion does. Not reentrant.
 */
void arm_port_fail(const char *fmt, ...);

#endif /* ARM_PORT_PRIVATE_H */
