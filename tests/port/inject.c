/* SPDX-License-Identifier: MIT */
/*
 * inject.c: deliberately broken port variants for the suite's negative tests
 * (tests/port/README.md). Linked only into the conformance_negative images,
 * each with one CONF_INJECT_* define and the matching -Wl,--wrap=<symbol>:
 * the linker sends every call the kernel or the port makes to <symbol>
 * (from another object file) to __wrap_<symbol> here, which calls the real
 * one as __real_<symbol> and then breaks what a faulty port would break. No
 * production source changes, and nothing of this is in any other image.
 *
 *   CONF_INJECT_CONTEXT    (--wrap=sched_switch_stack on ARMv7-M,
 *                          sched_switch_context on RISC-V) a context switch that
 *                          does not restore one callee-saved register (r7 on
 *                          ARMv7-M, s1 on RISC-V): the task switched in keeps
 *                          the value of the task switched out. Only the
 *                          suite's register-check tasks are hit, so the run
 *                          survives to print its report; a real port with
 *                          this bug corrupts every task, and the suite then
 *                          fails the same way or crashes (a failure too).
 *   CONF_INJECT_CRITICAL   (--wrap=vPortExitCritical) critical sections that
 *                          do not nest: every exit unmasks interrupts.
 *   CONF_INJECT_ALIGNMENT  (--wrap=pxPortInitialiseStack) a first frame one
 *                          word below where the port put it, so every task
 *                          starts with its stack pointer misaligned.
 */
#include "FreeRTOS.h"
#include "task.h"

#include "kernel.h"

#include <string.h>

#if defined(CONF_INJECT_CONTEXT)
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
#define SLOT 3u /* r4-r11 (then EXC_RETURN) open the saved context: r7 */
#elif defined(__riscv)
#include "riscv_frame.h"
#define SLOT (RISCV_FRAME_X(9) / 4u) /* s1 */
#else
#error "CONF_INJECT_CONTEXT: no saved-context layout for this architecture"
#endif

/* Give the task switched in the saved register of the task switched out (their contexts are
 * saved by the time the switch returns). */
static void break_context(tcb_t *out, tcb_t *in)
{
    if (out != NULL && in != out && strncmp(in->name, "conf_regs", 9) == 0) {
        in->top_of_stack[SLOT] = out->top_of_stack[SLOT];
    }
}

#if defined(__riscv)
void __real_sched_switch_context(void);
void __wrap_sched_switch_context(void);

void __wrap_sched_switch_context(void)
{
    tcb_t *out = sched_current;

    __real_sched_switch_context();
    break_context(out, sched_current);
}
#else /* ARMv7-M's PendSV switches through sched_switch_stack */
StackType_t *__real_sched_switch_stack(StackType_t *sp);
StackType_t *__wrap_sched_switch_stack(StackType_t *sp);

StackType_t *__wrap_sched_switch_stack(StackType_t *sp)
{
    tcb_t *out = sched_current;
    StackType_t *next = __real_sched_switch_stack(sp);

    break_context(out, sched_current);
    return next;
}
#endif
#endif /* CONF_INJECT_CONTEXT */

#if defined(CONF_INJECT_CRITICAL)
void __real_vPortExitCritical(void);
void __wrap_vPortExitCritical(void);

void __wrap_vPortExitCritical(void)
{
    __real_vPortExitCritical();
    if (xTaskGetSchedulerState() == taskSCHEDULER_RUNNING) {
        portENABLE_INTERRUPTS(); /* even when an outer critical section is still open */
    }
}
#endif /* CONF_INJECT_CRITICAL */

#if defined(CONF_INJECT_ALIGNMENT)
StackType_t *__real_pxPortInitialiseStack(StackType_t *top, TaskFunction_t code, void *params);
StackType_t *__wrap_pxPortInitialiseStack(StackType_t *top, TaskFunction_t code, void *params);

StackType_t *__wrap_pxPortInitialiseStack(StackType_t *top, TaskFunction_t code, void *params)
{
    StackType_t *frame = __real_pxPortInitialiseStack(top, code, params);

    memmove(frame - 1, frame, (size_t)(top - frame + 1) * sizeof(*frame));
    return frame - 1;
}
#endif /* CONF_INJECT_ALIGNMENT */
