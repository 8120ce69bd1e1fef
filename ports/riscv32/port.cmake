# SPDX-License-Identifier: MIT
# The 32-bit RISC-V port: FreeRTOS port name GCC_RISC_V, for RV32IMAC (ilp32) and RV32IMAFC /
# RV32GC (ilp32f / ilp32d); the compiler's -march/-mabi select which registers are saved.
# include()d by quartz_kernel_library() with `port_dir` set to this directory.
set(QUARTZ_PORT_SOURCES ${port_dir}/port.c ${port_dir}/portasm.S)
# Compiled by the C compiler driver (which preprocesses .S files itself), so that projects that
# enable only C, as FreeRTOS applications often do, can build the port.
# (CMake passes -x c for C sources; the later -x makes it assembler with the preprocessor.)
set_source_files_properties(${port_dir}/portasm.S PROPERTIES LANGUAGE C
    COMPILE_OPTIONS "-x;assembler-with-cpp")
