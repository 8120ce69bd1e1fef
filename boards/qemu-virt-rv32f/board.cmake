# SPDX-License-Identifier: MIT
# QEMU's virt machine with one RV32IMAFC hart (single-precision F, hard-float ABI ilp32f): the
# FP variant of qemu-virt-rv32, whose board code, linker script and configuration it shares.
# The port saves f0-f31 and fcsr only for tasks that have used the FPU (mstatus.FS).
# (tools/qemu-run reads the QEMU lines from this file itself, so they are repeated here.)
include(${CMAKE_CURRENT_LIST_DIR}/../qemu-virt-rv32/board.cmake)
# See qemu-virt-rv32 for why -misa-spec=2.2 (Debian's multilib names).
set(QUARTZ_BOARD_CPU_FLAGS -march=rv32imafc -misa-spec=2.2 -mabi=ilp32f -mcmodel=medany)
set(QUARTZ_BOARD_QEMU qemu-system-riscv32)
set(QUARTZ_BOARD_QEMU_MACHINE virt)
# A hart with F and without D (FLEN 32), as the build assumes.
set(QUARTZ_BOARD_QEMU_ARGS "-bios none -cpu rv32,d=false -rtc clock=vm")
set(QUARTZ_BOARD_QEMU_NIC_DEVICE virtio-net-device)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/riscv
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/riscv32)
# The kernel suite runs in full on qemu-virt-rv32; here only in its default configuration (and
# the port tests in theirs), which covers the FP frames without building every variant twice.
set(QUARTZ_BOARD_TEST_CONFIGS default port_riscv)
