/* SPDX-License-Identifier: MIT */
/*
 * Test configuration "streams_cb": the default configuration with stream
 * buffer completed callbacks (configUSE_SB_COMPLETED_CALLBACK), and the
 * application's sbSEND_COMPLETED / sbRECEIVE_COMPLETED hooks and their FromISR
 * forms routed to functions that tests/unit/stream_buffer/
 * test_stream_buffer_callback.c defines (only that suite uses this variant).
 */
struct StreamBufferDef_t;
void sbt_hook_send(struct StreamBufferDef_t *sb);
void sbt_hook_receive(struct StreamBufferDef_t *sb);
void sbt_hook_send_isr(struct StreamBufferDef_t *sb, void *woken);
void sbt_hook_receive_isr(struct StreamBufferDef_t *sb, void *woken);

#define configUSE_SB_COMPLETED_CALLBACK 1
#define sbSEND_COMPLETED(sb) sbt_hook_send(sb)
#define sbRECEIVE_COMPLETED(sb) sbt_hook_receive(sb)
#define sbSEND_COMPLETE_FROM_ISR(sb, woken) sbt_hook_send_isr((sb), (woken))
#define sbRECEIVE_COMPLETED_FROM_ISR(sb, woken) sbt_hook_receive_isr((sb), (woken))
#include "../default/FreeRTOSConfig.h"
