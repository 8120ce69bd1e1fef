/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_broker_stream.c: long streams through a real Mosquitto broker: STREAM_MAX messages
 * (10,000 on the host, a few hundred on a board) at QoS 1 and at QoS 2 from one client to
 * another with none lost and none duplicated (at QoS 1 a repeat is tolerated only if it
 * carries the DUP flag; at QoS 2 none at all), and a QoS 1 stream
 * across a broker restart (the driver stops and restarts Mosquitto when the test prints
 * "@@broker:restart"): both clients see the connection fail, reconnect with backoffAlgorithm
 * delays, resume their sessions, the publisher resends what was unacknowledged, and every
 * message arrives (repeats allowed, as QoS 1 permits).
 */
#include "backoff_algorithm.h"
#include "core_mqtt_state.h"
#include "logging.h"
#include "mqtt_test_client.h"
#include "qtest.h"

#include "task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Messages per stream; a board build sets fewer (its network is emulated). */
#ifndef STREAM_MAX
#define STREAM_MAX 10000u
#endif
#define IDLE_LIMIT pdMS_TO_TICKS(10000)
/*
 * Publishes in flight at once. Mosquitto acknowledges but silently drops QoS 2 publishes
 * beyond its max_inflight_messages (20) still awaiting PUBREL, so stay below it.
 */
#define WINDOW 16u
/*
 * Publishes not yet finished with by the subscriber: delivered (QoS 1) or released (QoS 2, its
 * PUBREL read). Mosquitto sends a lagging subscriber queued PUBLISHes ahead of the PUBRELs of
 * earlier ones, each holding an incoming record until its PUBREL, so without this bound a
 * subscriber that reads slowly (a board's emulated network delivers the stream in small
 * pieces) would need records without limit. Below TEST_CLIENT_RECORDS, with a margin.
 */
#define END_TO_END_WINDOW (TEST_CLIENT_RECORDS - 4u)

static struct test_client pub_client, sub_client;

struct stream {
    unsigned total;
    MQTTQoS_t qos;
    const char *topic;
    unsigned next;  /* next sequence number to publish */
    unsigned acked; /* PUBACK (QoS 1) or PUBCOMP (QoS 2) received */
    unsigned received, repeats, repeats_without_dup, bad;
    unsigned released; /* PUBRELs the subscriber read (QoS 2) */
    uint8_t seen[STREAM_MAX];
    uint32_t seq_of_id[65536]; /* packet identifier -> sequence number, for resending */
};

static struct stream st;

static void stream_reset(unsigned total, MQTTQoS_t qos, const char *topic)
{
    memset(&st, 0, sizeof(st));
    st.total = total;
    st.qos = qos;
    st.topic = topic;
}

static void on_stream_publish(struct test_client *c, const MQTTPublishInfo_t *pub, uint16_t id)
{
    char text[16];
    unsigned long seq;
    size_t n = pub->payloadLength < sizeof(text) - 1 ? pub->payloadLength : sizeof(text) - 1;
    char *end;

    (void)c;
    (void)id;
    memcpy(text, pub->pPayload, n);
    text[n] = '\0';
    seq = strtoul(text, &end, 10);
    if (n == 0 || *end != '\0' || seq >= st.total || pub->qos != st.qos) {
        st.bad++;
    } else if (st.seen[seq]) {
        st.repeats++;
        st.repeats_without_dup += pub->dup ? 0u : 1u;
    } else {
        st.seen[seq] = 1;
        st.received++;
    }
}

static void on_stream_ack(struct test_client *c, uint8_t type, uint16_t id, MQTTStatus_t result,
                          const MQTTPacketInfo_t *pkt)
{
    (void)c;
    (void)id;
    (void)result;
    (void)pkt;
    if (type == MQTT_PACKET_TYPE_PUBACK || type == MQTT_PACKET_TYPE_PUBCOMP) {
        st.acked++;
    } else if (type == MQTT_PACKET_TYPE_PUBREL) {
        st.released++;
    }
}

/* Messages the subscriber has finished with (see END_TO_END_WINDOW). */
static unsigned delivered(void)
{
    return st.qos == MQTTQoS2 ? st.released : st.received;
}

