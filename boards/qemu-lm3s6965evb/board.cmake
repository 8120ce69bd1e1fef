# SPDX-License-Identifier: MIT
# QEMU's lm3s6965evb machine (TI Stellaris LM3S6965 evaluation board): Cortex-M3 at 50 MHz
# (board.c sets the clock), 256 KiB flash at 0, 64 KiB SRAM at 0x20000000, PL011 UART,
# Stellaris general-purpose timers and watchdog. Read by the toolchain file
# (cmake/toolchain-arm-none-eabi.cmake, for the CPU flags), by cmake/quartz_board.cmake (the
# board target), by cmake/quartz_board_tests.cmake (tests pending on this board) and by
# tools/qemu-run.
set(QUARTZ_BOARD_PORT GCC_ARM_CM3)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m3 -mthumb)
set(QUARTZ_BOARD_QEMU_MACHINE lm3s6965evb)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/lm3s6965.ld)
set(QUARTZ_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/board.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/syscalls.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/semihost.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/console.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/board_report.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/board_lines.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/arm_common)
# Every kernel test runs here (QUARTZ_BOARD_OWN_PENDING_TESTS would list those that cannot).
# Networking: the on-chip Ethernet controller (-nic, QEMU's stellaris_enet), with lwIP sized
# for 64 KiB (lwipopts.h here, over the shared libs/net/port/lwipopts_board.h).
set(QUARTZ_BOARD_NET_DRIVER stellaris_enet)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/lwipopts.h)
# The TAP network test's concurrent case (libs/net/tests: net_test.h's sizes) opens 4
# connections at once, not 16. Each costs its client task (384 words: it uses about 280, its
# 512-byte chunk included), about 0.5 KiB of PCB, netconn, mailbox and semaphore, and up to 2
# segments each of received and of unacknowledged data (lwipopts.h's windows): about 8 KiB at
# worst. The heap has about 29 KiB left when the case starts, so 16 clients' stacks and
# connections alone (about 34 KiB) would not fit; with 4, a shortage only delays a segment.
set(QUARTZ_BOARD_NET_TEST_SIZES NET_CONCURRENT=4 NET_CLIENT_STACK=384u)
