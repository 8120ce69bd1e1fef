/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt.c: the client API that sends (see core_mqtt.h): init, connect, subscribe, publish,
 * ping, disconnect, and the small queries. Receiving is in core_mqtt_receive.c.
 *
 * Packets are sent as gather lists: a few header bytes built on the stack plus the caller's own
 * topic, payload and strings, handed to the transport's writev (or send, one piece at a time,
 * when writev is NULL). The network buffer is never used for sending, so a publish from the
 * event callback or between loop calls leaves a half-received packet intact.
 * A context belongs to one task at a time; nothing here locks.
 */
#include "core_mqtt.h"

#include "core_mqtt_codec.h"
#include "core_mqtt_internal.h"
#include "core_mqtt_state.h"

#include <string.h>

/* Topic filters sent per gather call in (UN)SUBSCRIBE. */
#define FILTERS_PER_BATCH 8u

/* ---- Sending ---------------------------------------------------------------------------- */

void mqtt_transport_failed(MQTTContext_t *ctx)
{
    if (ctx->connectStatus == MQTTConnected) {
        ctx->connectStatus = MQTTDisconnectPending;
    }
}

/* Drops n sent bytes from the front of the list starting at vec[*first]. */
static void vectors_advance(TransportOutVector_t *vec, size_t count, size_t *first, size_t n)
{
    while (*first < count && n >= vec[*first].iov_len) {
        n -= vec[*first].iov_len;
        (*first)++;
    }
    if (*first < count && n > 0) {
        vec[*first].iov_base = (const uint8_t *)vec[*first].iov_base + n;
        vec[*first].iov_len -= n;
    }
}

static int32_t transport_put(const TransportInterface_t *t, TransportOutVector_t *vec,
                             size_t count)
{
    if (t->writev != NULL) {
        return t->writev(t->pNetworkContext, vec, count);
    }
    return t->send(t->pNetworkContext, vec->iov_base, vec->iov_len);
}

/* Drops empty pieces (an absent payload may have a NULL base): transports never see them. */
static size_t vectors_compact(TransportOutVector_t *vec, size_t count)
{
    size_t n = 0;

    for (size_t i = 0; i < count; i++) {
        if (vec[i].iov_len != 0) {
            vec[n++] = vec[i];
        }
    }
    return n;
}

MQTTStatus_t mqtt_send_vectors(MQTTContext_t *ctx, TransportOutVector_t *vec, size_t count)
{
    uint32_t last_progress = ctx->getTime();
    size_t first = 0;

    count = vectors_compact(vec, count);
    while (first < count) {
        int32_t n = transport_put(&ctx->transportInterface, &vec[first], count - first);

        if (n < 0) {
            LogError(("transport send failed (%ld)", (long)n));
            mqtt_transport_failed(ctx);
            return MQTTSendFailed;
        }
        if (n > 0) {
            vectors_advance(vec, count, &first, (size_t)n);
            last_progress = ctx->getTime();
        } else if ((uint32_t)(ctx->getTime() - last_progress) >= MQTT_SEND_TIMEOUT_MS) {
            LogError(("transport accepted nothing for %u ms", (unsigned)MQTT_SEND_TIMEOUT_MS));
            mqtt_transport_failed(ctx);
            return MQTTSendFailed;
        }
    }
    ctx->lastPacketTxTime = ctx->getTime();
    return MQTTSuccess;
}

static MQTTStatus_t send_bytes(MQTTContext_t *ctx, const uint8_t *bytes, size_t length)
{
    TransportOutVector_t vec = {bytes, length};

    return mqtt_send_vectors(ctx, &vec, 1);
}

MQTTStatus_t mqtt_send_ack(MQTTContext_t *ctx, uint8_t packetType, uint16_t packetId)
{
    uint8_t packet[MQTT_PUBLISH_ACK_PACKET_SIZE];
    MQTTFixedBuffer_t buf = {packet, sizeof(packet)};
    MQTTStatus_t status = MQTT_SerializeAck(&buf, packetType, packetId);

    if (status == MQTTSuccess) {
        status = send_bytes(ctx, packet, sizeof(packet));
    }
    return status;
}

