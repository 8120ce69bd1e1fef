/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h for qemu-virt-rv32f: the same corrections as
 * qemu-virt-rv32's, after this board's own board_defs.h (its BOARD_NAME).
 */
#include "board_defs.h"

/* Included second: its own #include "board_defs.h" then finds the guard set. */
#include "../../qemu-virt-rv32/include/board_test_config.h"
