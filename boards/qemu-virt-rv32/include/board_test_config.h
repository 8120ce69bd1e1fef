/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h: what the kernel test configurations (tests/configs/)
 * need added or changed to run on this board. tests/harness/target/FreeRTOSConfig.h
 * includes a test configuration, then this file.
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#include "board_defs.h"

#undef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ BOARD_MTIME_CLOCK_HZ
#define configMTIME_BASE_ADDRESS BOARD_MTIME_BASE
#define configMTIMECMP_BASE_ADDRESS BOARD_MTIMECMP_BASE
#define configPLIC_BASE_ADDRESS BOARD_PLIC_BASE

/* The idle task sleeps between ticks: QEMU then skips idle time instead of emulating it. */
#ifndef configRISCV_IDLE_SLEEP
#define configRISCV_IDLE_SLEEP 1
#endif

/* 128 MiB of RAM: the test configurations' heaps fit as they are. */

#endif /* BOARD_TEST_CONFIG_H */
