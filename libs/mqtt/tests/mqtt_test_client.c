/* SPDX-License-Identifier: MIT */
/*
 * mqtt_test_client.c: the broker tests' client helper (see mqtt_test_client.h). Single task:
 * a test drives its clients from its own task, so no locking is needed.
 */
#include "mqtt_test_client.h"

#include "logging.h"
#include "task.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

const struct test_service test_broker = {"MQTT_BROKER_PORT", 1883};

uint32_t test_time_ms(void)
{
    return (uint32_t)(xTaskGetTickCount() * portTICK_PERIOD_MS);
}

static struct test_client *client_of(MQTTContext_t *ctx)
{
    return (struct test_client *)((char *)ctx - offsetof(struct test_client, mqtt));
}

static void event_callback(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    struct test_client *c = client_of(ctx);

    c->events++;
    if ((pkt->type & 0xF0u) == MQTT_PACKET_TYPE_PUBLISH) {
        if (c->on_publish != NULL) {
            c->on_publish(c, info->pPublishInfo, info->packetIdentifier);
        }
    } else if (c->on_ack != NULL) {
        c->on_ack(c, pkt->type, info->packetIdentifier, info->deserializationResult, pkt);
    }
}

void test_client_init(struct test_client *c)
{
    MQTTFixedBuffer_t buffer;

    memset(c, 0, sizeof(*c));
    c->net.socket = -1;
    test_service_interface(&c->transport, &c->net);
    buffer.pBuffer = c->buffer;
    buffer.size = sizeof(c->buffer);
    (void)MQTT_Init(&c->mqtt, &c->transport, test_time_ms, event_callback, &buffer);
    (void)MQTT_InitStatefulQoS(&c->mqtt, c->outgoing, TEST_CLIENT_RECORDS, c->incoming,
                               TEST_CLIENT_RECORDS);
}

MQTTStatus_t test_client_connect(struct test_client *c, const char *id, bool clean,
                                 const MQTTPublishInfo_t *will, uint16_t keepAliveSec,
                                 bool *sessionPresent)
{
    char client_id[64];
    MQTTConnectInfo_t ci = {0};
    MQTTStatus_t status;
    bool sp = false;

    snprintf(client_id, sizeof(client_id), "quartz-%ld-%s", test_run_id(), id);
    test_service_disconnect(&c->net);
    if (!test_service_connect(&c->net, &test_broker)) {
        return MQTTSendFailed;
    }
    ci.cleanSession = clean;
    ci.keepAliveIntervalSec = keepAliveSec;
    ci.pClientIdentifier = client_id;
    ci.clientIdentifierLength = (uint16_t)strlen(client_id);
    status = MQTT_Connect(&c->mqtt, &ci, will, 5000, &sp);
    if (sessionPresent != NULL) {
        *sessionPresent = sp;
    }
    if (status != MQTTSuccess) {
        test_service_disconnect(&c->net);
    }
    return status;
}

void test_client_drop(struct test_client *c)
{
    test_service_disconnect(&c->net);
    (void)MQTT_Disconnect(&c->mqtt); /* marks the context; the send fails harmlessly */
}

void test_client_close(struct test_client *c)
{
    (void)MQTT_Disconnect(&c->mqtt);
    test_service_disconnect(&c->net);
}

struct suback_wait {
    uint16_t id;
    int code; /* -1 until the SUBACK arrives */
};

static void suback_hook(struct test_client *c, uint8_t type, uint16_t id, MQTTStatus_t result,
                        const MQTTPacketInfo_t *pkt)
{
    struct suback_wait *w = c->suback_wait;
    uint8_t *codes;
    size_t n;

    (void)result;
    if (type == MQTT_PACKET_TYPE_SUBACK && id == w->id &&
        MQTT_GetSubAckStatusCodes(pkt, &codes, &n) == MQTTSuccess && n == 1) {
        w->code = codes[0];
    }
}

static int suback_done(void *arg)
{
    return ((struct suback_wait *)arg)->code >= 0;
}

int test_client_subscribe(struct test_client *c, const char *filter, MQTTQoS_t qos)
{
    MQTTSubscribeInfo_t sub = {qos, filter, (uint16_t)strlen(filter)};
    struct suback_wait w = {MQTT_GetPacketId(&c->mqtt), -1};
    test_ack_fn saved_hook = c->on_ack;

    /* Publishes arriving meanwhile (retained ones) still reach the test's own hook. */
    c->on_ack = suback_hook;
    c->suback_wait = &w;
    if (MQTT_Subscribe(&c->mqtt, &sub, 1, w.id) == MQTTSuccess) {
        (void)test_clients_run(c, NULL, suback_done, &w, pdMS_TO_TICKS(5000), NULL);
    }
    c->on_ack = saved_hook;
    c->suback_wait = NULL;
    return w.code;
}

static MQTTStatus_t step(struct test_client *c)
{
    MQTTStatus_t status;

    if (c == NULL || c->mqtt.connectStatus != MQTTConnected) {
        return MQTTSuccess;
    }
    status = MQTT_ProcessLoop(&c->mqtt);
    return status == MQTTNeedMoreBytes ? MQTTSuccess : status;
}

int test_clients_run(struct test_client *a, struct test_client *b, int (*done)(void *arg),
                     void *arg, TickType_t timeout_ticks, MQTTStatus_t *err)
{
    TickType_t idle_since = xTaskGetTickCount();

    while (!done(arg)) {
        unsigned before = (a ? a->events : 0) + (b ? b->events : 0);
        MQTTStatus_t sa = step(a), sb = step(b);

        if (sa != MQTTSuccess || sb != MQTTSuccess) {
            if (err != NULL) {
                *err = sa != MQTTSuccess ? sa : sb;
            }
            return 0;
        }
        if ((a ? a->events : 0) + (b ? b->events : 0) != before) {
            idle_since = xTaskGetTickCount();
        } else if ((TickType_t)(xTaskGetTickCount() - idle_since) >= timeout_ticks) {
            return 0;
        } else {
            vTaskDelay(1);
        }
    }
    return 1;
}

const char *test_topic(const char *suffix)
{
    static char ring[8][96];
    static unsigned next;
    char *t = ring[next++ % 8];

    snprintf(t, sizeof(ring[0]), "quartz/%ld/%s", test_run_id(), suffix);
    return t;
}
