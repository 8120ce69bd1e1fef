/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_broker.c: the client against a real Mosquitto broker (started by
 * mqtt_broker_driver.py on a free 127.0.0.1 port): publish and receive at QoS 0, 1 and 2,
 * retained messages, the last will on an abrupt disconnect (and not on a clean one), a
 * persistent session receiving the QoS 1 messages queued while it was away, and an
 * unacknowledged QoS 2 publish resent after a reconnect and delivered exactly once.
 * Real-time configuration; assertions are on messages and counts, waits are bounded in ticks.
 */
#include "mqtt_test_client.h"
#include "qtest.h"
#include "core_mqtt_state.h"

#include "task.h"

#include <stdio.h>
#include <string.h>

#define WAIT pdMS_TO_TICKS(5000)

static struct test_client a, b;

/* What a receiving client saw: the last few publishes, in order. */
struct inbox {
    unsigned count;
    char payload[8][32];
    MQTTQoS_t qos[8];
    bool retain[8], dup[8];
    unsigned acks[16]; /* by packet type >> 4 */
    uint16_t last_ack_id[16];
};

static void inbox_publish(struct test_client *c, const MQTTPublishInfo_t *pub, uint16_t id)
{
    struct inbox *in = c->user;
    unsigned i = in->count++ % 8;
    size_t n = pub->payloadLength < 31 ? pub->payloadLength : 31;

    (void)id;
    memcpy(in->payload[i], pub->pPayload, n);
    in->payload[i][n] = '\0';
    in->qos[i] = pub->qos;
    in->retain[i] = pub->retain;
    in->dup[i] = pub->dup;
}

static void inbox_ack(struct test_client *c, uint8_t type, uint16_t id, MQTTStatus_t result,
                      const MQTTPacketInfo_t *pkt)
{
    struct inbox *in = c->user;

    (void)result;
    (void)pkt;
    in->acks[type >> 4]++;
    in->last_ack_id[type >> 4] = id;
}

static void attach(struct test_client *c, struct inbox *in)
{
    memset(in, 0, sizeof(*in));
    c->user = in;
    c->on_publish = inbox_publish;
    c->on_ack = inbox_ack;
}

struct count_wait {
    struct inbox *in;
    unsigned publishes;
    uint8_t ack_type;
    unsigned acks;
};

static int count_reached(void *arg)
{
    struct count_wait *w = arg;

    return w->in->count >= w->publishes && w->in->acks[w->ack_type >> 4] >= w->acks;
}

/* Runs the clients until `in` saw `publishes` publishes and `acks` acks of ack_type. */
static int wait_for(struct test_client *c1, struct test_client *c2, struct inbox *in,
                    unsigned publishes, uint8_t ack_type, unsigned acks)
{
    struct count_wait w = {in, publishes, ack_type, acks};

    return test_clients_run(c1, c2, count_reached, &w, WAIT, NULL);
}

static int records_free(void *arg)
{
    struct test_client *c = arg;

    return c->outgoing[0].packetId == 0 && c->incoming[0].packetId == 0;
}

static int never(void *arg)
{
    (void)arg;
    return 0;
}

static MQTTStatus_t publish(struct test_client *c, const char *topic, MQTTQoS_t qos, bool retain,
                            const char *payload, uint16_t *pId)
{
    MQTTPublishInfo_t pub = {.qos = qos, .retain = retain, .pTopicName = topic,
                             .topicNameLength = (uint16_t)strlen(topic), .pPayload = payload,
                             .payloadLength = strlen(payload)};
    uint16_t id = qos == MQTTQoS0 ? 0 : MQTT_GetPacketId(&c->mqtt);

    if (pId != NULL) {
        *pId = id;
    }
    return MQTT_Publish(&c->mqtt, &pub, id);
}

/* Starts a client id with no stored session. */
static void wipe_session(struct test_client *c, const char *id)
{
    test_client_init(c);
    QT_EQ(test_client_connect(c, id, true, NULL, 60, NULL), MQTTSuccess);
    test_client_close(c);
}

