/* SPDX-License-Identifier: MIT */
/*
 * board_test_config.h for the benchmark configurations on the POSIX host (bench/config/ include
 * it for the board's clock and limits): real time, not the port's simulated time, so that tasks
 * that never block still see the tick; host-sized stacks (StackType_t is a machine word).
 */
#ifndef BOARD_TEST_CONFIG_H
#define BOARD_TEST_CONFIG_H

#define configPOSIX_SIMULATED_TIME 0
#define configCPU_CLOCK_HZ 1000000
#define configMINIMAL_STACK_SIZE 4096

#endif /* BOARD_TEST_CONFIG_H */
