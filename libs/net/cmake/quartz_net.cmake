# SPDX-License-Identifier: MIT
# quartz_net.cmake: lwIP 2.1.3 as a build-time dependency and quartz_net_library(), which
# builds lwIP with Quartz's OS layer for one application (kernel + lwipopts.h). Included by
# libs/net/CMakeLists.txt for the host, and by a board's build for its own.
#
# lwIP is never copied into this repository: tools/fetch-lwip unpacks Debian's source package
# into a cache outside the tree ($XDG_CACHE_HOME/quartz), once for every build directory.
# -DQUARTZ_LWIP_DIR=<dir> uses another unpacked lwIP 2.1.3 instead.
#
# quartz_net_library(<name> KERNEL <kernel target> OPTIONS_DIR <dir holding lwipopts.h>
#                    [SOURCES <driver sources...>] [COMPILE_OPTIONS <opts...>])
# Per directory: the variables below are directory-scoped, and sibling directories (libs/net,
# demos/net; a board's libs/net/boards and demos/net) each need them. Checking again is cheap.
include_guard(DIRECTORY)

set(QUARTZ_NET_DIR ${CMAKE_CURRENT_LIST_DIR}/..)
set(QUARTZ_LWIP_DIR "" CACHE PATH "Unpacked lwIP 2.1.3 (empty: fetch it with tools/fetch-lwip)")

if(NOT QUARTZ_LWIP_DIR)
    execute_process(COMMAND ${QUARTZ_ROOT}/tools/fetch-lwip
        RESULT_VARIABLE fetch_rc OUTPUT_VARIABLE fetch_dir ERROR_VARIABLE fetch_err
        OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT fetch_rc EQUAL 0)
        message(FATAL_ERROR "lwIP 2.1.3 is not available:\n${fetch_err}\n"
            "Run: tools/setup && tools/fetch-lwip\n"
            "(or configure with -DQUARTZ_NET=OFF to build Quartz without networking)")
    endif()
    # Not cached: a later configure finds the tree again, or fetches it if the cache was wiped.
    set(QUARTZ_LWIP_DIR ${fetch_dir})
endif()

# The version is checked here too, for trees given with -DQUARTZ_LWIP_DIR.
set(lwip_init_h ${QUARTZ_LWIP_DIR}/src/include/lwip/init.h)
if(NOT EXISTS ${lwip_init_h})
    message(FATAL_ERROR "QUARTZ_LWIP_DIR=${QUARTZ_LWIP_DIR} holds no lwIP tree (${lwip_init_h}).\n"
        "Run: tools/fetch-lwip, or clear QUARTZ_LWIP_DIR")
endif()
set(lwip_version "")
foreach(part MAJOR MINOR REVISION)
    file(STRINGS ${lwip_init_h} line REGEX "#define LWIP_VERSION_${part} ")
    string(REGEX REPLACE ".*LWIP_VERSION_${part} +([0-9]+).*" "\\1" value "${line}")
    list(APPEND lwip_version ${value})
endforeach()
string(REPLACE ";" "." lwip_version "${lwip_version}")
if(NOT lwip_version STREQUAL "2.1.3")
    message(FATAL_ERROR "lwIP in ${QUARTZ_LWIP_DIR} is ${lwip_version}; Quartz needs 2.1.3")
endif()

# lwIP's own sources Quartz builds: the core (IPv4, IPv6), the APIs, Ethernet and SNTP. Listed
# here rather than through lwIP's Filelists.cmake, which also defines targets of its own.
set(lwip_src ${QUARTZ_LWIP_DIR}/src)
set(QUARTZ_LWIP_SOURCES "")
foreach(f init def dns inet_chksum ip mem memp netif pbuf raw stats sys tcp tcp_in tcp_out
        timeouts udp)
    list(APPEND QUARTZ_LWIP_SOURCES ${lwip_src}/core/${f}.c)
endforeach()
foreach(f autoip dhcp etharp icmp igmp ip4_frag ip4 ip4_addr)
    list(APPEND QUARTZ_LWIP_SOURCES ${lwip_src}/core/ipv4/${f}.c)
endforeach()
foreach(f dhcp6 ethip6 icmp6 inet6 ip6 ip6_addr ip6_frag mld6 nd6)
    list(APPEND QUARTZ_LWIP_SOURCES ${lwip_src}/core/ipv6/${f}.c)
