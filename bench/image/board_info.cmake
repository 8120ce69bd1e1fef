# SPDX-License-Identifier: MIT
# cmake -DBOARD_CMAKE=<boards/x/board.cmake> -P board_info.cmake: prints what bench/run.py needs
# from a board's description (which may include another board's), one "key=value" per line
# (demos/net/net_demo_driver.py reads the network keys through bench/run.py's board_info()).
include(${BOARD_CMAKE})
message("toolchain=${QUARTZ_BOARD_TOOLCHAIN}")
message("machine=${QUARTZ_BOARD_QEMU_MACHINE}")
message("port=${QUARTZ_BOARD_PORT}")
message("net_driver=${QUARTZ_BOARD_NET_DRIVER}")
message("net_model=${QUARTZ_BOARD_NET_QEMU_MODEL}")
