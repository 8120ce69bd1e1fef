/* SPDX-License-Identifier: MIT */
/*
 * port.c: the ARMv8-M Mainline half of GCC_ARM_CM33_NTZ_NONSECURE: a task's
 * first stack frame, the SVC handler that starts the first task, the PendSV
 * handler that switches tasks, and the stack limit (PSPLIM) that each task
 * carries in its saved context. What ARMv7-M shares word for word (main()'s
 * context, the C side of PendSV, lazy FP set-up) is in
 * ports/arm_common/arm_mainline.c.
 *
 * A task that is not running keeps, from tcb->top_of_stack upwards:
 *   r4-r11, EXC_RETURN, PSPLIM, [s16-s31, if EXC_RETURN bit 4 is 0],
 *   then the frame the hardware pushed on exception entry: r0-r3, r12, lr,
 *   pc, xPSR, [s0-s15, FPSCR, reserved, if EXC_RETURN bit 4 is 0].
 * (r4-r11 and EXC_RETURN sit where the ARMv7-M port keeps them.) FP state is
 * stacked lazily, exactly as on ARMv7-M.
 *
 * Stack limit: PSPLIM holds the running task's lowest stack address (rounded
 * up to 8). The core faults (UsageFault STKOF) the moment an instruction or
 * an exception entry would move the process stack pointer below it, before
 * anything is written there. PendSV writes the software part of a context
 * through r0, which the core does not check, so PendSV checks the room
 * itself. Either way arm_port_usage_fault_handler / PendSV call
 * armv8m_stack_overflow(): it reports the task by name, fails configASSERT,
 * and, if the assertion returns, gives the task a fresh context at the
 * bottom of its own stack that suspends it for good, so the rest of the
 * system runs on.
 *
 * Security state: EXC_RETURN must name the state the tasks run in.
 * configRUN_FREERTOS_SECURE_ONLY chooses it (1: Secure, 0: Non-secure or no
 * Security Extension); the SVC handler checks it against the state it was
 * taken in and reports a mismatch.
 */
#include "arm_port_private.h"

#include "task.h"

#define INITIAL_XPSR 0x01000000u /* Thumb state */
#if configRUN_FREERTOS_SECURE_ONLY
#define INITIAL_EXC_RETURN 0xFFFFFFFDu /* Thread, PSP, basic frame, Secure stack and state */
#else
#define INITIAL_EXC_RETURN 0xFFFFFFBCu /* Thread, PSP, basic frame, Non-secure */
#endif
#define EXC_RETURN_SECURITY_BITS 0x41u /* S (bit 6: Secure stack) and ES (bit 0: Secure state) */

#define ARM_SHCSR_USGFAULTENA (1u << 18)
#define ARM_CFSR_STKOF (1u << 20) /* UFSR.STKOF: a stack-limit violation */
#define ARM_FPCCR_LSPACT (1u << 0)

/* Bytes of the bottom of an overflowed task's stack its stopping context may use. */
#define STOPPED_TASK_ROOM 256u

/* The software-saved context in bytes: PendSV's own limit check uses the same numbers. */
#define CONTEXT_CORE_BYTES 40u /* r4-r11, EXC_RETURN, PSPLIM */
#define CONTEXT_FP_BYTES 64u   /* s16-s31 */

/* Called from the handlers below (assembly). */
void armv8m_check_exc_return(uint32_t exc_return);
StackType_t *armv8m_stack_overflow(void);
void armv8m_restore_current(void);

static uint32_t stack_limit(const StackType_t *lowest)
{
    /* PSPLIM bits [2:0] are zero: round up, so the limit stays inside the stack. */
    return ((uint32_t)(uintptr_t)lowest + 7u) & ~7u;
}

