# SPDX-License-Identifier: MIT
# Configures, builds and runs tests/port_arm/dropin as a separate project with the cross
# toolchain, the way a Cortex-M application builds against FreeRTOS-Kernel, with KERNEL as its
# kernel path, then boots it on BOARD. Arguments: SRC BIN KERNEL ROOT BOARD PORT FLAGS GENERATOR.
file(REMOVE_RECURSE ${BIN})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SRC} -B ${BIN} -G ${GENERATOR}
    -DCMAKE_TOOLCHAIN_FILE=${ROOT}/cmake/toolchain-arm-none-eabi.cmake
    "-DCMAKE_C_FLAGS=${FLAGS}" -DFREERTOS_KERNEL_PATH=${KERNEL} -DFREERTOS_PORT=${PORT}
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
execute_process(COMMAND ${ROOT}/tools/qemu-run --board ${BOARD} --timeout 30 ${BIN}/app
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dropin: app exited with ${rc}")
endif()