MQTTStatus_t mqtt_send_ping(MQTTContext_t *ctx)
{
    static const uint8_t pingreq[2] = {MQTT_PACKET_TYPE_PINGREQ, 0};
    MQTTStatus_t status = send_bytes(ctx, pingreq, sizeof(pingreq));

    if (status == MQTTSuccess) {
        ctx->waitingForPingResp = true;
        ctx->pingReqSendTimeMs = ctx->lastPacketTxTime;
    }
    return status;
}

/* Adds a UTF-8 string field (length prefix written to `prefix`) as two vectors. */
static size_t add_string(TransportOutVector_t *vec, uint8_t prefix[2], const void *s, size_t len)
{
    mqtt_codec_put_u16(prefix, (uint16_t)len);
    vec[0].iov_base = prefix;
    vec[0].iov_len = 2;
    vec[1].iov_base = s;
    vec[1].iov_len = len;
    return 2;
}

static MQTTStatus_t connection_status(const MQTTContext_t *ctx)
{
    switch (ctx->connectStatus) {
    case MQTTConnected:
        return MQTTSuccess;
    case MQTTDisconnectPending:
        return MQTTStatusDisconnectPending;
    default:
        return MQTTStatusNotConnected;
    }
}

/* ---- Init ------------------------------------------------------------------------------- */

MQTTStatus_t MQTT_Init(MQTTContext_t *pContext, const TransportInterface_t *pTransportInterface,
                       MQTTGetCurrentTimeFunc_t getTimeFunction, MQTTEventCallback_t userCallback,
                       const MQTTFixedBuffer_t *pNetworkBuffer)
{
    if (pContext == NULL || pTransportInterface == NULL || pTransportInterface->recv == NULL ||
        pTransportInterface->send == NULL || getTimeFunction == NULL || userCallback == NULL ||
        pNetworkBuffer == NULL || pNetworkBuffer->pBuffer == NULL || pNetworkBuffer->size == 0) {
        return MQTTBadParameter;
    }
    memset(pContext, 0, sizeof(*pContext));
    pContext->transportInterface = *pTransportInterface;
    pContext->getTime = getTimeFunction;
    pContext->appCallback = userCallback;
    pContext->networkBuffer = *pNetworkBuffer;
    pContext->connectStatus = MQTTNotConnected;
    pContext->nextPacketId = 1;
    return MQTTSuccess;
}

MQTTStatus_t MQTT_InitStatefulQoS(MQTTContext_t *pContext,
                                  MQTTPubAckInfo_t *pOutgoingPublishRecords,
                                  size_t outgoingPublishCount,
                                  MQTTPubAckInfo_t *pIncomingPublishRecords,
                                  size_t incomingPublishCount)
{
    if (pContext == NULL || (pOutgoingPublishRecords == NULL && outgoingPublishCount != 0) ||
        (pIncomingPublishRecords == NULL && incomingPublishCount != 0) ||
        (outgoingPublishCount == 0 && incomingPublishCount == 0)) {
        return MQTTBadParameter;
    }
    pContext->outgoingPublishRecords = pOutgoingPublishRecords;
    pContext->outgoingPublishRecordMaxCount = outgoingPublishCount;
    pContext->incomingPublishRecords = pIncomingPublishRecords;
    pContext->incomingPublishRecordMaxCount = incomingPublishCount;
    if (outgoingPublishCount != 0) {
        memset(pOutgoingPublishRecords, 0, outgoingPublishCount * sizeof(MQTTPubAckInfo_t));
    }
    if (incomingPublishCount != 0) {
        memset(pIncomingPublishRecords, 0, incomingPublishCount * sizeof(MQTTPubAckInfo_t));
    }
    return MQTTSuccess;
}

/* ---- CONNECT ---------------------------------------------------------------------------- */

static MQTTStatus_t send_connect(MQTTContext_t *ctx, const MQTTConnectInfo_t *ci,
                                 const MQTTPublishInfo_t *will, size_t remaining)
{
    uint8_t header[MQTT_CODEC_MAX_FIXED_HEADER + 10], prefixes[5][2];
    TransportOutVector_t vec[11];
    size_t n = 1;

    vec[0].iov_base = header;
    vec[0].iov_len = mqtt_codec_connect_header(header, ci, will, remaining);
    n += add_string(&vec[n], prefixes[0], ci->pClientIdentifier, ci->clientIdentifierLength);
    if (will != NULL) {
        n += add_string(&vec[n], prefixes[1], will->pTopicName, will->topicNameLength);
        n += add_string(&vec[n], prefixes[2], will->pPayload, will->payloadLength);
    }
    if (ci->pUserName != NULL) {
        n += add_string(&vec[n], prefixes[3], ci->pUserName, ci->userNameLength);
    }
    if (ci->pPassword != NULL) {
        n += add_string(&vec[n], prefixes[4], ci->pPassword, ci->passwordLength);
    }
    return mqtt_send_vectors(ctx, vec, n);
}

