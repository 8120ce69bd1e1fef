/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_serializer.h: MQTT 3.1.1 packet encoding and decoding, with coreMQTT v2's API. Used
 * by core_mqtt.c, and usable on its own to build a lighter client.
 *
 * Nothing here allocates, blocks or keeps state. Serializers write into a caller's
 * MQTTFixedBuffer_t and fail with MQTTNoMemory when it is too small; deserializers read a
 * packet the caller has received whole (MQTTPacketInfo_t: type, remaining length, and a pointer
 * to exactly remainingLength bytes) and never read past it, whatever the bytes say. Strings are
 * (pointer, length) pairs and never need a terminating NUL.
 */
#ifndef CORE_MQTT_SERIALIZER_H
#define CORE_MQTT_SERIALIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef MQTT_DO_NOT_USE_CUSTOM_CONFIG
#include "core_mqtt_config.h"
#endif
#include "core_mqtt_config_defaults.h"

#include "transport_interface.h"

/* First byte of each control packet (type in the high nibble, required flags in the low). */
#define MQTT_PACKET_TYPE_CONNECT ((uint8_t)0x10U)
#define MQTT_PACKET_TYPE_CONNACK ((uint8_t)0x20U)
#define MQTT_PACKET_TYPE_PUBLISH ((uint8_t)0x30U) /* flags carry dup, qos, retain */
#define MQTT_PACKET_TYPE_PUBACK ((uint8_t)0x40U)
#define MQTT_PACKET_TYPE_PUBREC ((uint8_t)0x50U)
#define MQTT_PACKET_TYPE_PUBREL ((uint8_t)0x62U)
#define MQTT_PACKET_TYPE_PUBCOMP ((uint8_t)0x70U)
#define MQTT_PACKET_TYPE_SUBSCRIBE ((uint8_t)0x82U)
#define MQTT_PACKET_TYPE_SUBACK ((uint8_t)0x90U)
#define MQTT_PACKET_TYPE_UNSUBSCRIBE ((uint8_t)0xA2U)
#define MQTT_PACKET_TYPE_UNSUBACK ((uint8_t)0xB0U)
#define MQTT_PACKET_TYPE_PINGREQ ((uint8_t)0xC0U)
#define MQTT_PACKET_TYPE_PINGRESP ((uint8_t)0xD0U)
#define MQTT_PACKET_TYPE_DISCONNECT ((uint8_t)0xE0U)

/* PUBACK, PUBREC, PUBREL and PUBCOMP are always 4 bytes long. */
#define MQTT_PUBLISH_ACK_PACKET_SIZE (4UL)

/* Largest remaining length MQTT's 4-byte encoding can carry. */
#define MQTT_MAX_REMAINING_LENGTH (268435455UL)

typedef enum MQTTStatus {
    MQTTSuccess = 0,     /* done */
    MQTTBadParameter,    /* an argument is invalid */
    MQTTNoMemory,        /* a buffer (or the state record array) is too small */
    MQTTSendFailed,      /* the transport failed, or made no progress for MQTT_SEND_TIMEOUT_MS */
    MQTTRecvFailed,      /* the transport failed while receiving */
    MQTTBadResponse,     /* the peer sent an invalid packet */
    MQTTServerRefused,   /* CONNACK refused the connection, or SUBACK refused a topic */
    MQTTNoDataAvailable, /* nothing was received */
    MQTTIllegalState,    /* an ack or publish arrived in a state it is not allowed in */
    MQTTStateCollision,  /* the packet identifier is already in use */
    MQTTKeepAliveTimeout, /* no PINGRESP within MQTT_PINGRESP_TIMEOUT_MS */
    MQTTNeedMoreBytes,   /* only part of a packet has arrived so far */
    /* coreMQTT v2.1+ connection status codes (MQTT_CheckConnectStatus and guards). */
    MQTTStatusConnected,
    MQTTStatusNotConnected,
    MQTTStatusDisconnectPending,
    /* coreMQTT v2.3 publish-store codes; reserved here (no publish store callbacks). */
    MQTTPublishStoreFailed,
    MQTTPublishRetrieveFailed
} MQTTStatus_t;

