# SPDX-License-Identifier: MIT
# Configures, builds and runs tests/cmake/dropin as a separate project, the way
# an application builds against FreeRTOS-Kernel, with KERNEL as its kernel path.
if(NOT PORT)
    set(PORT GCC_POSIX)
endif()
file(REMOVE_RECURSE ${BIN})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${BIN} -G ${GENERATOR}
    -DFREERTOS_KERNEL_PATH=${KERNEL} -DFREERTOS_PORT=${PORT}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dropin: configure failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BIN} RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dropin: build failed")
endif()
execute_process(COMMAND ${BIN}/app RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dropin: app exited with ${rc}")
endif()
