/* SPDX-License-Identifier: MIT */
/*
 * port.c: the ARMv7-M half of the Cortex-M3/M4F ports: a task's first stack
 * frame, the SVC handler that starts the first task, the PendSV handler that
 * switches tasks. Saving and resuming main()'s context and the lazy FP set-up
 * are shared with ARMv8-M (ports/arm_common/arm_mainline.c); this PendSV
 * takes the kernel lock itself around sched_switch_stack().
 *
 * A task that is not running keeps, from tcb->top_of_stack upwards:
 *   r4-r11, EXC_RETURN, [s16-s31, if EXC_RETURN bit 4 is 0 (with the FPU)],
 *   then the frame the hardware pushed on exception entry: r0-r3, r12, lr,
 *   pc, xPSR, [s0-s15, FPSCR, reserved, if EXC_RETURN bit 4 is 0].
 * So only r4-r11, EXC_RETURN (and, for tasks that used the FPU, s16-s31) are
 * saved by software: the hardware saved the rest, lazily for the FP part (FPCCR.LSPEN:
 * the space is reserved on entry and filled only if the handler touches the
 * FPU; PendSV's own vstmdb of s16-s31 is such a touch).
 *
 * The handlers are naked C functions, not a .S file, so that an application
 * may #define vPortSVCHandler, xPortPendSVHandler and xPortSysTickHandler to
 * its startup code's CMSIS names in FreeRTOSConfig.h, as with FreeRTOS.
 *
 * PendSV runs at the lowest priority, so it only ever interrupts a task, and
 * calls the kernel with BASEPRI at the syscall ceiling (the kernel lock).
 */
#include "arm_port_private.h"

#define INITIAL_XPSR 0x01000000u        /* Thumb state */
#define EXC_RETURN_THREAD_PSP 0xFFFFFFFDu /* Thread mode, process stack, no FP frame */

StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params)
{
    /* The kernel aligned top_of_stack to 8: the hardware frame ends just below it, 8-aligned. */
    StackType_t *sp = top_of_stack;

    *--sp = INITIAL_XPSR;
    *--sp = (StackType_t)(uintptr_t)code & ~(StackType_t)1u; /* pc: bit 0 must be clear */
    *--sp = (StackType_t)(uintptr_t)arm_port_task_exit;      /* lr: where a returning task goes */
    sp -= 4;                                                 /* r12, r3-r1: left as they are */
    *--sp = (StackType_t)(uintptr_t)params;                  /* r0 */
    *--sp = EXC_RETURN_THREAD_PSP; /* and no FP state until it uses the FPU */
    return sp - 8;                 /* r11-r4: left as they are */
}

void arm_port_arch_start(void)
{
    arm_mainline_enable_lazy_fp(); /* does nothing on GCC_ARM_CM3 */
}

/* The handler below and arm_port_start_first_task (arm_mainline.c) write it as a literal. */
_Static_assert(ARM_SVC_START_FIRST_TASK == 0u, "vPortSVCHandler compares the SVC number with 0");

/*
 * Taken once per scheduler start, from arm_port_start_first_task: run sched_current. Any other
 * SVC number is a bug (or an application SVC routed here): arm_port_bad_svc reports it, and the
 * SVC returns having done nothing if the assertion does. The number is the low byte of the
 * 16-bit SVC instruction, just before the return address in the caller's exception frame, on
 * whichever stack EXC_RETURN bit 2 names.
 */
__attribute__((naked)) void vPortSVCHandler(void)
{
    __asm volatile(
        "   tst lr, #4                        \n"
        "   ite eq                            \n"
        "   mrseq r0, msp                     \n"
        "   mrsne r0, psp                     \n"
        "   ldr r1, [r0, #24]                 \n" /* the stacked pc */
        "   ldrb r0, [r1, #-2]                \n" /* the SVC's immediate */
        "   cmp r0, #0                        \n"
        "   beq 1f                            \n"
        "   b arm_port_bad_svc                \n" /* a tail call: it returns from the SVC */
        "1: movw r3, #:lower16:sched_current  \n"
        "   movt r3, #:upper16:sched_current  \n"
        "   ldr r1, [r3]                      \n"
        "   ldr r0, [r1]                      \n" /* top_of_stack */
        "   ldmia r0!, {r4-r11, lr}           \n" /* lr: the task's EXC_RETURN */
        "   msr psp, r0                       \n"
        "   isb                               \n"
        "   mov r0, #0                        \n"
        "   msr basepri, r0                   \n" /* the task starts unmasked */
        "   bx lr                             \n");
}

/*
 * The kernel lock is raised and dropped here rather than in a C helper, and the stack pointers
 * pass through sched_switch_stack's argument and result: no call beyond that one, nothing
 * pushed on the main stack. The lock is raised first: an MSR that raises the execution
 * priority takes effect for the instructions after it (ARMv7-M ARM, MSR), and the register
 * save between it and the call leaves room even on a core that took one more interrupt at
 * that point, whose handler would then run before the kernel reads anything. BASEPRI takes
 * any 8-bit value as a MOV immediate. LR (EXC_RETURN) is part of every task's saved context,
 * even without the FPU, where it is always the same value: saving and reloading it with the
 * other registers costs a word of stack but no instruction, where rebuilding it costs one.
 * No ISB between writing PSP and the exception return: an MSR to a stack pointer is seen by
 * the instructions after it, and the return unstacks the frame from the PSP just written (Arm's
 * own RTX5 kernel returns from its switch the same way on every M-profile core). The SVC
 * handler, run once per start, keeps its ISB.
 */
__attribute__((naked)) void xPortPendSVHandler(void)
{
    __asm volatile(
        "   mov r1, %[ceiling]                \n"
        "   msr basepri, r1                   \n" /* the kernel lock */
        "   mrs r0, psp                       \n"
#if QUARTZ_ARMV7M_FPU
        "   tst lr, #0x10                     \n" /* did the task use the FPU? */
        "   it eq                             \n"
        "   vstmdbeq r0!, {s16-s31}           \n"
#endif
        "   stmdb r0!, {r4-r11, lr}           \n"
        "   bl sched_switch_stack             \n" /* r0: the saved sp in, the next task's out */
        "   mov r1, #0                        \n"
        "   msr basepri, r1                   \n"
        "   ldmia r0!, {r4-r11, lr}           \n"
#if QUARTZ_ARMV7M_FPU
        "   tst lr, #0x10                     \n"
        "   it eq                             \n"
        "   vldmiaeq r0!, {s16-s31}           \n"
#endif
        "   msr psp, r0                       \n"
        "   bx lr                             \n"
        :
        : [ceiling] "i"(configMAX_SYSCALL_INTERRUPT_PRIORITY));
}
