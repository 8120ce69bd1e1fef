/* SPDX-License-Identifier: MIT */
/*
 * regtest.h for the RISC-V register-check tasks (regtest_riscv.c): the same
 * interface as the Cortex-M ones, so the full demo finds it next to the
 * board's QUARTZ_BOARD_REGTEST_SOURCES.
 */
#include "../port_arm/regtest.h"
