# SPDX-License-Identifier: MIT
# QEMU's mps2-an385 machine: Cortex-M3 at 25 MHz, 4 MiB code RAM at 0, 4 MiB
# data RAM at 0x20000000, CMSDK UART and timers. Read by the toolchain file
# (cmake/toolchain-arm-none-eabi.cmake, for the CPU flags), by
# cmake/quartz_board.cmake (the board target) and by tools/qemu-run.
set(QUARTZ_BOARD_PORT GCC_ARM_CM3)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m3 -mthumb)
set(QUARTZ_BOARD_QEMU_MACHINE mps2-an385)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/mps2.ld)
set(QUARTZ_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/board.c
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
# The protocol libraries' board tests (libs/boards) run here, for every board with this driver.
set(QUARTZ_BOARD_PROTOCOL_TESTS ON)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/../../libs/net/port/lwipopts_board.h)
