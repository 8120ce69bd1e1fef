/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h: the facts of QEMU's virt machine (hw/riscv/virt.c, 32-bit,
 * one hart) that Quartz's board code needs: the memory map, PLIC sources and
 * clocks. boards/common/riscv/ serves every virt board from these.
 */
#ifndef BOARD_DEFS_H
#define BOARD_DEFS_H

#ifndef BOARD_NAME /* qemu-virt-rv32f names itself, then includes this file */
#define BOARD_NAME "qemu-virt-rv32"
#endif
/* QEMU models no core clock; the CLINT's mtime counts at 10 MHz (timebase-frequency). */
#define BOARD_MTIME_CLOCK_HZ 10000000u

#define BOARD_TEST_BASE 0x00100000u /* SiFive test device: writes end the run */
#define BOARD_RTC_BASE 0x00101000u  /* Goldfish RTC: nanoseconds, one alarm */
#define BOARD_CLINT_BASE 0x02000000u
#define BOARD_MTIMECMP_BASE 0x02004000u
#define BOARD_MTIME_BASE 0x0200BFF8u
#define BOARD_PLIC_BASE 0x0C000000u
#define BOARD_UART0_BASE 0x10000000u

/* PLIC sources 1..BOARD_IRQ_COUNT-1 (0 means none). */
#define BOARD_IRQ_COUNT 96
#define BOARD_UART0_IRQ 10u
#define BOARD_RTC_IRQ 11u
#define BOARD_IRQ_PRIORITY_MAX 7u

/*
 * Two board timers counting nanoseconds, multiplexed on the RTC's one alarm. Their interrupt
 * numbers (board_timer_irq) follow the PLIC's sources; the board routes the RTC's source.
 */
#define BOARD_TIMER_COUNT 2u
#define BOARD_TIMER_CLOCK_HZ 1000000000u
#define BOARD_TIMER_IRQ_BASE BOARD_IRQ_COUNT

/*
 * The eight virtio-mmio transports (libs/net/port/virtio_net scans them): slot i at
 * BASE + i * STRIDE, PLIC source IRQ + i. QEMU fills them from the last slot down, so the first
 * -device virtio-...-device sits at 0x10008000, source 8.
 */
#define BOARD_VIRTIO_MMIO_BASE 0x10001000u
#define BOARD_VIRTIO_MMIO_STRIDE 0x1000u
#define BOARD_VIRTIO_MMIO_COUNT 8u
#define BOARD_VIRTIO_MMIO_IRQ 1u

/* Software interrupt lines (board_soft_irq_*), taken as the supervisor software interrupt. */
#define BOARD_SOFT_IRQ_COUNT 8u

#endif /* BOARD_DEFS_H */
