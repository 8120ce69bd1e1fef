/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt.h: an MQTT 3.1.1 client with coreMQTT v2's API.
 *
 * One MQTTContext_t is one client connection over a TransportInterface_t. The library never
 * allocates: the application gives it a network buffer (MQTTFixedBuffer_t, which must hold the
 * largest packet it will receive) and, for QoS 1 and 2, arrays of publish records
 * (MQTT_InitStatefulQoS). Outgoing packets are sent from small stack buffers and the caller's
 * own data (topic, payload), so publishing never disturbs a packet that is half received.
 *
 * Incoming packets reach the application through the event callback, called from
 * MQTT_ProcessLoop / MQTT_ReceiveLoop in the caller's task; the pointers it gets are valid only
 * during the call. The library sends acks for incoming QoS 1/2 publishes and completes the
 * QoS 2 exchanges of its own publishes by itself.
 *
 * Thread safety: a context belongs to one task at a time. The functions never block for long:
 * they wait only inside the transport (which returns 0 when it would block) and loop on the
 * getTime clock; share a connection between tasks with the agent (core_mqtt_agent.h).
 */
#ifndef CORE_MQTT_H
#define CORE_MQTT_H

#include "core_mqtt_serializer.h"

#define MQTT_LIBRARY_VERSION "v2.3.0-quartz"

/* Packet identifier 0 is never valid on the wire. */
#define MQTT_PACKET_ID_INVALID ((uint16_t)0U)

struct MQTTPubAckInfo;
typedef struct MQTTPubAckInfo MQTTPubAckInfo_t;
struct MQTTContext;
typedef struct MQTTContext MQTTContext_t;
struct MQTTDeserializedInfo;
typedef struct MQTTDeserializedInfo MQTTDeserializedInfo_t;

/* Milliseconds since any fixed epoch; may wrap. */
typedef uint32_t (*MQTTGetCurrentTimeFunc_t)(void);

/*
 * Called for each incoming PUBLISH and ack (PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK,
 * PINGRESP). For a PUBLISH, pDeserializedInfo->pPublishInfo describes it.
 */
typedef void (*MQTTEventCallback_t)(struct MQTTContext *pContext,
                                    struct MQTTPacketInfo *pPacketInfo,
                                    struct MQTTDeserializedInfo *pDeserializedInfo);

typedef enum MQTTConnectionStatus {
    MQTTNotConnected,     /* no MQTT connection */
    MQTTConnected,        /* CONNACK accepted the connection */
    MQTTDisconnectPending /* the transport failed; call MQTT_Disconnect (or reconnect) */
} MQTTConnectionStatus_t;

/* Where a QoS 1/2 publish is in its exchange. "Send" states: our move; "Pending": the peer's. */
typedef enum MQTTPublishState {
    MQTTStateNull = 0,
    MQTTPublishSend,    /* outgoing publish reserved, not yet sent */
    MQTTPubAckSend,     /* incoming QoS 1 publish: PUBACK to send */
    MQTTPubRecSend,     /* incoming QoS 2 publish: PUBREC to send */
    MQTTPubRelSend,     /* outgoing QoS 2: PUBREC received, PUBREL to send */
    MQTTPubCompSend,    /* incoming QoS 2: PUBREL received, PUBCOMP to send */
    MQTTPubAckPending,  /* outgoing QoS 1 sent, waiting for PUBACK */
    MQTTPubRecPending,  /* outgoing QoS 2 sent, waiting for PUBREC */
    MQTTPubRelPending,  /* incoming QoS 2: PUBREC sent, waiting for PUBREL */
    MQTTPubCompPending, /* outgoing QoS 2: PUBREL sent, waiting for PUBCOMP */
    MQTTPublishDone     /* finished */
} MQTTPublishState_t;

typedef enum MQTTPubAckType {
    MQTTPuback,
    MQTTPubrec,
    MQTTPubrel,
    MQTTPubcomp
} MQTTPubAckType_t;

