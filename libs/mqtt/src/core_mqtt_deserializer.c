/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_deserializer.c: decoding of the packets a client receives (OASIS MQTT 3.1.1,
 * sections 2 and 3): fixed headers from a buffer or a transport, PUBLISH, and the acks.
 *
 * Invariant: every read is bounded by the length the caller declared (remainingLength, or
 * *pIndex buffered bytes); a field whose stated size runs past it makes the packet malformed
 * (MQTTBadResponse), never an out-of-bounds read. The fuzz targets in ../fuzz exercise exactly
 * this. Stateless and reentrant.
 */
#include "core_mqtt_serializer.h"

#include "core_mqtt_codec.h"

#define PUBLISH_FLAG_RETAIN 0x01u
#define PUBLISH_FLAG_DUP 0x08u
#define PUBLISH_QOS(first_byte) (((first_byte) >> 1) & 0x03u)

#define SUBACK_CODE_MAX_QOS 0x02u
#define SUBACK_CODE_FAILURE 0x80u

#define CONNACK_SESSION_PRESENT 0x01u
#define CONNACK_CODE_MAX 5u /* 1..5 are the refusals MQTT 3.1.1 defines */

/* Whether a first byte is a packet a server may send a client, with the flags it requires. */
static int incoming_type_valid(uint8_t first)
{
    switch (first & 0xF0u) {
    case MQTT_PACKET_TYPE_PUBLISH:
        return PUBLISH_QOS(first) != 3u; /* [MQTT-3.3.1-4] */
    case MQTT_PACKET_TYPE_CONNACK:
    case MQTT_PACKET_TYPE_PUBACK:
    case MQTT_PACKET_TYPE_PUBREC:
    case MQTT_PACKET_TYPE_PUBCOMP:
    case MQTT_PACKET_TYPE_SUBACK:
    case MQTT_PACKET_TYPE_UNSUBACK:
    case MQTT_PACKET_TYPE_PINGRESP:
        return (first & 0x0Fu) == 0u; /* reserved flags [MQTT-2.2.2-1] */
    case (MQTT_PACKET_TYPE_PUBREL & 0xF0u):
        return first == MQTT_PACKET_TYPE_PUBREL;
    default:
        return 0;
    }
}

/*
 * Decodes one remaining-length digit into *value. Returns MQTTSuccess when the field ends with
 * this digit, MQTTNeedMoreBytes when another follows, MQTTBadResponse when the encoding is
 * invalid (a fifth digit, or a needlessly long encoding).
 */
static MQTTStatus_t length_digit(uint8_t digit, size_t position, size_t *value)
{
    *value += (size_t)(digit & 0x7Fu) << (7u * position);
    if ((digit & 0x80u) != 0) {
        return position == 3u ? MQTTBadResponse : MQTTNeedMoreBytes;
    }
    /* The shortest encoding only: a trailing zero digit means padding. */
    if (position > 0 && digit == 0) {
        return MQTTBadResponse;
    }
    return MQTTSuccess;
}

MQTTStatus_t MQTT_ProcessIncomingPacketTypeAndLength(const uint8_t *pBuffer, const size_t *pIndex,
                                                     MQTTPacketInfo_t *pIncomingPacket)
{
    MQTTStatus_t status = MQTTNeedMoreBytes;
    size_t length = 0, position = 0;

    if (pBuffer == NULL || pIndex == NULL || pIncomingPacket == NULL) {
        return MQTTBadParameter;
    }
    if (*pIndex == 0) {
        return MQTTNoDataAvailable;
    }
    if (!incoming_type_valid(pBuffer[0])) {
        return MQTTBadResponse;
    }
    while (status == MQTTNeedMoreBytes && 1u + position < *pIndex) {
        status = length_digit(pBuffer[1u + position], position, &length);
        position++;
    }
    if (status == MQTTSuccess) {
        pIncomingPacket->type = pBuffer[0];
        pIncomingPacket->remainingLength = length;
        pIncomingPacket->headerLength = 1u + position;
    }
    return status;
}

MQTTStatus_t MQTT_GetIncomingPacketTypeAndLength(TransportRecv_t readFunc,
                                                 NetworkContext_t *pNetworkContext,
                                                 MQTTPacketInfo_t *pIncomingPacket)
{
    MQTTStatus_t status = MQTTNeedMoreBytes;
    size_t length = 0, position = 0;
    uint8_t byte = 0;
    int32_t n;

    if (readFunc == NULL || pIncomingPacket == NULL) {
        return MQTTBadParameter;
    }
    n = readFunc(pNetworkContext, &byte, 1);
    if (n == 0) {
        return MQTTNoDataAvailable;
    }
    if (n != 1) {
        return MQTTRecvFailed;
    }
    if (!incoming_type_valid(byte)) {
        return MQTTBadResponse;
    }
    pIncomingPacket->type = byte;
    while (status == MQTTNeedMoreBytes) {
        if (readFunc(pNetworkContext, &byte, 1) != 1) {
            return MQTTRecvFailed;
        }
        status = length_digit(byte, position, &length);
        position++;
    }
    if (status == MQTTSuccess) {
        pIncomingPacket->remainingLength = length;
        pIncomingPacket->headerLength = 1u + position;
    }
    return status;
}

static int packet_data_valid(const MQTTPacketInfo_t *pkt)
{
    return pkt != NULL && (pkt->pRemainingData != NULL || pkt->remainingLength == 0);
}

