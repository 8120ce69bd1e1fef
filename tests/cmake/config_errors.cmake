# SPDX-License-Identifier: MIT
# Compiles FreeRTOS.h against invalid FreeRTOSConfig.h files and checks that
# each fails with an #error naming the offending option; a valid base
# configuration must compile. Prints MISSING <case> for every miss.
# Against the POSIX port by default; -DPORT=<directory under ports/> -DCFLAGS=<flags> runs
# that port's own cases (cases_<PORT>) instead, with its cross compiler as CC.
set(base
"#define configUSE_PREEMPTION 1
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configTICK_RATE_HZ 1000
#define configMAX_PRIORITIES 5
#define configMINIMAL_STACK_SIZE 4096
#define configTOTAL_HEAP_SIZE 65536
#define configUSE_16_BIT_TICKS 0
")

# Each case: name | text appended to (or, with a leading '!', replacing) the base | expected text
set(cases
    "co_routines_no_priorities|#define configUSE_CO_ROUTINES 1|configMAX_CO_ROUTINE_PRIORITIES"
    "co_routines_zero_priorities|#define configUSE_CO_ROUTINES 1\n#define configMAX_CO_ROUTINE_PRIORITIES 0|configMAX_CO_ROUTINE_PRIORITIES"
    "run_time_stats|#define configGENERATE_RUN_TIME_STATS 1|configGENERATE_RUN_TIME_STATS"
    "smp|#define configNUMBER_OF_CORES 2|configNUMBER_OF_CORES"
    "recursive_without_mutex|#define configUSE_RECURSIVE_MUTEXES 1|configUSE_RECURSIVE_MUTEXES"
    "no_allocation|#define configSUPPORT_DYNAMIC_ALLOCATION 0\n#define configSUPPORT_STATIC_ALLOCATION 0|configSUPPORT_STATIC_ALLOCATION"
    "too_many_priorities|#undef configMAX_PRIORITIES\n#define configMAX_PRIORITIES 300|configMAX_PRIORITIES"
    "optimised_priorities|#undef configMAX_PRIORITIES\n#define configMAX_PRIORITIES 40\n#define configUSE_PORT_OPTIMISED_TASK_SELECTION 1|configUSE_PORT_OPTIMISED_TASK_SELECTION"
    "stack_check_3|#define configCHECK_FOR_STACK_OVERFLOW 3|configCHECK_FOR_STACK_OVERFLOW"
    "tickless_posix|#define configUSE_TICKLESS_IDLE 1|configUSE_TICKLESS_IDLE"
    "alternative_api|#define configUSE_ALTERNATIVE_API 1|configUSE_ALTERNATIVE_API"
    "both_tick_widths|#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS|configTICK_TYPE_WIDTH_IN_BITS"
    "no_tick_width|!#undef configUSE_16_BIT_TICKS|configUSE_16_BIT_TICKS"
    "no_preemption_option|!#undef configUSE_PREEMPTION|configUSE_PREEMPTION"
    "no_priorities|!#undef configMAX_PRIORITIES|configMAX_PRIORITIES"
    "no_tick_rate|!#undef configTICK_RATE_HZ|configTICK_RATE_HZ"
    "list_integrity|#define configUSE_LIST_DATA_INTEGRITY_CHECK_BYTES 1|configUSE_LIST_DATA_INTEGRITY_CHECK_BYTES"
)

# Port-specific errors, checked with the port's own compiler.
set(cases_armv6m
    "cm0_optimised|#define configUSE_PORT_OPTIMISED_TASK_SELECTION 1|configUSE_PORT_OPTIMISED_TASK_SELECTION"
)
if(NOT PORT)
    set(PORT posix)
endif()
if(NOT PORT STREQUAL "posix")
    set(cases ${cases_${PORT}})
    string(APPEND base "#define configCPU_CLOCK_HZ 16000000\n") # the Cortex-M ports need it
endif()

file(WRITE ${WORK}/probe.c "#include \"FreeRTOS.h\"\n#include \"task.h\"\nint main(void) { return 0; }\n")
set(includes -I${ROOT}/kernel/include -I${ROOT}/ports/${PORT} -I${ROOT}/ports/arm_common)

function(compile_with text out_rc out_log)
    file(WRITE ${WORK}/cfg/FreeRTOSConfig.h "${text}")
    execute_process(COMMAND ${CC} ${CFLAGS} -fsyntax-only -I${WORK}/cfg ${includes} ${WORK}/probe.c
        RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
    set(${out_rc} ${rc} PARENT_SCOPE)
    set(${out_log} "${o}${e}" PARENT_SCOPE)
endfunction()

set(failures 0)
compile_with("${base}" rc log)
if(NOT rc EQUAL 0)
    message("MISSING valid_base: the valid configuration does not compile:\n${log}")
    math(EXPR failures "${failures} + 1")
endif()
foreach(c ${cases})
    string(REPLACE "|" ";" parts "${c}")
    list(GET parts 0 name)
    list(GET parts 1 change)
    list(GET parts 2 expect)
    string(REPLACE "\\n" "\n" change "${change}")
    if(change MATCHES "^!")
        string(SUBSTRING "${change}" 1 -1 change)
    endif()
    compile_with("${base}${change}\n" rc log)
    if(rc EQUAL 0 OR NOT log MATCHES "#error|error:.*${expect}" OR NOT log MATCHES "${expect}")
        message("MISSING ${name}: expected a compile error naming ${expect}; got rc=${rc}:\n${log}")
        math(EXPR failures "${failures} + 1")
    else()
        message("ok ${name}")
    endif()
endforeach()
list(LENGTH cases n)
math(EXPR passed "${n} + 1 - ${failures}")
message("${passed} passed, ${failures} failed")
if(failures GREATER 0)
    message(FATAL_ERROR "config_errors: ${failures} failed")
endif()
