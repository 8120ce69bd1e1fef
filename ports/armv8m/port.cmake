# SPDX-License-Identifier: MIT
# The ARMv8-M Mainline port: FreeRTOS port name GCC_ARM_CM33_NTZ_NONSECURE (Cortex-M33 without
# TrustZone calls; FPU registers saved lazily when the build uses the FPU). include()d by
# quartz_kernel_library() with `port_dir` set to this directory.
set(arm_common ${port_dir}/../arm_common)
set(QUARTZ_PORT_SOURCES
    ${port_dir}/port.c
    ${arm_common}/arm_mainline.c
    ${arm_common}/arm_port.c
    ${arm_common}/arm_basepri.c
    ${arm_common}/arm_report.c
    ${arm_common}/arm_tickless.c)
set(QUARTZ_PORT_INCLUDE_DIRS ${arm_common})
