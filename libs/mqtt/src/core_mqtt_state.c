/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_state.c: the QoS 1/2 publish state engine (see core_mqtt_state.h).
 *
 * Each direction has its own record array (from MQTT_InitStatefulQoS). Records are kept dense
 * and in insertion order: used records fill slots 0..n-1 and a removal shifts the later ones
 * down. So the first free slot is always the one after the last used record, and
 * MQTT_PublishToResend hands unacknowledged publishes back in the order they were first sent,
 * as MQTT 3.1.1 section 4.6 asks of a resuming client. The arrays are small (tens of records),
 * so the linear scans cost little. The caller's task owns the context: no locking here.
 *
 * Transitions (outgoing = our publishes, incoming = the broker's):
 *   outgoing QoS 1: PublishSend -send-> PubAckPending -PUBACK-> done
 *   outgoing QoS 2: PublishSend -send-> PubRecPending -PUBREC-> PubRelSend -send PUBREL->
 *                   PubCompPending -PUBCOMP-> done
 *   incoming QoS 1: received -> PubAckSend -send PUBACK-> done
 *   incoming QoS 2: received -> PubRecSend -send PUBREC-> PubRelPending -PUBREL-> PubCompSend
 *                   -send PUBCOMP-> done
 * Repeats that MQTT allows after a reconnect (a second PUBREC, PUBREL, or a resent PUBLISH)
 * leave a record in the state it is in, so the matching ack is sent again.
 */
#include "core_mqtt_state.h"

#include "core_mqtt_internal.h"

#include <string.h>

struct record_set {
    MQTTPubAckInfo_t *records;
    size_t count;
};

static struct record_set outgoing(const MQTTContext_t *ctx)
{
    struct record_set s = {ctx->outgoingPublishRecords, ctx->outgoingPublishRecordMaxCount};

    if (s.records == NULL) {
        s.count = 0;
    }
    return s;
}

static struct record_set incoming(const MQTTContext_t *ctx)
{
    struct record_set s = {ctx->incomingPublishRecords, ctx->incomingPublishRecordMaxCount};

    if (s.records == NULL) {
        s.count = 0;
    }
    return s;
}

static MQTTPubAckInfo_t *record_find(struct record_set s, uint16_t packetId)
{
    for (size_t i = 0; i < s.count && s.records[i].packetId != 0; i++) {
        if (s.records[i].packetId == packetId) {
            return &s.records[i];
        }
    }
    return NULL;
}

/* Appends a record after the last used one; NULL when the array is full. */
static MQTTPubAckInfo_t *record_add(struct record_set s, uint16_t packetId, MQTTQoS_t qos,
                                    MQTTPublishState_t state)
{
    for (size_t i = 0; i < s.count; i++) {
        if (s.records[i].packetId == 0) {
            s.records[i].packetId = packetId;
            s.records[i].qos = qos;
            s.records[i].publishState = state;
            return &s.records[i];
        }
    }
    return NULL;
}

/* Frees a record, shifting the later ones down to keep the array dense and ordered. */
static void record_remove(struct record_set s, MQTTPubAckInfo_t *r)
{
    size_t i = (size_t)(r - s.records);
    size_t last = i;

    while (last + 1 < s.count && s.records[last + 1].packetId != 0) {
        last++;
    }
    memmove(&s.records[i], &s.records[i + 1], (last - i) * sizeof(*r));
    memset(&s.records[last], 0, sizeof(*r));
}

MQTTStatus_t MQTT_ReserveState(const MQTTContext_t *pMqttContext, uint16_t packetId,
                               MQTTQoS_t qos)
{
    struct record_set s;

    if (pMqttContext == NULL || packetId == 0 || qos == MQTTQoS0 || qos > MQTTQoS2) {
        return MQTTBadParameter;
    }
    s = outgoing(pMqttContext);
    if (record_find(s, packetId) != NULL) {
        return MQTTStateCollision;
    }
    return record_add(s, packetId, qos, MQTTPublishSend) != NULL ? MQTTSuccess : MQTTNoMemory;
}

MQTTPublishState_t MQTT_CalculateStatePublish(MQTTStateOperation_t opType, MQTTQoS_t qos)
{
    switch (qos) {
    case MQTTQoS0:
        return MQTTPublishDone;
    case MQTTQoS1:
        return opType == MQTT_SEND ? MQTTPubAckPending : MQTTPubAckSend;
    case MQTTQoS2:
        return opType == MQTT_SEND ? MQTTPubRecPending : MQTTPubRecSend;
    default:
        return MQTTStateNull;
    }
}

/* Our publish went out: its record (reserved, or kept from before a reconnect) now waits. */
static MQTTStatus_t publish_sent(const MQTTContext_t *ctx, uint16_t packetId, MQTTQoS_t qos,
                                 MQTTPublishState_t *pNewState)
{
    MQTTPubAckInfo_t *r = record_find(outgoing(ctx), packetId);

    if (r == NULL) {
        return MQTTBadParameter;
    }
    if (r->publishState != MQTTPublishSend && r->publishState != MQTTPubAckPending &&
        r->publishState != MQTTPubRecPending) {
        return MQTTIllegalState;
    }
    r->qos = qos;
    r->publishState = MQTT_CalculateStatePublish(MQTT_SEND, qos);
    *pNewState = r->publishState;
    return MQTTSuccess;
}

/* The broker's publish arrived. A QoS 2 one we already hold is a resend: MQTTStateCollision. */
static MQTTStatus_t publish_received(const MQTTContext_t *ctx, uint16_t packetId, MQTTQoS_t qos,
                                     MQTTPublishState_t *pNewState)
{
    struct record_set s = incoming(ctx);
    MQTTPubAckInfo_t *r = record_find(s, packetId);

    if (r != NULL && r->qos == MQTTQoS2) {
        *pNewState = r->publishState;
        return MQTTStateCollision;
    }
    if (r == NULL) {
        r = record_add(s, packetId, qos, MQTTStateNull);
        if (r == NULL) {
            return MQTTNoMemory;
        }
    }
    r->qos = qos;
    r->publishState = MQTT_CalculateStatePublish(MQTT_RECEIVE, qos);
    *pNewState = r->publishState;
    return MQTTSuccess;
}

MQTTStatus_t MQTT_UpdateStatePublish(const MQTTContext_t *pMqttContext, uint16_t packetId,
                                     MQTTStateOperation_t opType, MQTTQoS_t qos,
                                     MQTTPublishState_t *pNewState)
{
    if (pMqttContext == NULL || pNewState == NULL || qos > MQTTQoS2) {
        return MQTTBadParameter;
    }
    if (qos == MQTTQoS0) {
        *pNewState = MQTTPublishDone;
        return MQTTSuccess;
    }
    if (packetId == 0) {
        return MQTTBadParameter;
    }
    return opType == MQTT_SEND ? publish_sent(pMqttContext, packetId, qos, pNewState)
                               : publish_received(pMqttContext, packetId, qos, pNewState);
}

MQTTStatus_t MQTT_RemoveStateRecord(const MQTTContext_t *pMqttContext, uint16_t packetId)
{
    struct record_set s;
    MQTTPubAckInfo_t *r;

    if (pMqttContext == NULL || packetId == 0) {
        return MQTTBadParameter;
    }
    s = outgoing(pMqttContext);
    r = record_find(s, packetId);
    if (r == NULL) {
        return MQTTBadParameter;
    }
    record_remove(s, r);
    return MQTTSuccess;
}

MQTTPublishState_t MQTT_CalculateStateAck(MQTTPubAckType_t packetType,
                                          MQTTStateOperation_t opType, MQTTQoS_t qos)
{
    if (packetType == MQTTPuback) {
        return qos == MQTTQoS1 ? MQTTPublishDone : MQTTStateNull;
    }
    if (qos != MQTTQoS2) {
        return MQTTStateNull;
    }
    switch (packetType) {
    case MQTTPubrec:
        return opType == MQTT_SEND ? MQTTPubRelPending : MQTTPubRelSend;
    case MQTTPubrel:
        return opType == MQTT_SEND ? MQTTPubCompPending : MQTTPubCompSend;
    case MQTTPubcomp:
        return MQTTPublishDone;
    default:
        return MQTTStateNull;
    }
}

/* Whether an ack applies to our publishes (else to the broker's). */
static int ack_is_outgoing(MQTTPubAckType_t type, MQTTStateOperation_t op)
{
    return (type == MQTTPubrel) == (op == MQTT_SEND);
}

/* The states from which an ack may move a record: the expected one, or the result (a repeat). */
static int ack_allowed(MQTTPubAckType_t type, MQTTStateOperation_t op, MQTTPublishState_t from)
{
    switch (type) {
    case MQTTPuback:
        return from == (op == MQTT_SEND ? MQTTPubAckSend : MQTTPubAckPending);
    case MQTTPubrec:
        return op == MQTT_SEND ? (from == MQTTPubRecSend || from == MQTTPubRelPending)
                               : (from == MQTTPubRecPending || from == MQTTPubRelSend ||
                                  from == MQTTPubCompPending);
    case MQTTPubrel:
        return op == MQTT_SEND ? (from == MQTTPubRelSend || from == MQTTPubCompPending)
                               : (from == MQTTPubRelPending || from == MQTTPubCompSend);
    case MQTTPubcomp:
        return from == (op == MQTT_SEND ? MQTTPubCompSend : MQTTPubCompPending);
    default:
        return 0;
    }
}

MQTTStatus_t MQTT_UpdateStateAck(const MQTTContext_t *pMqttContext, uint16_t packetId,
                                 MQTTPubAckType_t packetType, MQTTStateOperation_t opType,
                                 MQTTPublishState_t *pNewState)
{
    struct record_set s;
    MQTTPubAckInfo_t *r;
    MQTTPublishState_t next;

    if (pMqttContext == NULL || pNewState == NULL || packetId == 0 || packetType > MQTTPubcomp) {
        return MQTTBadParameter;
    }
    s = ack_is_outgoing(packetType, opType) ? outgoing(pMqttContext) : incoming(pMqttContext);
    r = record_find(s, packetId);
    if (r == NULL) {
        return MQTTBadParameter;
    }
    if (!ack_allowed(packetType, opType, r->publishState)) {
        return MQTTIllegalState;
    }
    /* A PUBREC received after PUBREL went out (a repeat) still asks for PUBREL again. */
    next = MQTT_CalculateStateAck(packetType, opType, r->qos);
    if (next == MQTTStateNull) {
        return MQTTIllegalState;
    }
    if (next == MQTTPublishDone) {
        record_remove(s, r);
    } else {
        r->publishState = next;
    }
    *pNewState = next;
    return MQTTSuccess;
}

void mqtt_state_session_start(const MQTTContext_t *ctx, bool sessionPresent)
{
    struct record_set in = incoming(ctx), out = outgoing(ctx);

    if (!sessionPresent) {
        memset(in.records, 0, in.count * sizeof(*in.records));
        memset(out.records, 0, out.count * sizeof(*out.records));
        return;
    }
    /* The broker resends QoS 1 publishes we had not acked: deliver them again then. */
    for (size_t i = 0; i < in.count && in.records[i].packetId != 0;) {
        if (in.records[i].qos == MQTTQoS1) {
            record_remove(in, &in.records[i]);
        } else {
            i++;
        }
    }
}

int mqtt_state_is_outgoing(const MQTTContext_t *ctx, uint16_t packetId)
{
    return record_find(outgoing(ctx), packetId) != NULL;
}

/* Iterates over outgoing records whose state satisfies `want`. */
static uint16_t next_outgoing(const MQTTContext_t *ctx, size_t *pCursor,
                              int (*want)(MQTTPublishState_t), MQTTPublishState_t *pState)
{
    struct record_set s;

    if (ctx == NULL || pCursor == NULL) {
        return MQTT_PACKET_ID_INVALID;
    }
    s = outgoing(ctx);
    for (size_t i = *pCursor; i < s.count && s.records[i].packetId != 0; i++) {
        if (want(s.records[i].publishState)) {
            *pCursor = i + 1;
            if (pState != NULL) {
                *pState = s.records[i].publishState;
            }
            return s.records[i].packetId;
        }
    }
    *pCursor = s.count;
    return MQTT_PACKET_ID_INVALID;
}

static int wants_pubrel(MQTTPublishState_t state)
{
    return state == MQTTPubRelSend || state == MQTTPubCompPending;
}

static int wants_publish(MQTTPublishState_t state)
{
    return state == MQTTPublishSend || state == MQTTPubAckPending || state == MQTTPubRecPending;
}

uint16_t MQTT_PubrelToResend(const MQTTContext_t *pMqttContext, size_t *pCursor,
                             MQTTPublishState_t *pState)
{
    if (pState == NULL) {
        return MQTT_PACKET_ID_INVALID;
    }
    return next_outgoing(pMqttContext, pCursor, wants_pubrel, pState);
}

uint16_t MQTT_PublishToResend(const MQTTContext_t *pContext, size_t *pCursor)
{
    return next_outgoing(pContext, pCursor, wants_publish, NULL);
}

const char *MQTT_State_strerror(MQTTPublishState_t state)
{
    static const char *const names[] = {
        "MQTTStateNull",     "MQTTPublishSend",   "MQTTPubAckSend",    "MQTTPubRecSend",
        "MQTTPubRelSend",    "MQTTPubCompSend",   "MQTTPubAckPending", "MQTTPubRecPending",
        "MQTTPubRelPending", "MQTTPubCompPending", "MQTTPublishDone"};

    if ((unsigned)state < sizeof(names) / sizeof(names[0])) {
        return names[state];
    }
    return "Invalid MQTT State";
}