static void test_mqtt_broker_publish_receive_qos0_1_2(void)
{
    struct inbox in;
    const char *names[3] = {"zero", "one", "two"};

    test_client_init(&a);
    attach(&a, &in);
    QT_EQ(test_client_connect(&a, "qos", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&a, test_topic("qos/#"), MQTTQoS2), MQTTSubAckSuccessQos2);
    QT_EQ(publish(&a, test_topic("qos/0"), MQTTQoS0, false, "zero", NULL), MQTTSuccess);
    QT_EQ(publish(&a, test_topic("qos/1"), MQTTQoS1, false, "one", NULL), MQTTSuccess);
    QT_EQ(publish(&a, test_topic("qos/2"), MQTTQoS2, false, "two", NULL), MQTTSuccess);
    QT_ASSERT(wait_for(&a, NULL, &in, 3, MQTT_PACKET_TYPE_PUBCOMP, 1));
    QT_EQ(in.count, 3);
    QT_EQ(in.acks[MQTT_PACKET_TYPE_PUBACK >> 4], 1);
    QT_EQ(in.acks[MQTT_PACKET_TYPE_PUBREC >> 4], 1);
    /* Mosquitto forwards each as it completes: QoS 0 and 1 before QoS 2's exchange ends. */
    for (unsigned q = 0; q < 3; q++) {
        int found = 0;

        for (unsigned i = 0; i < 3; i++) {
            if (strcmp(in.payload[i], names[q]) == 0) {
                found = 1;
                QT_EQ(in.qos[i], q);
                QT_ASSERT(!in.retain[i] && !in.dup[i]);
            }
        }
        QT_ASSERT(found);
    }
    /* Every exchange (the broker's QoS 2 one too) finishes and frees its record. */
    QT_ASSERT(test_clients_run(&a, NULL, records_free, &a, WAIT, NULL));
    test_client_close(&a);
}

