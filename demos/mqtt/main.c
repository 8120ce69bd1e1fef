/* SPDX-License-Identifier: MIT */
/*
 * demo_mqtt: a Quartz task on the POSIX port that keeps an MQTT connection to a broker on
 * 127.0.0.1 alive through anything: it publishes telemetry (QoS 1, a small JSON object) at a
 * fixed period, listens on a command topic and on its own telemetry, and when the connection
 * fails (the broker stopped, restarted, unreachable) reconnects with exponential backoff and
 * jitter, resumes its persistent session, and resends what the broker had not acknowledged.
 *
 * Usage: demo_mqtt [--port N] [--period MS] [--messages N] [--restart-test]
 *   --port       broker port (default: $MQTT_BROKER_PORT, else 1883)
 *   --period     milliseconds between telemetry messages (default 1000)
 *   --messages   stop after N messages were published and all came back (default: run forever)
 *   --restart-test  halfway, print "@@broker:restart" (mqtt_broker_driver.py restarts the broker)
 * Publishing "stop" to quartz/demo/<pid>/cmd ends the demo too.
 */
#define LIBRARY_LOG_NAME "DEMO"
#define LIBRARY_LOG_LEVEL LOG_INFO
#include "logging_stack.h"

#include "FreeRTOS.h"
#include "task.h"

#include "backoff_algorithm.h"
#include "core_mqtt_state.h"
#include "transport_posix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_MESSAGES 100000u

static struct {
    uint16_t port;
    uint32_t period_ms, messages;
    int restart_test;
} opt = {1883, 1000, 0, 0};

static NetworkContext_t net = {-1};
static TransportInterface_t transport;
static MQTTContext_t mqtt;
static uint8_t buffer[2048];
static MQTTPubAckInfo_t out_records[16], in_records[16];
static char topic_telemetry[64], topic_cmd[64], client_id[48];
static uint32_t published, received, reconnects;
static uint8_t echoed[MAX_MESSAGES];
static uint32_t seq_of_packet[65536];
static volatile int stop_requested;
static int exit_code = 1;

static uint32_t now_ms(void)
{
    return (uint32_t)(xTaskGetTickCount() * portTICK_PERIOD_MS);
}

static void on_packet(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    const MQTTPublishInfo_t *pub = info->pPublishInfo;
    unsigned long seq;

    (void)ctx;
    if ((pkt->type & 0xF0u) != MQTT_PACKET_TYPE_PUBLISH) {
        return;
    }
    if (pub->topicNameLength == strlen(topic_cmd) &&
        memcmp(pub->pTopicName, topic_cmd, pub->topicNameLength) == 0) {
        LogInfo(("command: %.*s", (int)pub->payloadLength, (const char *)pub->pPayload));
        stop_requested = pub->payloadLength == 4 && memcmp(pub->pPayload, "stop", 4) == 0;
        return;
    }
    /* Our own telemetry, {"seq":N,...}: count each sequence number once. */
    if (pub->payloadLength > 7 && memcmp(pub->pPayload, "{\"seq\":", 7) == 0) {
        seq = strtoul((const char *)pub->pPayload + 7, NULL, 10);
        if (seq < MAX_MESSAGES && !echoed[seq]) {
            echoed[seq] = 1;
            received++;
        }
    }
}

static MQTTStatus_t publish_telemetry(uint32_t seq, uint16_t id, bool dup)
{
    char json[96];
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .dup = dup, .pTopicName = topic_telemetry,
                             .topicNameLength = (uint16_t)strlen(topic_telemetry), .pPayload = json};

    pub.payloadLength = (size_t)snprintf(json, sizeof(json), "{\"seq\":%u,\"uptime_ms\":%u}",
                                         (unsigned)seq, (unsigned)now_ms());
    seq_of_packet[id] = seq;
    return MQTT_Publish(&mqtt, &pub, id);
}

static MQTTStatus_t session_setup(bool session_present)
{
    MQTTSubscribeInfo_t subs[2] = {{MQTTQoS1, topic_cmd, 0}, {MQTTQoS1, topic_telemetry, 0}};
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
    MQTTStatus_t status = MQTTSuccess;
    uint16_t id;

    if (!session_present) {
        subs[0].topicFilterLength = (uint16_t)strlen(topic_cmd);
        subs[1].topicFilterLength = (uint16_t)strlen(topic_telemetry);
        return MQTT_Subscribe(&mqtt, subs, 2, MQTT_GetPacketId(&mqtt));
    }
    while (status == MQTTSuccess && (id = MQTT_PublishToResend(&mqtt, &cursor)) != 0) {
        status = publish_telemetry(seq_of_packet[id], id, true);
    }
    return status;
}

