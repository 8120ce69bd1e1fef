/* SPDX-License-Identifier: MIT */
/*
 * port.c: the C half of the RISC-V port: critical sections, a task's first
 * frame, the trap dispatcher the assembly entry calls, the machine-timer
 * tick, yields through the machine software interrupt, and scheduler start
 * and end.
 *
 * Nesting: the count of the running task lives in `nesting`; each trap saves
 * it in the interrupted task's frame and the exit restores the resumed task's,
 * so it is counted per task. Before the scheduler starts, and after it ends,
 * it holds NESTING_STOPPED, which never counts down to 0: the first critical
 * section in main() leaves interrupts masked until the first task runs.
 *
 * Locking: trap handlers run with MIE = 0 and never nest, so the dispatcher
 * and everything it calls own the hart; task code takes the kernel lock by
 * clearing MIE (vPortEnterCritical).
 */
#include "FreeRTOS.h"
#include "task.h"

#include "port_contract.h"
#include "riscv_frame.h"
#include "riscv_port.h"

#include <string.h>

#define NESTING_STOPPED 0xAAAAAAAAu
#define WORD(frame, offset) ((frame)[(offset) / (int)sizeof(StackType_t)])

#define MTIME_LO (*(volatile uint32_t *)(uintptr_t)(configMTIME_BASE_ADDRESS))
#define MTIME_HI (*(volatile uint32_t *)(uintptr_t)((configMTIME_BASE_ADDRESS) + 4u))
#define MTIMECMP_LO (*(volatile uint32_t *)(uintptr_t)(configMTIMECMP_BASE_ADDRESS))
#define MTIMECMP_HI (*(volatile uint32_t *)(uintptr_t)((configMTIMECMP_BASE_ADDRESS) + 4u))
#define MSIP (*(volatile uint32_t *)(uintptr_t)(configMSIP_BASE_ADDRESS))

#ifndef configPLIC_CONTEXT
#define configPLIC_CONTEXT 0 /* hart 0, machine mode */
#endif

_Static_assert(RISCV_FRAME_SIZE % 16 == 0, "frames keep the stack 16-byte aligned");
_Static_assert((configMTIME_CLOCK_HZ) / (configTICK_RATE_HZ) > 0,
               "mtime cannot count configTICK_RATE_HZ");

volatile uint32_t riscv_port_isr_depth;
volatile uint32_t riscv_port_yield_from_isr;
static volatile UBaseType_t nesting = NESTING_STOPPED;
static uint32_t main_context[RISCV_MAIN_SIZE / 4] __attribute__((aligned(8)));
static uint64_t next_compare; /* mtime of the next tick */

/* The interrupt stack: a static array, or the linker script's __freertos_irq_stack_top. */
#ifdef configISR_STACK_SIZE_WORDS
static StackType_t isr_stack[(configISR_STACK_SIZE_WORDS + 3) & ~3] __attribute__((aligned(16)));
StackType_t *const riscv_port_isr_stack_top = &isr_stack[(configISR_STACK_SIZE_WORDS + 3) & ~3];
#else
extern StackType_t __freertos_irq_stack_top[];
StackType_t *const riscv_port_isr_stack_top = __freertos_irq_stack_top;
#endif

/* portasm.S */
void riscv_port_start_first_task(uint32_t *ctx);
void riscv_port_resume_main(uint32_t *ctx) __attribute__((noreturn));
StackType_t *riscv_port_trap(uint32_t mcause, StackType_t *frame);
void riscv_port_nested_trap(uint32_t mcause, StackType_t *frame) __attribute__((noreturn));
static void task_exit(void);

void vPortEnterCritical(void)
{
    portDISABLE_INTERRUPTS();
    nesting++;
    /* Handlers use portSET_INTERRUPT_MASK_FROM_ISR: the count belongs to the running task. */
    configASSERT(!portIS_INSIDE_INTERRUPT());
}

void vPortExitCritical(void)
{
    configASSERT(nesting > 0); /* more exits than entries */
    if (nesting == 0) {
        return;
    }
    nesting--;
    if (nesting == 0) {
        portENABLE_INTERRUPTS(); /* a yield requested meanwhile (msip) is taken here */
    }
}

void vPortYield(void)
{
    MSIP = 1u;
    /* Unmasked, the switch happens now: wait until the handler has taken the request. */
    if ((riscv_csr_read(mstatus) & RISCV_MSTATUS_MIE) != 0u) {
        while (MSIP != 0u) {
        }
    }
}

StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params)
{
    /* The psABI wants sp 16-byte aligned: the frame ends there, and so does the task's sp. */
    StackType_t *top = (StackType_t *)((uintptr_t)top_of_stack & ~(uintptr_t)15u);
    StackType_t *frame = top - RISCV_FRAME_SIZE / sizeof(StackType_t);

    for (unsigned n = 5; n <= 31; n++) {
        WORD(frame, RISCV_FRAME_X(n)) = n * 0x01010101u; /* recognisable in a debugger */
    }
    WORD(frame, RISCV_FRAME_MEPC) = (StackType_t)(uintptr_t)code;
    /* M-mode, interrupts on after mret, FS Off: the FPU is enabled at the first FP instruction. */
    WORD(frame, RISCV_FRAME_MSTATUS) = RISCV_MSTATUS_MPP_M | RISCV_MSTATUS_MPIE;
    WORD(frame, RISCV_FRAME_NESTING) = 0;
    WORD(frame, RISCV_FRAME_RA) = (StackType_t)(uintptr_t)task_exit;
    WORD(frame, RISCV_FRAME_X(10)) = (StackType_t)(uintptr_t)params; /* a0 */
    return frame;
}

static uint64_t mtime_read(void)
{
    uint32_t hi, lo;

    do {
        hi = MTIME_HI;
        lo = MTIME_LO;
    } while (hi != MTIME_HI); /* the low word wrapped between the reads */
    return ((uint64_t)hi << 32) | lo;
}

/* Never below the old value on the way (no spurious interrupt between the two stores). */
static void mtimecmp_write(uint64_t value)
{
    MTIMECMP_HI = 0xFFFFFFFFu;
    MTIMECMP_LO = (uint32_t)value;
    MTIMECMP_HI = (uint32_t)(value >> 32);
}

void vPortSetupTimerInterrupt(void)
{
    next_compare = mtime_read() + (configMTIME_CLOCK_HZ) / (configTICK_RATE_HZ);
    mtimecmp_write(next_compare);
}

/*
 * One tick per interrupt. After a stall (a debugger, a long masked section, an emulator the
 * host did not run) mtimecmp is still in the past: with configRISCV_TICK_CATCH_UP the
 * interrupt comes straight back until every tick is counted; without, the missed ticks are
 * dropped and the next one is a whole period from now.
 */
static BaseType_t tick_isr(void)
{
    const uint32_t period = (configMTIME_CLOCK_HZ) / (configTICK_RATE_HZ);
    UBaseType_t mask;
    BaseType_t switch_needed;

    next_compare += period;
    if (!configRISCV_TICK_CATCH_UP && next_compare <= mtime_read()) {
        next_compare = mtime_read() + period;
    }
    mtimecmp_write(next_compare);
    mask = portSET_INTERRUPT_MASK_FROM_ISR();
    switch_needed = sched_tick_isr();
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return switch_needed;
}

static void external_isr(void)
{
#ifdef configPLIC_BASE_ADDRESS
    uint32_t source;

    while ((source = RISCV_PLIC_CLAIM(configPLIC_BASE_ADDRESS, configPLIC_CONTEXT)) != 0u) {
        riscv_port_external_interrupt(source);
        RISCV_PLIC_CLAIM(configPLIC_BASE_ADDRESS, configPLIC_CONTEXT) = source; /* complete */
    }
#else
    riscv_port_external_interrupt(0);
#endif
}

static void interrupt(uint32_t cause)
{
    switch (cause) {
    case RISCV_IRQ_M_SOFT:
        MSIP = 0u;
        riscv_port_yield_from_isr = 1u;
        break;
    case RISCV_IRQ_M_TIMER:
        if (tick_isr() != pdFALSE) {
            riscv_port_yield_from_isr = 1u;
        }
        break;
    case RISCV_IRQ_M_EXT:
        external_isr();
        break;
    default:
        riscv_port_other_interrupt(cause);
        break;
    }
}

/*
 * The first FP instruction of code whose FS is Off traps as illegal: turn the FPU on for it
 * (from now on its frames carry its FP state) with zeroed registers, and retry. Returns
 * pdFALSE for any other exception.
 */
static BaseType_t enable_fpu(uint32_t mcause, StackType_t *frame)
{
    if (!RISCV_FRAME_HAS_FP || mcause != RISCV_EXC_ILLEGAL_INSTRUCTION ||
        (WORD(frame, RISCV_FRAME_MSTATUS) & RISCV_MSTATUS_FS_MASK) != 0u) {
        return pdFALSE;
    }
    memset(&WORD(frame, RISCV_FRAME_INT_SIZE), 0, RISCV_FRAME_FP_SIZE);
    WORD(frame, RISCV_FRAME_MSTATUS) |= RISCV_MSTATUS_FS_INITIAL;
    return pdTRUE;
}

