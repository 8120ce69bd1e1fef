/* SPDX-License-Identifier: MIT */
/*
 * port.c: the ARMv6-M half of the Cortex-M0 port: a task's first stack frame,
 * the PendSV handler that switches tasks, the first-task start and the
 * return to main() when the scheduler ends.
 *
 * A task that is not running keeps, from tcb->top_of_stack upwards:
 *   r4-r11 (saved by PendSV), then the frame the hardware pushed on
 *   exception entry: r0-r3, r12, lr, pc, xPSR.
 * This is the ARMv7-M port's layout without the FPU parts.
 *
 * Thumb-1 constraints shape the assembly: STM/LDM and most data-processing
 * instructions reach only r0-r7, so r8-r11 travel through r4-r7 with MOV,
 * and POP cannot load lr, so the EXC_RETURN value is popped into a low
 * register first. Immediates are 8 bits: addresses come from literal pools.
 * GCC hands Thumb-1 inline assembly to the assembler in the old divided
 * syntax, so each block switches to unified syntax first.
 *
 * The first task starts directly, not through an SVC: with PRIMASK as the
 * only kernel lock, an SVC start would have to unmask interrupts before the
 * `svc`, and an interrupt taken in that window could pend PendSV while the
 * CPU still runs main() on the main stack, saving a context that is not the
 * task's. Here the CPU switches to the task's process stack with interrupts
 * masked and unmasks them only once it is, in effect, the task.
 *
 * The handlers are naked C functions, not a .S file, so that an application
 * may #define xPortPendSVHandler and xPortSysTickHandler (and vPortSVCHandler)
 * to its startup code's CMSIS names in FreeRTOSConfig.h, as with FreeRTOS.
 */
#include "arm_port_private.h"

#define INITIAL_XPSR 0x01000000u /* Thumb state */

StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params)
{
    /* The kernel aligned top_of_stack to 8: the hardware frame ends just below it, 8-aligned. */
    StackType_t *sp = top_of_stack;

    *--sp = INITIAL_XPSR;
    *--sp = (StackType_t)(uintptr_t)code & ~(StackType_t)1u; /* pc: bit 0 must be clear */
    *--sp = (StackType_t)(uintptr_t)arm_port_task_exit;      /* lr: where a returning task goes */
    sp -= 4;                                                 /* r12, r3-r1: left as they are */
    *--sp = (StackType_t)(uintptr_t)params;                  /* r0 */
    return sp - 8;                                           /* r11-r4: left as they are */
}

/* ARMv6-M has no FPU or other optional state to enable before the first task. */
void arm_port_arch_start(void)
{
}

/*
 * The port issues no SVC (see above), so an SVC that reaches this handler is the
 * application's own: report it rather than let it pass silently.
 */
void vPortSVCHandler(void)
{
    arm_port_fail("SVC taken by vPortSVCHandler: GCC_ARM_CM0 issues none; give the "
                  "application's SVCs a handler of their own");
}

__attribute__((naked)) void xPortPendSVHandler(void)
{
    __asm volatile(
        "   .syntax unified                   \n" /* GCC wraps Thumb-1 asm in divided */
        "   mrs r0, psp                       \n"
        "   ldr r3, =sched_current            \n"
        "   ldr r2, [r3]                      \n"
        "   subs r0, #32                      \n" /* room for r4-r11 below the hardware frame */
        "   str r0, [r2]                      \n" /* sched_current->top_of_stack */
        "   stmia r0!, {r4-r7}                \n"
        "   mov r4, r8                        \n"
        "   mov r5, r9                        \n"
        "   mov r6, r10                       \n"
        "   mov r7, r11                       \n"
        "   stmia r0!, {r4-r7}                \n"
        "   push {r3, lr}                     \n" /* keeps the main stack 8-aligned */
        "   cpsid i                           \n" /* the kernel lock */
        "   bl sched_switch_context           \n"
        "   cpsie i                           \n" /* PendSV is only taken with PRIMASK clear */
        "   pop {r2, r3}                      \n"
        "   mov lr, r3                        \n" /* EXC_RETURN */
        "   ldr r1, [r2]                      \n"
        "   ldr r0, [r1]                      \n"
        "   adds r0, #16                      \n"
        "   ldmia r0!, {r4-r7}                \n" /* r8-r11 first: r4-r7 carry them */
        "   mov r8, r4                        \n"
        "   mov r9, r5                        \n"
        "   mov r10, r6                       \n"
        "   mov r11, r7                       \n"
        "   msr psp, r0                       \n" /* the hardware frame */
        "   subs r0, #32                      \n"
        "   ldmia r0!, {r4-r7}                \n"
        "   bx lr                             \n"
        "   .ltorg                            \n");
}

