# SPDX-License-Identifier: MIT
# The benchmark seam for qemu-lm3s6965evb: the common Cortex-M seam, with the heap cut to fit
# the LM3S6965's 64 KiB of SRAM (bench/image/CMakeLists.txt reads this file).
set(BENCH_SEAM cortex_m)
set(BENCH_DEFINITIONS BENCH_HEAP_BYTES=32768)
