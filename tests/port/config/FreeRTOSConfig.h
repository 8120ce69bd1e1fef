/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h of the port conformance suite: the default test
 * configuration with what the suite's checks need on top (timers, queue sets,
 * stack-overflow method 2), a real tick on the POSIX port (preemption at any
 * instruction, as on a board), a spinning idle task on Cortex-M (QEMU's
 * -icount lets SysTick fall behind the board timers while the core sleeps),
 * and configASSERT ending the run with a FAIL line (conf_main.c).
 * On a board, the board's board_test_config.h follows (tests/harness/target).
 */
#ifndef CONF_FREERTOS_CONFIG_H
#define CONF_FREERTOS_CONFIG_H

#define configPOSIX_SIMULATED_TIME 0
#ifndef configUSE_TICKLESS_IDLE /* the port's own tickless idle, or none: no test stand-in */
#define configUSE_TICKLESS_IDLE 0
#endif
#include "../../configs/default/FreeRTOSConfig.h"

#define configARM_IDLE_SLEEP 0
#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_QUEUE_LENGTH 8 /* conf_fromisr.c sends 5 commands from one handler */
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define INCLUDE_xTimerPendFunctionCall 1
#define configUSE_QUEUE_SETS 1

#undef configASSERT
void conf_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            conf_assert_failed(__FILE__, __LINE__);                                                \
        }                                                                                          \
    } while (0)

#endif /* CONF_FREERTOS_CONFIG_H */
