# SPDX-License-Identifier: MIT
# Thin wrapper over CMake/ctest. `make run` boots the demo, `make test` runs every test.
BUILD ?= build
BOARD ?= posix
JOBS ?= $(shell nproc)

CMAKE_CONFIGURE = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug

.PHONY: all setup configure build run test coverage bench clean

all: build

setup:
	@tools/setup --check || tools/setup

configure: setup
	@mkdir -p $(BUILD)
	@$(CMAKE_CONFIGURE) > $(BUILD)/configure.log 2>&1 || (cat $(BUILD)/configure.log; exit 1)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: configure
ifeq ($(BOARD),posix)
	cmake --build $(BUILD) --target demo_host -j $(JOBS)
	$(BUILD)/demos/host/demo_host
else
	@echo "BOARD=$(BOARD): no such board yet (available: posix)"; exit 1
endif

# Builds everything, runs every test with one ctest, then reports kernel line coverage
# (and fails below 90%).
test: build
	@find $(BUILD) -name '*.gcda' -delete
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory coverage

coverage:
	gcovr -r . $(BUILD) --filter 'kernel/' \
	    --print-summary --fail-under-line 90 -o $(BUILD)/coverage.txt
	@sed -n '1,60p' $(BUILD)/coverage.txt

bench:
	@echo "make bench: the benchmark suite does not exist yet (see the Benchmarks issue)"; exit 1

clean:
	rm -rf $(BUILD)