/* r0 = ctx (struct arm_main_context: r4-r11, lr, sp). */
__attribute__((naked)) void arm_port_start_first_task(struct arm_main_context *ctx)
{
    (void)ctx;
    __asm volatile(
        "   .syntax unified                   \n" /* GCC wraps Thumb-1 asm in divided */
        "   cpsid i                           \n"
        "   stmia r0!, {r4-r7}                \n"
        "   mov r4, r8                        \n"
        "   mov r5, r9                        \n"
        "   mov r6, r10                       \n"
        "   mov r7, r11                       \n"
        "   stmia r0!, {r4-r7}                \n"
        "   mov r1, lr                        \n"
        "   str r1, [r0]                      \n"
        "   mov r1, sp                        \n"
        "   str r1, [r0, #4]                  \n"
        "   ldr r3, =sched_current            \n"
        "   ldr r1, [r3]                      \n"
        "   ldr r0, [r1]                      \n" /* top_of_stack: r4-r11, hardware frame */
        "   adds r0, #32                      \n" /* the frame: r0-r3, r12, lr, pc, xPSR */
        "   ldr r4, [r0, #24]                 \n" /* pc */
        "   movs r1, #1                       \n"
        "   orrs r4, r1                       \n" /* a BX target needs the Thumb bit */
        "   ldr r5, [r0, #20]                 \n" /* lr: arm_port_task_exit */
        "   ldr r6, [r0]                      \n" /* r0: the task's parameter */
        "   adds r0, #32                      \n" /* the task's empty, 8-aligned stack */
        "   msr psp, r0                       \n"
        "   movs r1, #2                       \n"
        "   msr control, r1                   \n" /* Thread mode on the process stack */
        "   isb                               \n"
        "   mov lr, r5                        \n"
        "   mov r0, r6                        \n"
        "   cpsie i                           \n" /* from here an interrupt finds the task */
        "   bx r4                             \n"
        "   .ltorg                            \n");
}

/* r0 = ctx: back to the main stack and to arm_port_start_first_task's caller. */
__attribute__((naked, noreturn)) void arm_port_resume_main(struct arm_main_context *ctx)
{
    (void)ctx;
    __asm volatile(
        "   .syntax unified                   \n" /* GCC wraps Thumb-1 asm in divided */
        "   cpsid i                           \n"
        "   movs r1, #0                       \n"
        "   msr control, r1                   \n" /* Thread mode back on the main stack */
        "   isb                               \n"
        "   adds r0, #16                      \n"
        "   ldmia r0!, {r4-r7}                \n" /* r8-r11 */
        "   mov r8, r4                        \n"
        "   mov r9, r5                        \n"
        "   mov r10, r6                       \n"
        "   mov r11, r7                       \n"
        "   ldr r1, [r0]                      \n"
        "   mov lr, r1                        \n"
        "   ldr r1, [r0, #4]                  \n"
        "   mov sp, r1                        \n"
        "   subs r0, #32                      \n"
        "   ldmia r0!, {r4-r7}                \n"
        "   bx lr                             \n"); /* return from arm_port_start_first_task */
}
