/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for kernel tests on a board: the test configuration
 * (tests/configs/<variant>/, next on the include path) followed by the
 * board's corrections (boards/<board>/board_test_config.h: its clock,
 * interrupt priorities and memory). The board build puts this directory
 * first on the include path of every test kernel.
 */
#ifndef QTEST_TARGET_FREERTOS_CONFIG_H
#define QTEST_TARGET_FREERTOS_CONFIG_H

#include_next <FreeRTOSConfig.h>

#include "board_test_config.h"

#endif /* QTEST_TARGET_FREERTOS_CONFIG_H */
