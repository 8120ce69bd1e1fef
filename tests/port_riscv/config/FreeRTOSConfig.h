/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "port_riscv": the default test configuration with a
 * configASSERT that a test can arm to count failures instead of aborting
 * (port_riscv_util.h), so the port's own checks can be tested on a board
 * where QT_EXPECT_ASSERT cannot fork, and the spinning idle task of FreeRTOS
 * (the tests compare the tick with the RTC while tasks spin).
 */
#ifndef PORT_RISCV_CONFIG_H
#define PORT_RISCV_CONFIG_H

#include "../../configs/default/FreeRTOSConfig.h"

#define configRISCV_IDLE_SLEEP 0

#undef configASSERT
void port_test_assert_failed(const char *file, int line);
#define configASSERT(x)                                                                            \
    do {                                                                                           \
        if (!(x)) {                                                                                \
            port_test_assert_failed(__FILE__, __LINE__);                                           \
        }                                                                                          \
    } while (0)

#endif /* PORT_RISCV_CONFIG_H */