static MQTTStatus_t publish_seq(struct test_client *c, uint32_t seq, uint16_t id, bool dup)
{
    char text[16];
    MQTTPublishInfo_t pub = {.qos = st.qos, .dup = dup, .pTopicName = st.topic,
                             .topicNameLength = (uint16_t)strlen(st.topic), .pPayload = text};

    pub.payloadLength = (size_t)snprintf(text, sizeof(text), "%u", (unsigned)seq);
    st.seq_of_id[id] = seq;
    return MQTT_Publish(&c->mqtt, &pub, id);
}

/* Publishes until WINDOW are unacknowledged; returns the first real error. */
static MQTTStatus_t publish_some(struct test_client *c, unsigned stop_at)
{
    /* Resends after a reconnect can be acked (or delivered) twice, so both may pass next. */
    while (st.next < stop_at && (st.acked >= st.next || st.next - st.acked < WINDOW) &&
           (delivered() >= st.next || st.next - delivered() < END_TO_END_WINDOW)) {
        uint16_t id = MQTT_GetPacketId(&c->mqtt);
        MQTTStatus_t status = publish_seq(c, st.next, id, false);

        if (status == MQTTNoMemory) {
            return MQTTSuccess; /* records full: wait for acks */
        }
        if (status == MQTTSendFailed) {
            st.next++; /* its record stays: it is resent after the reconnect */
        }
        if (status != MQTTSuccess) {
            return status;
        }
        st.next++;
    }
    return MQTTSuccess;
}

static MQTTStatus_t loop_once(struct test_client *c)
{
    MQTTStatus_t status = MQTT_ProcessLoop(&c->mqtt);

    return status == MQTTNeedMoreBytes ? MQTTSuccess : status;
}

static void setup_clients(const char *pub_id, const char *sub_id, bool clean)
{
    test_client_init(&pub_client);
    test_client_init(&sub_client);
    sub_client.on_publish = on_stream_publish;
    sub_client.on_ack = on_stream_ack;
    pub_client.on_ack = on_stream_ack;
    QT_EQ(test_client_connect(&sub_client, sub_id, clean, NULL, 60, NULL), MQTTSuccess);
    QT_EQ(test_client_subscribe(&sub_client, st.topic, st.qos), (int)st.qos);
    QT_EQ(test_client_connect(&pub_client, pub_id, clean, NULL, 60, NULL), MQTTSuccess);
}

static void run_stream(MQTTQoS_t qos, const char *suffix)
{
    TickType_t idle_since = xTaskGetTickCount();
    MQTTStatus_t status = MQTTSuccess;

    stream_reset(STREAM_MAX, qos, test_topic(suffix));
    setup_clients("stream-pub", "stream-sub", true);
    while ((st.received < st.total || st.acked < st.total) && status == MQTTSuccess) {
        unsigned before = pub_client.events + sub_client.events + st.next;

        status = publish_some(&pub_client, st.total);
        if (status == MQTTSuccess) {
            status = loop_once(&pub_client);
        }
        if (status == MQTTSuccess) {
            status = loop_once(&sub_client);
        }
        if (pub_client.events + sub_client.events + st.next != before) {
            idle_since = xTaskGetTickCount();
        } else if ((TickType_t)(xTaskGetTickCount() - idle_since) >= IDLE_LIMIT) {
            break;
        } else {
            vTaskDelay(1);
        }
    }
    QT_EQ(status, MQTTSuccess);
    QT_EQ(st.next, st.total);
    QT_EQ(st.acked, st.total);
    QT_EQ(st.received, st.total);
    QT_EQ(st.bad, 0);
    QT_EQ(st.repeats_without_dup, 0);
    if (qos == MQTTQoS2) {
        QT_EQ(st.repeats, 0);
    }
    test_client_close(&pub_client);
    test_client_close(&sub_client);
}

static void test_mqtt_stream_qos1_none_lost_or_duplicated(void)
{
    run_stream(MQTTQoS1, "stream/qos1");
}

static void test_mqtt_stream_qos2_exactly_once(void)
{
    run_stream(MQTTQoS2, "stream/qos2");
}

/* ---- Broker restart mid-stream ---------------------------------------------------------- */

#define RESTART_TOTAL (STREAM_MAX < 2000u ? STREAM_MAX : 2000u)