static StackType_t *build_frame(StackType_t *top, TaskFunction_t code, void *params, uint32_t limit)
{
    /* The kernel aligned top to 8: the hardware frame ends just below it, 8-aligned. */
    StackType_t *sp = top;

    *--sp = INITIAL_XPSR;
    *--sp = (StackType_t)(uintptr_t)code & ~(StackType_t)1u; /* pc: bit 0 must be clear */
    *--sp = (StackType_t)(uintptr_t)arm_port_task_exit;      /* lr: where a returning task goes */
    sp -= 4;                                                 /* r12, r3-r1: left as they are */
    *--sp = (StackType_t)(uintptr_t)params;                  /* r0 */
    *--sp = limit;                                           /* PSPLIM */
    *--sp = INITIAL_EXC_RETURN; /* no FP state until the task uses the FPU */
    return sp - 8;              /* r11-r4: left as they are */
}

StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, StackType_t *end_of_stack,
                                   TaskFunction_t code, void *params)
{
    return build_frame(top_of_stack, code, params, stack_limit(end_of_stack));
}

void arm_port_arch_start(void)
{
    arm_mainline_enable_lazy_fp();
    /* A stack-limit fault must reach arm_port_usage_fault_handler, not escalate to HardFault. */
    ARM_SHCSR |= ARM_SHCSR_USGFAULTENA;
    arm_barrier();
}

void armv8m_check_exc_return(uint32_t exc_return)
{
    const uint32_t seen = exc_return & EXC_RETURN_SECURITY_BITS;
    const uint32_t expected = INITIAL_EXC_RETURN & EXC_RETURN_SECURITY_BITS;

    if (seen != expected) {
        arm_port_fail("the scheduler starts in the %s state, but configRUN_FREERTOS_SECURE_ONLY "
                      "is %d: set it to %d",
                      (seen & 1u) != 0u ? "Secure" : "Non-secure",
                      (int)configRUN_FREERTOS_SECURE_ONLY, (seen & 1u) != 0u ? 1 : 0);
    }
}

/* Where an overflowed task goes: it never runs its own code again. */
static void stopped_task(void *unused)
{
    (void)unused;
    for (;;) {
#if INCLUDE_vTaskSuspend
        vTaskSuspend(NULL);
#else
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
#endif
    }
}

/*
 * sched_current's stack pointer was about to cross its limit (PSPLIM). Handler context: the
 * UsageFault (above the syscall ceiling) or PendSV. Returns the task's replacement context.
 */
StackType_t *armv8m_stack_overflow(void)
{
    uint32_t limit;

    __asm volatile("mrs %0, psplim" : "=r"(limit));
    arm_port_fail("task '%s' overflowed its stack (PSPLIM): stopped; give it a bigger stack",
                  pcTaskGetName(NULL));
    /* The assertion returned: retire the task and let the others run on. */
    if (configENABLE_FPU) {
        ARM_FPCCR &= ~ARM_FPCCR_LSPACT; /* its reserved FP frame is not to be filled later */
    }
    arm_port_reset_nesting(); /* its critical sections, if any, end with it */
    return build_frame((StackType_t *)(uintptr_t)(limit + STOPPED_TASK_ROOM), stopped_task, NULL,
                       limit);
}

/* Load sched_current's saved context and return to it (r3 need not hold anything). */
__attribute__((naked)) void armv8m_restore_current(void)
{
    __asm volatile(
        "   movw r3, #:lower16:sched_current  \n"
        "   movt r3, #:upper16:sched_current  \n"
        "   ldr r1, [r3]                      \n"
        "   ldr r0, [r1]                      \n" /* top_of_stack */
        "   ldmia r0!, {r4-r11, lr}           \n" /* lr: the task's EXC_RETURN */
        "   ldr r2, [r0], #4                  \n" /* its stack limit */
#if configENABLE_FPU
        "   tst lr, #0x10                     \n"
        "   it eq                             \n"
        "   vldmiaeq r0!, {s16-s31}           \n"
#endif
        "   msr psplim, r2                    \n" /* before PSP: the new PSP is above it */
        "   msr psp, r0                       \n"
        "   isb                               \n"
        "   bx lr                             \n");
}

/* The handler below writes the number as a literal. */
_Static_assert(ARM_SVC_START_FIRST_TASK == 0u, "vPortSVCHandler compares the SVC number with 0");

