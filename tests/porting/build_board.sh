#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/porting/build_board.sh ROOT BOARD BUILD_DIR EXPECT [cmake options...]
#
# Builds the full demo for boards/BOARD of the tree at ROOT (tests/porting/project, with the
# board's cross toolchain) in BUILD_DIR, boots it for two seconds of virtual time with
# tools/qemu-run and succeeds when its output matches the extended regex EXPECT.
set -euo pipefail

root="$1" board="$2" bin="$3" expect="$4"
shift 4
toolchain="$(sed -n 's/^set(QUARTZ_BOARD_TOOLCHAIN[[:space:]]\+\([^)[:space:]]*\)).*/\1/p' \
    "$root/boards/$board/board.cmake")"
toolchain="${toolchain:-arm-none-eabi}"

cmake -S "$root/tests/porting/project" -B "$bin" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchain-$toolchain.cmake" -DQUARTZ_BOARD="$board" "$@"
cmake --build "$bin" -j2
set +e
output="$("$root/tools/qemu-run" --board "$board" --timeout 60 --append 2000 \
    "$bin/demos/full/demo_full.elf" 2>&1)"
status=$?
set -e
printf '%s\n' "$output"
echo "build_board: $board's demo exited with status $status"
if grep -Eq -- "$expect" <<< "$output"; then
    echo "build_board: PASS ($board: output matches '$expect')"
else
    echo "build_board: FAIL ($board: output does not match '$expect')"
    exit 1
fi
