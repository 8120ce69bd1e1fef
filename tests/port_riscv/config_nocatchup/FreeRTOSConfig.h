/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "port_riscv_nocatchup": port_riscv with the machine-timer
 * tick dropping missed ticks (configRISCV_TICK_CATCH_UP 0), as the boards'
 * application configuration sets it.
 */
#define configRISCV_TICK_CATCH_UP 0
#include "../config/FreeRTOSConfig.h"
