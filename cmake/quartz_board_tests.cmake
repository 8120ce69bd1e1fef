# SPDX-License-Identifier: MIT
# quartz_board_tests.cmake: the board flavour of quartz_add_test() (see
# tests/quartz_test.cmake for the host one). The same call in a
# tests/unit/<module>/CMakeLists.txt builds each configuration of the test
# for QUARTZ_BOARD and registers a ctest that boots it under QEMU
# (tools/qemu-run), named <board>/<test>/<config> and labelled with the
# board, `kernel` and the test's own labels.
#
# Tests whose sources use the POSIX port directly (posix_port.h, threads,
# fork) are host-only and skipped here, as are host-only configurations.
include_guard(GLOBAL)

set(QUARTZ_BOARD_TEST_CONFIGS "" CACHE STRING
    "Kernel test configurations to run on boards (empty: every one a test asks for)")
set(QUARTZ_BOARD_HOST_ONLY_CONFIGS realtime)
# The architecture family of the board (board.cmake): tests/harness/qtest_port_<arch>.c is the
# harness's machine half and tests/port_<arch>/ the port tests. The Cortex-M boards leave it unset.
if(NOT QUARTZ_BOARD_ARCH)
    set(QUARTZ_BOARD_ARCH arm)
endif()

# Kernel tests that do not pass on the boards yet, as "<test name regex>=<why>". They are
# neither built nor run: ctest lists each as "Not Run (Disabled)" so they stay visible.
# Every kernel test runs on every board today; the list is where a new board's known gaps go.
# (-DQUARTZ_BOARD_PENDING_TESTS= on the board build's command line runs them all.)
if(NOT DEFINED QUARTZ_BOARD_PENDING_TESTS)
    set(QUARTZ_BOARD_PENDING_TESTS "")
endif()
# A board's own gaps (board.cmake: QUARTZ_BOARD_OWN_PENDING_TESTS, same format). A pattern is
# matched against "<test>" and against "<test>/<config>", so it can name one configuration.
list(APPEND QUARTZ_BOARD_PENDING_TESTS ${QUARTZ_BOARD_OWN_PENDING_TESTS})


# The kernel as applications build it (-O2); test programs at -O1, where GCC does not issue
# -Warray-bounds for the list end marker (a MiniListItem_t read through ListItem_t, as in
# FreeRTOS) that test code takes the address of on its own stack.
set(QUARTZ_BOARD_KERNEL_COPTS ${QUARTZ_WARNINGS} -g -O2)
set(QUARTZ_BOARD_TEST_COPTS ${QUARTZ_WARNINGS} -g -O1)

# Give a test configuration target the board's wrapper first and the board's files last.
function(quartz_board_test_config cfg config_dir)
    if(NOT TARGET ${cfg})
        add_library(${cfg} INTERFACE)
        target_include_directories(${cfg} INTERFACE ${config_dir} ${QUARTZ_ROOT}/tests/harness)
    endif()
    get_target_property(done ${cfg} QUARTZ_BOARD_WRAPPED)
    if(NOT done)
        target_include_directories(${cfg} BEFORE INTERFACE ${QUARTZ_ROOT}/tests/harness/target)
        target_include_directories(${cfg} INTERFACE ${QUARTZ_BOARD_INCLUDE_DIRS})
        set_target_properties(${cfg} PROPERTIES QUARTZ_BOARD_WRAPPED TRUE)
    endif()
endfunction()

# The kernel library for one (config, heap), created on first use.
function(quartz_board_test_kernel config heap out_var)
    set(lib qk_${config}_h${heap})
    set(${out_var} ${lib} PARENT_SCOPE)
    if(TARGET ${lib})
        return()
    endif()
    quartz_board_test_config(qcfg_${config} ${QUARTZ_ROOT}/tests/configs/${config})
    quartz_kernel_library(${lib} CONFIG qcfg_${config} PORT ${QUARTZ_BOARD_PORT} HEAP ${heap}
        COMPILE_OPTIONS ${QUARTZ_BOARD_KERNEL_COPTS})
endfunction()

# True when one of the sources uses host-only facilities.
function(quartz_board_host_only out_var)
    set(${out_var} FALSE PARENT_SCOPE)
    foreach(src ${ARGN})
        if(NOT IS_ABSOLUTE ${src})
            set(src ${CMAKE_CURRENT_SOURCE_DIR}/${src})
        endif()
        if(NOT EXISTS ${src})
            continue() # add_executable reports it, as on the host
        endif()
        file(READ ${src} text)
        if(text MATCHES "posix_port\\.h|<pthread\\.h>|<unistd\\.h>|fork\\(")
            set(${out_var} TRUE PARENT_SCOPE)
            return()
        endif()
    endforeach()