/* Return codes in a SUBACK's payload, one per topic filter. */
typedef enum MQTTSubAckStatus {
    MQTTSubAckSuccessQos0 = 0x00,
    MQTTSubAckSuccessQos1 = 0x01,
    MQTTSubAckSuccessQos2 = 0x02,
    MQTTSubAckFailure = 0x80
} MQTTSubAckStatus_t;

/* One QoS 1/2 publish in flight, in either direction. packetId 0 marks a free record. */
struct MQTTPubAckInfo {
    uint16_t packetId;
    MQTTQoS_t qos;
    MQTTPublishState_t publishState;
};

struct MQTTContext {
    MQTTPubAckInfo_t *outgoingPublishRecords;
    MQTTPubAckInfo_t *incomingPublishRecords;
    size_t outgoingPublishRecordMaxCount;
    size_t incomingPublishRecordMaxCount;
    TransportInterface_t transportInterface;
    MQTTFixedBuffer_t networkBuffer; /* incoming packets are assembled here */
    uint16_t nextPacketId;
    MQTTConnectionStatus_t connectStatus;
    MQTTGetCurrentTimeFunc_t getTime;
    MQTTEventCallback_t appCallback;
    uint32_t lastPacketTxTime; /* when the last packet was sent (keep-alive) */
    uint32_t lastPacketRxTime; /* when the last whole packet was received */
    bool controlPacketSent;    /* a loop call sent something (an ack or a ping) */
    size_t index;              /* bytes of networkBuffer holding received data */
    uint16_t keepAliveIntervalSec;
    uint32_t pingReqSendTimeMs;
    bool waitingForPingResp;
};

/* Given to the event callback with each packet. */
struct MQTTDeserializedInfo {
    uint16_t packetIdentifier;       /* the packet's identifier (0 if it has none) */
    MQTTPublishInfo_t *pPublishInfo; /* an incoming PUBLISH, else NULL */
    MQTTStatus_t deserializationResult;
};

/* Set up a context (zeroing it first). All arguments are required. */
MQTTStatus_t MQTT_Init(MQTTContext_t *pContext, const TransportInterface_t *pTransportInterface,
                       MQTTGetCurrentTimeFunc_t getTimeFunction, MQTTEventCallback_t userCallback,
                       const MQTTFixedBuffer_t *pNetworkBuffer);

/*
 * Give the context record arrays for QoS 1/2 (needed before any QoS 1/2 publish in either
 * direction). Outgoing: one record per publish awaiting its acks; incoming: one per QoS 2
 * publish awaiting PUBREL (size it to the broker's in-flight window, e.g. Mosquitto's 20).
 */
MQTTStatus_t MQTT_InitStatefulQoS(MQTTContext_t *pContext,
                                  MQTTPubAckInfo_t *pOutgoingPublishRecords,
                                  size_t outgoingPublishCount,
                                  MQTTPubAckInfo_t *pIncomingPublishRecords,
                                  size_t incomingPublishCount);

/*
 * Send CONNECT and wait up to timeoutMs (0: MQTT_MAX_CONNACK_RECEIVE_RETRY_COUNT attempts) for
 * CONNACK. With *pSessionPresent false every publish record is cleared; with it true the
 * PUBRELs of unfinished outgoing QoS 2 exchanges are resent here, and unacknowledged outgoing
 * publishes are listed by MQTT_PublishToResend for the application to send again with dup set.
 * Packets the broker sends right after CONNACK stay buffered for the next loop call.
 */
MQTTStatus_t MQTT_Connect(MQTTContext_t *pContext, const MQTTConnectInfo_t *pConnectInfo,
                          const MQTTPublishInfo_t *pWillInfo, uint32_t timeoutMs,
                          bool *pSessionPresent);