MQTTStatus_t MQTT_DeserializePublish(const MQTTPacketInfo_t *pIncomingPacket, uint16_t *pPacketId,
                                     MQTTPublishInfo_t *pPublishInfo)
{
    const uint8_t *data;
    size_t rem, header;
    unsigned qos;

    if (!packet_data_valid(pIncomingPacket) || pPacketId == NULL || pPublishInfo == NULL ||
        (pIncomingPacket->type & 0xF0u) != MQTT_PACKET_TYPE_PUBLISH) {
        return MQTTBadParameter;
    }
    data = pIncomingPacket->pRemainingData;
    rem = pIncomingPacket->remainingLength;
    qos = PUBLISH_QOS(pIncomingPacket->type);
    /* QoS 3 is reserved; DUP must be 0 at QoS 0 [MQTT-3.3.1-2]; the topic is at least 1 byte. */
    if (qos == 3u || (qos == 0u && (pIncomingPacket->type & PUBLISH_FLAG_DUP) != 0) || rem < 3u) {
        return MQTTBadResponse;
    }
    pPublishInfo->topicNameLength = mqtt_codec_get_u16(data);
    header = 2u + pPublishInfo->topicNameLength + (qos > 0u ? 2u : 0u);
    if (pPublishInfo->topicNameLength == 0 || header > rem) {
        return MQTTBadResponse;
    }
    *pPacketId = qos > 0u ? mqtt_codec_get_u16(&data[header - 2u]) : 0u;
    if (qos > 0u && *pPacketId == 0) {
        return MQTTBadResponse; /* [MQTT-2.3.1-1] */
    }
    pPublishInfo->qos = (MQTTQoS_t)qos;
    pPublishInfo->retain = (pIncomingPacket->type & PUBLISH_FLAG_RETAIN) != 0;
    pPublishInfo->dup = (pIncomingPacket->type & PUBLISH_FLAG_DUP) != 0;
    pPublishInfo->pTopicName = (const char *)&data[2];
    pPublishInfo->pPayload = &data[header];
    pPublishInfo->payloadLength = rem - header;
    return MQTTSuccess;
}

static MQTTStatus_t deserialize_connack(const MQTTPacketInfo_t *pkt, bool *pSessionPresent)
{
    const uint8_t *d = pkt->pRemainingData;

    if (pSessionPresent == NULL) {
        return MQTTBadParameter;
    }
    /* Exactly 2 bytes; only bit 0 of the flags is defined [MQTT-3.2.2-1]. */
    if (pkt->remainingLength != 2u || (d[0] & ~CONNACK_SESSION_PRESENT) != 0 ||
        d[1] > CONNACK_CODE_MAX) {
        return MQTTBadResponse;
    }
    if (d[1] != 0) {
        /* A refusal must not claim a session [MQTT-3.2.2-4]. */
        *pSessionPresent = false;
        return (d[0] & CONNACK_SESSION_PRESENT) != 0 ? MQTTBadResponse : MQTTServerRefused;
    }
    *pSessionPresent = (d[0] & CONNACK_SESSION_PRESENT) != 0;
    return MQTTSuccess;
}

/* PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK: just a nonzero packet identifier. */
static MQTTStatus_t deserialize_simple_ack(const MQTTPacketInfo_t *pkt, uint16_t *pPacketId)
{
    if (pPacketId == NULL) {
        return MQTTBadParameter;
    }
    if (pkt->remainingLength != 2u) {
        return MQTTBadResponse;
    }
    *pPacketId = mqtt_codec_get_u16(pkt->pRemainingData);
    return *pPacketId == 0 ? MQTTBadResponse : MQTTSuccess;
}

static MQTTStatus_t deserialize_suback(const MQTTPacketInfo_t *pkt, uint16_t *pPacketId)
{
    const uint8_t *d = pkt->pRemainingData;
    MQTTStatus_t status = MQTTSuccess;

    if (pPacketId == NULL) {
        return MQTTBadParameter;
    }
    if (pkt->remainingLength < 3u) {
        return MQTTBadResponse; /* identifier and at least one return code */
    }
    *pPacketId = mqtt_codec_get_u16(d);
    if (*pPacketId == 0) {
        return MQTTBadResponse;
    }
    for (size_t i = 2; i < pkt->remainingLength; i++) {
        if (d[i] == SUBACK_CODE_FAILURE) {
            status = MQTTServerRefused;
        } else if (d[i] > SUBACK_CODE_MAX_QOS) {
            return MQTTBadResponse; /* [MQTT-3.9.3-2] */
        }
    }
    return status;
}

MQTTStatus_t MQTT_DeserializeAck(const MQTTPacketInfo_t *pIncomingPacket, uint16_t *pPacketId,
                                 bool *pSessionPresent)
{
    if (!packet_data_valid(pIncomingPacket)) {
        return MQTTBadParameter;
    }
    switch (pIncomingPacket->type) {
    case MQTT_PACKET_TYPE_CONNACK:
        return deserialize_connack(pIncomingPacket, pSessionPresent);
    case MQTT_PACKET_TYPE_PUBACK:
    case MQTT_PACKET_TYPE_PUBREC:
    case MQTT_PACKET_TYPE_PUBREL:
    case MQTT_PACKET_TYPE_PUBCOMP:
    case MQTT_PACKET_TYPE_UNSUBACK:
        return deserialize_simple_ack(pIncomingPacket, pPacketId);
    case MQTT_PACKET_TYPE_SUBACK:
        return deserialize_suback(pIncomingPacket, pPacketId);
    case MQTT_PACKET_TYPE_PINGRESP:
        return pIncomingPacket->remainingLength == 0 ? MQTTSuccess : MQTTBadResponse;
    default:
        return MQTTBadResponse; /* not an ack, or reserved flags set */
    }
}
