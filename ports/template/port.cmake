# SPDX-License-Identifier: MIT
# The port template (docs/porting/port-layer.md). include()d by quartz_kernel_library() with
# `port_dir` set to this directory and QUARTZ_PORT_NAME to the FreeRTOS port name. A real
# port lists its sources here and its FreeRTOS port name in kernel/quartz_kernel.cmake
# (QUARTZ_PORT_MAP); the template is mapped only by tests/porting/ (name TEMPLATE).
#
# TODO(port): list every source file; add QUARTZ_PORT_INCLUDE_DIRS, QUARTZ_PORT_DEFINITIONS
# (to tell variants apart by QUARTZ_PORT_NAME) or QUARTZ_PORT_LINK_LIBRARIES if needed.
set(QUARTZ_PORT_SOURCES ${port_dir}/port.c)