/* Session resumed: finish the QoS 2 exchanges whose PUBREL the broker may not have. */
static MQTTStatus_t resend_pubrels(MQTTContext_t *ctx)
{
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
    MQTTPublishState_t state;
    MQTTStatus_t status = MQTTSuccess;
    uint16_t id;

    while (status == MQTTSuccess && (id = MQTT_PubrelToResend(ctx, &cursor, &state)) != 0) {
        status = mqtt_send_ack(ctx, MQTT_PACKET_TYPE_PUBREL, id);
        if (status == MQTTSuccess) {
            status = MQTT_UpdateStateAck(ctx, id, MQTTPubrel, MQTT_SEND, &state);
        }
    }
    return status;
}

MQTTStatus_t MQTT_Connect(MQTTContext_t *pContext, const MQTTConnectInfo_t *pConnectInfo,
                          const MQTTPublishInfo_t *pWillInfo, uint32_t timeoutMs,
                          bool *pSessionPresent)
{
    size_t remaining, size;
    MQTTStatus_t status;

    if (pContext == NULL || pSessionPresent == NULL || pContext->getTime == NULL ||
        MQTT_GetConnectPacketSize(pConnectInfo, pWillInfo, &remaining, &size) != MQTTSuccess) {
        return MQTTBadParameter;
    }
    /* A fresh stream: nothing buffered from an earlier connection counts. */
    pContext->connectStatus = MQTTNotConnected;
    pContext->index = 0;
    pContext->waitingForPingResp = false;
    pContext->keepAliveIntervalSec = pConnectInfo->keepAliveIntervalSec;
    status = send_connect(pContext, pConnectInfo, pWillInfo, remaining);
    if (status == MQTTSuccess) {
        status = mqtt_receive_connack(pContext, timeoutMs, pSessionPresent);
    }
    if (status != MQTTSuccess) {
        LogError(("MQTT connect failed: %s", MQTT_Status_strerror(status)));
        pContext->connectStatus = MQTTNotConnected;
        return status;
    }
    pContext->connectStatus = MQTTConnected;
    pContext->lastPacketRxTime = pContext->getTime();
    mqtt_state_session_start(pContext, *pSessionPresent);
    LogInfo(("MQTT connected, session present: %d", (int)*pSessionPresent));
    return *pSessionPresent ? resend_pubrels(pContext) : MQTTSuccess;
}

/* ---- SUBSCRIBE / UNSUBSCRIBE ------------------------------------------------------------ */

static MQTTStatus_t send_topic_list(MQTTContext_t *ctx, uint8_t type,
                                    const MQTTSubscribeInfo_t *list, size_t count,
                                    uint16_t packetId, size_t remaining)
{
    uint8_t header[MQTT_CODEC_MAX_FIXED_HEADER + 2], prefixes[FILTERS_PER_BATCH][2];
    uint8_t qos[FILTERS_PER_BATCH];
    TransportOutVector_t vec[1 + 3 * FILTERS_PER_BATCH];
    MQTTStatus_t status = MQTTSuccess;
    size_t n, done = 0, h;

    header[0] = type;
    h = 1 + mqtt_codec_put_length(&header[1], remaining);
    mqtt_codec_put_u16(&header[h], packetId);
    vec[0].iov_base = header;
    vec[0].iov_len = h + 2;
    n = 1;
    while (status == MQTTSuccess && done < count) {
        for (size_t b = 0; b < FILTERS_PER_BATCH && done < count; b++, done++) {
            n += add_string(&vec[n], prefixes[b], list[done].pTopicFilter,
                            list[done].topicFilterLength);
            if (type == MQTT_PACKET_TYPE_SUBSCRIBE) {
                qos[b] = (uint8_t)list[done].qos;
                vec[n].iov_base = &qos[b];
                vec[n++].iov_len = 1;
            }
        }
        status = mqtt_send_vectors(ctx, vec, n);
        n = 0;
    }
    return status;
}

