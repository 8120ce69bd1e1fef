/* SPDX-License-Identifier: MIT */
/*
 * portasm.S: the RISC-V port's trap entry and exit, and the jumps between
 * main() and the first task (riscv_frame.h has the saved-context layout).
 *
 * Trap entry (mtvec, direct mode): push a frame on the interrupted stack
 * (the running task's, or main's before the scheduler starts), including the
 * F/D registers only when the interrupted code's mstatus.FS is not Off, mark
 * the hart inside a handler, and call riscv_port_trap(mcause, frame) on the
 * interrupt stack. It returns the frame to resume (another task's after a
 * switch); the exit pops it and returns with mret. Handlers run with MIE = 0
 * and never nest: a trap taken inside a handler (an exception there) goes to
 * riscv_port_nested_trap, which reports it and never returns.
 *
 * While a handler runs, FS is on (Dirty) so handlers may use the FPU: the
 * interrupted task's FP state is already in its frame (or it has none).
 */
#include "riscv_frame.h"

#if RISCV_FRAME_HAS_FP
#if RISCV_FLEN_BYTES == 8
#define FSTORE fsd
#define FLOAD fld
#else
#define FSTORE fsw
#define FLOAD flw
#endif
#endif

/* Apply `op` to 5 .. 31: x5 .. x31 are every register but zero, ra, sp, gp and tp. */
.macro for_x5_to_x31 op
    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18
        \op \n
    .endr
    .irp n, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        \op \n
    .endr
.endm

.macro save_x n
    sw x\n, RISCV_FRAME_X(\n)(sp)
.endm

.macro load_x n
    lw x\n, RISCV_FRAME_X(\n)(sp)
.endm

#if RISCV_FRAME_HAS_FP
.macro for_f0_to_f31 op
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        \op \n
    .endr
    .irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        \op \n
    .endr
.endm

.macro save_f n
    FSTORE f\n, RISCV_FRAME_F(\n)(sp)
.endm

.macro load_f n
    FLOAD f\n, RISCV_FRAME_F(\n)(sp)
.endm
#endif

    .section .text.freertos_risc_v_trap_handler, "ax", @progbits
    .global freertos_risc_v_trap_handler
    .type freertos_risc_v_trap_handler, @function
    .balign 4 /* mtvec's BASE; MODE 0 (direct) */
freertos_risc_v_trap_handler:
    addi sp, sp, -RISCV_FRAME_SIZE
    sw ra, RISCV_FRAME_RA(sp)
    for_x5_to_x31 save_x
    csrr t0, mepc
    sw t0, RISCV_FRAME_MEPC(sp)
    csrr t0, mstatus
    sw t0, RISCV_FRAME_MSTATUS(sp)
#if RISCV_FRAME_HAS_FP
    li t1, RISCV_MSTATUS_FS_MASK
    and t2, t0, t1
    beqz t2, 1f /* FS Off: this code has no FP state */
    for_f0_to_f31 save_f
    frcsr t2
    sw t2, RISCV_FRAME_FCSR(sp)
1:  csrs mstatus, t1 /* handlers may use the FPU, in round-to-nearest */
    fscsr zero
#endif
    la t1, riscv_port_isr_depth
    lw t0, 0(t1)
    bnez t0, 2f
    li t0, 1
    sw t0, 0(t1)
    csrr a0, mcause
    mv a1, sp
    lw sp, riscv_port_isr_stack_top
    call riscv_port_trap
    la t1, riscv_port_isr_depth
    sw zero, 0(t1)
    j riscv_port_resume_frame

2:  csrr a0, mcause /* a trap inside a handler: stay on this stack and report it */
    mv a1, sp
    call riscv_port_nested_trap
3:  j 3b
    .size freertos_risc_v_trap_handler, . - freertos_risc_v_trap_handler

/* Resume the context saved in the frame at a0 (a task's, or main's). MIE is 0. */
    .section .text.riscv_port_resume_frame, "ax", @progbits
    .global riscv_port_resume_frame
    .type riscv_port_resume_frame, @function
riscv_port_resume_frame:
    mv sp, a0
#if RISCV_FRAME_HAS_FP
    lw t0, RISCV_FRAME_MSTATUS(sp)
    li t1, RISCV_MSTATUS_FS_MASK
    and t0, t0, t1
    beqz t0, 1f
    csrs mstatus, t1 /* loading needs FS on; mstatus below sets the task's own FS */
    for_f0_to_f31 load_f
    lw t0, RISCV_FRAME_FCSR(sp)
    fscsr t0
1:
#endif
    lw t0, RISCV_FRAME_MEPC(sp)
    csrw mepc, t0
    lw t0, RISCV_FRAME_MSTATUS(sp)
    csrw mstatus, t0
    lw ra, RISCV_FRAME_RA(sp)
    for_x5_to_x31 load_x
    addi sp, sp, RISCV_FRAME_SIZE
    mret
    .size riscv_port_resume_frame, . - riscv_port_resume_frame

/*
 * riscv_port_start_first_task(ctx): save the caller's callee-saved state in
 * ctx and resume sched_current. Returns (with ctx's state) only when
 * riscv_port_resume_main(ctx) runs. Called with MIE = 0.
 */
    .section .text.riscv_port_start_first_task, "ax", @progbits
    .global riscv_port_start_first_task
    .type riscv_port_start_first_task, @function
riscv_port_start_first_task:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        sw s\n, RISCV_MAIN_S(\n)(a0)
    .endr
    sw ra, RISCV_MAIN_RA(a0)
    sw sp, RISCV_MAIN_SP(a0)
#if RISCV_FRAME_HAS_FP
    li t0, RISCV_MSTATUS_FS_INITIAL
    csrs mstatus, t0
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        FSTORE fs\n, RISCV_MAIN_FS(\n)(a0)
    .endr
#endif
    lw t0, sched_current
    lw a0, 0(t0) /* top_of_stack, the first word of the TCB */
    j riscv_port_resume_frame
    .size riscv_port_start_first_task, . - riscv_port_start_first_task

/* riscv_port_resume_main(ctx): leave the calling task for good; MIE stays 0. */
    .section .text.riscv_port_resume_main, "ax", @progbits
    .global riscv_port_resume_main
    .type riscv_port_resume_main, @function
riscv_port_resume_main:
#if RISCV_FRAME_HAS_FP
    li t0, RISCV_MSTATUS_FS_INITIAL
    csrs mstatus, t0
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        FLOAD fs\n, RISCV_MAIN_FS(\n)(a0)
    .endr
#endif
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        lw s\n, RISCV_MAIN_S(\n)(a0)
    .endr
    lw ra, RISCV_MAIN_RA(a0)
    lw sp, RISCV_MAIN_SP(a0)
    ret /* from riscv_port_start_first_task */
    .size riscv_port_resume_main, . - riscv_port_resume_main
