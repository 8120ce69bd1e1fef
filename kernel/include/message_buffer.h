/* SPDX-License-Identifier: MIT */
/*
 * message_buffer.h: FreeRTOS message buffers are not implemented in Quartz yet (they belong to the
 * "Complete kernel" work). Including this header is an error rather than a
 * build that links against nothing.
 */
#error "message_buffer.h: FreeRTOS message buffers are not implemented in Quartz yet."
