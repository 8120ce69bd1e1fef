# SPDX-License-Identifier: MIT
# The benchmark seam for the POSIX host: the host clock and the port's simulated interrupt line
# (noisy figures, never compared), host-sized stacks and heap.
set(BENCH_SEAM posix)
set(BENCH_DEFINITIONS BENCH_HEAP_BYTES=2097152 BENCH_STACK_WORDS=4096
    BENCH_RUNNER_STACK_WORDS=8192 BENCH_CREATE_STACK_WORDS=4096)
set(QUARTZ_BOARD_INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/../seam/posix_include)
