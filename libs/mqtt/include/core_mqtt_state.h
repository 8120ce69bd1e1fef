/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_state.h: the QoS 1/2 publish state engine behind core_mqtt.c (coreMQTT's
 * core_mqtt_state.h API). Records live in the arrays given to MQTT_InitStatefulQoS; a record
 * with packetId 0 is free. The functions only touch the context they are given and never block.
 */
#ifndef CORE_MQTT_STATE_H
#define CORE_MQTT_STATE_H

#include "core_mqtt.h"

/* Starting value of an iteration cursor. */
#define MQTT_STATE_CURSOR_INITIALIZER ((size_t)0)

typedef enum MQTTStateOperation {
    MQTT_SEND,   /* our publish, or an ack we send */
    MQTT_RECEIVE /* the peer's publish, or an ack we receive */
} MQTTStateOperation_t;

/* Take a free outgoing record for a publish about to be sent (state MQTTPublishSend). */
MQTTStatus_t MQTT_ReserveState(const MQTTContext_t *pMqttContext, uint16_t packetId,
                               MQTTQoS_t qos);

/* The state a publish enters after being sent (MQTT_SEND) or received (MQTT_RECEIVE). */
MQTTPublishState_t MQTT_CalculateStatePublish(MQTTStateOperation_t opType, MQTTQoS_t qos);

/*
 * Record that a publish was sent (its reserved record moves on) or received (a record is added;
 * MQTTStateCollision, with *pNewState set, if it is a QoS 2 resend already being handled).
 */
MQTTStatus_t MQTT_UpdateStatePublish(const MQTTContext_t *pMqttContext, uint16_t packetId,
                                     MQTTStateOperation_t opType, MQTTQoS_t qos,
                                     MQTTPublishState_t *pNewState);

/* Free the outgoing record with this identifier (MQTTBadParameter if there is none). */
MQTTStatus_t MQTT_RemoveStateRecord(const MQTTContext_t *pMqttContext, uint16_t packetId);

/* The state an ack moves a publish of this QoS to (MQTTStateNull if it cannot). */
MQTTPublishState_t MQTT_CalculateStateAck(MQTTPubAckType_t packetType,
                                          MQTTStateOperation_t opType, MQTTQoS_t qos);

/*
 * Apply an ack sent or received to the record with that identifier; a finished exchange frees
 * its record (*pNewState MQTTPublishDone). MQTTBadParameter if no record has the identifier,
 * MQTTIllegalState if the ack does not fit the record's state.
 */
MQTTStatus_t MQTT_UpdateStateAck(const MQTTContext_t *pMqttContext, uint16_t packetId,
                                 MQTTPubAckType_t packetType, MQTTStateOperation_t opType,
                                 MQTTPublishState_t *pNewState);

/* Iterate over outgoing QoS 2 exchanges that need a PUBREL (re)sent; sets *pState. */
uint16_t MQTT_PubrelToResend(const MQTTContext_t *pMqttContext, size_t *pCursor,
                             MQTTPublishState_t *pState);

const char *MQTT_State_strerror(MQTTPublishState_t state);

#endif /* CORE_MQTT_STATE_H */
