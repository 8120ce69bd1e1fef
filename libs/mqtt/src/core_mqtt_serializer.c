/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_serializer.c: encoding of the packets an MQTT 3.1.1 client sends (CONNECT,
 * SUBSCRIBE, UNSUBSCRIBE, PUBLISH, the four publish acks, PINGREQ, DISCONNECT), following the
 * OASIS MQTT 3.1.1 specification, section 3. Each Get*PacketSize validates the parameters and
 * computes the sizes; each Serialize* validates again (callers may skip the size call), checks
 * the buffer, and writes. Stateless and reentrant.
 */
#include "core_mqtt_serializer.h"

#include "core_mqtt_codec.h"
#include "core_mqtt_internal.h"

#include <string.h>

/* CONNECT's variable header: protocol name "MQTT", level 4, flags, keep-alive. */
#define CONNECT_VARIABLE_HEADER_SIZE 10u
#define PROTOCOL_LEVEL_3_1_1 4u

#define CONNECT_FLAG_CLEAN_SESSION 0x02u
#define CONNECT_FLAG_WILL 0x04u
#define CONNECT_FLAG_WILL_QOS_SHIFT 3u
#define CONNECT_FLAG_WILL_RETAIN 0x20u
#define CONNECT_FLAG_PASSWORD 0x40u
#define CONNECT_FLAG_USERNAME 0x80u

#define PUBLISH_FLAG_RETAIN 0x01u
#define PUBLISH_FLAG_QOS_SHIFT 1u
#define PUBLISH_FLAG_DUP 0x08u

size_t mqtt_codec_length_size(size_t length)
{
    if (length < 128u) {
        return 1;
    }
    if (length < 16384u) {
        return 2;
    }
    if (length < 2097152u) {
        return 3;
    }
    return 4;
}

size_t mqtt_codec_put_length(uint8_t *dst, size_t length)
{
    size_t n = 0;

    do {
        uint8_t digit = (uint8_t)(length % 128u);

        length /= 128u;
        if (length > 0) {
            digit |= 0x80u;
        }
        dst[n++] = digit;
    } while (length > 0 && n < 4);
    return n;
}

uint8_t *mqtt_codec_put_string(uint8_t *dst, const char *str, uint16_t length)
{
    mqtt_codec_put_u16(dst, length);
    if (length > 0) {
        memcpy(dst + 2, str, length);
    }
    return dst + 2 + length;
}

static size_t packet_size(size_t remaining)
{
    return 1u + mqtt_codec_length_size(remaining) + remaining;
}

static MQTTStatus_t buffer_check(const MQTTFixedBuffer_t *buf, size_t needed)
{
    if (buf == NULL || buf->pBuffer == NULL) {
        return MQTTBadParameter;
    }
    return buf->size < needed ? MQTTNoMemory : MQTTSuccess;
}

/* ---- CONNECT ---------------------------------------------------------------------------- */

static int will_valid(const MQTTPublishInfo_t *will)
{
    return will->pTopicName != NULL && will->topicNameLength > 0 && will->qos <= MQTTQoS2 &&
           (will->pPayload != NULL || will->payloadLength == 0) && will->payloadLength <= 65535u;
}

static int connect_valid(const MQTTConnectInfo_t *ci, const MQTTPublishInfo_t *will)
{
    if (ci == NULL || (ci->pClientIdentifier == NULL && ci->clientIdentifierLength > 0)) {
        return 0;
    }
    /* [MQTT-3.1.3-7]: an empty client identifier needs a clean session. */
    if (ci->clientIdentifierLength == 0 && !ci->cleanSession) {
        return 0;
    }
    /* [MQTT-3.1.2-22]: no password without a user name. */
    if (ci->pPassword != NULL && ci->pUserName == NULL) {
        return 0;
    }
    return will == NULL || will_valid(will);
}

static size_t connect_remaining(const MQTTConnectInfo_t *ci, const MQTTPublishInfo_t *will)
{
    size_t n = CONNECT_VARIABLE_HEADER_SIZE + 2u + ci->clientIdentifierLength;

    if (will != NULL) {
        n += 2u + will->topicNameLength + 2u + will->payloadLength;
    }
    if (ci->pUserName != NULL) {
        n += 2u + ci->userNameLength;
    }
    if (ci->pPassword != NULL) {
        n += 2u + ci->passwordLength;
    }
    return n;
}

MQTTStatus_t MQTT_GetConnectPacketSize(const MQTTConnectInfo_t *pConnectInfo,
                                       const MQTTPublishInfo_t *pWillInfo,
                                       size_t *pRemainingLength, size_t *pPacketSize)
{
    if (pRemainingLength == NULL || pPacketSize == NULL || !connect_valid(pConnectInfo, pWillInfo)) {
        return MQTTBadParameter;
    }
    *pRemainingLength = connect_remaining(pConnectInfo, pWillInfo);
    *pPacketSize = packet_size(*pRemainingLength);
    return MQTTSuccess;
}

