/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_receive.c: MQTT_ProcessLoop, MQTT_ReceiveLoop and CONNACK reception.
 *
 * Incoming bytes accumulate in the context's network buffer (ctx->index bytes used). Each loop
 * call reads what the transport has without waiting, then handles every whole packet at the
 * front of the buffer: the event callback sees it in place, the library sends the acks QoS
 * 1/2 need, and the packet's bytes are dropped by moving the rest of the buffer down. A partial
 * packet stays for the next call (MQTTNeedMoreBytes). A packet larger than the whole buffer
 * cannot be held: it is read and thrown away (MQTTNoMemory).
 * The context's owner task is the only caller; nothing here locks.
 */
#include "core_mqtt.h"

#include "core_mqtt_internal.h"
#include "core_mqtt_state.h"

#include <string.h>

/* Reads whatever fits into the free end of the buffer. Returns bytes read or negative. */
static int32_t fill_buffer(MQTTContext_t *ctx)
{
    const TransportInterface_t *t = &ctx->transportInterface;
    int32_t n;

    if (ctx->index >= ctx->networkBuffer.size) {
        return 0;
    }
    n = t->recv(t->pNetworkContext, ctx->networkBuffer.pBuffer + ctx->index,
                ctx->networkBuffer.size - ctx->index);
    if (n < 0) {
        LogError(("transport receive failed (%ld)", (long)n));
        mqtt_transport_failed(ctx);
    } else {
        ctx->index += (size_t)n;
    }
    return n;
}

/* Drops the first `length` buffered bytes. */
static void consume(MQTTContext_t *ctx, size_t length)
{
    memmove(ctx->networkBuffer.pBuffer, ctx->networkBuffer.pBuffer + length, ctx->index - length);
    ctx->index -= length;
}

/* Reads and throws away a packet too big for the buffer; its first ctx->index bytes are in. */
static MQTTStatus_t discard_packet(MQTTContext_t *ctx, size_t total)
{
    size_t left = total - ctx->index;
    uint32_t last_progress = ctx->getTime();

    LogError(("dropping a %lu-byte packet: the network buffer holds %lu", (unsigned long)total,
              (unsigned long)ctx->networkBuffer.size));
    ctx->index = 0;
    while (left > 0) {
        size_t chunk = left < ctx->networkBuffer.size ? left : ctx->networkBuffer.size;
        int32_t n = ctx->transportInterface.recv(ctx->transportInterface.pNetworkContext,
                                                 ctx->networkBuffer.pBuffer, chunk);
        if (n < 0 || (n == 0 && (uint32_t)(ctx->getTime() - last_progress) >=
                                    MQTT_RECV_POLLING_TIMEOUT_MS)) {
            /* The stream cannot be resynchronised. */
            mqtt_transport_failed(ctx);
            return MQTTRecvFailed;
        }
        if (n > 0) {
            left -= (size_t)n;
            last_progress = ctx->getTime();
        }
    }
    return MQTTNoMemory;
}

static void notify(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, uint16_t id,
                   MQTTPublishInfo_t *pub, MQTTStatus_t result)
{
    MQTTDeserializedInfo_t info = {id, pub, result};

    ctx->appCallback(ctx, pkt, &info);
}

/* Sends an ack and records it. */
static MQTTStatus_t ack_and_update(MQTTContext_t *ctx, uint8_t type, MQTTPubAckType_t ack,
                                   uint16_t id)
{
    MQTTPublishState_t state;
    MQTTStatus_t status = mqtt_send_ack(ctx, type, id);

    if (status == MQTTSuccess) {
        ctx->controlPacketSent = true;
        (void)MQTT_UpdateStateAck(ctx, id, ack, MQTT_SEND, &state);
    }
    return status;
}

/* A QoS 2 publish we already hold (a resend): ack again, do not deliver twice. */
static MQTTStatus_t publish_repeat(MQTTContext_t *ctx, uint16_t id, MQTTPublishState_t state)
{
    LogDebug(("QoS 2 publish %u repeated, not delivered again", (unsigned)id));
    if (state == MQTTPubCompSend) {
        return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBCOMP, MQTTPubcomp, id);
    }
    return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBREC, MQTTPubrec, id);
}

