#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/porting/test_new_board.sh ROOT WORK_DIR
#
# Runs tools/new-board in a copy of the tree at ROOT (in WORK_DIR, emptied first) the two ways
# the porting guide uses it, and builds and boots each result (build_board.sh):
#   from the template: the board is wired into CMakeLists.txt, builds, and its first unwritten
#     function names itself at run time;
#   from qemu-lm3s6965evb: the copy, under its new name, runs the full demo with every check OK.
set -euo pipefail

root="$1" work="$2"
tree="$work/tree"
rm -rf "$work"
mkdir -p "$tree"
for part in CMakeLists.txt cmake kernel ports boards demos tests tools; do
    cp -r "$root/$part" "$tree/"
done

check_wired() {
    if ! grep -q "^[[:space:]]*quartz_add_board($1)" "$tree/CMakeLists.txt"; then
        echo "test_new_board: FAIL: CMakeLists.txt does not add $1"
        exit 1
    fi
}

"$tree/tools/new-board" porting-fresh
check_wired porting-fresh
grep -q '#define BOARD_NAME "porting-fresh"' "$tree/boards/porting-fresh/include/board_defs.h"
"$tree/tests/porting/build_board.sh" "$tree" porting-fresh "$work/fresh" \
    'boards/porting-fresh: board_init\(\) is not written yet'

"$tree/tools/new-board" porting-copy --from qemu-lm3s6965evb
check_wired porting-copy
"$tree/tests/porting/build_board.sh" "$tree" porting-copy "$work/copy" \
    'demo: [1-9][0-9]* checks passed, 0 failed' | tee "$work/copy.log"
grep -q 'full demo on porting-copy' "$work/copy.log" # BOARD_NAME took the new name
grep -q 'quartz_add_board(porting-fresh)' "$tree/CMakeLists.txt"
echo "test_new_board: PASS"
