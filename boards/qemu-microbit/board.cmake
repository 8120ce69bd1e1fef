# SPDX-License-Identifier: MIT
# QEMU's microbit machine (BBC micro:bit v1, nRF51822): Cortex-M0 at 16 MHz, 256 KiB flash at
# 0, 16 KiB RAM at 0x20000000, nRF51 UART and TIMER0-2. Read by the toolchain file
# (cmake/toolchain-arm-none-eabi.cmake, for the CPU flags), by cmake/quartz_board.cmake (the
# board target), by cmake/quartz_board_tests.cmake (tests pending on this board) and by
# tools/qemu-run.
set(QUARTZ_BOARD_PORT GCC_ARM_CM0)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m0 -mthumb)
set(QUARTZ_BOARD_QEMU_MACHINE microbit)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/microbit.ld)
set(QUARTZ_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/board.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/syscalls.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/semihost.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/console.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/board_lines.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/arm_common)
# Kernel tests that cannot run here (cmake/quartz_board_tests.cmake): "<regex>=<why>", matched
# against "<test>" and "<test>/<config>".
set(QUARTZ_BOARD_OWN_PENDING_TESTS
    "/optimised$=configUSE_PORT_OPTIMISED_TASK_SELECTION 1 is an #error on ARMv6-M (no CLZ)")
