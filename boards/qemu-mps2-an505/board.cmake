# SPDX-License-Identifier: MIT
# QEMU's mps2-an505 machine: a Cortex-M33 with the single-precision FPU at 20 MHz in Arm's
# IoT Kit subsystem, booting in the Secure state. Quartz runs entirely Secure, without a
# TrustZone split, on the secure aliases of the memory and peripherals. The board code is
# the AN385's (board.c, driven by this board's board_defs.h), with its own linker script.
# Read by the toolchain file (CPU flags), cmake/quartz_board.cmake and tools/qemu-run.
set(QUARTZ_BOARD_PORT GCC_ARM_CM33_NTZ_NONSECURE)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16)
set(QUARTZ_BOARD_QEMU_MACHINE mps2-an505)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/an505.ld)
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
# Networking (libs/net/boards): QEMU's lan9118 NIC, as on the AN385, and the boards' lwIP options.
set(QUARTZ_BOARD_NET_DRIVER lan9118)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/../../libs/net/port/lwipopts_board.h)
