# SPDX-License-Identifier: MIT
# CMake toolchain file for bare-metal Arm Cortex-M with the GNU Arm Embedded
# toolchain (Debian: gcc-arm-none-eabi, libnewlib-arm-none-eabi).
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=<quartz>/cmake/toolchain-arm-none-eabi.cmake \
#         -DQUARTZ_BOARD=qemu-mps2-an385 ...
#
# With QUARTZ_BOARD set, the board's CPU flags (boards/<board>/board.cmake,
# QUARTZ_BOARD_CPU_FLAGS) become the default flags of every C/ASM compile and
# link, so the kernel, the board code and the application agree. Without it,
# pass your own (-mcpu=... -mthumb, and the FPU flags for GCC_ARM_CM4F) in
# CMAKE_C_FLAGS.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(QUARTZ_ARM_TOOLCHAIN_PREFIX arm-none-eabi- CACHE STRING "Prefix of the cross tools")
set(CMAKE_C_COMPILER ${QUARTZ_ARM_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${QUARTZ_ARM_TOOLCHAIN_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${QUARTZ_ARM_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_OBJCOPY ${QUARTZ_ARM_TOOLCHAIN_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_SIZE ${QUARTZ_ARM_TOOLCHAIN_PREFIX}size CACHE FILEPATH "")

# Compiler checks build a static library: there is no start-up code to link a program yet.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_TRY_COMPILE_PLATFORM_VARIABLES QUARTZ_BOARD)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

if(QUARTZ_BOARD)
    get_filename_component(_quartz_root ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
    if(NOT EXISTS ${_quartz_root}/boards/${QUARTZ_BOARD}/board.cmake)
        message(FATAL_ERROR "QUARTZ_BOARD '${QUARTZ_BOARD}': no boards/${QUARTZ_BOARD}/board.cmake")
    endif()
    include(${_quartz_root}/boards/${QUARTZ_BOARD}/board.cmake)
    string(JOIN " " _quartz_cpu_flags ${QUARTZ_BOARD_CPU_FLAGS})
    set(CMAKE_C_FLAGS_INIT "${_quartz_cpu_flags}")
    set(CMAKE_CXX_FLAGS_INIT "${_quartz_cpu_flags}")
    set(CMAKE_ASM_FLAGS_INIT "${_quartz_cpu_flags}")
    set(CMAKE_EXE_LINKER_FLAGS_INIT "${_quartz_cpu_flags}")
endif()
