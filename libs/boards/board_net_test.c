/* SPDX-License-Identifier: MIT */
/*
 * board_net_test.c: board_net_test_main (see board_net_test.h). The runner sits below the
 * network's tasks (receive task at the top priority, tcpip thread at 6) and above the tasks
 * the tests create (the harness's priorities 1-3).
 */
#include "board_net_test.h"

#include "board_net.h"
#include "task.h"

#include <stdio.h>
#include <stdlib.h>

#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define RUNNER_PRIORITY 4
#define RUNNER_STACK 4096u
#define LEASE_TICKS pdMS_TO_TICKS(60000)

static void runner(void *arg)
{
    int (*run)(void) = (int (*)(void))arg;

    if (board_net_up(RX_PRIORITY, LEASE_TICKS) != 0) {
        exit(1);
    }
    exit(run());
}

void board_net_test_main(int (*run)(void))
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    xTaskCreate(runner, "runner", RUNNER_STACK, (void *)run, RUNNER_PRIORITY, NULL);
    vTaskStartScheduler();
    exit(1);
}