static MQTTStatus_t handle_publish(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt)
{
    MQTTPublishInfo_t pub;
    MQTTPublishState_t state = MQTTStateNull;
    MQTTStatus_t status;
    uint16_t id = 0;

    status = MQTT_DeserializePublish(pkt, &id, &pub);
    if (status != MQTTSuccess) {
        return status;
    }
    if (pub.qos > MQTTQoS0) {
        status = MQTT_UpdateStatePublish(ctx, id, MQTT_RECEIVE, pub.qos, &state);
        if (status == MQTTStateCollision) {
            return publish_repeat(ctx, id, state);
        }
        if (status == MQTTNoMemory && pub.qos == MQTTQoS2) {
            LogError(("no free incoming record for QoS 2 publish %u", (unsigned)id));
            return MQTTNoMemory;
        }
        /* QoS 1 needs no record to be acked: without one it is acked statelessly. */
    }
    notify(ctx, pkt, id, &pub, MQTTSuccess);
    if (pub.qos == MQTTQoS1) {
        return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBACK, MQTTPuback, id);
    }
    if (pub.qos == MQTTQoS2) {
        return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBREC, MQTTPubrec, id);
    }
    return MQTTSuccess;
}

static MQTTPubAckType_t ack_type(uint8_t type)
{
    switch (type) {
    case MQTT_PACKET_TYPE_PUBACK:
        return MQTTPuback;
    case MQTT_PACKET_TYPE_PUBREC:
        return MQTTPubrec;
    case MQTT_PACKET_TYPE_PUBREL:
        return MQTTPubrel;
    default:
        return MQTTPubcomp;
    }
}

/* PUBACK, PUBREC, PUBREL or PUBCOMP from the broker. */
static MQTTStatus_t handle_publish_ack(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt)
{
    MQTTPublishState_t state = MQTTStateNull;
    MQTTPubAckType_t ack = ack_type(pkt->type);
    MQTTStatus_t status;
    uint16_t id = 0;

    status = MQTT_DeserializeAck(pkt, &id, NULL);
    if (status != MQTTSuccess) {
        return status;
    }
    status = MQTT_UpdateStateAck(ctx, id, ack, MQTT_RECEIVE, &state);
    if (status == MQTTIllegalState) {
        LogError(("%s for packet %u in state %s", MQTT_Status_strerror(status), (unsigned)id,
                  MQTT_State_strerror(state)));
        return status;
    }
    if (status == MQTTSuccess) {
        notify(ctx, pkt, id, NULL, MQTTSuccess);
    } else {
        LogWarn(("ack for unknown packet %u", (unsigned)id));
    }
    /* Complete the broker's side of a QoS 2 exchange, known to us or not [MQTT-4.3.3]. */
    if (ack == MQTTPubrec) {
        return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBREL, MQTTPubrel, id);
    }
    if (ack == MQTTPubrel) {
        return ack_and_update(ctx, MQTT_PACKET_TYPE_PUBCOMP, MQTTPubcomp, id);
    }
    return MQTTSuccess;
}

/* SUBACK, UNSUBACK, PINGRESP. A refused subscription is the callback's news, not an error. */
static MQTTStatus_t handle_other_ack(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt)
{
    uint16_t id = 0;
    MQTTStatus_t status = MQTT_DeserializeAck(pkt, &id, NULL);

    if (status != MQTTSuccess && status != MQTTServerRefused) {
        return status;
    }
    if (pkt->type == MQTT_PACKET_TYPE_PINGRESP) {
        ctx->waitingForPingResp = false;
    }
    notify(ctx, pkt, id, NULL, status);
    return MQTTSuccess;
}

static MQTTStatus_t handle_packet(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt)
{
    switch (pkt->type & 0xF0u) {
    case MQTT_PACKET_TYPE_PUBLISH:
        return handle_publish(ctx, pkt);
    case MQTT_PACKET_TYPE_PUBACK:
    case MQTT_PACKET_TYPE_PUBREC:
    case MQTT_PACKET_TYPE_PUBREL & 0xF0u:
    case MQTT_PACKET_TYPE_PUBCOMP:
        return handle_publish_ack(ctx, pkt);
    case MQTT_PACKET_TYPE_SUBACK:
    case MQTT_PACKET_TYPE_UNSUBACK:
    case MQTT_PACKET_TYPE_PINGRESP:
        return handle_other_ack(ctx, pkt);
    default:
        LogError(("unexpected packet type 0x%02x", (unsigned)pkt->type));
        return MQTTBadResponse; /* a second CONNACK */
    }
}

/*
 * Finds the whole packet at the front of the buffer. MQTTSuccess with *pkt set, or
 * MQTTNoDataAvailable / MQTTNeedMoreBytes / an error.
 */
static MQTTStatus_t next_packet(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt)
{
    MQTTStatus_t status;
    size_t total;

    status = MQTT_ProcessIncomingPacketTypeAndLength(ctx->networkBuffer.pBuffer, &ctx->index, pkt);
    if (status != MQTTSuccess) {
        return status;
    }
    total = pkt->headerLength + pkt->remainingLength;
    if (total > ctx->networkBuffer.size) {
        return discard_packet(ctx, total);
    }
    if (total > ctx->index) {
        return MQTTNeedMoreBytes;
    }
    pkt->pRemainingData = ctx->networkBuffer.pBuffer + pkt->headerLength;
    return MQTTSuccess;
}

