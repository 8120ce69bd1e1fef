# SPDX-License-Identifier: MIT
# quartz_kernel.cmake: builds one kernel library from a config target, a port
# and a heap. kernel/CMakeLists.txt uses it for the FreeRTOS-compatible
# `freertos_kernel` target; Quartz's own tests use it to build the kernel once
# per configuration variant.
include_guard(GLOBAL)

set(QUARTZ_KERNEL_DIR ${CMAKE_CURRENT_LIST_DIR})
get_filename_component(QUARTZ_PORTS_DIR ${CMAKE_CURRENT_LIST_DIR}/../ports ABSOLUTE)

# FreeRTOS port names and the Quartz port directory that implements each.
set(QUARTZ_PORT_MAP
    GCC_POSIX=posix
    GCC_ARM_CM0=armv6m
    GCC_ARM_CM3=armv7m
    GCC_ARM_CM4F=armv7m
    GCC_ARM_CM33_NTZ_NONSECURE=armv8m
    GCC_RISC_V=riscv32)

# Sets <out_var> to the port directory for a FreeRTOS port name, or fails listing the choices.
function(quartz_port_dir port out_var)
    set(known "")
    foreach(entry ${QUARTZ_PORT_MAP})
        string(REPLACE "=" ";" pair ${entry})
        list(GET pair 0 name)
        list(GET pair 1 dir)
        list(APPEND known ${name})
        if(name STREQUAL port)
            set(${out_var} ${QUARTZ_PORTS_DIR}/${dir} PARENT_SCOPE)
            return()
        endif()
    endforeach()
    string(REPLACE ";" ", " known "${known}")
    message(FATAL_ERROR "FREERTOS_PORT '${port}' is not a port Quartz provides. Choose one of: ${known}")
endfunction()

# quartz_kernel_library(<name> CONFIG <interface target> PORT <FreeRTOS port name>
#                       HEAP <1..5 | path to a heap .c file | NONE>
#                       [COMPILE_OPTIONS ...] [LINK_OPTIONS ...])
function(quartz_kernel_library name)
    cmake_parse_arguments(K "" "CONFIG;PORT;HEAP" "COMPILE_OPTIONS;LINK_OPTIONS" ${ARGN})
    quartz_port_dir(${K_PORT} port_dir)
    # port.cmake sees the FreeRTOS port name (one directory may serve several names) and sets
    # its sources, plus optionally libraries, public include directories and definitions.
    set(QUARTZ_PORT_NAME ${K_PORT})
    set(QUARTZ_PORT_SOURCES "")
    set(QUARTZ_PORT_LINK_LIBRARIES "")
    set(QUARTZ_PORT_INCLUDE_DIRS "")
    set(QUARTZ_PORT_DEFINITIONS "")
    include(${port_dir}/port.cmake)

    file(GLOB kernel_sources CONFIGURE_DEPENDS ${QUARTZ_KERNEL_DIR}/*.c)
    if(K_HEAP MATCHES "^[1-5]$")
        list(APPEND kernel_sources ${QUARTZ_KERNEL_DIR}/heap/heap_${K_HEAP}.c)
    elseif(K_HEAP STREQUAL "NONE" OR K_HEAP STREQUAL "")
    elseif(EXISTS ${K_HEAP})
        list(APPEND kernel_sources ${K_HEAP})
    else()
        message(FATAL_ERROR "FREERTOS_HEAP '${K_HEAP}' is neither 1..5 nor an existing heap source file")
    endif()

    add_library(${name} STATIC ${kernel_sources} ${QUARTZ_PORT_SOURCES})
    target_include_directories(${name}
        PUBLIC ${QUARTZ_KERNEL_DIR}/include ${port_dir} ${QUARTZ_PORT_INCLUDE_DIRS}
        PRIVATE ${QUARTZ_KERNEL_DIR}/private)
    target_compile_definitions(${name} PUBLIC ${QUARTZ_PORT_DEFINITIONS})
    target_link_libraries(${name} PUBLIC ${K_CONFIG} ${QUARTZ_PORT_LINK_LIBRARIES})
    # One section per function so applications' --gc-sections drops what they do not call.
    # __FILE__ relative to kernel/ and ports/, and to their shared directories (queue.c,
    # heap_4.c, list_impl.h, arm_port.c, armv7m/port.c; the names stay unique): configASSERT's
    # file names cost flash in every object, and the build machine's directories do not belong
    # in the firmware. The last matching map applies, so the tree's root comes first.
    get_filename_component(root ${QUARTZ_KERNEL_DIR}/.. ABSOLUTE)
    target_compile_options(${name} PRIVATE -ffunction-sections -fdata-sections
        -fmacro-prefix-map=${root}/= -fmacro-prefix-map=${root}/kernel/=
        -fmacro-prefix-map=${root}/kernel/private/= -fmacro-prefix-map=${root}/kernel/heap/=
        -fmacro-prefix-map=${root}/ports/= -fmacro-prefix-map=${root}/ports/arm_common/=
        ${K_COMPILE_OPTIONS})
    target_link_options(${name} PUBLIC ${K_LINK_OPTIONS})
    set_target_properties(${name} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS ON)
endfunction()