endforeach()
set(QUARTZ_LWIP_API_SOURCES "")
foreach(f api_lib api_msg err if_api netbuf netdb netifapi sockets tcpip)
    list(APPEND QUARTZ_LWIP_API_SOURCES ${lwip_src}/api/${f}.c)
endforeach()
list(APPEND QUARTZ_LWIP_SOURCES ${lwip_src}/netif/ethernet.c)
list(APPEND QUARTZ_LWIP_API_SOURCES ${lwip_src}/apps/sntp/sntp.c)
set(QUARTZ_LWIP_INCLUDE_DIRS ${lwip_src}/include ${QUARTZ_NET_DIR}/port/include
    ${QUARTZ_NET_DIR}/include)

function(quartz_net_library name)
    cmake_parse_arguments(N "" "KERNEL;OPTIONS_DIR" "SOURCES;COMPILE_OPTIONS" ${ARGN})
    add_library(${name} STATIC ${QUARTZ_LWIP_SOURCES} ${QUARTZ_LWIP_API_SOURCES}
        ${QUARTZ_NET_DIR}/port/sys_arch.c ${QUARTZ_NET_DIR}/src/eth_frames.c
        ${QUARTZ_NET_DIR}/src/eth_netif.c ${QUARTZ_NET_DIR}/src/net_time.c ${N_SOURCES})
    target_include_directories(${name} PUBLIC ${N_OPTIONS_DIR} ${QUARTZ_LWIP_INCLUDE_DIRS})
    target_link_libraries(${name} PUBLIC ${N_KERNEL})
    target_compile_options(${name} PRIVATE ${QUARTZ_WARNINGS} ${N_COMPILE_OPTIONS})
    set_target_properties(${name} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
endfunction()

# quartz_net_board_sources(<out_var>): the sources a board's lwIP adds to lwIP and Quartz's OS
# layer: its driver (every .c of libs/net/port/<QUARTZ_BOARD_NET_DRIVER>/, whose directory
# also holds <driver>.h) and the board-interface seam (quartz_net/board_netif.h) for its kind
# of link, QUARTZ_BOARD_NET_LINK: "ethernet" (the default; the driver implements
# qnet_board_eth_add()) or "serial" (IP over SLIP; the driver implements lwip/sio.h).
function(quartz_net_board_sources out_var)
    file(GLOB sources CONFIGURE_DEPENDS ${QUARTZ_NET_DIR}/port/${QUARTZ_BOARD_NET_DRIVER}/*.c)
    if(QUARTZ_BOARD_NET_LINK STREQUAL "serial") # lwIP's SLIP interface over the driver's sio
        list(APPEND sources ${QUARTZ_NET_DIR}/src/board_netif_slip.c
            ${QUARTZ_LWIP_DIR}/src/netif/slipif.c)
    elseif(NOT QUARTZ_BOARD_NET_LINK OR QUARTZ_BOARD_NET_LINK STREQUAL "ethernet")
        list(APPEND sources ${QUARTZ_NET_DIR}/src/board_netif_eth.c)
    else()
        message(FATAL_ERROR "${QUARTZ_BOARD}: QUARTZ_BOARD_NET_LINK is ethernet or serial, "
            "not ${QUARTZ_BOARD_NET_LINK}")
    endif()
    set(${out_var} ${sources} PARENT_SCOPE)
endfunction()

# quartz_net_board_library(<name> KERNEL <kernel>): lwIP as every networked board image builds
# it, with the board's driver and seam (quartz_net_board_sources) and the board's options
# (QUARTZ_BOARD_LWIPOPTS).
function(quartz_net_board_library name)
    cmake_parse_arguments(N "" "KERNEL" "" ${ARGN})
    set(driver_dir ${QUARTZ_NET_DIR}/port/${QUARTZ_BOARD_NET_DRIVER})
    set(options_dir ${CMAKE_CURRENT_BINARY_DIR}/${name}_lwipopts)
    configure_file(${QUARTZ_BOARD_LWIPOPTS} ${options_dir}/lwipopts.h COPYONLY)
    quartz_net_board_sources(sources)
    quartz_net_library(${name} KERNEL ${N_KERNEL} OPTIONS_DIR ${options_dir} SOURCES ${sources}
        COMPILE_OPTIONS -g -O2 -ffunction-sections -fdata-sections)
    target_include_directories(${name} PUBLIC ${driver_dir} ${QUARTZ_BOARD_INCLUDE_DIRS})
endfunction()
