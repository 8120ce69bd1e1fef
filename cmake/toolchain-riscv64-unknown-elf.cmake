# SPDX-License-Identifier: MIT
# CMake toolchain file for bare-metal 32-bit RISC-V with Debian's multilib
# riscv64-unknown-elf GCC and picolibc (gcc-riscv64-unknown-elf,
# picolibc-riscv64-unknown-elf). The "riscv64" compiler builds RV32 code with
# -march=rv32.../-mabi=ilp32...; picolibc's specs pick the matching library.
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=<quartz>/cmake/toolchain-riscv64-unknown-elf.cmake \
#         -DQUARTZ_BOARD=qemu-virt-rv32 ...
#
# With QUARTZ_BOARD set, the board's CPU flags (boards/<board>/board.cmake,
# QUARTZ_BOARD_CPU_FLAGS, e.g. -march=rv32imac_zicsr -mabi=ilp32) become the
# default flags of every C/ASM compile and link. Without it, pass your own in
# CMAKE_C_FLAGS.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)

set(QUARTZ_RISCV_TOOLCHAIN_PREFIX riscv64-unknown-elf- CACHE STRING "Prefix of the cross tools")
set(CMAKE_C_COMPILER ${QUARTZ_RISCV_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${QUARTZ_RISCV_TOOLCHAIN_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${QUARTZ_RISCV_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_OBJCOPY ${QUARTZ_RISCV_TOOLCHAIN_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_SIZE ${QUARTZ_RISCV_TOOLCHAIN_PREFIX}size CACHE FILEPATH "")

# Compiler checks build a static library: there is no start-up code to link a program yet.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_TRY_COMPILE_PLATFORM_VARIABLES QUARTZ_BOARD)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# picolibc, not the compiler's default C library: its headers for compiles, libc for links.
# Its "release" build: the default one is built for size (memset stores a byte per loop, which
# makes filling a 16 KiB task stack take a whole tick under QEMU).
set(_quartz_libc_flags --specs=picolibc.specs --picolibc-buildtype=release)
if(QUARTZ_BOARD)
    get_filename_component(_quartz_root ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
    if(NOT EXISTS ${_quartz_root}/boards/${QUARTZ_BOARD}/board.cmake)
        message(FATAL_ERROR "QUARTZ_BOARD '${QUARTZ_BOARD}': no boards/${QUARTZ_BOARD}/board.cmake")
    endif()
    include(${_quartz_root}/boards/${QUARTZ_BOARD}/board.cmake)
    list(APPEND _quartz_libc_flags ${QUARTZ_BOARD_CPU_FLAGS})
endif()
string(JOIN " " _quartz_cpu_flags ${_quartz_libc_flags})
set(CMAKE_C_FLAGS_INIT "${_quartz_cpu_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_quartz_cpu_flags}")
set(CMAKE_ASM_FLAGS_INIT "${_quartz_cpu_flags}")
# No linker flags: CMake links with the compile flags too, and picolibc's specs may appear once.
