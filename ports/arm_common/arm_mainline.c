/* SPDX-License-Identifier: MIT */
/*
 * arm_mainline.c: the pieces of the context-switch machinery that ARMv7-M
 * and ARMv8-M Mainline share word for word (both have Thumb-2 STM/LDM of
 * r4-r11, BASEPRI and the same optional single-precision FPU): saving and
 * resuming main()'s context around the scheduler's life, the C part of
 * PendSV, and turning on lazy FP stacking. Compiled by ports/armv7m and
 * ports/armv8m (not by ARMv6-M, whose Thumb-1 cannot run it).
 *
 * The FPU parts follow the compiler's flags: a build that may use FP
 * registers saves them (each port's portmacro.h rejects a port name or
 * configENABLE_FPU that disagrees with the flags).
 */
#include "arm_port_private.h"

#if defined(__ARM_FP) && !defined(__SOFTFP__)
#define SAVE_FP 1
#else
#define SAVE_FP 0
#endif

#if defined(__ARM_ARCH_8M_MAIN__) /* ARMv7-M's PendSV takes the lock itself */
void arm_mainline_switch_context(void)
{
    vPortRaiseBASEPRI();
    sched_switch_context();
    vPortSetBASEPRI(0);
}
#endif

void arm_mainline_enable_lazy_fp(void)
{
#if SAVE_FP
    /* Full access to CP10/CP11, and lazy stacking: tasks that never use the FPU pay nothing. */
    ARM_CPACR |= ARM_CPACR_CP10_CP11_FULL;
    ARM_FPCCR |= ARM_FPCCR_ASPEN | ARM_FPCCR_LSPEN;
    arm_barrier();
#endif
}

__attribute__((naked)) void arm_port_start_first_task(struct arm_main_context *ctx)
{
    (void)ctx;
    __asm volatile(
        "   stmia r0!, {r4-r11, lr}           \n"
        "   mov r1, sp                        \n"
        "   str r1, [r0], #4                  \n"
#if SAVE_FP
        "   vstmia r0!, {d8-d15}              \n"
#endif
        "   cpsie i                           \n" /* an SVC cannot be taken with PRIMASK set */
        "   cpsie f                           \n"
        "   dsb                               \n"
        "   isb                               \n"
        "   svc 0                             \n"
        "   b .                               \n"); /* never reached: SVC does not return here */
}

__attribute__((naked, noreturn)) void arm_port_resume_main(struct arm_main_context *ctx)
{
    (void)ctx;
    __asm volatile(
        "   mov r1, #0                        \n"
        "   msr control, r1                   \n" /* Thread mode back on MSP, FPCA clear */
        "   isb                               \n"
        "   ldmia r0!, {r4-r11, lr}           \n"
        "   ldr r1, [r0], #4                  \n"
        "   mov sp, r1                        \n"
#if SAVE_FP
        "   vldmia r0!, {d8-d15}              \n"
#endif
        "   bx lr                             \n"); /* return from arm_port_start_first_task */
}
