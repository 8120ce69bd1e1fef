# SPDX-License-Identifier: MIT
# The benchmark seam for qemu-microbit: the common Cortex-M seam, with the heap and stacks cut to
# fit the nRF51's 16 KiB of RAM (bench/image/CMakeLists.txt reads this file).
set(BENCH_SEAM cortex_m)
set(BENCH_DEFINITIONS BENCH_HEAP_BYTES=6144 BENCH_STACK_WORDS=128 BENCH_RUNNER_STACK_WORDS=384)