/* Send SUBSCRIBE / UNSUBSCRIBE; the SUBACK / UNSUBACK arrives through the callback. */
MQTTStatus_t MQTT_Subscribe(MQTTContext_t *pContext, const MQTTSubscribeInfo_t *pSubscriptionList,
                            size_t subscriptionCount, uint16_t packetId);
MQTTStatus_t MQTT_Unsubscribe(MQTTContext_t *pContext,
                              const MQTTSubscribeInfo_t *pSubscriptionList,
                              size_t subscriptionCount, uint16_t packetId);

/*
 * Send PUBLISH. QoS 1/2 need a packet identifier (MQTT_GetPacketId) and a free outgoing record
 * (else MQTTNoMemory, or MQTTStateCollision if the identifier is in use). To resend after a
 * reconnect, call it again with the same identifier and dup set: the existing record is reused.
 * If sending fails part way, the record stays (as sent), so the publish is resent after the
 * reconnect like any other unacknowledged one.
 */
MQTTStatus_t MQTT_Publish(MQTTContext_t *pContext, const MQTTPublishInfo_t *pPublishInfo,
                          uint16_t packetId);

/* Send PINGREQ (MQTT_ProcessLoop does this by itself when keep-alive is on). */
MQTTStatus_t MQTT_Ping(MQTTContext_t *pContext);

/* Send DISCONNECT (unless the transport already failed) and mark the context not connected. */
MQTTStatus_t MQTT_Disconnect(MQTTContext_t *pContext);

/*
 * Receive what the transport has, handle every whole packet in the buffer (callbacks, acks),
 * and keep the connection alive (PINGREQ when nothing was sent for the keep-alive interval;
 * MQTTKeepAliveTimeout when a PINGRESP is overdue). Returns MQTTSuccess (also when nothing
 * arrived), MQTTNeedMoreBytes when part of a packet is buffered, or an error.
 */
MQTTStatus_t MQTT_ProcessLoop(MQTTContext_t *pContext);

/* MQTT_ProcessLoop without the keep-alive handling (the application pings by itself). */
MQTTStatus_t MQTT_ReceiveLoop(MQTTContext_t *pContext);

/* The next packet identifier: never 0, and never one an outgoing record is using. */
uint16_t MQTT_GetPacketId(MQTTContext_t *pContext);

/*
 * Whether a topic name matches a topic filter ('+' one level, '#' the rest; a filter starting
 * with a wildcard never matches a '$' topic). MQTTBadParameter for NULL or empty arguments.
 */
MQTTStatus_t MQTT_MatchTopic(const char *pTopicName, const uint16_t topicNameLength,
                             const char *pTopicFilter, const uint16_t topicFilterLength,
                             bool *pIsMatch);

/* From a SUBACK given to the callback: where its return codes start, and how many. */
MQTTStatus_t MQTT_GetSubAckStatusCodes(const MQTTPacketInfo_t *pSubackPacket,
                                       uint8_t **pPayloadStart, size_t *pPayloadSize);

/* MQTTStatusConnected, MQTTStatusNotConnected or MQTTStatusDisconnectPending. */
MQTTStatus_t MQTT_CheckConnectStatus(const MQTTContext_t *pContext);

/*
 * Forget an outgoing QoS 1/2 publish (its acks will be ignored). MQTTBadParameter if no record
 * has that identifier.
 */
MQTTStatus_t MQTT_CancelCallback(const MQTTContext_t *pContext, uint16_t packetId);

/*
 * Iterate over outgoing publishes still waiting for PUBACK/PUBREC (to resend after resuming a
 * session). Start with *pCursor = MQTT_STATE_CURSOR_INITIALIZER; returns
 * MQTT_PACKET_ID_INVALID when there are no more.
 */
uint16_t MQTT_PublishToResend(const MQTTContext_t *pContext, size_t *pCursor);

const char *MQTT_Status_strerror(MQTTStatus_t status);

#endif /* CORE_MQTT_H */
