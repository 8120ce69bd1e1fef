# SPDX-License-Identifier: MIT
# quartz_image_size.cmake: print one line with a board image's flash and RAM use, from the
# toolchain's `size` (Berkeley format: text, data, bss). Flash holds the code and constants
# (text) and the initial values of initialised data (data); RAM holds data and bss (which
# includes the kernel heap, configTOTAL_HEAP_SIZE, and the start-up stack).
#   cmake -DSIZE=<arm-none-eabi-size> -DIMAGE=<file.elf> -P quartz_image_size.cmake
# Run after every link by quartz_board_image() (cmake/quartz_board.cmake) and by `make run`.
if(NOT SIZE OR NOT IMAGE)
    message(FATAL_ERROR "quartz_image_size.cmake: pass -DSIZE=<size tool> -DIMAGE=<elf>")
endif()
execute_process(COMMAND ${SIZE} -B ${IMAGE} OUTPUT_VARIABLE out RESULT_VARIABLE rc
    ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SIZE} ${IMAGE}: ${err}")
endif()
# The second line: "   text    data     bss     dec     hex filename".
string(REGEX MATCH "\n[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([0-9]+)" row "${out}")
if(NOT row)
    message(FATAL_ERROR "quartz_image_size.cmake: cannot read the output of ${SIZE}:\n${out}")
endif()
set(text ${CMAKE_MATCH_1})
set(data ${CMAKE_MATCH_2})
set(bss ${CMAKE_MATCH_3})
math(EXPR flash "${text} + ${data}")
math(EXPR ram "${data} + ${bss}")
get_filename_component(name ${IMAGE} NAME)
# execute_process(echo) rather than message(): plain stdout, no "-- " prefix, even under ninja.
execute_process(COMMAND ${CMAKE_COMMAND} -E echo
    "${name}: flash ${flash} B (text ${text} + data ${data}), RAM ${ram} B (data ${data} + bss ${bss})")
