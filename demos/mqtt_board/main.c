/* SPDX-License-Identifier: MIT */
/*
 * demo_mqtt_board: an MQTT device on qemu-mps2-an385. It brings the network up (LAN9118,
 * DHCP from QEMU's user networking), connects to a Mosquitto broker on the host (the guest's
 * 10.0.2.100:1883, forwarded to 127.0.0.1), and then, in one task:
 *   - publishes telemetry every period (1000 ticks at first) to quartz/board/telemetry (QoS 1):
 *     {"seq":N,"tick":T,"period_ms":P}; tick is the kernel tick it was sent at;
 *   - takes commands from quartz/board/cmd, JSON parsed with coreJSON:
 *     {"cmd":"period","ms":250}   telemetry every 250 ticks from now on (10..60000)
 *     {"cmd":"fetch","path":"/data/1mib.bin"}   download that file from the host's HTTP
 *         server (10.0.2.100:80) in Range parts and report quartz/board/event
 *         {"event":"fetched","path":...,"bytes":N,"crc32":C}
 *     {"cmd":"stop"}   report {"event":"stopped","published":N}, disconnect and end the run;
 *   - reconnects with exponential backoff and jitter if the broker goes away.
 * Everything MQTT runs in the demo task (coreMQTT contexts are single-task); the command
 * callback only records what to do. Waits are in ticks.
 */
#include "FreeRTOS.h"
#include "task.h"

#include "backoff_algorithm.h"
#include "board_net.h"
#include "core_json.h"
#include "core_mqtt.h"
#include "demo_fetch.h"
#include "transport_lwip.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BROKER_PORT 1883
#define HTTP_PORT 80
#define CLIENT_ID "quartz-board-demo"
#define TOPIC_TELEMETRY "quartz/board/telemetry"
#define TOPIC_COMMAND "quartz/board/cmd"
#define TOPIC_EVENT "quartz/board/event"
#define RX_PRIORITY (configMAX_PRIORITIES - 1)
#define DEMO_PRIORITY 2
#define DEMO_STACK 2048u
#define RECORDS 16u
#define LIT(s) (s), (sizeof(s) - 1u)

static NetworkContext_t net = {-1};
static TransportInterface_t transport;
static MQTTContext_t mqtt;
static uint8_t mqtt_buffer[1024];
static MQTTPubAckInfo_t out_records[RECORDS], in_records[RECORDS];

/* The demo's state; the command callback writes it, the demo loop acts on it. */
static struct {
    uint32_t period;    /* ticks between telemetry messages */
    uint32_t published; /* telemetry messages sent */
    uint32_t commands;  /* commands understood */
    int reschedule;     /* the period changed: recompute the next deadline */
    int stop;           /* a stop command came */
    int fetch;          /* a fetch command came for fetch_path */
    char fetch_path[96];
    uint16_t last_event_id; /* the packet id of the last event published, and whether acked */
    int last_event_acked;
} demo = {.period = 1000};

static uint32_t now_ms(void)
{
    return (uint32_t)(xTaskGetTickCount() * portTICK_PERIOD_MS);
}

/* A JSON value of the command as a NUL-terminated string in out; 0 if present. */
static int command_value(const char *doc, size_t len, const char *key, size_t key_len, char *out,
                         size_t out_size)
{
    const char *v;
    size_t vlen;
    JSONTypes_t type;

    if (JSON_SearchConst(doc, len, key, key_len, &v, &vlen, &type) != JSONSuccess ||
        vlen >= out_size) {
        return -1;
    }
    memcpy(out, v, vlen);
    out[vlen] = '\0';
    return 0;
}