static MQTTStatus_t topic_list_request(MQTTContext_t *ctx, uint8_t type,
                                       const MQTTSubscribeInfo_t *list, size_t count,
                                       uint16_t packetId)
{
    size_t remaining, size;
    MQTTStatus_t status;

    if (ctx == NULL || packetId == 0) {
        return MQTTBadParameter;
    }
    status = type == MQTT_PACKET_TYPE_SUBSCRIBE
                 ? MQTT_GetSubscribePacketSize(list, count, &remaining, &size)
                 : MQTT_GetUnsubscribePacketSize(list, count, &remaining, &size);
    if (status == MQTTSuccess) {
        status = connection_status(ctx);
    }
    if (status == MQTTSuccess) {
        status = send_topic_list(ctx, type, list, count, packetId, remaining);
    }
    return status;
}

MQTTStatus_t MQTT_Subscribe(MQTTContext_t *pContext, const MQTTSubscribeInfo_t *pSubscriptionList,
                            size_t subscriptionCount, uint16_t packetId)
{
    return topic_list_request(pContext, MQTT_PACKET_TYPE_SUBSCRIBE, pSubscriptionList,
                              subscriptionCount, packetId);
}

MQTTStatus_t MQTT_Unsubscribe(MQTTContext_t *pContext,
                              const MQTTSubscribeInfo_t *pSubscriptionList,
                              size_t subscriptionCount, uint16_t packetId)
{
    return topic_list_request(pContext, MQTT_PACKET_TYPE_UNSUBSCRIBE, pSubscriptionList,
                              subscriptionCount, packetId);
}

/* ---- PUBLISH ---------------------------------------------------------------------------- */

static MQTTStatus_t send_publish(MQTTContext_t *ctx, const MQTTPublishInfo_t *pub,
                                 uint16_t packetId, size_t remaining)
{
    uint8_t header[MQTT_CODEC_MAX_FIXED_HEADER + 2], id[2];
    TransportOutVector_t vec[4];
    size_t h = 0;

    header[h] = (uint8_t)(MQTT_PACKET_TYPE_PUBLISH | ((unsigned)pub->qos << 1));
    header[h] |= (uint8_t)((pub->retain ? 0x01u : 0u) | (pub->dup ? 0x08u : 0u));
    h = 1 + mqtt_codec_put_length(&header[1], remaining);
    mqtt_codec_put_u16(&header[h], pub->topicNameLength);
    mqtt_codec_put_u16(id, packetId);
    vec[0] = (TransportOutVector_t){header, h + 2};
    vec[1] = (TransportOutVector_t){pub->pTopicName, pub->topicNameLength};
    vec[2] = (TransportOutVector_t){id, pub->qos > MQTTQoS0 ? 2u : 0u};
    vec[3] = (TransportOutVector_t){pub->pPayload, pub->payloadLength};
    return mqtt_send_vectors(ctx, vec, 4);
}

/* Takes (or, for a resend, reuses) the outgoing record of a QoS 1/2 publish. */
static MQTTStatus_t publish_reserve(MQTTContext_t *ctx, const MQTTPublishInfo_t *pub,
                                    uint16_t packetId)
{
    if (pub->qos == MQTTQoS0 || (pub->dup && mqtt_state_is_outgoing(ctx, packetId))) {
        return MQTTSuccess;
    }
    return MQTT_ReserveState(ctx, packetId, pub->qos);
}

MQTTStatus_t MQTT_Publish(MQTTContext_t *pContext, const MQTTPublishInfo_t *pPublishInfo,
                          uint16_t packetId)
{
    MQTTPublishState_t state;
    size_t remaining, size;
    MQTTStatus_t status;

    if (pContext == NULL ||
        MQTT_GetPublishPacketSize(pPublishInfo, &remaining, &size) != MQTTSuccess ||
        (pPublishInfo->qos > MQTTQoS0 && packetId == 0)) {
        return MQTTBadParameter;
    }
    status = connection_status(pContext);
    if (status == MQTTSuccess) {
        status = publish_reserve(pContext, pPublishInfo, packetId);
    }
    if (status == MQTTSuccess) {
        /* On failure the record stays, listed by MQTT_PublishToResend for after a reconnect. */
        status = send_publish(pContext, pPublishInfo, packetId, remaining);
    }
    if (status == MQTTSuccess && pPublishInfo->qos > MQTTQoS0) {
        status = MQTT_UpdateStatePublish(pContext, packetId, MQTT_SEND, pPublishInfo->qos, &state);
    }
    return status;
}