static void test_mqtt_broker_retained_message(void)
{
    struct inbox in_a, in_b;
    const char *topic = test_topic("retained");

    test_client_init(&a);
    attach(&a, &in_a);
    QT_EQ(test_client_connect(&a, "ret-pub", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(publish(&a, topic, MQTTQoS1, true, "kept", NULL), MQTTSuccess);
    QT_ASSERT(wait_for(&a, NULL, &in_a, 0, MQTT_PACKET_TYPE_PUBACK, 1));
    /* A later subscriber gets it, flagged retained. */
    test_client_init(&b);
    attach(&b, &in_b);
    QT_EQ(test_client_connect(&b, "ret-sub", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&b, topic, MQTTQoS1), MQTTSubAckSuccessQos1);
    QT_ASSERT(wait_for(&b, NULL, &in_b, 1, 0, 0));
    QT_ASSERT(strcmp(in_b.payload[0], "kept") == 0);
    QT_ASSERT(in_b.retain[0]);
    /* Live delivery to an existing subscription is not flagged [MQTT-3.3.1-9]. */
    QT_EQ(publish(&a, topic, MQTTQoS1, true, "new", NULL), MQTTSuccess);
    QT_ASSERT(wait_for(&a, &b, &in_b, 2, 0, 0));
    QT_ASSERT(strcmp(in_b.payload[1], "new") == 0);
    QT_ASSERT(!in_b.retain[1]);
    /* An empty retained message clears it: a new subscriber then gets nothing. */
    QT_EQ(publish(&a, topic, MQTTQoS1, true, "", NULL), MQTTSuccess);
    QT_ASSERT(wait_for(&a, &b, &in_a, 0, MQTT_PACKET_TYPE_PUBACK, 3));
    test_client_close(&b);
    test_client_init(&b);
    attach(&b, &in_b);
    QT_EQ(test_client_connect(&b, "ret-sub2", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&b, topic, MQTTQoS1), MQTTSubAckSuccessQos1);
    (void)test_clients_run(&b, NULL, never, NULL, pdMS_TO_TICKS(200), NULL);
    QT_EQ(in_b.count, 0);
    test_client_close(&a);
    test_client_close(&b);
}

static void test_mqtt_broker_last_will_on_abrupt_disconnect(void)
{
    struct inbox in;
    const char *topic = test_topic("will");
    MQTTPublishInfo_t will = {.qos = MQTTQoS1, .pTopicName = topic,
                              .topicNameLength = (uint16_t)strlen(topic)};

    test_client_init(&b);
    attach(&b, &in);
    QT_EQ(test_client_connect(&b, "will-watch", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&b, topic, MQTTQoS1), MQTTSubAckSuccessQos1);
    /* A clean DISCONNECT discards the will [MQTT-3.14.4-3]. */
    will.pPayload = "polite";
    will.payloadLength = 6;
    test_client_init(&a);
    QT_EQ(test_client_connect(&a, "will-1", true, &will, 60, NULL), MQTTSuccess);
    test_client_close(&a);
    (void)test_clients_run(&b, NULL, never, NULL, pdMS_TO_TICKS(300), NULL);
    QT_EQ(in.count, 0);
    /* Dropping the connection without DISCONNECT publishes it. */
    will.pPayload = "gone";
    will.payloadLength = 4;
    test_client_init(&a);
    QT_EQ(test_client_connect(&a, "will-2", true, &will, 60, NULL), MQTTSuccess);
    test_client_drop(&a);
    QT_ASSERT(wait_for(&b, NULL, &in, 1, 0, 0));
    QT_EQ(in.count, 1);
    QT_ASSERT(strcmp(in.payload[0], "gone") == 0);
    QT_EQ(in.qos[0], MQTTQoS1);
    test_client_close(&b);
}

static void test_mqtt_broker_persistent_session_gets_queued_qos1(void)
{
    struct inbox in_p, in_q;
    const char *topic = test_topic("session");
    bool sp = true;
    char msg[16];

    wipe_session(&a, "persist");
    test_client_init(&a);
    attach(&a, &in_p);
    QT_EQ(test_client_connect(&a, "persist", false, NULL, 60, &sp), MQTTSuccess);
    QT_ASSERT(!sp);
    QT_EQ(test_client_subscribe(&a, topic, MQTTQoS1), MQTTSubAckSuccessQos1);
    test_client_close(&a);
    /* While it is away, five QoS 1 messages are queued for it. */
    test_client_init(&b);
    attach(&b, &in_q);
    QT_EQ(test_client_connect(&b, "persist-pub", true, NULL, 60, NULL), MQTTSuccess);
    for (int i = 0; i < 5; i++) {
        snprintf(msg, sizeof(msg), "m%d", i);
        QT_EQ(publish(&b, topic, MQTTQoS1, false, msg, NULL), MQTTSuccess);
    }
    QT_ASSERT(wait_for(&b, NULL, &in_q, 0, MQTT_PACKET_TYPE_PUBACK, 5));
    test_client_close(&b);
    /* Back with the same id and cleanSession false: the session and its queue are there. */
    QT_EQ(test_client_connect(&a, "persist", false, NULL, 60, &sp), MQTTSuccess);
    QT_ASSERT(sp);
    QT_ASSERT(wait_for(&a, NULL, &in_p, 5, 0, 0));
    QT_EQ(in_p.count, 5);
    for (int i = 0; i < 5; i++) {
        snprintf(msg, sizeof(msg), "m%d", i);
        QT_ASSERT(strcmp(in_p.payload[i], msg) == 0);
        QT_EQ(in_p.qos[i], MQTTQoS1);
    }
    test_client_close(&a);
    wipe_session(&a, "persist");
}

/*
 * A QoS 2 publish whose PUBREC was never read: after reconnecting with the session, the
 * client resends it with DUP (MQTT_PublishToResend), the broker recognises the identifier, and
 * the subscriber receives it exactly once.
 */
static void test_mqtt_broker_unacked_qos2_resent_after_reconnect_once(void)
{
    struct inbox in_p, in_s;
    const char *topic = test_topic("resend");
    MQTTPublishInfo_t pub = {.qos = MQTTQoS2, .pTopicName = topic,
                             .topicNameLength = (uint16_t)strlen(topic), .pPayload = "once",
                             .payloadLength = 4};
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
    uint16_t id;
    bool sp = false;

    test_client_init(&b);
    attach(&b, &in_s);
    QT_EQ(test_client_connect(&b, "resend-sub", true, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&b, topic, MQTTQoS2), MQTTSubAckSuccessQos2);
    wipe_session(&a, "resender");
    test_client_init(&a);
    attach(&a, &in_p);
    QT_EQ(test_client_connect(&a, "resender", false, NULL, 60, NULL), MQTTSuccess);
    id = MQTT_GetPacketId(&a.mqtt);
    QT_EQ(MQTT_Publish(&a.mqtt, &pub, id), MQTTSuccess);
    test_client_drop(&a); /* before the PUBREC is read */
    QT_EQ(test_client_connect(&a, "resender", false, NULL, 60, &sp), MQTTSuccess);
    QT_ASSERT(sp);
    QT_EQ(MQTT_PublishToResend(&a.mqtt, &cursor), id);
    QT_EQ(MQTT_PublishToResend(&a.mqtt, &cursor), MQTT_PACKET_ID_INVALID);
    pub.dup = true;
    QT_EQ(MQTT_Publish(&a.mqtt, &pub, id), MQTTSuccess);
    QT_ASSERT(wait_for(&a, &b, &in_p, 0, MQTT_PACKET_TYPE_PUBCOMP, 1));
    QT_EQ(in_p.last_ack_id[MQTT_PACKET_TYPE_PUBCOMP >> 4], id);
    (void)test_clients_run(&a, &b, never, NULL, pdMS_TO_TICKS(300), NULL);
    QT_EQ(in_s.count, 1);
    QT_ASSERT(strcmp(in_s.payload[0], "once") == 0);
    QT_EQ(a.outgoing[0].packetId, 0);
    test_client_close(&a);
    test_client_close(&b);
    wipe_session(&a, "resender");
}

/*
 * Keep-alive: with nothing else to send, the loop pings by itself and the broker answers.
 * (2 s, not 1: the broker drops a client silent for 1.5 intervals, and a loaded host may not
 * run this process for a good part of a second.)
 */
static void test_mqtt_broker_keep_alive_pings(void)
{
    struct inbox in;

    test_client_init(&a);
    attach(&a, &in);
    QT_EQ(test_client_connect(&a, "keepalive", true, NULL, 2, NULL), MQTTSuccess);
    QT_ASSERT(wait_for(&a, NULL, &in, 0, MQTT_PACKET_TYPE_PINGRESP, 1));
    QT_EQ(in.acks[MQTT_PACKET_TYPE_PINGRESP >> 4], 1);
    QT_EQ(MQTT_CheckConnectStatus(&a.mqtt), MQTTStatusConnected);
    test_client_close(&a);
    QT_EQ(MQTT_CheckConnectStatus(&a.mqtt), MQTTStatusNotConnected);
}

TEST_SERVICE_MAIN(QTEST_CASE(test_mqtt_broker_publish_receive_qos0_1_2),
                  QTEST_CASE(test_mqtt_broker_retained_message),
                  QTEST_CASE(test_mqtt_broker_last_will_on_abrupt_disconnect),
                  QTEST_CASE(test_mqtt_broker_persistent_session_gets_queued_qos1),
                  QTEST_CASE(test_mqtt_broker_unacked_qos2_resent_after_reconnect_once),
                  QTEST_CASE(test_mqtt_broker_keep_alive_pings))
