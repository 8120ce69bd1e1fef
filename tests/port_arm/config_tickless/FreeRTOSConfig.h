/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "port_arm_tickless": the port_arm configuration with
 * tickless idle, and two test hooks (test_port_arm_tickless.c): one before the
 * idle task's sleep (traceLOW_POWER_IDLE_BEGIN, scheduler already suspended),
 * one that replaces the port's WFI (configPRE_SLEEP_PROCESSING), because
 * under QEMU's -icount sleep=off a WFI lets virtual time run one timer period
 * past the interrupt that ends it (see the test file).
 */
#ifndef PORT_ARM_TICKLESS_CONFIG_H
#define PORT_ARM_TICKLESS_CONFIG_H

#define configUSE_TICKLESS_IDLE 1 /* before the default configuration's test stand-in */
#include "../config/FreeRTOSConfig.h"

#define configEXPECTED_IDLE_TIME_BEFORE_SLEEP 2
/* The port's stop window under QEMU -icount shift=4 (16 ns per instruction, 40 ns per cycle). */
#define configARM_TICKLESS_STOPPED_CPU_CYCLES 13u

/* idle_ticks points at the port's TickType_t copy of the expected idle time. */
void port_test_pre_sleep(void *idle_ticks);
void port_test_before_sleep(void);
#define configPRE_SLEEP_PROCESSING(idle_ticks) port_test_pre_sleep(&(idle_ticks))
#define traceLOW_POWER_IDLE_BEGIN() port_test_before_sleep()

#endif /* PORT_ARM_TICKLESS_CONFIG_H */
