# SPDX-License-Identifier: MIT
# board_libs.cmake: the protocol libraries on a board with networking, included by the board
# build (cmake/board_build) after libs/net/boards (which builds lwIP and the driver as
# qnet_board). Not a CMakeLists.txt, so the host build's libs/ glob leaves it alone.
#   board_net          board_net_up(): lwIP, the board's NIC, a DHCP lease
#   transport_lwip     libs/transport over lwIP sockets
#   board_mqtt, board_http, board_json, board_logging, board_backoff
#                      the libraries' sources, compiled in each image with its own config
# and the board tests, each booted by libs/net/tests/qemu_net_driver.py --forward inside the
# host drivers that start its peers on 127.0.0.1 (echo server, Mosquitto, nginx).
#
# Every target here is an INTERFACE library, as on the host: the sources compile in the
# application against its FreeRTOSConfig.h and kernel. The tests use the kernel test
# configuration "default" that qnet_board is built for.
set(libs ${QUARTZ_ROOT}/libs)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

add_library(board_net INTERFACE)
target_sources(board_net INTERFACE ${CMAKE_CURRENT_LIST_DIR}/board_net.c
    ${CMAKE_CURRENT_LIST_DIR}/board_net_test.c)
target_include_directories(board_net INTERFACE ${CMAKE_CURRENT_LIST_DIR})

add_library(transport_lwip INTERFACE)
target_sources(transport_lwip INTERFACE ${libs}/transport/src/transport_lwip.c
    ${libs}/transport/src/transport_util.c)
target_include_directories(transport_lwip INTERFACE ${libs}/transport/include)

# One INTERFACE target per library over all of its sources (the linker drops what is unused).
foreach(lib mqtt http json logging backoff)
    file(GLOB sources CONFIGURE_DEPENDS ${libs}/${lib}/src/*.c)
    add_library(board_${lib} INTERFACE)
    target_sources(board_${lib} INTERFACE ${sources})
    target_include_directories(board_${lib} INTERFACE ${libs}/${lib}/include)
endforeach()
target_include_directories(board_http INTERFACE ${libs}/http/src)
target_link_libraries(board_mqtt INTERFACE board_logging)
target_link_libraries(board_http INTERFACE board_logging)

set(QEMU_NET_DRIVER ${Python3_EXECUTABLE} ${libs}/net/tests/qemu_net_driver.py
    --board ${QUARTZ_BOARD})
set(MQTT_BROKER_DRIVER ${Python3_EXECUTABLE} ${libs}/mqtt/tests/mqtt_broker_driver.py)
set(HTTP_SERVER_DRIVER ${Python3_EXECUTABLE} ${libs}/http/tests/live/run_nginx.py)

quartz_board_test_kernel(default 4 kernel)

# board_net_test(<name> SOURCES <files...> [LINK <targets...>] [INCLUDES <dirs...>]
#                [DRIVERS <outer driver commands...>] [FORWARDS <PORT=TARGET...>]
#                [LABELS <labels...>] [TIMEOUT <s>])
# An image of the board test harness and test <board>/<name>: the DRIVERS (each wraps the next
# command, as mqtt_broker_driver.py does) around qemu_net_driver.py --forward ... <image>.
function(board_net_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LINK;INCLUDES;DRIVERS;FORWARDS;LABELS"
        ${ARGN})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set(exe ${name}_board)
    add_executable(${exe} ${T_SOURCES} ${QUARTZ_ROOT}/tests/harness/qtest.c
        ${QUARTZ_ROOT}/tests/harness/qtest_port_${QUARTZ_BOARD_ARCH}.c
        ${QUARTZ_ROOT}/tests/harness/qtest_port_board.c)
    target_include_directories(${exe} PRIVATE ${QUARTZ_ROOT}/tests/harness ${T_INCLUDES})
    target_compile_options(${exe} PRIVATE ${QUARTZ_BOARD_TEST_COPTS})
    target_link_libraries(${exe} PRIVATE board_net qnet_board ${T_LINK})
    set_target_properties(${exe} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
    quartz_board_link(${exe} ${kernel})
    set(forwards "")
    foreach(f ${T_FORWARDS})
        list(APPEND forwards --forward ${f})
    endforeach()
    set(test ${QUARTZ_BOARD}/${name})
    add_test(NAME ${test} COMMAND ${T_DRIVERS} ${QEMU_NET_DRIVER} --timeout ${T_TIMEOUT}
        ${forwards} $<TARGET_FILE:${exe}>)
    set_tests_properties(${test} PROPERTIES LABELS "${QUARTZ_BOARD};net;${T_LABELS}"
        TIMEOUT ${T_TIMEOUT})
endfunction()

# The transport qualification suite against the host build's transport_echo_server.
set(echo_server ${QUARTZ_HOST_BINARY_DIR}/libs/transport/transport_echo_server)
board_net_test(transport_lwip
    SOURCES ${libs}/transport/tests/test_transport_lwip.c
        ${libs}/transport/tests/transport_qualification.c
    INCLUDES ${libs}/transport/tests ${libs}/transport/src
    LINK transport_lwip
    DRIVERS ${Python3_EXECUTABLE} ${libs}/transport/tests/run_echo_server.py ${echo_server}
    FORWARDS 7=TQ_ECHO_PORT 9=TQ_CLOSE_PORT
    LABELS transport)

# The MQTT broker tests and the live HTTP test: the host's test sources, with the board side of
# their platform seam (test_service_board.c), against a private Mosquitto or nginx.
set(service_sources ${libs}/transport/tests/test_service_board.c)
set(mqtt_tests ${libs}/mqtt/tests)
foreach(name broker broker_stream)
    board_net_test(mqtt_${name}
        SOURCES ${mqtt_tests}/test_mqtt_${name}.c ${mqtt_tests}/mqtt_test_client.c
            ${service_sources}
        INCLUDES ${mqtt_tests} ${mqtt_tests}/config ${libs}/transport/tests
        LINK transport_lwip board_mqtt board_backoff
        DRIVERS ${MQTT_BROKER_DRIVER}
        FORWARDS 1883=MQTT_BROKER_PORT
        LABELS mqtt)
    target_compile_definitions(mqtt_${name}_board PRIVATE TEST_SERVICE_LWIP STREAM_MAX=300u)
endforeach()
board_net_test(http_live
    SOURCES ${libs}/http/tests/live/test_http_live.c ${service_sources}
    INCLUDES ${libs}/http/tests/live/config ${libs}/transport/tests
    LINK transport_lwip board_http board_json
    DRIVERS ${HTTP_SERVER_DRIVER}
    FORWARDS 80=QUARTZ_HTTP_PORT
    LABELS http)
target_compile_definitions(http_live_board PRIVATE TEST_SERVICE_LWIP)

# The board MQTT demo (telemetry, commands, an HTTP download) and its test.
add_subdirectory(${QUARTZ_ROOT}/demos/mqtt_board demos/mqtt_board)
