/* SPDX-License-Identifier: MIT */
/*
 * event_groups.h: FreeRTOS event groups are not implemented in Quartz yet (they belong to the
 * "Complete kernel" work). Including this header is an error rather than a
 * build that links against nothing.
 */
#error "event_groups.h: FreeRTOS event groups are not implemented in Quartz yet."