static MQTTStatus_t receive_and_handle(MQTTContext_t *ctx)
{
    MQTTStatus_t status = MQTTSuccess;
    MQTTPacketInfo_t pkt;

    if (fill_buffer(ctx) < 0) {
        return MQTTRecvFailed;
    }
    while (status == MQTTSuccess) {
        status = next_packet(ctx, &pkt);
        if (status == MQTTSuccess) {
            status = handle_packet(ctx, &pkt);
            consume(ctx, pkt.headerLength + pkt.remainingLength);
            ctx->lastPacketRxTime = ctx->getTime();
        }
    }
    return status == MQTTNoDataAvailable ? MQTTSuccess : status;
}

static MQTTStatus_t keep_alive(MQTTContext_t *ctx)
{
    uint32_t now = ctx->getTime();
    uint32_t interval = (uint32_t)ctx->keepAliveIntervalSec * 1000u;

    if (interval == 0) {
        return MQTTSuccess;
    }
    if (ctx->waitingForPingResp) {
        if ((uint32_t)(now - ctx->pingReqSendTimeMs) >= MQTT_PINGRESP_TIMEOUT_MS) {
            LogError(("no PINGRESP within %u ms", (unsigned)MQTT_PINGRESP_TIMEOUT_MS));
            return MQTTKeepAliveTimeout;
        }
        return MQTTSuccess;
    }
    if ((uint32_t)(now - ctx->lastPacketTxTime) >= interval) {
        MQTTStatus_t status = mqtt_send_ping(ctx);

        ctx->controlPacketSent = status == MQTTSuccess;
        return status;
    }
    return MQTTSuccess;
}

static MQTTStatus_t loop_check(const MQTTContext_t *ctx)
{
    if (ctx == NULL || ctx->getTime == NULL || ctx->appCallback == NULL ||
        ctx->networkBuffer.pBuffer == NULL || ctx->transportInterface.recv == NULL) {
        return MQTTBadParameter;
    }
    if (ctx->connectStatus == MQTTNotConnected) {
        return MQTTStatusNotConnected;
    }
    return ctx->connectStatus == MQTTDisconnectPending ? MQTTStatusDisconnectPending : MQTTSuccess;
}

MQTTStatus_t MQTT_ProcessLoop(MQTTContext_t *pContext)
{
    MQTTStatus_t status = loop_check(pContext);

    if (status != MQTTSuccess) {
        return status;
    }
    pContext->controlPacketSent = false;
    status = receive_and_handle(pContext);
    if (status == MQTTSuccess || status == MQTTNeedMoreBytes) {
        MQTTStatus_t ka = keep_alive(pContext);

        status = ka != MQTTSuccess ? ka : status;
    }
    return status;
}

MQTTStatus_t MQTT_ReceiveLoop(MQTTContext_t *pContext)
{
    MQTTStatus_t status = loop_check(pContext);

    if (status != MQTTSuccess) {
        return status;
    }
    pContext->controlPacketSent = false;
    return receive_and_handle(pContext);
}

/* One step of waiting for CONNACK: MQTTSuccess when it was handled, else why not yet. */
static MQTTStatus_t connack_step(MQTTContext_t *ctx, bool *pSessionPresent)
{
    MQTTPacketInfo_t pkt;
    MQTTStatus_t status;
    uint16_t id;

    if (fill_buffer(ctx) < 0) {
        return MQTTRecvFailed;
    }
    status = next_packet(ctx, &pkt);
    if (status != MQTTSuccess) {
        return status;
    }
    if (pkt.type != MQTT_PACKET_TYPE_CONNACK) {
        LogError(("expected CONNACK, got packet type 0x%02x", (unsigned)pkt.type));
        return MQTTBadResponse;
    }
    status = MQTT_DeserializeAck(&pkt, &id, pSessionPresent);
    consume(ctx, pkt.headerLength + pkt.remainingLength);
    return status;
}

MQTTStatus_t mqtt_receive_connack(MQTTContext_t *ctx, uint32_t timeoutMs, bool *pSessionPresent)
{
    uint32_t start = ctx->getTime();
    uint32_t attempts = 0;
    MQTTStatus_t status;

    for (;;) {
        status = connack_step(ctx, pSessionPresent);
        if (status != MQTTNoDataAvailable && status != MQTTNeedMoreBytes) {
            return status;
        }
        attempts++;
        if (timeoutMs == 0 ? attempts >= MQTT_MAX_CONNACK_RECEIVE_RETRY_COUNT
                           : (uint32_t)(ctx->getTime() - start) >= timeoutMs) {
            return status == MQTTNeedMoreBytes ? MQTTRecvFailed : MQTTNoDataAvailable;
        }
    }
}