static uint8_t connect_flags(const MQTTConnectInfo_t *ci, const MQTTPublishInfo_t *will)
{
    uint8_t flags = ci->cleanSession ? CONNECT_FLAG_CLEAN_SESSION : 0u;

    if (will != NULL) {
        flags |= (uint8_t)(CONNECT_FLAG_WILL | ((unsigned)will->qos << CONNECT_FLAG_WILL_QOS_SHIFT));
        if (will->retain) {
            flags |= CONNECT_FLAG_WILL_RETAIN;
        }
    }
    if (ci->pUserName != NULL) {
        flags |= CONNECT_FLAG_USERNAME;
    }
    if (ci->pPassword != NULL) {
        flags |= CONNECT_FLAG_PASSWORD;
    }
    return flags;
}

size_t mqtt_codec_connect_header(uint8_t *dst, const MQTTConnectInfo_t *ci,
                                 const MQTTPublishInfo_t *will, size_t remaining)
{
    uint8_t *p = dst;

    *p++ = MQTT_PACKET_TYPE_CONNECT;
    p += mqtt_codec_put_length(p, remaining);
    p = mqtt_codec_put_string(p, "MQTT", 4);
    *p++ = PROTOCOL_LEVEL_3_1_1;
    *p++ = connect_flags(ci, will);
    mqtt_codec_put_u16(p, ci->keepAliveIntervalSec);
    return (size_t)(p + 2 - dst);
}

MQTTStatus_t MQTT_SerializeConnect(const MQTTConnectInfo_t *pConnectInfo,
                                   const MQTTPublishInfo_t *pWillInfo, size_t remainingLength,
                                   const MQTTFixedBuffer_t *pFixedBuffer)
{
    MQTTStatus_t status;
    uint8_t *p;

    if (!connect_valid(pConnectInfo, pWillInfo) ||
        remainingLength != connect_remaining(pConnectInfo, pWillInfo)) {
        return MQTTBadParameter;
    }
    status = buffer_check(pFixedBuffer, packet_size(remainingLength));
    if (status != MQTTSuccess) {
        return status;
    }
    p = pFixedBuffer->pBuffer;
    p += mqtt_codec_connect_header(p, pConnectInfo, pWillInfo, remainingLength);
    p = mqtt_codec_put_string(p, pConnectInfo->pClientIdentifier,
                              pConnectInfo->clientIdentifierLength);
    if (pWillInfo != NULL) {
        p = mqtt_codec_put_string(p, pWillInfo->pTopicName, pWillInfo->topicNameLength);
        p = mqtt_codec_put_string(p, pWillInfo->pPayload, (uint16_t)pWillInfo->payloadLength);
    }
    if (pConnectInfo->pUserName != NULL) {
        p = mqtt_codec_put_string(p, pConnectInfo->pUserName, pConnectInfo->userNameLength);
    }
    if (pConnectInfo->pPassword != NULL) {
        (void)mqtt_codec_put_string(p, pConnectInfo->pPassword, pConnectInfo->passwordLength);
    }
    return MQTTSuccess;
}

/* ---- SUBSCRIBE / UNSUBSCRIBE ------------------------------------------------------------ */

/* Remaining length of a (UN)SUBSCRIBE, or 0 if the list is invalid. */
static size_t topic_list_remaining(const MQTTSubscribeInfo_t *list, size_t count, int with_qos)
{
    size_t n = 2u; /* packet identifier */

    if (list == NULL || count == 0) {
        return 0;
    }
    for (size_t i = 0; i < count; i++) {
        if (list[i].pTopicFilter == NULL || list[i].topicFilterLength == 0 ||
            (with_qos && list[i].qos > MQTTQoS2)) {
            return 0;
        }
        n += 2u + list[i].topicFilterLength + (with_qos ? 1u : 0u);
        if (n > MQTT_MAX_REMAINING_LENGTH) {
            return 0;
        }
    }
    return n;
}

static MQTTStatus_t topic_list_size(const MQTTSubscribeInfo_t *list, size_t count, int with_qos,
                                    size_t *pRemainingLength, size_t *pPacketSize)
{
    size_t remaining = topic_list_remaining(list, count, with_qos);

    if (remaining == 0 || pRemainingLength == NULL || pPacketSize == NULL) {
        return MQTTBadParameter;
    }
    *pRemainingLength = remaining;
    *pPacketSize = packet_size(remaining);
    return MQTTSuccess;
}

