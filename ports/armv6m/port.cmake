# SPDX-License-Identifier: MIT
# The ARMv6-M port: FreeRTOS port name GCC_ARM_CM0 (Cortex-M0, M0+, M1). The kernel lock is
# PRIMASK, so the BASEPRI priority checks (arm_basepri.c) are not part of it.
# include()d by quartz_kernel_library() with `port_dir` set to this directory.
set(arm_common ${port_dir}/../arm_common)
set(QUARTZ_PORT_SOURCES
    ${port_dir}/port.c
    ${arm_common}/arm_port.c
    ${arm_common}/arm_report.c
    ${arm_common}/arm_tickless.c)
set(QUARTZ_PORT_INCLUDE_DIRS ${arm_common})
