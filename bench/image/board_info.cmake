# SPDX-License-Identifier: MIT
# cmake -DBOARD_CMAKE=<boards/x/board.cmake> -P board_info.cmake: prints what bench/run.py needs
# from a board's description (which may include another board's), one "key=value" per line.
include(${BOARD_CMAKE})
message("toolchain=${QUARTZ_BOARD_TOOLCHAIN}")
message("machine=${QUARTZ_BOARD_QEMU_MACHINE}")
message("port=${QUARTZ_BOARD_PORT}")
message("net_driver=${QUARTZ_BOARD_NET_DRIVER}")
