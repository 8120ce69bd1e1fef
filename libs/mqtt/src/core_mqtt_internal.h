/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_internal.h: what core_mqtt.c, core_mqtt_receive.c and core_mqtt_state.c share.
 * Internal to libs/mqtt. All functions run in the context owner's task.
 */
#ifndef CORE_MQTT_INTERNAL_H
#define CORE_MQTT_INTERNAL_H

#include "core_mqtt.h"

/*
 * Send the vectors in order, all of them, retrying while the transport makes progress (gives
 * up after MQTT_SEND_TIMEOUT_MS without any). The array is consumed. On failure the connection
 * is marked MQTTDisconnectPending and MQTTSendFailed returned.
 */
MQTTStatus_t mqtt_send_vectors(MQTTContext_t *ctx, TransportOutVector_t *vec, size_t count);

/* Send PUBACK, PUBREC, PUBREL or PUBCOMP. */
MQTTStatus_t mqtt_send_ack(MQTTContext_t *ctx, uint8_t packetType, uint16_t packetId);

/* Send PINGREQ and start waiting for the PINGRESP. */
MQTTStatus_t mqtt_send_ping(MQTTContext_t *ctx);

/* After a transport error: the connection is unusable until reconnected. */
void mqtt_transport_failed(MQTTContext_t *ctx);

/* Receive CONNACK (see MQTT_Connect); leaves bytes after it buffered. */
MQTTStatus_t mqtt_receive_connack(MQTTContext_t *ctx, uint32_t timeoutMs, bool *pSessionPresent);

/* A new connection was accepted: clear the records (no session) or tidy them for resumption. */
void mqtt_state_session_start(const MQTTContext_t *ctx, bool sessionPresent);

/* Whether an outgoing record uses this packet identifier. */
int mqtt_state_is_outgoing(const MQTTContext_t *ctx, uint16_t packetId);

/* Write CONNECT's fixed and variable headers (at most 15 bytes); returns their length. */
size_t mqtt_codec_connect_header(uint8_t *dst, const MQTTConnectInfo_t *ci,
                                 const MQTTPublishInfo_t *will, size_t remaining);

#endif /* CORE_MQTT_INTERNAL_H */