/* Called by the trap entry on the interrupt stack; returns the frame to resume. */
StackType_t *riscv_port_trap(uint32_t mcause, StackType_t *frame)
{
    WORD(frame, RISCV_FRAME_NESTING) = nesting;
    if ((mcause & RISCV_MCAUSE_INTERRUPT) != 0u) {
        interrupt(mcause & ~RISCV_MCAUSE_INTERRUPT);
    } else if (enable_fpu(mcause, frame) == pdFALSE) {
        riscv_port_exception(mcause, WORD(frame, RISCV_FRAME_MEPC), riscv_csr_read(mtval), 0);
    }
    if (riscv_port_yield_from_isr != 0u && nesting != NESTING_STOPPED) {
        riscv_port_yield_from_isr = 0u;
        MSIP = 0u; /* this switch also serves a yield the task had requested */
        *(StackType_t *volatile *)sched_current = frame; /* top_of_stack: the TCB's first word */
        sched_switch_context();
        frame = *(StackType_t *volatile *)sched_current;
    }
    nesting = WORD(frame, RISCV_FRAME_NESTING);
    return frame;
}

void riscv_port_nested_trap(uint32_t mcause, StackType_t *frame)
{
    riscv_port_exception(mcause, WORD(frame, RISCV_FRAME_MEPC), riscv_csr_read(mtval), 1);
}

BaseType_t xPortStartScheduler(void)
{
    configASSERT(sched_current != NULL);
    configASSERT(!portIS_INSIDE_INTERRUPT());
    __asm volatile("csrw mtvec, %0" ::"r"(freertos_risc_v_trap_handler) : "memory");
    riscv_port_yield_from_isr = 0u;
    MSIP = 0u;
    vPortSetupTimerInterrupt();
    riscv_csr_set(mie, RISCV_MIP_MSIP | RISCV_MIP_MTIP | RISCV_MIP_MEIP);
    nesting = 0;
    riscv_port_start_first_task(main_context);
    /* vPortEndScheduler brought us back, on main's stack with MIE = 0. */
    nesting = NESTING_STOPPED;
    return pdFALSE;
}

void vPortEndScheduler(void)
{
    /* Only a task can end the scheduler: there is no way back from a handler. */
    configASSERT(!portIS_INSIDE_INTERRUPT());
    portDISABLE_INTERRUPTS();
    riscv_csr_clear(mie, RISCV_MIP_MSIP | RISCV_MIP_MTIP);
    mtimecmp_write(UINT64_MAX);
    MSIP = 0u;
    riscv_port_yield_from_isr = 0u;
    riscv_port_resume_main(main_context);
}

/*
 * portIDLE_HOOK with configRISCV_IDLE_SLEEP: sleep unless the kernel has work. MIE = 0 closes
 * the race with an interrupt that readies a task between the check and the WFI: WFI still
 * wakes for a pending enabled interrupt, which is taken when MIE returns.
 */
void riscv_port_idle_sleep(void)
{
    portDISABLE_INTERRUPTS();
    if (eTaskConfirmSleepModeStatus() != eAbortSleep) {
        __asm volatile("wfi" ::: "memory");
    }
    portENABLE_INTERRUPTS();
}

static void task_exit(void)
{
    sched_task_exit_error();
    for (;;) {
    }
}

__attribute__((weak)) void riscv_port_external_interrupt(uint32_t source)
{
    (void)source;
    configASSERT(source == 0xFFFFFFFFu); /* an external interrupt nobody handles */
}

__attribute__((weak)) void riscv_port_other_interrupt(uint32_t cause)
{
    (void)cause;
    configASSERT(cause == 0xFFFFFFFFu);        /* an interrupt cause nobody handles */
    riscv_csr_clear(mie, 1u << (cause & 31u)); /* without configASSERT: stop it recurring */
}

__attribute__((weak)) void riscv_port_exception(uint32_t mcause, uint32_t mepc, uint32_t mtval,
                                                int in_handler)
{
    (void)mcause;
    (void)mepc;
    (void)mtval;
    (void)in_handler;
    configASSERT(mcause == 0xFFFFFFFFu); /* an exception: a bug in the code at mepc */
    for (;;) {
        __asm volatile("wfi");
    }
}
