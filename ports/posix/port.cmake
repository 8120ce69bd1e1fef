# SPDX-License-Identifier: MIT
# The POSIX host port (FreeRTOS port name GCC_POSIX). include()d by
# quartz_kernel_library() with `port_dir` set to this directory.
set(QUARTZ_PORT_SOURCES
    ${port_dir}/port.c
    ${port_dir}/port_context.c
    ${port_dir}/port_time.c)
# Real-time mode uses POSIX timers and signals; tests and applications may create threads.
set(QUARTZ_PORT_LINK_LIBRARIES pthread rt)
