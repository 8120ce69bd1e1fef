/* SPDX-License-Identifier: MIT */
/*
 * riscv_frame.h: the layout of a saved context, shared by the assembly
 * (portasm.S) and C (port.c, the port tests). Only #defines, so that .S files
 * can include it.
 *
 * A task that is not running keeps one frame at tcb->top_of_stack (byte
 * offsets from it):
 *     0  mepc      where the task resumes
 *     4  mstatus   its MPIE (MIE after mret), MPP = M, and FS: 0 (Off) means
 *                  the task has never used the FPU and the FP area is unused
 *     8  nesting   its critical-section nesting count
 *    12  x1 (ra)
 *    16  x5 .. x31 (4 bytes each: x<n> at (n - 1) * 4), then one word of padding
 *   128  with an FPU: f0 .. f31 (FLEN/8 bytes each), fcsr, padding to 16 bytes;
 *        written and read only when the saved FS is not Off
 * sp (x2) is the frame's address itself; gp (x3) and tp (x4) are the same for
 * every task and never saved. The size keeps the psABI's 16-byte alignment.
 */
#ifndef RISCV_FRAME_H
#define RISCV_FRAME_H

#define RISCV_FRAME_MEPC 0
#define RISCV_FRAME_MSTATUS 4
#define RISCV_FRAME_NESTING 8
#define RISCV_FRAME_RA 12
#define RISCV_FRAME_X(n) (((n) - 1) * 4) /* n = 5 .. 31 */
#define RISCV_FRAME_INT_SIZE 128

#if defined(__riscv_flen) && !defined(__riscv_float_abi_soft)
#define RISCV_FRAME_HAS_FP 1
#define RISCV_FLEN_BYTES (__riscv_flen / 8)
#else
#define RISCV_FRAME_HAS_FP 0
#define RISCV_FLEN_BYTES 0
#endif

#define RISCV_FRAME_F(n) (RISCV_FRAME_INT_SIZE + (n) * RISCV_FLEN_BYTES)
#define RISCV_FRAME_FCSR RISCV_FRAME_F(32)
#if RISCV_FRAME_HAS_FP
#define RISCV_FRAME_FP_SIZE ((32 * RISCV_FLEN_BYTES + 4 + 15) & ~15)
#else
#define RISCV_FRAME_FP_SIZE 0
#endif
#define RISCV_FRAME_SIZE (RISCV_FRAME_INT_SIZE + RISCV_FRAME_FP_SIZE)

/* mstatus fields */
#define RISCV_MSTATUS_MIE 0x00000008
#define RISCV_MSTATUS_MPIE 0x00000080
#define RISCV_MSTATUS_MPP_M 0x00001800
#define RISCV_MSTATUS_FS_MASK 0x00006000
#define RISCV_MSTATUS_FS_INITIAL 0x00002000
#define RISCV_MSTATUS_FS_CLEAN 0x00004000
#define RISCV_MSTATUS_FS_DIRTY 0x00006000

/*
 * The context of the code that called xPortStartScheduler (struct
 * riscv_main_context in port.c), restored by vPortEndScheduler: s0-s11, ra,
 * sp, then fs0-fs11 with an FPU.
 */
#define RISCV_MAIN_S(n) ((n) * 4)
#define RISCV_MAIN_RA 48
#define RISCV_MAIN_SP 52
#define RISCV_MAIN_FS(n) (56 + (n) * 8) /* 8-byte slots fit either FLEN */
#define RISCV_MAIN_SIZE (56 + 12 * 8)

#endif /* RISCV_FRAME_H */
