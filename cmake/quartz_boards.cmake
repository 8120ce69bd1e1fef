# SPDX-License-Identifier: MIT
# quartz_boards.cmake: the QEMU boards inside the one top-level build. For each
# board, the build runs a nested CMake project (cmake/board_build) with the
# arm-none-eabi toolchain into <build>/boards/<board>/ (configured and built
# by `cmake --build <build>`), and the top-level ctest picks up the tests it
# registers (QEMU runs labelled with the board's name).
include_guard(GLOBAL)
include(ExternalProject)

option(QUARTZ_BOARDS "Cross-build the QEMU boards and run their tests" ON)

# quartz_add_board(<board>): build boards/<board> and include its tests in this build's ctest.
function(quartz_add_board board)
    set(bin ${CMAKE_BINARY_DIR}/boards/${board})
    set(tests_file ${CMAKE_BINARY_DIR}/boards/${board}-tests.cmake)
    find_program(QUARTZ_ARM_GCC arm-none-eabi-gcc)
    find_program(QUARTZ_QEMU_ARM qemu-system-arm)
    if(NOT QUARTZ_ARM_GCC OR NOT QUARTZ_QEMU_ARM)
        message(WARNING "${board}: arm-none-eabi-gcc or qemu-system-arm is missing (tools/setup "
            "installs them); its tests will fail until they are installed")
        file(WRITE ${tests_file}
            "add_test(${board}/toolchain-missing ${CMAKE_COMMAND} -E false)\n"
            "set_tests_properties(${board}/toolchain-missing PROPERTIES LABELS ${board})\n")
        set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${tests_file})
        return()
    endif()
    ExternalProject_Add(board_${board}
        SOURCE_DIR ${QUARTZ_ROOT}/cmake/board_build
        BINARY_DIR ${bin}
        PREFIX ${CMAKE_BINARY_DIR}/boards/.ep/${board}
        CMAKE_GENERATOR ${CMAKE_GENERATOR}
        CMAKE_ARGS
            -DCMAKE_TOOLCHAIN_FILE=${QUARTZ_ROOT}/cmake/toolchain-arm-none-eabi.cmake
            -DQUARTZ_BOARD=${board}
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
