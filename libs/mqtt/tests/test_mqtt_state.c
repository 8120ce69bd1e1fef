/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_state.c: the QoS 1/2 state engine: both directions' full exchanges, records kept in
 * send order, collisions and full arrays, repeats after a reconnect, and resend iteration.
 * Pure functions on a context: no scheduler.
 */
#include "core_mqtt_state.h"
#include "qtest.h"

#include <string.h>

static MQTTContext_t ctx;
static MQTTPubAckInfo_t out_records[4], in_records[4];

static void setup(void)
{
    memset(&ctx, 0, sizeof(ctx));
    QT_EQ(MQTT_InitStatefulQoS(&ctx, out_records, 4, in_records, 4), MQTTSuccess);
}

static void test_MQTT_State_outgoing_qos2_full_exchange(void)
{
    MQTTPublishState_t s;

    setup();
    QT_EQ(MQTT_ReserveState(&ctx, 7, MQTTQoS2), MQTTSuccess);
    QT_EQ(out_records[0].publishState, MQTTPublishSend);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 7, MQTT_SEND, MQTTQoS2, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubRecPending);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubrec, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubRelSend);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubrel, MQTT_SEND, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubCompPending);
    /* A repeated PUBREC (after a reconnect) asks for PUBREL again. */
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubrec, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubRelSend);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubrel, MQTT_SEND, &s), MQTTSuccess);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubcomp, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(s, MQTTPublishDone);
    QT_EQ(out_records[0].packetId, 0);
}

static void test_MQTT_State_incoming_qos2_repeat_is_collision(void)
{
    MQTTPublishState_t s;

    setup();
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 9, MQTT_RECEIVE, MQTTQoS2, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubRecSend);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 9, MQTTPubrec, MQTT_SEND, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubRelPending);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 9, MQTT_RECEIVE, MQTTQoS2, &s), MQTTStateCollision);
    QT_EQ(s, MQTTPubRelPending);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 9, MQTTPubrel, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubCompSend);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 9, MQTTPubcomp, MQTT_SEND, &s), MQTTSuccess);
    QT_EQ(s, MQTTPublishDone);
    QT_EQ(in_records[0].packetId, 0);
}

static void test_MQTT_State_qos1_both_directions(void)
{
    MQTTPublishState_t s;

    setup();
    QT_EQ(MQTT_ReserveState(&ctx, 1, MQTTQoS1), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 1, MQTT_SEND, MQTTQoS1, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubAckPending);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 1, MQTTPuback, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(s, MQTTPublishDone);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 1, MQTT_RECEIVE, MQTTQoS1, &s), MQTTSuccess);
    QT_EQ(s, MQTTPubAckSend);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 1, MQTTPuback, MQTT_SEND, &s), MQTTSuccess);
    QT_EQ(s, MQTTPublishDone);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 5, MQTT_SEND, MQTTQoS0, &s), MQTTSuccess);
    QT_EQ(s, MQTTPublishDone);
}

/* Removing a record keeps the others dense and in order; the array fills at 4. */
static void test_MQTT_State_records_ordered_collision_and_full(void)
{
    MQTTPublishState_t s;
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;

    setup();
    for (uint16_t id = 10; id < 14; id++) {
        QT_EQ(MQTT_ReserveState(&ctx, id, MQTTQoS1), MQTTSuccess);
        QT_EQ(MQTT_UpdateStatePublish(&ctx, id, MQTT_SEND, MQTTQoS1, &s), MQTTSuccess);
    }
    QT_EQ(MQTT_ReserveState(&ctx, 20, MQTTQoS1), MQTTNoMemory);
    QT_EQ(MQTT_ReserveState(&ctx, 12, MQTTQoS2), MQTTStateCollision);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 11, MQTTPuback, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(MQTT_ReserveState(&ctx, 20, MQTTQoS1), MQTTSuccess);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 10);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 12);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 13);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 20);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), MQTT_PACKET_ID_INVALID);
    QT_EQ(MQTT_RemoveStateRecord(&ctx, 12), MQTTSuccess);
    QT_EQ(out_records[1].packetId, 13);
    QT_EQ(out_records[3].packetId, 0);
}