typedef enum MQTTQoS {
    MQTTQoS0 = 0, /* at most once */
    MQTTQoS1 = 1, /* at least once */
    MQTTQoS2 = 2  /* exactly once */
} MQTTQoS_t;

/* A buffer the caller owns: where packets are serialized (and, in MQTTContext_t, received). */
typedef struct MQTTFixedBuffer {
    uint8_t *pBuffer;
    size_t size;
} MQTTFixedBuffer_t;

/* The CONNECT packet's parameters. Strings need not be NUL-terminated. */
typedef struct MQTTConnectInfo {
    bool cleanSession;             /* discard any previous session (and start a new one) */
    uint16_t keepAliveIntervalSec; /* 0: no keep-alive */
    const char *pClientIdentifier; /* may be empty (length 0) only with cleanSession */
    uint16_t clientIdentifierLength;
    const char *pUserName; /* NULL: no user name */
    uint16_t userNameLength;
    const char *pPassword; /* NULL: no password (MQTT 3.1.1 needs a user name with it) */
    uint16_t passwordLength;
} MQTTConnectInfo_t;

/* One topic filter of a SUBSCRIBE or UNSUBSCRIBE (qos is ignored for UNSUBSCRIBE). */
typedef struct MQTTSubscribeInfo {
    MQTTQoS_t qos;
    const char *pTopicFilter;
    uint16_t topicFilterLength;
} MQTTSubscribeInfo_t;

/* A PUBLISH (also the last will). */
typedef struct MQTTPublishInfo {
    MQTTQoS_t qos;
    bool retain;
    bool dup; /* set when resending a QoS 1/2 publish; must be false for QoS 0 */
    const char *pTopicName;
    uint16_t topicNameLength;
    const void *pPayload;
    size_t payloadLength;
} MQTTPublishInfo_t;

/* A received packet: its first byte, and the remainingLength bytes that follow the header. */
typedef struct MQTTPacketInfo {
    uint8_t type;
    uint8_t *pRemainingData;
    size_t remainingLength;
    size_t headerLength; /* first byte plus the 1-4 length bytes */
} MQTTPacketInfo_t;

/* CONNECT: sizes for these parameters (pWillInfo may be NULL). */
MQTTStatus_t MQTT_GetConnectPacketSize(const MQTTConnectInfo_t *pConnectInfo,
                                       const MQTTPublishInfo_t *pWillInfo,
                                       size_t *pRemainingLength, size_t *pPacketSize);
MQTTStatus_t MQTT_SerializeConnect(const MQTTConnectInfo_t *pConnectInfo,
                                   const MQTTPublishInfo_t *pWillInfo, size_t remainingLength,
                                   const MQTTFixedBuffer_t *pFixedBuffer);

/* SUBSCRIBE / UNSUBSCRIBE with one or more topic filters; packetId must not be 0. */
MQTTStatus_t MQTT_GetSubscribePacketSize(const MQTTSubscribeInfo_t *pSubscriptionList,
                                         size_t subscriptionCount, size_t *pRemainingLength,
                                         size_t *pPacketSize);
MQTTStatus_t MQTT_SerializeSubscribe(const MQTTSubscribeInfo_t *pSubscriptionList,
                                     size_t subscriptionCount, uint16_t packetId,
                                     size_t remainingLength, const MQTTFixedBuffer_t *pFixedBuffer);
MQTTStatus_t MQTT_GetUnsubscribePacketSize(const MQTTSubscribeInfo_t *pSubscriptionList,
                                           size_t subscriptionCount, size_t *pRemainingLength,
                                           size_t *pPacketSize);
