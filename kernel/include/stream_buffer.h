/* SPDX-License-Identifier: MIT */
/*
 * stream_buffer.h: FreeRTOS stream buffers are not implemented in Quartz yet (they belong to the
 * "Complete kernel" work). Including this header is an error rather than a
 * build that links against nothing.
 */
#error "stream_buffer.h: FreeRTOS stream buffers are not implemented in Quartz yet."
