/* SPDX-License-Identifier: MIT */
/*
 * arm_portmacro_types.h: the types and constants every Cortex-M portmacro.h
 * shares (ARMv6-M, ARMv7-M, ARMv8-M): 32-bit stack words, long base types,
 * a full descending stack aligned to 8 bytes (AAPCS). Included by each
 * portmacro.h (directly, or through arm_portmacro_basepri.h).
 */
#ifndef ARM_PORTMACRO_TYPES_H
#define ARM_PORTMACRO_TYPES_H

#include <stdint.h>

#ifndef configCPU_CLOCK_HZ
#error "Missing definition: configCPU_CLOCK_HZ must be defined in FreeRTOSConfig.h."
#endif

/* ---- Types ---- */
#define portCHAR char
#define portFLOAT float
#define portDOUBLE double
#define portLONG long
#define portSHORT short
#define portSTACK_TYPE uint32_t
#define portBASE_TYPE long

typedef portSTACK_TYPE StackType_t;
typedef long BaseType_t;
typedef unsigned long UBaseType_t;

#define portSTACK_GROWTH (-1)
#define portBYTE_ALIGNMENT 8
#define portPOINTER_SIZE_TYPE uint32_t
/* A 16- or 32-bit tick count is read in one access; 64-bit ticks are read under the lock. */
#define portTICK_TYPE_IS_ATOMIC (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_64_BITS)

#define portTASK_FUNCTION_PROTO(fn, params) void fn(void *params)
#define portTASK_FUNCTION(fn, params) void fn(void *params)

#endif /* ARM_PORTMACRO_TYPES_H */
