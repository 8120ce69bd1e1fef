# SPDX-License-Identifier: MIT
# The board template (docs/porting/new-board.md): a Cortex-M board whose every board function
# is still to be written. `tools/new-board <name>` copies it to boards/<name>/ and adds the
# board to the build. Read by the toolchain file (cmake/toolchain-arm-none-eabi.cmake, for the
# CPU flags), by cmake/quartz_board.cmake (the board target), by
# cmake/quartz_board_tests.cmake (tests pending on this board) and by tools/qemu-run.

# TODO(board): the FreeRTOS port name (kernel/quartz_kernel.cmake lists them) and the flags
# of your core (add -mfpu=... -mfloat-abi=hard for GCC_ARM_CM4F).
set(QUARTZ_BOARD_PORT GCC_ARM_CM3)
set(QUARTZ_BOARD_CPU_FLAGS -mcpu=cortex-m3 -mthumb)
# TODO(board): the QEMU machine (qemu-system-arm -M help) that emulates your board. The
# template boots on mps2-an385, whose memory covers board.ld's, only to show its failures.
set(QUARTZ_BOARD_QEMU_MACHINE mps2-an385)
set(QUARTZ_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/board.ld)
# TODO(board): your drivers, if you keep them in more files than board.c.
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
# Optional: QUARTZ_BOARD_ARCH (arm unless the board is RISC-V: riscv), QUARTZ_BOARD_TOOLCHAIN
# and QUARTZ_BOARD_QEMU (other architectures), QUARTZ_BOARD_QEMU_ARGS, QUARTZ_BOARD_NET_DRIVER
# and QUARTZ_BOARD_LWIPOPTS (docs/porting/network-driver.md), and
# QUARTZ_BOARD_OWN_PENDING_TESTS, the kernel tests that cannot run here, each "<regex>=<why>".
set(QUARTZ_BOARD_OWN_PENDING_TESTS "")