static MQTTStatus_t topic_list_serialize(uint8_t type, const MQTTSubscribeInfo_t *list,
                                         size_t count, uint16_t packetId, size_t remaining,
                                         const MQTTFixedBuffer_t *buf)
{
    int with_qos = type == MQTT_PACKET_TYPE_SUBSCRIBE;
    MQTTStatus_t status;
    uint8_t *p;

    if (packetId == 0 || remaining == 0 || remaining != topic_list_remaining(list, count, with_qos)) {
        return MQTTBadParameter;
    }
    status = buffer_check(buf, packet_size(remaining));
    if (status != MQTTSuccess) {
        return status;
    }
    p = buf->pBuffer;
    *p++ = type;
    p += mqtt_codec_put_length(p, remaining);
    mqtt_codec_put_u16(p, packetId);
    p += 2;
    for (size_t i = 0; i < count; i++) {
        p = mqtt_codec_put_string(p, list[i].pTopicFilter, list[i].topicFilterLength);
        if (with_qos) {
            *p++ = (uint8_t)list[i].qos;
        }
    }
    return MQTTSuccess;
}

MQTTStatus_t MQTT_GetSubscribePacketSize(const MQTTSubscribeInfo_t *pSubscriptionList,
                                         size_t subscriptionCount, size_t *pRemainingLength,
                                         size_t *pPacketSize)
{
    return topic_list_size(pSubscriptionList, subscriptionCount, 1, pRemainingLength,
                           pPacketSize);
}

MQTTStatus_t MQTT_SerializeSubscribe(const MQTTSubscribeInfo_t *pSubscriptionList,
                                     size_t subscriptionCount, uint16_t packetId,
                                     size_t remainingLength, const MQTTFixedBuffer_t *pFixedBuffer)
{
    return topic_list_serialize(MQTT_PACKET_TYPE_SUBSCRIBE, pSubscriptionList, subscriptionCount,
                                packetId, remainingLength, pFixedBuffer);
}

MQTTStatus_t MQTT_GetUnsubscribePacketSize(const MQTTSubscribeInfo_t *pSubscriptionList,
                                           size_t subscriptionCount, size_t *pRemainingLength,
                                           size_t *pPacketSize)
{
    return topic_list_size(pSubscriptionList, subscriptionCount, 0, pRemainingLength,
                           pPacketSize);
}

MQTTStatus_t MQTT_SerializeUnsubscribe(const MQTTSubscribeInfo_t *pSubscriptionList,
                                       size_t subscriptionCount, uint16_t packetId,
                                       size_t remainingLength,
                                       const MQTTFixedBuffer_t *pFixedBuffer)
{
    return topic_list_serialize(MQTT_PACKET_TYPE_UNSUBSCRIBE, pSubscriptionList,
                                subscriptionCount, packetId, remainingLength, pFixedBuffer);
}

/* ---- PUBLISH ---------------------------------------------------------------------------- */

static int publish_valid(const MQTTPublishInfo_t *pub)
{
    return pub != NULL && pub->pTopicName != NULL && pub->topicNameLength > 0 &&
           pub->qos <= MQTTQoS2 && !(pub->qos == MQTTQoS0 && pub->dup) &&
           (pub->pPayload != NULL || pub->payloadLength == 0) &&
           pub->payloadLength <= MQTT_MAX_REMAINING_LENGTH;
}

/* Remaining length, or 0 when the publish cannot be encoded. */
static size_t publish_remaining(const MQTTPublishInfo_t *pub)
{
    size_t n;

    if (!publish_valid(pub)) {
        return 0;
    }
    n = 2u + pub->topicNameLength + (pub->qos > MQTTQoS0 ? 2u : 0u) + pub->payloadLength;
    return n > MQTT_MAX_REMAINING_LENGTH ? 0 : n;
}

MQTTStatus_t MQTT_GetPublishPacketSize(const MQTTPublishInfo_t *pPublishInfo,
                                       size_t *pRemainingLength, size_t *pPacketSize)
{
    size_t remaining = publish_remaining(pPublishInfo);

    if (remaining == 0 || pRemainingLength == NULL || pPacketSize == NULL) {
        return MQTTBadParameter;
    }
    *pRemainingLength = remaining;
    *pPacketSize = packet_size(remaining);
    return MQTTSuccess;
}

/* Writes the fixed header, topic and packet identifier; returns the header size. */
static size_t publish_put_header(uint8_t *dst, const MQTTPublishInfo_t *pub, uint16_t packetId,
                                 size_t remaining)
{
    uint8_t *p = dst;

    *p = (uint8_t)(MQTT_PACKET_TYPE_PUBLISH | ((unsigned)pub->qos << PUBLISH_FLAG_QOS_SHIFT));
    if (pub->retain) {
        *p |= PUBLISH_FLAG_RETAIN;
    }
    if (pub->dup) {
        *p |= PUBLISH_FLAG_DUP;
    }
    p++;
    p += mqtt_codec_put_length(p, remaining);
    p = mqtt_codec_put_string(p, pub->pTopicName, pub->topicNameLength);
    if (pub->qos > MQTTQoS0) {
        mqtt_codec_put_u16(p, packetId);
        p += 2;
    }
    return (size_t)(p - dst);
}