endfunction()

# Sets out_var to the reason test `name` in `config` is pending on boards, or to "" (false).
function(quartz_board_pending name config out_var)
    set(${out_var} "" PARENT_SCOPE)
    foreach(entry ${QUARTZ_BOARD_PENDING_TESTS})
        string(FIND "${entry}" "=" eq)
        string(SUBSTRING "${entry}" 0 ${eq} pattern)
        math(EXPR eq "${eq} + 1")
        string(SUBSTRING "${entry}" ${eq} -1 why)
        if(name MATCHES "${pattern}" OR "${name}/${config}" MATCHES "${pattern}")
            message(STATUS "${QUARTZ_BOARD}: ${name}/${config} pending: ${why}")
            set(${out_var} "${why}" PARENT_SCOPE)
            return()
        endif()
    endforeach()
endfunction()

# quartz_board_add_image_test(<test name> <executable> <timeout> <labels...>
#                             [ARGS <tools/qemu-run options...>])
function(quartz_board_add_image_test test exe timeout)
    cmake_parse_arguments(I "" "" "ARGS" ${ARGN})
    add_test(NAME ${test} COMMAND ${QUARTZ_ROOT}/tools/qemu-run --board ${QUARTZ_BOARD}
        --timeout ${timeout} ${I_ARGS} $<TARGET_FILE:${exe}>)
    math(EXPR ctest_timeout "${timeout} + 15")
    set(labels ${QUARTZ_BOARD} ${I_UNPARSED_ARGUMENTS})
    list(REMOVE_DUPLICATES labels)
    set_tests_properties(${test} PROPERTIES LABELS "${labels}" TIMEOUT ${ctest_timeout})
endfunction()

# quartz_add_test(NAME <name> SOURCES <files...> [CONFIGS <variant>...] [HEAP <1..5>]
#                 [LABELS <label>...] [TIMEOUT <seconds>] [NO_SANITIZER])
function(quartz_add_test)
    cmake_parse_arguments(T "NO_SANITIZER" "NAME;HEAP;TIMEOUT" "SOURCES;CONFIGS;LABELS" ${ARGN})
    if(NOT T_CONFIGS)
        set(T_CONFIGS default)
    endif()
    if(NOT T_HEAP)
        set(T_HEAP 4)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    quartz_board_host_only(host_only ${T_SOURCES})
    if(host_only)
        return()
    endif()
    foreach(config ${T_CONFIGS})
        if(config IN_LIST QUARTZ_BOARD_HOST_ONLY_CONFIGS)
            continue()
        endif()
        if(QUARTZ_BOARD_TEST_CONFIGS AND NOT config IN_LIST QUARTZ_BOARD_TEST_CONFIGS)
            continue()
        endif()
        quartz_board_pending(${T_NAME} ${config} pending)
        if(pending)
            add_test(NAME ${QUARTZ_BOARD}/${T_NAME}/${config} COMMAND ${CMAKE_COMMAND} -E false)
            set_tests_properties(${QUARTZ_BOARD}/${T_NAME}/${config} PROPERTIES DISABLED TRUE
                LABELS "${QUARTZ_BOARD};kernel;pending")
            continue()
        endif()
        quartz_board_test_kernel(${config} ${T_HEAP} kernel)
        set(exe test_${T_NAME}_${config})
        add_executable(${exe} ${T_SOURCES} ${QUARTZ_ROOT}/tests/harness/qtest.c
            ${QUARTZ_ROOT}/tests/harness/qtest_port_${QUARTZ_BOARD_ARCH}.c
            ${QUARTZ_ROOT}/tests/harness/qtest_port_board.c)
        target_include_directories(${exe} PRIVATE ${QUARTZ_ROOT}/tests/harness
            ${QUARTZ_ROOT}/kernel/private)
        target_compile_options(${exe} PRIVATE ${QUARTZ_BOARD_TEST_COPTS})
        set_target_properties(${exe} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
        quartz_board_link(${exe} ${kernel})
        # Emulation is slower than the host, and long waits still wake on every tick.
        math(EXPR timeout "2 * ${T_TIMEOUT}")
        quartz_board_add_image_test(${QUARTZ_BOARD}/${T_NAME}/${config} ${exe} ${timeout}
            kernel ${T_LABELS})
    endforeach()
endfunction()
