# SPDX-License-Identifier: MIT
# QEMU's virt machine with one RV32IMAC hart in machine mode: 128 MiB of RAM at 0x80000000,
# the CLINT (machine timer, software interrupt), the PLIC, an NS16550A UART, the SiFive
# test device (run exit status) and a Goldfish RTC (the board timer). Read by the toolchain
# file (cmake/toolchain-riscv64-unknown-elf.cmake, for the CPU flags), by
# cmake/quartz_board.cmake (the board target), cmake/quartz_boards.cmake and tools/qemu-run.
set(QUARTZ_BOARD_PORT GCC_RISC_V)
set(QUARTZ_BOARD_ARCH riscv)
set(QUARTZ_BOARD_TOOLCHAIN riscv64-unknown-elf)
# RV32IMAC with Zicsr/Zifencei. Spelled as ISA spec 2.2 (where I includes them) because Debian's
# GCC 12 picks picolibc's multilib by the exact -march string: rv32imac_zicsr matches none.
set(QUARTZ_BOARD_CPU_FLAGS -march=rv32imac -misa-spec=2.2 -mabi=ilp32 -mcmodel=medany)
set(QUARTZ_BOARD_QEMU qemu-system-riscv32)
set(QUARTZ_BOARD_QEMU_MACHINE virt)
# No firmware (the image starts in M-mode at its entry point), a hart without F and D so a
# stray FP instruction faults, and the RTC on virtual time so the board timer follows -icount.
set(QUARTZ_BOARD_QEMU_ARGS "-bios none -cpu rv32,f=false,d=false -rtc clock=vm")
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/../common/riscv/virt.ld)
set(QUARTZ_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/../common/riscv/virt_board.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/board_report.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/riscv/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/riscv/syscalls.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/riscv
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/riscv32)
# Networking (libs/net/boards): a virtio-net device on a virtio-mmio slot (tools/qemu-run --net
# adds -netdev ... -device virtio-net-device) and the boards' shared lwIP options.
set(QUARTZ_BOARD_NET_DRIVER virtio_net)
# The protocol libraries' board tests (libs/boards) run here, for every board with this driver.
set(QUARTZ_BOARD_PROTOCOL_TESTS ON)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/../../libs/net/port/lwipopts_board.h)
set(QUARTZ_BOARD_QEMU_NIC_DEVICE virtio-net-device)
# QEMU's virtio-mmio is legacy (version 1) unless told otherwise: test the modern one too.
set(QUARTZ_BOARD_NET_TEST_VARIANTS modern "-global virtio-mmio.force-legacy=false")
