# SPDX-License-Identifier: MIT
# The POSIX host board: FreeRTOS applications built as ordinary host programs
# with the system C compiler. No cross toolchain, linker script or start-up
# code is needed; the kernel runs inside the process (see ports/posix/).
set(QUARTZ_BOARD_PORT GCC_POSIX)