/* Connects (TCP, then MQTT with a persistent session), retrying with backoff forever. */
static void connect_with_backoff(void)
{
    MQTTConnectInfo_t ci = {.cleanSession = false, .keepAliveIntervalSec = 10,
                            .pClientIdentifier = client_id,
                            .clientIdentifierLength = (uint16_t)strlen(client_id)};
    BackoffAlgorithmContext_t backoff;
    uint16_t delay;
    bool sp = false;

    BackoffAlgorithm_InitializeParams(&backoff, 50, 5000, BACKOFF_ALGORITHM_RETRY_FOREVER);
    for (;;) {
        transport_posix_disconnect(&net);
        if (transport_posix_connect(&net, "127.0.0.1", opt.port, pdMS_TO_TICKS(2000)) ==
                TRANSPORT_POSIX_SUCCESS &&
            MQTT_Connect(&mqtt, &ci, NULL, 2000, &sp) == MQTTSuccess &&
            session_setup(sp) == MQTTSuccess) {
            LogInfo(("connected to 127.0.0.1:%u, session %s", opt.port, sp ? "resumed" : "new"));
            return;
        }
        (void)BackoffAlgorithm_GetNextBackoff(&backoff, (uint32_t)rand(), &delay);
        LogWarn(("broker unreachable, retrying in %u ms", delay));
        vTaskDelay(pdMS_TO_TICKS(delay) + 1);
    }
}

static int finished(void)
{
    return stop_requested || (opt.messages != 0 && published >= opt.messages &&
                              received >= opt.messages);
}

static void demo_task(void *arg)
{
    uint32_t next_publish = now_ms();

    (void)arg;
    connect_with_backoff();
    while (!finished()) {
        MQTTStatus_t status = MQTTSuccess;

        if ((opt.messages == 0 || published < opt.messages) &&
            (int32_t)(now_ms() - next_publish) >= 0) {
            status = publish_telemetry(published, MQTT_GetPacketId(&mqtt), false);
            if (status == MQTTSuccess || status == MQTTSendFailed) {
                published++; /* after SendFailed its record is resent on reconnect */
                next_publish += opt.period_ms;
            }
            if (opt.restart_test && published == opt.messages / 2 && status == MQTTSuccess) {
                logging_printf("@@broker:restart");
            }
        }
        if (status == MQTTSuccess || status == MQTTNoMemory) {
            status = MQTT_ProcessLoop(&mqtt);
        }
        if (status != MQTTSuccess && status != MQTTNeedMoreBytes && status != MQTTNoMemory) {
            LogWarn(("connection lost (%s): reconnecting", MQTT_Status_strerror(status)));
            reconnects++;
            connect_with_backoff();
        }
        vTaskDelay(1);
    }
    logging_printf("demo_mqtt: %u published, %u received, %u reconnects", (unsigned)published,
                   (unsigned)received, (unsigned)reconnects);
    exit_code = 0;
    (void)MQTT_Disconnect(&mqtt);
    transport_posix_disconnect(&net);
    vTaskEndScheduler();
}

static void parse_args(int argc, char **argv)
{
    const char *env = getenv("MQTT_BROKER_PORT");

    if (env != NULL) {
        opt.port = (uint16_t)atoi(env);
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
            opt.port = (uint16_t)atoi(argv[++i]);
        } else if (strcmp(argv[i], "--period") == 0 && i + 1 < argc) {
            opt.period_ms = (uint32_t)atoi(argv[++i]);
        } else if (strcmp(argv[i], "--messages") == 0 && i + 1 < argc) {
            opt.messages = (uint32_t)atoi(argv[++i]);
        } else if (strcmp(argv[i], "--restart-test") == 0) {
            opt.restart_test = 1;
        }
    }
    if (opt.messages > MAX_MESSAGES) {
        opt.messages = MAX_MESSAGES;
    }
}

int main(int argc, char **argv)
{
    MQTTFixedBuffer_t fixed = {buffer, sizeof(buffer)};

    parse_args(argc, argv);
    srand((unsigned)getpid());
    snprintf(client_id, sizeof(client_id), "quartz-demo-%ld", (long)getpid());
    snprintf(topic_telemetry, sizeof(topic_telemetry), "quartz/demo/%ld/telemetry",
             (long)getpid());
    snprintf(topic_cmd, sizeof(topic_cmd), "quartz/demo/%ld/cmd", (long)getpid());
    transport_posix_interface(&transport, &net);
    if (MQTT_Init(&mqtt, &transport, now_ms, on_packet, &fixed) != MQTTSuccess ||
        MQTT_InitStatefulQoS(&mqtt, out_records, 16, in_records, 16) != MQTTSuccess ||
        xTaskCreate(demo_task, "mqtt", configMINIMAL_STACK_SIZE * 2, NULL, 2, NULL) != pdPASS) {
        return 1;
    }
    vTaskStartScheduler();
    return exit_code;
}
