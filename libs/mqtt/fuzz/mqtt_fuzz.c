/* SPDX-License-Identifier: MIT */
/*
 * mqtt_fuzz.c: parser entry points for fuzzing (see mqtt_fuzz.h). Everything is in this
 * process: the transport is a cursor over the fuzz input, the clock a counter.
 */
#include "mqtt_fuzz.h"

#include "core_mqtt.h"

#include <stdlib.h>
#include <string.h>

static const char *const filters[] = {"#", "+/+", "a/#", "a/+/c", "+", "/#", "$SYS/#"};

static void match_topic(const MQTTPublishInfo_t *pub)
{
    bool m;

    for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        (void)MQTT_MatchTopic(pub->pTopicName, pub->topicNameLength, filters[i],
                              (uint16_t)strlen(filters[i]), &m);
    }
    /* The topic as a filter too: wildcards anywhere in it. */
    (void)MQTT_MatchTopic(pub->pTopicName, pub->topicNameLength, pub->pTopicName,
                          pub->topicNameLength, &m);
}

static MQTTStatus_t decode(MQTTPacketInfo_t *pkt)
{
    MQTTPublishInfo_t pub;
    uint16_t id = 0;
    bool sp = false;
    MQTTStatus_t status;
    uint8_t *codes;
    size_t n;
    volatile uint8_t sink = 0;

    if ((pkt->type & 0xF0u) == MQTT_PACKET_TYPE_PUBLISH) {
        status = MQTT_DeserializePublish(pkt, &id, &pub);
        if (status == MQTTSuccess) {
            match_topic(&pub);
            for (size_t i = 0; i < pub.payloadLength; i++) {
                sink ^= ((const uint8_t *)pub.pPayload)[i];
            }
        }
        return status;
    }
    status = MQTT_DeserializeAck(pkt, &id, &sp);
    if ((status == MQTTSuccess || status == MQTTServerRefused) &&
        MQTT_GetSubAckStatusCodes(pkt, &codes, &n) == MQTTSuccess) {
        for (size_t i = 0; i < n; i++) {
            sink ^= codes[i];
        }
    }
    (void)sink;
    return status;
}

MQTTStatus_t mqtt_fuzz_deserialize(const uint8_t *data, size_t size)
{
    MQTTPacketInfo_t pkt;
    size_t index = size;
    MQTTStatus_t status = MQTT_ProcessIncomingPacketTypeAndLength(data, &index, &pkt);
    uint8_t *body;

    if (status != MQTTSuccess) {
        return status;
    }
    if (pkt.remainingLength > size - pkt.headerLength) {
        return MQTTNeedMoreBytes;
    }
    /* Exactly remainingLength bytes (malloc(0) may return NULL: use 1). */
    body = malloc(pkt.remainingLength > 0 ? pkt.remainingLength : 1);
    if (body == NULL) {
        return MQTTNoMemory;
    }
    memcpy(body, data + pkt.headerLength, pkt.remainingLength);
    pkt.pRemainingData = pkt.remainingLength > 0 ? body : NULL;
    status = decode(&pkt);
    free(body);
    return status;
}

/* ---- The stream target ------------------------------------------------------------------ */

struct NetworkContext {
    const uint8_t *data;
    size_t size, pos;
    unsigned calls;
};

static uint32_t fake_clock;

static uint32_t fake_time(void)
{
    return fake_clock += 7; /* time moves with every look: keep-alive and timeouts fire */
}

/* Hands out the input in chunks of 1..64 bytes, with "nothing now" in between; then fails. */
static int32_t fake_recv(NetworkContext_t *ctx, void *buf, size_t n)
{
    size_t chunk;

    ctx->calls++;
    if (ctx->pos >= ctx->size) {
        return -1; /* the peer closed */
    }
    if (ctx->calls % 5 == 0) {
        return 0;
    }
    chunk = 1 + (ctx->data[ctx->pos] + ctx->calls) % 64;
    chunk = chunk < n ? chunk : n;
    chunk = chunk < ctx->size - ctx->pos ? chunk : ctx->size - ctx->pos;
    memcpy(buf, ctx->data + ctx->pos, chunk);
    ctx->pos += chunk;
    return (int32_t)chunk;
}

static int32_t fake_send(NetworkContext_t *ctx, const void *buf, size_t n)
{
    (void)ctx;
    (void)buf;
    return (int32_t)n;
}

static void fuzz_event(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    (void)ctx;
    (void)pkt;
    if (info->pPublishInfo != NULL) {
        match_topic(info->pPublishInfo);
    }
}

MQTTStatus_t mqtt_fuzz_process_loop(const uint8_t *data, size_t size)
{
    static uint8_t buffer[128]; /* small: longer packets take the discard path */
    static MQTTPubAckInfo_t out[4], in[4];
    static const MQTTPublishInfo_t pub = {.qos = MQTTQoS2, .pTopicName = "a/b",
                                          .topicNameLength = 3, .pPayload = "x",
                                          .payloadLength = 1};
    NetworkContext_t net = {data, size, 0, 0};
    TransportInterface_t t = {fake_recv, fake_send, NULL, &net};
    MQTTFixedBuffer_t fixed = {buffer, sizeof(buffer)};
    MQTTContext_t ctx;
    MQTTStatus_t status = MQTTSuccess;

    fake_clock = 0;
    (void)MQTT_Init(&ctx, &t, fake_time, fuzz_event, &fixed);
    (void)MQTT_InitStatefulQoS(&ctx, out, 4, in, 4);
    ctx.connectStatus = MQTTConnected; /* as if CONNACK had been received */
    ctx.keepAliveIntervalSec = 1;
    /* Outgoing exchanges in flight, so acks find records (packet ids 1 and 2). */
    (void)MQTT_Publish(&ctx, &pub, MQTT_GetPacketId(&ctx));
    (void)MQTT_Publish(&ctx, &pub, MQTT_GetPacketId(&ctx));
    for (unsigned i = 0; i < 4 * size + 16 && ctx.connectStatus == MQTTConnected; i++) {
        status = MQTT_ProcessLoop(&ctx);
        if (status != MQTTSuccess && status != MQTTNeedMoreBytes && status != MQTTNoMemory) {
            break;
        }
    }
    return status;
}