static void handle_command(const char *doc, size_t len)
{
    char cmd[16], arg[96];

    if (JSON_Validate(doc, len) != JSONSuccess ||
        command_value(doc, len, LIT("cmd"), cmd, sizeof(cmd)) != 0) {
        printf("demo: ignored a command that is not {\"cmd\":...}\n");
        return;
    }
    if (strcmp(cmd, "period") == 0 && command_value(doc, len, LIT("ms"), arg, sizeof(arg)) == 0 &&
        atol(arg) >= 10 && atol(arg) <= 60000) {
        demo.period = (uint32_t)pdMS_TO_TICKS((uint32_t)atol(arg));
        demo.reschedule = 1;
    } else if (strcmp(cmd, "fetch") == 0 && command_value(doc, len, LIT("path"), demo.fetch_path,
                                                          sizeof(demo.fetch_path)) == 0) {
        demo.fetch = 1;
    } else if (strcmp(cmd, "stop") == 0) {
        demo.stop = 1;
    } else {
        printf("demo: ignored command %.*s\n", (int)len, doc);
        return;
    }
    demo.commands++;
    printf("demo: command %.*s\n", (int)len, doc);
}

static void on_packet(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    const MQTTPublishInfo_t *pub = info->pPublishInfo;

    (void)ctx;
    if ((pkt->type & 0xF0u) == MQTT_PACKET_TYPE_PUBLISH) {
        if (pub->topicNameLength == sizeof(TOPIC_COMMAND) - 1u &&
            memcmp(pub->pTopicName, TOPIC_COMMAND, pub->topicNameLength) == 0) {
            handle_command(pub->pPayload, pub->payloadLength);
        }
    } else if (pkt->type == MQTT_PACKET_TYPE_PUBACK &&
               info->packetIdentifier == demo.last_event_id) {
        demo.last_event_acked = 1;
    }
}

/* Publishes a printf-formatted JSON message at QoS 1; returns its packet id, 0 on failure. */
static uint16_t publish_json(const char *topic, const char *fmt, ...)
{
    char json[192];
    va_list ap;
    uint16_t id = MQTT_GetPacketId(&mqtt);
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1,
                             .pTopicName = topic,
                             .topicNameLength = (uint16_t)strlen(topic),
                             .pPayload = json};

    va_start(ap, fmt);
    pub.payloadLength = (size_t)vsnprintf(json, sizeof(json), fmt, ap);
    va_end(ap);
    return MQTT_Publish(&mqtt, &pub, id) == MQTTSuccess ? id : 0;
}

/* TCP, MQTT (clean session) and the command subscription, retried with backoff until done. */
static void connect_with_backoff(void)
{
    MQTTConnectInfo_t ci = {.cleanSession = true,
                            .keepAliveIntervalSec = 30,
                            .pClientIdentifier = CLIENT_ID,
                            .clientIdentifierLength = sizeof(CLIENT_ID) - 1u};
    MQTTSubscribeInfo_t sub = {MQTTQoS1, TOPIC_COMMAND, sizeof(TOPIC_COMMAND) - 1u};
    BackoffAlgorithmContext_t backoff;
    uint16_t delay;
    bool session;

    BackoffAlgorithm_InitializeParams(&backoff, 100, 5000, BACKOFF_ALGORITHM_RETRY_FOREVER);
    for (;;) {
        transport_lwip_disconnect(&net);
        if (transport_lwip_connect(&net, BOARD_NET_HOST, BROKER_PORT, pdMS_TO_TICKS(5000)) ==
                TRANSPORT_LWIP_SUCCESS &&
            MQTT_Connect(&mqtt, &ci, NULL, 5000, &session) == MQTTSuccess &&
            MQTT_Subscribe(&mqtt, &sub, 1, MQTT_GetPacketId(&mqtt)) == MQTTSuccess) {
            printf("demo: connected to the broker, commands on " TOPIC_COMMAND "\n");
            return;
        }
        (void)BackoffAlgorithm_GetNextBackoff(&backoff, (uint32_t)rand(), &delay);
        printf("demo: broker unreachable, retrying in %u ms\n", (unsigned)delay);
        vTaskDelay(pdMS_TO_TICKS(delay) + 1u);
    }
}

