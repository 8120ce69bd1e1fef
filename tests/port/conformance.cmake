# SPDX-License-Identifier: MIT
# conformance.cmake: the port conformance suite's build (tests/port/README.md), for the host
# (the POSIX port) and for every board (cmake/board_build adds tests/port/ to each board's
# build). A board gets the suite from its board.cmake alone: QUARTZ_BOARD_ARCH (arm unless
# set) names the seam tests/port/arch/<arch>.c, and the instruction set picks the
# register-check tasks (quartz_conformance_regtest).
include_guard(GLOBAL)

set(QUARTZ_CONFORMANCE_DIR ${CMAKE_CURRENT_LIST_DIR} CACHE INTERNAL "tests/port")

# quartz_conformance_regtest(<out_var>): the register-check tasks for this build's CPU.
function(quartz_conformance_regtest out_var)
    set(dir ${QUARTZ_CONFORMANCE_DIR}/arch)
    if(NOT QUARTZ_BOARD)
        if(NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64)$")
            message(FATAL_ERROR "conformance: no register-check tasks for host CPU "
                "${CMAKE_SYSTEM_PROCESSOR} (add tests/port/arch/regtest_<cpu>.c)")
        endif()
        set(${out_var} ${dir}/regtest_x86_64.c PARENT_SCOPE)
    elseif(QUARTZ_BOARD_PORT STREQUAL "GCC_ARM_CM0")
        set(${out_var} ${dir}/regtest_armv6m.c PARENT_SCOPE)
    elseif(NOT QUARTZ_BOARD_ARCH OR QUARTZ_BOARD_ARCH STREQUAL "arm")
        set(${out_var} ${dir}/regtest_thumb2.c PARENT_SCOPE)
    else()
        set(${out_var} ${dir}/regtest_${QUARTZ_BOARD_ARCH}.c PARENT_SCOPE)
    endif()
endfunction()

# quartz_conformance_executable(<exe> <kernel library> [INJECT <name> WRAP <symbol>]
#                               [COMPILE_OPTIONS <host options...>])
function(quartz_conformance_executable exe kernel)
    cmake_parse_arguments(C "" "INJECT;WRAP" "COMPILE_OPTIONS" ${ARGN})
    quartz_conformance_regtest(regtest)
    if(QUARTZ_BOARD)
        set(seam ${QUARTZ_CONFORMANCE_DIR}/arch/${QUARTZ_BOARD_ARCH}.c)
    else()
        set(seam ${QUARTZ_CONFORMANCE_DIR}/arch/posix.c)
    endif()
    set(d ${QUARTZ_CONFORMANCE_DIR})
    add_executable(${exe} ${d}/conf_main.c ${d}/conf_context.c ${d}/conf_interrupts.c
        ${d}/conf_fromisr.c ${d}/conf_time.c ${d}/conf_memory.c ${d}/conf_stress.c ${seam} ${regtest})
    target_include_directories(${exe} PRIVATE ${QUARTZ_CONFORMANCE_DIR}
        ${QUARTZ_CONFORMANCE_DIR}/arch)
    if(C_INJECT)
        target_sources(${exe} PRIVATE ${QUARTZ_CONFORMANCE_DIR}/inject.c)
        string(TOUPPER ${C_INJECT} define)
        target_compile_definitions(${exe} PRIVATE CONF_INJECT_${define}=1)
        target_include_directories(${exe} PRIVATE ${QUARTZ_ROOT}/kernel/private)
        target_link_options(${exe} PRIVATE -Wl,--wrap=${C_WRAP})
    endif()
    set_target_properties(${exe} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
    if(QUARTZ_BOARD)
        target_compile_options(${exe} PRIVATE ${QUARTZ_BOARD_TEST_COPTS} ${C_COMPILE_OPTIONS})
        quartz_board_link(${exe} ${kernel})
    else()
        target_compile_options(${exe} PRIVATE ${QUARTZ_WARNINGS} -g -O1 ${C_COMPILE_OPTIONS})
        target_link_libraries(${exe} PRIVATE ${kernel})
    endif()
endfunction()

# The command that runs a suite image, as a list.
function(quartz_conformance_command exe timeout out_var)
    if(QUARTZ_BOARD)
        set(${out_var} ${QUARTZ_ROOT}/tools/qemu-run --board ${QUARTZ_BOARD} --timeout ${timeout}
            $<TARGET_FILE:${exe}> PARENT_SCOPE)
    else()
        set(${out_var} $<TARGET_FILE:${exe}> PARENT_SCOPE)
    endif()
endfunction()

# quartz_conformance_negative(<variant> <wrapped symbol> <expected FAIL line regex>): the suite
# linked with one fault (inject.c) must fail, and with the expected FAIL line.
function(quartz_conformance_negative kernel where variant symbol expect)
    cmake_parse_arguments(N "" "" "COMPILE_OPTIONS" ${ARGN})
    set(exe conformance_negative_${variant})
    quartz_conformance_executable(${exe} ${kernel} INJECT ${variant} WRAP ${symbol}
        COMPILE_OPTIONS ${N_COMPILE_OPTIONS})
    quartz_conformance_command(${exe} 120 cmd)
    set(test ${where}/conformance_negative/${variant})
    add_test(NAME ${test} COMMAND ${CMAKE_COMMAND} "-DEXPECT=${expect}"
        -P ${QUARTZ_CONFORMANCE_DIR}/run_negative.cmake -- ${cmd})
    set_tests_properties(${test} PROPERTIES LABELS "${where};conformance;negative" TIMEOUT 150)
endfunction()
