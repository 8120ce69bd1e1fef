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
    ${CMAKE_CURRENT_LIST_DIR}/../common/board_report.c
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/board_lines.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/arm_common)
# Kernel tests that cannot run here (cmake/quartz_board_tests.cmake): "<regex>=<why>", matched
# against "<test>" and "<test>/<config>".
set(QUARTZ_BOARD_OWN_PENDING_TESTS
    "/optimised$=configUSE_PORT_OPTIMISED_TASK_SELECTION 1 is an #error on ARMv6-M (no CLZ)")
# Networking: IP over the UART with SLIP (RFC 1055), as a micro:bit without a radio stack would
# do it; QEMU gives the machine no network card. The UART then carries SLIP and the console
# goes to semihosting. lwIP sized for 16 KiB in lwipopts.h here.
set(QUARTZ_BOARD_NET_DRIVER nrf51_slip)
set(QUARTZ_BOARD_NET_LINK serial)
set(QUARTZ_BOARD_LWIPOPTS ${CMAKE_CURRENT_LIST_DIR}/lwipopts.h)
# The board network test's sizes (libs/net/tests: net_cases.c, test_net_board_tap.c) for the
# 8 KiB kernel heap of the test configuration: 2 connections at once of 2 KiB each, sent and
# checked 128 bytes at a time on 192-word stacks; 128-byte stream and echo buffers; a 256-word
# runner (printf, DNS) and echo tasks; 4 connections at once from one task through select,
# 128 bytes in flight on each. Why so few: the board README.
set(QUARTZ_BOARD_NET_TEST_SIZES NET_CONCURRENT=2 NET_CONCURRENT_BYTES=2048u
    NET_CONCURRENT_CHUNK=128u NET_CLIENT_STACK=192u NET_RUNNER_STACK=256u NET_STREAM_CHUNK=128u
    NET_ECHO_CHUNK=128u NET_ECHO_STACK=192u NET_HOST_ECHO_BYTES=16384u NET_SELECT_CONNECTIONS=4u
    NET_SELECT_ROUND=128u)
# The networked demo's sizes (demos/net/net_demo.c) in the board's 10 KiB heap: 256-word task
# stacks (the main task 512), 256-byte transfer buffers (two segments in flight), and a
# client transfer of 128 KiB, not 1 MiB: echoed both ways over the serial line it moves about
# 10 KiB per second of wall-clock time (net_demo_driver.py reads the size here).
set(QUARTZ_BOARD_NET_DEMO_SIZES NET_DEMO_STACK=256u NET_DEMO_CHUNK=256u NET_DEMO_BYTES=131072u)