static void fetch_and_report(void)
{
    struct fetch_result r;

    demo.fetch = 0;
    if (demo_fetch(HTTP_PORT, demo.fetch_path, &r) != 0) {
        printf("demo: fetching %s failed\n", demo.fetch_path);
        (void)publish_json(TOPIC_EVENT, "{\"event\":\"fetch_failed\",\"path\":\"%s\"}",
                           demo.fetch_path);
        return;
    }
    printf("demo: fetched %s: %lu bytes in %u parts, crc32 %08lx\n", demo.fetch_path,
           (unsigned long)r.bytes, r.parts, (unsigned long)r.crc32);
    (void)publish_json(TOPIC_EVENT,
                       "{\"event\":\"fetched\",\"path\":\"%s\",\"bytes\":%lu,"
                       "\"crc32\":%lu}",
                       demo.fetch_path, (unsigned long)r.bytes, (unsigned long)r.crc32);
}

/* Sends the stopped event and waits (up to 5000 ticks) for the broker to acknowledge it. */
static void report_stopped(void)
{
    TickType_t start = xTaskGetTickCount();

    demo.last_event_acked = 0;
    demo.last_event_id = publish_json(TOPIC_EVENT, "{\"event\":\"stopped\",\"published\":%lu}",
                                      (unsigned long)demo.published);
    while (demo.last_event_id != 0 && !demo.last_event_acked &&
           xTaskGetTickCount() - start < 5000u && MQTT_ProcessLoop(&mqtt) != MQTTRecvFailed) {
        vTaskDelay(1);
    }
}

static void demo_task(void *arg)
{
    TickType_t last = 0, next;

    (void)arg;
    if (board_net_up(RX_PRIORITY, pdMS_TO_TICKS(60000)) != 0) {
        exit(1);
    }
    connect_with_backoff();
    next = xTaskGetTickCount();
    while (!demo.stop) {
        MQTTStatus_t status;

        if (demo.fetch) {
            fetch_and_report();
        }
        if (demo.reschedule) {
            demo.reschedule = 0;
            next = last + demo.period;
        }
        if ((int32_t)(xTaskGetTickCount() - next) >= 0) {
            last = xTaskGetTickCount();
            next = last + demo.period;
            if (publish_json(TOPIC_TELEMETRY, "{\"seq\":%lu,\"tick\":%lu,\"period_ms\":%lu}",
                             (unsigned long)demo.published, (unsigned long)last,
                             (unsigned long)(demo.period * portTICK_PERIOD_MS)) != 0) {
                demo.published++;
            }
        }
        status = MQTT_ProcessLoop(&mqtt);
        if (status != MQTTSuccess && status != MQTTNeedMoreBytes) {
            printf("demo: connection lost (%s), reconnecting\n", MQTT_Status_strerror(status));
            connect_with_backoff();
        }
        vTaskDelay(1);
    }
    report_stopped();
    (void)MQTT_Disconnect(&mqtt);
    transport_lwip_disconnect(&net);
    printf("demo_mqtt_board: %lu telemetry messages, %lu commands\n", (unsigned long)demo.published,
           (unsigned long)demo.commands);
    exit(0);
}

void vApplicationStackOverflowHook(TaskHandle_t task, char *name)
{
    (void)task;
    printf("demo: stack overflow in task %s\n", name);
    exit(1);
}

int main(void)
{
    MQTTFixedBuffer_t fixed = {mqtt_buffer, sizeof(mqtt_buffer)};

    setvbuf(stdout, NULL, _IOLBF, 0);
    transport_lwip_interface(&transport, &net);
    if (MQTT_Init(&mqtt, &transport, now_ms, on_packet, &fixed) != MQTTSuccess ||
        MQTT_InitStatefulQoS(&mqtt, out_records, RECORDS, in_records, RECORDS) != MQTTSuccess ||
        xTaskCreate(demo_task, "demo", DEMO_STACK, NULL, DEMO_PRIORITY, NULL) != pdPASS) {
        return 1;
    }
    vTaskStartScheduler();
    return 1;
}
