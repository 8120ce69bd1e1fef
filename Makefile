# SPDX-License-Identifier: MIT
# Thin wrapper over CMake/ctest. `make run` boots the demo (BOARD=qemu-mps2-an385 by default,
# BOARD=posix for the host), `make run-net` the networked demo (demos/net/README.md), `make debug`
# boots the full demo under gdb, `make test` runs every test.
BUILD ?= build
BOARD ?= qemu-mps2-an385
JOBS ?= $(shell nproc)

CMAKE_CONFIGURE = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug

.PHONY: all setup configure build run run-net run-mqtt debug test coverage bench clean

all: build

setup:
	@tools/setup --check || tools/setup

configure: setup
	@mkdir -p $(BUILD)
	@$(CMAKE_CONFIGURE) > $(BUILD)/configure.log 2>&1 || (cat $(BUILD)/configure.log; exit 1)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# A QEMU board's full demo: built by the board's nested build (build/boards/<board>/).
BOARD_IMAGE = $(BUILD)/boards/$(BOARD)/demos/full/demo_full.elf

run: configure
ifeq ($(BOARD),posix)
	cmake --build $(BUILD) --target demo_host -j $(JOBS)
	$(BUILD)/demos/host/demo_host
else
	@test -f boards/$(BOARD)/board.cmake || (echo "BOARD=$(BOARD): no such board"; exit 1)
	cmake --build $(BUILD) --target board_$(BOARD)-configure
	@# The link prints the image's size line; print it here too when the image was up to date.
	@out="$$(cmake --build $(BUILD)/boards/$(BOARD) --target demo_full -j $(JOBS) 2>&1)" || \
	    { echo "$$out"; exit 1; }; echo "$$out"; echo "$$out" | grep -q ': flash ' || \
	    cmake -DIMAGE=$(BOARD_IMAGE) \
	    -DSIZE="$$(sed -n 's/^CMAKE_SIZE:FILEPATH=//p' $(BUILD)/boards/$(BOARD)/CMakeCache.txt)" \
	    -P cmake/quartz_image_size.cmake
	@echo "Booting the full demo on $(BOARD) in QEMU (Ctrl-C stops it)"
	tools/qemu-run --board $(BOARD) --timeout 0 --realtime $(BOARD_IMAGE)
endif

# The networked demo (demos/net/) on a board with a network driver, under QEMU user networking
# (restrict=on) with its TCP echo server forwarded to 127.0.0.1:$(NET_PORT).
NET_PORT ?= 5555
run-net: configure
	@test "$(BOARD)" != posix || (echo "run-net: on the host see demos/net/README.md"; exit 1)
	@test -f boards/$(BOARD)/board.cmake || (echo "BOARD=$(BOARD): no such board"; exit 1)
	cmake --build $(BUILD) --target board_$(BOARD)-configure
	@cmake --build $(BUILD)/boards/$(BOARD) --target help | grep '^demo_net:' > /dev/null || \
	    (echo "BOARD=$(BOARD) has no network driver (QUARTZ_BOARD_NET_DRIVER)"; exit 1)
	cmake --build $(BUILD)/boards/$(BOARD) --target demo_net -j $(JOBS)
	python3 demos/net/net_demo_driver.py --board $(BOARD) --serve $(NET_PORT) \
	    $(BUILD)/boards/$(BOARD)/demos/net/demo_net.elf

# The board MQTT demo (demos/mqtt_board) on qemu-mps2-an385 against a private Mosquitto and
# nginx on 127.0.0.1 (at most 5 minutes: run_nginx.py's limit); it prints how to send commands.
MQTT_DEMO_IMAGE = $(BUILD)/boards/qemu-mps2-an385/demos/mqtt_board/demo_mqtt_board.elf
run-mqtt: configure
	cmake --build $(BUILD) --target board_qemu-mps2-an385-configure
	cmake --build $(BUILD)/boards/qemu-mps2-an385 --target demo_mqtt_board -j $(JOBS)
	python3 libs/http/tests/live/run_nginx.py python3 libs/mqtt/tests/mqtt_broker_driver.py \
	    demos/mqtt_board/run.sh $(MQTT_DEMO_IMAGE)

# The full demo halted in QEMU's GDB server, with gdb-multiarch attached and stopped at main.
debug: configure
ifeq ($(BOARD),posix)
	cmake --build $(BUILD) --target demo_host -j $(JOBS)
	gdb -q $(BUILD)/demos/host/demo_host
else
	cmake --build $(BUILD) --target board_$(BOARD)-configure
	cmake --build $(BUILD)/boards/$(BOARD) --target demo_full -j $(JOBS)
	tools/qemu-run --board $(BOARD) --debug $(BOARD_IMAGE)
endif

# Builds everything, runs every test with one ctest, then reports kernel line coverage
# (and fails below 90%). When tests fail, their output is repeated last (tools/ctest-failures),
# so a log cut to its tail still says why.
test: build
	@find $(BUILD) -name '*.gcda' -delete
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) || \
	    { tools/ctest-failures $(BUILD); exit 8; }
	@$(MAKE) --no-print-directory coverage

coverage:
	gcovr -r . $(BUILD) --filter 'kernel/' \
	    --print-summary --fail-under-line 90 -o $(BUILD)/coverage.txt
	@sed -n '1,60p' $(BUILD)/coverage.txt

# The benchmark suite (bench/README.md) on every QEMU board, or those in BENCH_BOARDS, at -O2
# and -Os: writes $(BUILD)/bench/results.json and a table (.md) and chart (.svg) per board.
# KERNEL_DIR=<path> measures another kernel with the FreeRTOS API and CMake interface.
BENCH_BOARDS ?=
KERNEL_DIR ?= $(CURDIR)/kernel
bench: setup
	python3 bench/run.py --build $(BUILD)/bench --kernel-dir $(KERNEL_DIR) \
	    --boards "$(BENCH_BOARDS)" --jobs $(JOBS)

clean:
	rm -rf $(BUILD)