static MQTTStatus_t publish_check(const MQTTPublishInfo_t *pub, uint16_t packetId,
                                  size_t remaining)
{
    if (remaining == 0 || remaining != publish_remaining(pub) ||
        (pub->qos > MQTTQoS0 && packetId == 0)) {
        return MQTTBadParameter;
    }
    return MQTTSuccess;
}

MQTTStatus_t MQTT_SerializePublish(const MQTTPublishInfo_t *pPublishInfo, uint16_t packetId,
                                   size_t remainingLength, const MQTTFixedBuffer_t *pFixedBuffer)
{
    MQTTStatus_t status = publish_check(pPublishInfo, packetId, remainingLength);
    size_t header;

    if (status == MQTTSuccess) {
        status = buffer_check(pFixedBuffer, packet_size(remainingLength));
    }
    if (status != MQTTSuccess) {
        return status;
    }
    header = publish_put_header(pFixedBuffer->pBuffer, pPublishInfo, packetId, remainingLength);
    if (pPublishInfo->payloadLength > 0) {
        memcpy(pFixedBuffer->pBuffer + header, pPublishInfo->pPayload,
               pPublishInfo->payloadLength);
    }
    return MQTTSuccess;
}

MQTTStatus_t MQTT_SerializePublishHeader(const MQTTPublishInfo_t *pPublishInfo, uint16_t packetId,
                                         size_t remainingLength,
                                         const MQTTFixedBuffer_t *pFixedBuffer,
                                         size_t *pHeaderSize)
{
    MQTTStatus_t status = publish_check(pPublishInfo, packetId, remainingLength);

    if (status == MQTTSuccess && pHeaderSize == NULL) {
        status = MQTTBadParameter;
    }
    if (status == MQTTSuccess) {
        status = buffer_check(pFixedBuffer,
                              packet_size(remainingLength) - pPublishInfo->payloadLength);
    }
    if (status != MQTTSuccess) {
        return status;
    }
    *pHeaderSize =
        publish_put_header(pFixedBuffer->pBuffer, pPublishInfo, packetId, remainingLength);
    return MQTTSuccess;
}

/* ---- Acks, PINGREQ, DISCONNECT ---------------------------------------------------------- */

MQTTStatus_t MQTT_SerializeAck(const MQTTFixedBuffer_t *pFixedBuffer, uint8_t packetType,
                               uint16_t packetId)
{
    MQTTStatus_t status;

    if (packetId == 0 ||
        (packetType != MQTT_PACKET_TYPE_PUBACK && packetType != MQTT_PACKET_TYPE_PUBREC &&
         packetType != MQTT_PACKET_TYPE_PUBREL && packetType != MQTT_PACKET_TYPE_PUBCOMP)) {
        return MQTTBadParameter;
    }
    status = buffer_check(pFixedBuffer, MQTT_PUBLISH_ACK_PACKET_SIZE);
    if (status == MQTTSuccess) {
        pFixedBuffer->pBuffer[0] = packetType;
        pFixedBuffer->pBuffer[1] = 2;
        mqtt_codec_put_u16(&pFixedBuffer->pBuffer[2], packetId);
    }
    return status;
}

static MQTTStatus_t serialize_empty(const MQTTFixedBuffer_t *buf, uint8_t type)
{
    MQTTStatus_t status = buffer_check(buf, 2);

    if (status == MQTTSuccess) {
        buf->pBuffer[0] = type;
        buf->pBuffer[1] = 0;
    }
    return status;
}

MQTTStatus_t MQTT_GetDisconnectPacketSize(size_t *pPacketSize)
{
    if (pPacketSize == NULL) {
        return MQTTBadParameter;
    }
    *pPacketSize = 2;
    return MQTTSuccess;
}

MQTTStatus_t MQTT_SerializeDisconnect(const MQTTFixedBuffer_t *pFixedBuffer)
{
    return serialize_empty(pFixedBuffer, MQTT_PACKET_TYPE_DISCONNECT);
}

MQTTStatus_t MQTT_GetPingreqPacketSize(size_t *pPacketSize)
{
    return MQTT_GetDisconnectPacketSize(pPacketSize); /* also 2 bytes */
}

MQTTStatus_t MQTT_SerializePingreq(const MQTTFixedBuffer_t *pFixedBuffer)
{
    return serialize_empty(pFixedBuffer, MQTT_PACKET_TYPE_PINGREQ);
}
