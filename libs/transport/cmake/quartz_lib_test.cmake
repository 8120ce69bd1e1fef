# SPDX-License-Identifier: MIT
# quartz_lib_test(): a library test built against the host kernel of one configuration variant
# (default: realtime, since these tests talk to real servers), plain (with coverage) and, unless
# NO_SANITIZER, under ASan+UBSan. Like quartz_add_test() in tests/quartz_test.cmake, without
# the `kernel` label, with library targets to link and an optional driver command that runs the
# test executable (its path is the driver's last argument), e.g. to start a broker first.
#
# quartz_lib_test(NAME <name> SOURCES <files...> [LINK <targets...>] [INCLUDES <dirs...>]
#                 [CONFIG <variant>] [LABELS <labels...>] [TIMEOUT <s>] [DRIVER <cmd...>]
#                 [NO_SANITIZER])
include_guard(GLOBAL)

function(quartz_lib_test)
    cmake_parse_arguments(T "NO_SANITIZER" "NAME;CONFIG;TIMEOUT"
        "SOURCES;LINK;INCLUDES;LABELS;DRIVER" ${ARGN})
    if(NOT T_CONFIG)
        set(T_CONFIG realtime)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set(flavours plain)
    if(QUARTZ_SANITIZE AND NOT T_NO_SANITIZER)
        list(APPEND flavours asan)
    endif()
    foreach(flavour ${flavours})
        quartz_test_kernel(${T_CONFIG} 4 ${flavour} kernel)
        set(exe lib_${T_NAME}_${T_CONFIG}_${flavour})
        set(test posix/${T_NAME}/${T_CONFIG})
        set(labels posix ${T_LABELS})
        if(flavour STREQUAL "asan")
            set(test ${test}/asan)
            list(APPEND labels sanitizer)
        endif()
        add_executable(${exe} ${T_SOURCES} ${QUARTZ_ROOT}/tests/harness/qtest.c
            ${QUARTZ_ROOT}/tests/harness/qtest_port_posix.c)
        target_include_directories(${exe} PRIVATE ${QUARTZ_ROOT}/tests/harness ${T_INCLUDES})
        target_link_libraries(${exe} PRIVATE ${kernel} ${T_LINK})
        get_target_property(copts ${kernel} COMPILE_OPTIONS)
        target_compile_options(${exe} PRIVATE ${copts})
        set_target_properties(${exe} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
        add_test(NAME ${test} COMMAND ${T_DRIVER} $<TARGET_FILE:${exe}>)
        list(REMOVE_DUPLICATES labels)
        set_tests_properties(${test} PROPERTIES LABELS "${labels}" TIMEOUT ${T_TIMEOUT}
            ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    endforeach()
endfunction()