/* ---- PINGREQ, DISCONNECT ---------------------------------------------------------------- */

MQTTStatus_t MQTT_Ping(MQTTContext_t *pContext)
{
    MQTTStatus_t status;

    if (pContext == NULL) {
        return MQTTBadParameter;
    }
    status = connection_status(pContext);
    return status == MQTTSuccess ? mqtt_send_ping(pContext) : status;
}

MQTTStatus_t MQTT_Disconnect(MQTTContext_t *pContext)
{
    static const uint8_t disconnect[2] = {MQTT_PACKET_TYPE_DISCONNECT, 0};
    MQTTStatus_t status;

    if (pContext == NULL) {
        return MQTTBadParameter;
    }
    status = connection_status(pContext);
    if (status == MQTTSuccess) {
        status = send_bytes(pContext, disconnect, sizeof(disconnect));
    } else if (status == MQTTStatusDisconnectPending) {
        status = MQTTSuccess; /* the transport is gone: nothing to tell the broker */
    }
    pContext->connectStatus = MQTTNotConnected;
    pContext->index = 0;
    pContext->waitingForPingResp = false;
    return status;
}

/* ---- Queries ---------------------------------------------------------------------------- */

uint16_t MQTT_GetPacketId(MQTTContext_t *pContext)
{
    if (pContext == NULL) {
        return MQTT_PACKET_ID_INVALID;
    }
    for (unsigned tries = 0; tries < 65535u; tries++) {
        uint16_t id = pContext->nextPacketId == 0 ? 1 : pContext->nextPacketId;

        pContext->nextPacketId = (uint16_t)(id == UINT16_MAX ? 1u : id + 1u);
        if (!mqtt_state_is_outgoing(pContext, id)) {
            return id;
        }
    }
    return MQTT_PACKET_ID_INVALID; /* every identifier is in flight */
}

MQTTStatus_t MQTT_GetSubAckStatusCodes(const MQTTPacketInfo_t *pSubackPacket,
                                       uint8_t **pPayloadStart, size_t *pPayloadSize)
{
    if (pSubackPacket == NULL || pPayloadStart == NULL || pPayloadSize == NULL ||
        pSubackPacket->type != MQTT_PACKET_TYPE_SUBACK || pSubackPacket->pRemainingData == NULL ||
        pSubackPacket->remainingLength < 3u) {
        return MQTTBadParameter;
    }
    *pPayloadStart = pSubackPacket->pRemainingData + 2;
    *pPayloadSize = pSubackPacket->remainingLength - 2u;
    return MQTTSuccess;
}

MQTTStatus_t MQTT_CheckConnectStatus(const MQTTContext_t *pContext)
{
    if (pContext == NULL) {
        return MQTTBadParameter;
    }
    switch (pContext->connectStatus) {
    case MQTTConnected:
        return MQTTStatusConnected;
    case MQTTDisconnectPending:
        return MQTTStatusDisconnectPending;
    default:
        return MQTTStatusNotConnected;
    }
}

MQTTStatus_t MQTT_CancelCallback(const MQTTContext_t *pContext, uint16_t packetId)
{
    return MQTT_RemoveStateRecord(pContext, packetId);
}

const char *MQTT_Status_strerror(MQTTStatus_t status)
{
    static const char *const names[] = {
        "MQTTSuccess",          "MQTTBadParameter",      "MQTTNoMemory",
        "MQTTSendFailed",       "MQTTRecvFailed",        "MQTTBadResponse",
        "MQTTServerRefused",    "MQTTNoDataAvailable",   "MQTTIllegalState",
        "MQTTStateCollision",   "MQTTKeepAliveTimeout",  "MQTTNeedMoreBytes",
        "MQTTStatusConnected",  "MQTTStatusNotConnected", "MQTTStatusDisconnectPending",
        "MQTTPublishStoreFailed", "MQTTPublishRetrieveFailed"};

    if ((unsigned)status < sizeof(names) / sizeof(names[0])) {
        return names[status];
    }
    return "Invalid MQTT Status code";
}
