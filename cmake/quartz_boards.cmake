# SPDX-License-Identifier: MIT
# quartz_boards.cmake: the QEMU boards inside the one top-level build. For each
# board, the build runs a nested CMake project (cmake/board_build) with the
# board's cross toolchain into <build>/boards/<board>/ (configured and built
# by `cmake --build <build>`), and the top-level ctest picks up the tests it
# registers (QEMU runs labelled with the board's name).
#
# A board's board.cmake names its toolchain and emulator (defaults: the Cortex-M ones):
#   QUARTZ_BOARD_TOOLCHAIN  tool prefix without the dash; cmake/toolchain-<it>.cmake is the
#                           toolchain file and <it>-gcc the compiler (arm-none-eabi)
#   QUARTZ_BOARD_QEMU       the QEMU system emulator (qemu-system-arm)
include_guard(GLOBAL)
include(ExternalProject)

option(QUARTZ_BOARDS "Cross-build the QEMU boards and run their tests" ON)

# quartz_add_board(<board>): build boards/<board> and include its tests in this build's ctest.
function(quartz_add_board board)
    set(bin ${CMAKE_BINARY_DIR}/boards/${board})
    set(tests_file ${CMAKE_BINARY_DIR}/boards/${board}-tests.cmake)
    set(QUARTZ_BOARD_TOOLCHAIN arm-none-eabi)
    set(QUARTZ_BOARD_QEMU qemu-system-arm)
    include(${QUARTZ_ROOT}/boards/${board}/board.cmake) # this function's scope only
    set(toolchain ${QUARTZ_BOARD_TOOLCHAIN})
    find_program(QUARTZ_GCC_${toolchain} ${toolchain}-gcc)
    find_program(QUARTZ_${QUARTZ_BOARD_QEMU} ${QUARTZ_BOARD_QEMU})
    if(NOT QUARTZ_GCC_${toolchain} OR NOT QUARTZ_${QUARTZ_BOARD_QEMU})
        message(WARNING "${board}: ${toolchain}-gcc or ${QUARTZ_BOARD_QEMU} is missing "
            "(tools/setup installs them); its tests will fail until they are installed")
        file(WRITE ${tests_file}
            "add_test(${board}/toolchain-missing ${CMAKE_COMMAND} -E false)\n"
            "set_tests_properties(${board}/toolchain-missing PROPERTIES LABELS ${board})\n")
        set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${tests_file})
        return()
    endif()
    # -DQUARTZ_NET=OFF on the top-level command line turns the boards' networking off too.
    set(net_args "")
    if(DEFINED QUARTZ_NET)
        set(net_args -DQUARTZ_NET=${QUARTZ_NET})
    endif()
    ExternalProject_Add(board_${board}
        SOURCE_DIR ${QUARTZ_ROOT}/cmake/board_build
        BINARY_DIR ${bin}
        PREFIX ${CMAKE_BINARY_DIR}/boards/.ep/${board}
        CMAKE_GENERATOR ${CMAKE_GENERATOR}
        CMAKE_ARGS
            -DCMAKE_TOOLCHAIN_FILE=${QUARTZ_ROOT}/cmake/toolchain-${toolchain}.cmake
            -DQUARTZ_BOARD=${board}
            -DQUARTZ_HOST_BINARY_DIR=${CMAKE_BINARY_DIR} # host tools the board tests run
            ${net_args}
        BUILD_ALWAYS TRUE
        INSTALL_COMMAND ""
        STEP_TARGETS configure) # board_<board>-configure: `make run` then builds just the demo
    # ctest reads this from the top-level CTestTestfile: the board's own test list, once built.
    file(WRITE ${tests_file}
        "if(EXISTS \"${bin}/CTestTestfile.cmake\")\n"
        "  subdirs(\"${bin}\")\n"
        "else()\n"
        "  add_test(${board}/not-built ${CMAKE_COMMAND} -E false)\n"
        "  set_tests_properties(${board}/not-built PROPERTIES LABELS ${board})\n"
        "endif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${tests_file})
endfunction()