struct reconnect_stats {
    unsigned reconnects, sessions_lost, attempts;
};

static uint32_t next_random(void)
{
    static uint32_t state = 12345u;

    state = state * 1664525u + 1013904223u + (uint32_t)xTaskGetTickCount();
    return state;
}

/* Reconnects with backoff until the broker answers; then resends what is unacknowledged. */
static MQTTStatus_t reconnect(struct test_client *c, const char *id, struct reconnect_stats *rs)
{
    BackoffAlgorithmContext_t backoff;
    MQTTStatus_t status;
    uint16_t delay;
    bool sp = false;

    test_client_drop(c);
    BackoffAlgorithm_InitializeParams(&backoff, 20, 500, 40);
    for (;;) {
        rs->attempts++;
        status = test_client_connect(c, id, false, NULL, 60, &sp);
        if (status == MQTTSuccess) {
            break;
        }
        if (BackoffAlgorithm_GetNextBackoff(&backoff, next_random(), &delay) !=
            BackoffAlgorithmSuccess) {
            return status;
        }
        vTaskDelay(pdMS_TO_TICKS(delay) + 1);
    }
    rs->reconnects++;
    rs->sessions_lost += sp ? 0u : 1u;
    if (c == &pub_client) {
        size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
        uint16_t pid;

        while (status == MQTTSuccess && (pid = MQTT_PublishToResend(&c->mqtt, &cursor)) != 0) {
            status = publish_seq(c, st.seq_of_id[pid], pid, true);
        }
    }
    return status;
}

static void test_mqtt_stream_broker_restart_reconnects_with_backoff(void)
{
    struct reconnect_stats pub_rs = {0}, sub_rs = {0};
    TickType_t idle_since;
    bool restarted = false;

    stream_reset(RESTART_TOTAL, MQTTQoS1, test_topic("stream/restart"));
    setup_clients("restart-pub", "restart-sub", true); /* wipe old sessions */
    test_client_close(&pub_client);
    test_client_close(&sub_client);
    setup_clients("restart-pub", "restart-sub", false);
    idle_since = xTaskGetTickCount();
    while (st.received < st.total || st.acked < st.total) {
        unsigned before = pub_client.events + sub_client.events + st.next;
        unsigned limit = restarted ? st.total : st.total / 2;

        if (publish_some(&pub_client, limit) != MQTTSuccess || loop_once(&pub_client) != MQTTSuccess) {
            QT_EQ(reconnect(&pub_client, "restart-pub", &pub_rs), MQTTSuccess);
        }
        if (loop_once(&sub_client) != MQTTSuccess) {
            QT_EQ(reconnect(&sub_client, "restart-sub", &sub_rs), MQTTSuccess);
        }
        if (!restarted && st.next == st.total / 2) {
            logging_printf("@@broker:restart after %u messages", st.next);
            restarted = true;
        }
        if (pub_client.events + sub_client.events + st.next != before) {
            idle_since = xTaskGetTickCount();
        } else if ((TickType_t)(xTaskGetTickCount() - idle_since) >= IDLE_LIMIT) {
            break;
        } else {
            vTaskDelay(1);
        }
    }
    QT_EQ(st.received, st.total);
    QT_ASSERT(st.acked >= st.total);
    QT_EQ(st.bad, 0);
    QT_ASSERT(pub_rs.reconnects >= 1);
    QT_ASSERT(sub_rs.reconnects >= 1);
    QT_EQ(pub_rs.sessions_lost + sub_rs.sessions_lost, 0);
    logging_printf("restart: %u repeats, reconnect attempts %u/%u", st.repeats, pub_rs.attempts,
                   sub_rs.attempts);
    test_client_close(&pub_client);
    test_client_close(&sub_client);
    setup_clients("restart-pub", "restart-sub", true); /* leave no session behind */
    test_client_close(&pub_client);
    test_client_close(&sub_client);
}

TEST_SERVICE_MAIN(QTEST_CASE(test_mqtt_stream_qos1_none_lost_or_duplicated),
                  QTEST_CASE(test_mqtt_stream_qos2_exactly_once),
                  QTEST_CASE(test_mqtt_stream_broker_restart_reconnects_with_backoff))
