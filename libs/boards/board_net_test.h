/* SPDX-License-Identifier: MIT */
/*
 * board_net_test.h: the main of a board network test. lwIP cannot be restarted, so such a test
 * does not restart the scheduler per case (qtest_run): one task brings the network up
 * (board_net_up), runs the cases (qtest_run_in_task) and ends the run with their status.
 */
#ifndef BOARD_NET_TEST_H
#define BOARD_NET_TEST_H

/*
 * Starts the scheduler with a task that brings the network up and calls run(), then exits
 * with run()'s result (1 if the network did not come up). Does not return.
 */
void board_net_test_main(int (*run)(void)) __attribute__((noreturn));

#endif /* BOARD_NET_TEST_H */
