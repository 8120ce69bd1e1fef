# SPDX-License-Identifier: MIT
# QEMU's mps2-an386 machine: the AN385 board with a Cortex-M4F (single-precision FPU) instead
# of the Cortex-M3. Same memory map, peripherals and interrupts, so it reuses
# qemu-mps2-an385's board code and linker script with its own board_defs.h.
set(QUARTZ_BOARD_PORT GCC_ARM_CM4F)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
set(QUARTZ_BOARD_QEMU_MACHINE mps2-an386)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/../qemu-mps2-an385/mps2.ld)
set(QUARTZ_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/../qemu-mps2-an385/board.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/syscalls.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/semihost.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/console.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/board_report.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/board_lines.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cmsdk/cmsdk.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m
    ${CMAKE_CURRENT_LIST_DIR}/../common/cmsdk
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/arm_common)
# Networking (libs/net/boards): QEMU's lan9118 NIC and lwIP options sized for the board.
set(QUARTZ_BOARD_NET_DRIVER lan9118)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/../../libs/net/port/lwipopts_board.h)
