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
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m/semihost.c)
set(QUARTZ_BOARD_INCLUDE_DIRS
    ${CMAKE_CURRENT_LIST_DIR}/include
    ${CMAKE_CURRENT_LIST_DIR}/../common/cortex-m
    ${CMAKE_CURRENT_LIST_DIR}/../../ports/arm_common)
# Kernel tests that cannot run here (cmake/quartz_board_tests.cmake): "<regex>=<why>", matched
# against "<test>" and "<test>/<config>". All but the first are the 16 KiB of RAM.
set(QUARTZ_BOARD_OWN_PENDING_TESTS
    "/optimised$=configUSE_PORT_OPTIMISED_TASK_SELECTION 1 is an #error on ARMv6-M (no CLZ)"
    "/(static_only|timers_static)$=the static pools of the test utilities (10 task stacks, 24 queue buffers of 256 bytes, 16 stream buffers) need about 20 KiB of RAM"
    "^heap_[1-5]$=written for a heap of megabytes (64 KiB chunks, blocks up to 65537 bytes, 600 KiB of heap_5 regions)"
    "^stats_format$=three static 2 KiB text buffers do not fit beside the kernel heap"
    "^trace_api$=its 18 KiB trace log is larger than the RAM"
    "^stream_buffer_send$=1.2 KiB of static message buffers and the 1 KiB trace do not fit beside the kernel heap"
    "^task_create/(default|coop)$=the 10-task static pool (about 11 KiB) does not fit beside the kernel heap"
    "^stress_kernel$=15 tasks of configMINIMAL_STACK_SIZE (1 KiB here) need twice the 8 KiB kernel heap"
    "^stress_streams$=its stream tasks need more stack than the 8 KiB kernel heap holds"
    "^stress_timers$=12 timers, 4 producers and their parties need more than the 8 KiB kernel heap"
    "^stress_sets$=its task table and sets do not fit beside the kernel heap")
