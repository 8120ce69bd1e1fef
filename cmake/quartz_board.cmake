# SPDX-License-Identifier: MIT
# quartz_board.cmake: build programs for a Quartz board (boards/<QUARTZ_BOARD>/)
# with the cross toolchain (cmake/toolchain-arm-none-eabi.cmake, which also
# applies the board's CPU flags). include() it after project().
#
# For an application, the FreeRTOS way plus one target:
#   add_library(freertos_config INTERFACE)
#   target_include_directories(freertos_config SYSTEM INTERFACE <dir of FreeRTOSConfig.h>)
#   include(<quartz>/cmake/quartz_board.cmake)   # adds kernel/ as freertos_kernel
#   add_executable(app main.c)
#   target_link_libraries(app PRIVATE quartz_board)
#   quartz_board_image(app)                      # prints its flash and RAM use when linked
#
# `quartz_board` brings the kernel (FREERTOS_PORT is the board's port), the
# start-up code, the C library hooks (printf reaches the UART, exit() ends
# the QEMU run), the linker script and board.h.
include_guard(GLOBAL)

get_filename_component(QUARTZ_BOARD_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
if(NOT QUARTZ_BOARD)
    message(FATAL_ERROR "quartz_board.cmake: set QUARTZ_BOARD (a directory under boards/)")
endif()
include(${QUARTZ_BOARD_ROOT}/boards/${QUARTZ_BOARD}/board.cmake)
include(${QUARTZ_BOARD_ROOT}/kernel/quartz_kernel.cmake)

# The board's linker script; it may INCLUDE a shared part by its path under boards/common/
# (cortex-m/sections.ld).
set(QUARTZ_BOARD_LINK_SCRIPT_OPTIONS -T${QUARTZ_BOARD_LINKER_SCRIPT}
    -L${QUARTZ_BOARD_ROOT}/boards/common)

# Start-up, C library hooks, console, timers: compiled once, linked as objects into every
# program so the vector table and the strong hook definitions always win over weak defaults.
add_library(quartz_board_support OBJECT ${QUARTZ_BOARD_SOURCES})
target_include_directories(quartz_board_support PUBLIC ${QUARTZ_BOARD_INCLUDE_DIRS})
target_compile_options(quartz_board_support PRIVATE -Wall -Wextra -Werror -ffunction-sections
    -fdata-sections)
set_target_properties(quartz_board_support PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)

# quartz_board_image(<executable>): print its flash (text + data) and RAM (data + bss) use, one
# line, every time it is linked (cmake/quartz_image_size.cmake).
function(quartz_board_image exe)
    add_custom_command(TARGET ${exe} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -DSIZE=${CMAKE_SIZE} -DIMAGE=$<TARGET_FILE:${exe}>
            -P ${QUARTZ_BOARD_ROOT}/cmake/quartz_image_size.cmake
        VERBATIM)
endfunction()

# quartz_board_link(<executable> <kernel library>): make <executable> a program for the board
# (and print its sizes when linked).
function(quartz_board_link exe kernel)
    target_sources(${exe} PRIVATE $<TARGET_OBJECTS:quartz_board_support>)
    target_include_directories(${exe} PRIVATE ${QUARTZ_BOARD_INCLUDE_DIRS})
    target_link_libraries(${exe} PRIVATE ${kernel})
    target_link_options(${exe} PRIVATE ${QUARTZ_BOARD_LINK_SCRIPT_OPTIONS} -nostartfiles
        -Wl,--gc-sections -Wl,-Map=$<TARGET_FILE:${exe}>.map)
    set_target_properties(${exe} PROPERTIES SUFFIX .elf LINK_DEPENDS ${QUARTZ_BOARD_LINKER_SCRIPT})
    quartz_board_image(${exe})
endfunction()

# The application target, when the application declared its FreeRTOSConfig.h the FreeRTOS way.
if(TARGET freertos_config AND NOT TARGET quartz_board)
    if(NOT TARGET freertos_kernel)
        set(FREERTOS_PORT ${QUARTZ_BOARD_PORT} CACHE STRING "FreeRTOS port name" FORCE)
        add_subdirectory(${QUARTZ_BOARD_ROOT}/kernel ${CMAKE_BINARY_DIR}/quartz_kernel)
    endif()
    add_library(quartz_board INTERFACE)
    target_sources(quartz_board INTERFACE $<TARGET_OBJECTS:quartz_board_support>)
    target_include_directories(quartz_board INTERFACE ${QUARTZ_BOARD_INCLUDE_DIRS})
    target_link_libraries(quartz_board INTERFACE freertos_kernel)
    target_link_options(quartz_board INTERFACE ${QUARTZ_BOARD_LINK_SCRIPT_OPTIONS} -nostartfiles
        -Wl,--gc-sections)
endif()
