# SPDX-License-Identifier: MIT
# The live HTTP test: test_http_live.c in Quartz tasks (real-time POSIX port) over the host
# socket transport, against nginx started by run_nginx.py. Included from libs/http.
include(${QUARTZ_ROOT}/libs/transport/cmake/quartz_lib_test.cmake)
find_program(QUARTZ_PYTHON3 NAMES python3)

set(live_dir ${CMAKE_CURRENT_LIST_DIR})
set(json_dir ${QUARTZ_ROOT}/libs/json)
if(QUARTZ_PYTHON3)
    quartz_lib_test(NAME http_live
        SOURCES ${live_dir}/test_http_live.c ${HTTP_SOURCES}
            ${QUARTZ_ROOT}/libs/transport/tests/test_service_posix.c ${json_dir}/src/json_scan.c
            ${json_dir}/src/json_iterate.c ${json_dir}/src/json_search.c
        INCLUDES ${live_dir}/config ${HTTP_DIR}/include ${json_dir}/include
            ${QUARTZ_ROOT}/libs/transport/tests
        LINK transport_posix quartz_logging
        LABELS http
        TIMEOUT 300
        DRIVER ${QUARTZ_PYTHON3} ${live_dir}/run_nginx.py)
else()
    message(STATUS "libs/http: python3 not found, the live HTTP test is not registered")
endif()
