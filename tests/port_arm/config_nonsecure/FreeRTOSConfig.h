/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "port_arm_nonsecure" (ARMv8-M boards that boot Secure): the port_arm
 * configuration claiming the application runs Non-secure, which the port must report when the
 * scheduler starts (test_port_arm_security.c).
 */
#ifndef PORT_ARM_NONSECURE_CONFIG_H
#define PORT_ARM_NONSECURE_CONFIG_H

#include "../config/FreeRTOSConfig.h"

#define configRUN_FREERTOS_SECURE_ONLY 0

#endif /* PORT_ARM_NONSECURE_CONFIG_H */