static void test_MQTT_PubrelToResend_lists_unfinished_qos2(void)
{
    MQTTPublishState_t s;
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;

    setup();
    QT_EQ(MQTT_ReserveState(&ctx, 1, MQTTQoS2), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 1, MQTT_SEND, MQTTQoS2, &s), MQTTSuccess);
    QT_EQ(MQTT_ReserveState(&ctx, 2, MQTTQoS2), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 2, MQTT_SEND, MQTTQoS2, &s), MQTTSuccess);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 2, MQTTPubrec, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(MQTT_PubrelToResend(&ctx, &cursor, &s), 2);
    QT_EQ(s, MQTTPubRelSend);
    QT_EQ(MQTT_PubrelToResend(&ctx, &cursor, &s), MQTT_PACKET_ID_INVALID);
    cursor = MQTT_STATE_CURSOR_INITIALIZER;
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 1);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), MQTT_PACKET_ID_INVALID);
}

static void test_MQTT_CalculateState_tables(void)
{
    QT_EQ(MQTT_CalculateStatePublish(MQTT_SEND, MQTTQoS1), MQTTPubAckPending);
    QT_EQ(MQTT_CalculateStatePublish(MQTT_RECEIVE, MQTTQoS2), MQTTPubRecSend);
    QT_EQ(MQTT_CalculateStateAck(MQTTPubrec, MQTT_SEND, MQTTQoS2), MQTTPubRelPending);
    QT_EQ(MQTT_CalculateStateAck(MQTTPubrel, MQTT_RECEIVE, MQTTQoS2), MQTTPubCompSend);
    QT_EQ(MQTT_CalculateStateAck(MQTTPuback, MQTT_RECEIVE, MQTTQoS2), MQTTStateNull);
    QT_ASSERT(strcmp(MQTT_State_strerror(MQTTPubCompPending), "MQTTPubCompPending") == 0);
    QT_ASSERT(strcmp(MQTT_Status_strerror(MQTTKeepAliveTimeout), "MQTTKeepAliveTimeout") == 0);
}

/* Bad input last: acks that do not fit, unknown identifiers, bad arguments. */
static void test_MQTT_State_illegal_transitions_and_bad_parameters(void)
{
    MQTTPublishState_t s;

    setup();
    QT_EQ(MQTT_ReserveState(&ctx, 3, MQTTQoS1), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 3, MQTT_SEND, MQTTQoS1, &s), MQTTSuccess);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 3, MQTTPubrec, MQTT_RECEIVE, &s), MQTTIllegalState);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 3, MQTTPubcomp, MQTT_RECEIVE, &s), MQTTIllegalState);
    QT_EQ(out_records[0].publishState, MQTTPubAckPending); /* unchanged */
    QT_EQ(MQTT_UpdateStateAck(&ctx, 4, MQTTPuback, MQTT_RECEIVE, &s), MQTTBadParameter);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 4, MQTT_SEND, MQTTQoS1, &s), MQTTBadParameter);
    QT_EQ(MQTT_ReserveState(&ctx, 0, MQTTQoS1), MQTTBadParameter);
    QT_EQ(MQTT_ReserveState(&ctx, 5, MQTTQoS0), MQTTBadParameter);
    QT_EQ(MQTT_ReserveState(NULL, 5, MQTTQoS1), MQTTBadParameter);
    QT_EQ(MQTT_RemoveStateRecord(&ctx, 99), MQTTBadParameter);
    QT_EQ(MQTT_InitStatefulQoS(&ctx, NULL, 4, in_records, 4), MQTTBadParameter);
    memset(&ctx, 0, sizeof(ctx)); /* no records at all */
    QT_EQ(MQTT_ReserveState(&ctx, 5, MQTTQoS1), MQTTNoMemory);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 5, MQTT_RECEIVE, MQTTQoS2, &s), MQTTNoMemory);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_MQTT_State_outgoing_qos2_full_exchange),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_State_incoming_qos2_repeat_is_collision),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_State_qos1_both_directions),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_State_records_ordered_collision_and_full),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_PubrelToResend_lists_unfinished_qos2),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_CalculateState_tables),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_State_illegal_transitions_and_bad_parameters))