/*
 * Taken once per scheduler start, from arm_port_start_first_task: check the security state,
 * then run sched_current. Any other SVC number is reported by arm_port_bad_svc (a tail call:
 * the SVC returns having done nothing if the assertion does). The number is the low byte of
 * the 16-bit SVC instruction, just before the stacked return address.
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
        "   b arm_port_bad_svc                \n"
        "1: mov r0, lr                        \n"
        "   bl armv8m_check_exc_return        \n"
        "   mov r0, #0                        \n"
        "   msr basepri, r0                   \n" /* the task starts unmasked */
        "   b armv8m_restore_current          \n");
}

_Static_assert(CONTEXT_CORE_BYTES == 40u && CONTEXT_FP_BYTES == 64u,
               "xPortPendSVHandler checks the room for its context with these literals");

__attribute__((naked)) void xPortPendSVHandler(void)
{
    __asm volatile(
        "   mrs r0, psp                       \n"
        "   isb                               \n"
        "   movw r3, #:lower16:sched_current  \n"
        "   movt r3, #:upper16:sched_current  \n"
        "   ldr r1, [r3]                      \n" /* the outgoing task */
        "   mrs r2, psplim                    \n"
#if configENABLE_FPU
        "   tst lr, #0x10                     \n" /* did the task use the FPU? */
        "   ite eq                            \n"
        "   subeq r12, r0, #104               \n"
        "   subne r12, r0, #40                \n"
#else
        "   sub r12, r0, #40                  \n"
#endif
        "   cmp r12, r2                       \n" /* the writes below are not limit-checked */
        "   bhs 1f                            \n"
        "   push {r3, lr}                     \n"
        "   bl armv8m_stack_overflow          \n" /* r0: the task's replacement context */
        "   pop {r3, lr}                      \n"
        "   ldr r1, [r3]                      \n"
        "   b 2f                              \n"
        "1:                                   \n"
#if configENABLE_FPU
        "   tst lr, #0x10                     \n"
        "   it eq                             \n"
        "   vstmdbeq r0!, {s16-s31}           \n"
#endif
        "   str r2, [r0, #-4]!                \n"
        "   stmdb r0!, {r4-r11, lr}           \n"
        "2: str r0, [r1]                      \n" /* sched_current->top_of_stack */
        "   push {r3, lr}                     \n"
        "   bl arm_mainline_switch_context    \n"
        "   pop {r3, lr}                      \n"
        "   b armv8m_restore_current          \n");
}

/*
 * UsageFault. A stack-limit violation on the process stack in Thread mode is a task's
 * overflow: clear it, stop the task, and run sched_current's (replacement) context. Anything
 * else is not the port's: disable UsageFault and return, so that the faulting instruction
 * runs again and escalates to HardFault, whose handler finds CFSR as the fault left it.
 */
__attribute__((naked)) void arm_port_usage_fault_handler(void)
{
    __asm volatile(
        "   movw r0, #0xED28                  \n" /* CFSR */
        "   movt r0, #0xE000                  \n"
        "   ldr r1, [r0]                      \n"
        "   tst r1, #0x100000                 \n" /* STKOF */
        "   beq 1f                            \n"
        "   and r2, lr, #0xC                  \n" /* EXC_RETURN: Thread mode, process stack? */
        "   cmp r2, #0xC                      \n"
        "   bne 1f                            \n"
        "   mov r1, #0x100000                 \n"
        "   str r1, [r0]                      \n" /* write one to clear STKOF */
        "   bl armv8m_stack_overflow          \n"
        "   movw r3, #:lower16:sched_current  \n"
        "   movt r3, #:upper16:sched_current  \n"
        "   ldr r1, [r3]                      \n"
        "   str r0, [r1]                      \n"
        "   mov r0, #0                        \n"
        "   msr basepri, r0                   \n"
        "   b armv8m_restore_current          \n"
        "1: movw r0, #0xED24                  \n" /* SHCSR */
        "   movt r0, #0xE000                  \n"
        "   ldr r1, [r0]                      \n"
        "   bic r1, r1, #0x40000              \n" /* USGFAULTENA */
        "   str r1, [r0]                      \n"
        "   dsb                               \n"
        "   isb                               \n"
        "   bx lr                             \n");
}