MQTTStatus_t MQTT_SerializeUnsubscribe(const MQTTSubscribeInfo_t *pSubscriptionList,
                                       size_t subscriptionCount, uint16_t packetId,
                                       size_t remainingLength,
                                       const MQTTFixedBuffer_t *pFixedBuffer);

/* PUBLISH; packetId is used (and must not be 0) for QoS 1 and 2 only. */
MQTTStatus_t MQTT_GetPublishPacketSize(const MQTTPublishInfo_t *pPublishInfo,
                                       size_t *pRemainingLength, size_t *pPacketSize);
MQTTStatus_t MQTT_SerializePublish(const MQTTPublishInfo_t *pPublishInfo, uint16_t packetId,
                                   size_t remainingLength, const MQTTFixedBuffer_t *pFixedBuffer);
/* Everything but the payload (which the caller sends from where it is); *pHeaderSize set. */
MQTTStatus_t MQTT_SerializePublishHeader(const MQTTPublishInfo_t *pPublishInfo, uint16_t packetId,
                                         size_t remainingLength,
                                         const MQTTFixedBuffer_t *pFixedBuffer,
                                         size_t *pHeaderSize);

/* PUBACK, PUBREC, PUBREL or PUBCOMP (packetType is the MQTT_PACKET_TYPE_ value). */
MQTTStatus_t MQTT_SerializeAck(const MQTTFixedBuffer_t *pFixedBuffer, uint8_t packetType,
                               uint16_t packetId);

MQTTStatus_t MQTT_GetDisconnectPacketSize(size_t *pPacketSize);
MQTTStatus_t MQTT_SerializeDisconnect(const MQTTFixedBuffer_t *pFixedBuffer);
MQTTStatus_t MQTT_GetPingreqPacketSize(size_t *pPacketSize);
MQTTStatus_t MQTT_SerializePingreq(const MQTTFixedBuffer_t *pFixedBuffer);

/*
 * Decode a received PUBLISH. pPublishInfo's topic and payload point into the packet.
 * *pPacketId is set for QoS 1 and 2. MQTTBadResponse for any malformed packet.
 */
MQTTStatus_t MQTT_DeserializePublish(const MQTTPacketInfo_t *pIncomingPacket, uint16_t *pPacketId,
                                     MQTTPublishInfo_t *pPublishInfo);

/*
 * Decode CONNACK (sets *pSessionPresent; MQTTServerRefused for a refusal code), PUBACK, PUBREC,
 * PUBREL, PUBCOMP, UNSUBACK (set *pPacketId), SUBACK (sets *pPacketId; MQTTServerRefused if a
 * topic was refused) or PINGRESP. MQTTBadResponse for a malformed packet.
 */
MQTTStatus_t MQTT_DeserializeAck(const MQTTPacketInfo_t *pIncomingPacket, uint16_t *pPacketId,
                                 bool *pSessionPresent);

/*
 * Read a packet's fixed header from the transport, one byte at a time: sets type and
 * remainingLength. MQTTNoDataAvailable if no byte is there yet, MQTTRecvFailed if the transport
 * fails (or stops in the middle of the header), MQTTBadResponse for an invalid type or length.
 */
MQTTStatus_t MQTT_GetIncomingPacketTypeAndLength(TransportRecv_t readFunc,
                                                 NetworkContext_t *pNetworkContext,
                                                 MQTTPacketInfo_t *pIncomingPacket);

/*
 * The same from the *pIndex bytes already in pBuffer: also sets headerLength.
 * MQTTNoDataAvailable if *pIndex is 0, MQTTNeedMoreBytes if the header is incomplete.
 */
MQTTStatus_t MQTT_ProcessIncomingPacketTypeAndLength(const uint8_t *pBuffer, const size_t *pIndex,
                                                     MQTTPacketInfo_t *pIncomingPacket);

#endif /* CORE_MQTT_SERIALIZER_H */
