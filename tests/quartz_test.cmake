# SPDX-License-Identifier: MIT
# quartz_add_test(): one test source set built against the host kernel in one
# or more configuration variants (tests/configs/<name>/FreeRTOSConfig.h), each
# both plain (gcov-instrumented) and under ASan+UBSan, registered with ctest
# under the labels posix, sanitizer (for the second) and the given LABELS.
include_guard(GLOBAL)

set(QUARTZ_SAN_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

# The kernel library for one (config, heap, flavour), created on first use.
function(quartz_test_kernel config heap flavour out_var)
    set(lib qk_${config}_h${heap}_${flavour})
    set(${out_var} ${lib} PARENT_SCOPE)
    if(TARGET ${lib})
        return()
    endif()
    set(cfg qcfg_${config})
    if(NOT TARGET ${cfg})
        add_library(${cfg} INTERFACE)
        target_include_directories(${cfg} INTERFACE
            ${QUARTZ_ROOT}/tests/configs/${config} ${QUARTZ_ROOT}/tests/harness)
    endif()
    set(copts ${QUARTZ_WARNINGS} -g)
    set(lopts "")
    if(flavour STREQUAL "asan")
        list(APPEND copts ${QUARTZ_SAN_FLAGS} -O1)
        list(APPEND lopts ${QUARTZ_SAN_FLAGS})
    elseif(QUARTZ_COVERAGE)
        list(APPEND copts --coverage -O0)
        # Keep __gcov_dump linked: forked QT_EXPECT_ASSERT children flush their counters with it.
        list(APPEND lopts --coverage -Wl,-u,__gcov_dump)
    endif()
    quartz_kernel_library(${lib} CONFIG ${cfg} PORT GCC_POSIX HEAP ${heap}
        COMPILE_OPTIONS ${copts} LINK_OPTIONS ${lopts})
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
    set(flavours plain)
    if(QUARTZ_SANITIZE AND NOT T_NO_SANITIZER)
        list(APPEND flavours asan)
    endif()
    foreach(config ${T_CONFIGS})
        foreach(flavour ${flavours})
            quartz_test_kernel(${config} ${T_HEAP} ${flavour} kernel)
            set(exe test_${T_NAME}_${config}_${flavour})
            set(test posix/${T_NAME}/${config})
            set(labels posix kernel ${T_LABELS})
            if(flavour STREQUAL "asan")
                set(test ${test}/asan)
                list(APPEND labels sanitizer)
            endif()
            add_executable(${exe} ${T_SOURCES} ${QUARTZ_ROOT}/tests/harness/qtest.c
                ${QUARTZ_ROOT}/tests/harness/qtest_port_posix.c)
            target_include_directories(${exe} PRIVATE ${QUARTZ_ROOT}/tests/harness
                ${QUARTZ_ROOT}/kernel/private)
            target_link_libraries(${exe} PRIVATE ${kernel})
            target_compile_definitions(${exe} PRIVATE QTEST_HOST=1) # see qtest_port.h
            get_target_property(copts ${kernel} COMPILE_OPTIONS)
            target_compile_options(${exe} PRIVATE ${copts})
            set_target_properties(${exe} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
            add_test(NAME ${test} COMMAND ${exe})
            list(REMOVE_DUPLICATES labels)
            set_tests_properties(${test} PROPERTIES LABELS "${labels}" TIMEOUT ${T_TIMEOUT}
                ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
        endforeach()
    endforeach()
endfunction()
