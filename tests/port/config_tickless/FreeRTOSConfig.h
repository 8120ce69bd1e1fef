/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h of the suite's tickless build (<board>/conformance/tickless, on the ports
 * that implement portSUPPRESS_TICKS_AND_SLEEP): the suite's configuration with tickless idle.
 * configPRE_SLEEP_PROCESSING waits for an interrupt to pend (conf_arch_idle_wait, in the
 * architecture's seam) and sets the expected idle time to 0, which FreeRTOS documents for an
 * application that sleeps its own way: the port still stops the tick, programs the wake-up and
 * steps the tick count, but does not execute WFI. QEMU 7.2 under
 * -icount loses a timer period at each WFI wake-up, so with WFI the tick could not be compared
 * with the independent clock (tests/port_arm/test_port_arm_tickless.c covers the real WFI).
 */
#ifndef CONF_TICKLESS_FREERTOS_CONFIG_H
#define CONF_TICKLESS_FREERTOS_CONFIG_H

#define configUSE_TICKLESS_IDLE 1 /* before the default configuration's test stand-in */
#include "../config/FreeRTOSConfig.h"

#define configEXPECTED_IDLE_TIME_BEFORE_SLEEP 2
#ifndef __ASSEMBLER__
void conf_arch_idle_wait(void);
#endif
#define configPRE_SLEEP_PROCESSING(idle_ticks)                                                     \
    do {                                                                                           \
        conf_arch_idle_wait();                                                                     \
        (idle_ticks) = 0;                                                                          \
    } while (0)

#endif /* CONF_TICKLESS_FREERTOS_CONFIG_H */
