/* SPDX-License-Identifier: MIT */
/*
 * board_defs.h for qemu-virt-rv32f: the same virt machine as qemu-virt-rv32,
 * with a hart that has the F extension.
 */
#ifndef BOARD_DEFS_RV32F_H
#define BOARD_DEFS_RV32F_H

#define BOARD_NAME "qemu-virt-rv32f"
#include "../../qemu-virt-rv32/include/board_defs.h"

#endif /* BOARD_DEFS_RV32F_H */
