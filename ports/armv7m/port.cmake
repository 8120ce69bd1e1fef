# SPDX-License-Identifier: MIT
# The ARMv7-M port: FreeRTOS port names GCC_ARM_CM3 (Cortex-M3, no FPU) and
# GCC_ARM_CM4F (Cortex-M4F/M7 single precision: FPU registers saved lazily).
# include()d by quartz_kernel_library() with `port_dir` set to this directory
# and QUARTZ_PORT_NAME to the FreeRTOS port name.
set(arm_common ${port_dir}/../arm_common)
set(QUARTZ_PORT_SOURCES
    ${port_dir}/port.c
    ${arm_common}/arm_mainline.c
    ${arm_common}/arm_port.c
    ${arm_common}/arm_basepri.c
    ${arm_common}/arm_report.c
    ${arm_common}/arm_tickless.c)
set(QUARTZ_PORT_INCLUDE_DIRS ${arm_common})
if(QUARTZ_PORT_NAME STREQUAL "GCC_ARM_CM4F")
    set(QUARTZ_PORT_DEFINITIONS QUARTZ_ARMV7M_FPU=1)
else()
    set(QUARTZ_PORT_DEFINITIONS QUARTZ_ARMV7M_FPU=0)
endif()
