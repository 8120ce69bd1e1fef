/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_agent.c: the MQTT agent sharing one broker connection between tasks. An agent
 * task owns the connection; three publisher tasks publish concurrently through it (QoS 1, 1
 * and 2) and wait for each completion; the same connection's subscription receives every
 * message, with no loss and no duplicate (QoS 1 repeats only with DUP). Then unsubscribe, ping,
 * full command pool and bad arguments, and DISCONNECT ending the agent's loop.
 * Real-time configuration, against the Mosquitto broker the driver starts.
 */
#include "core_mqtt_agent.h"
#include "freertos_agent_message.h"
#include "freertos_command_pool.h"
#include "logging.h"
#include "mqtt_test_client.h"
#include "qtest.h"

#include "task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PUBLISHERS 3
#define PER_PUBLISHER 300
#define QUEUE_LENGTH 16
#define WAIT_MS 10000u

struct MQTTAgentCommandContext {
    TaskHandle_t task;
    volatile MQTTStatus_t status;
    volatile uint8_t suback_code;
    volatile int done;
};

static MQTTAgentContext_t agent;
static MQTTAgentMessageContext_t agent_queue;
static StaticQueue_t queue_storage;
static uint8_t queue_items[QUEUE_LENGTH * sizeof(MQTTAgentCommand_t *)];
static uint8_t agent_buffer[4096];
static NetworkContext_t agent_net = {-1};
static TransportInterface_t agent_transport;
static volatile MQTTStatus_t loop_result;
static volatile unsigned loop_finished;
static volatile unsigned publishers_finished;
static TaskHandle_t agent_task_handle;

/* Written only by the agent task (incoming callback); read after the publishers finish. */
static uint8_t seen[PUBLISHERS][PER_PUBLISHER];
static volatile unsigned received, repeats_without_dup, bad;

static void incoming(MQTTAgentContext_t *ctx, uint16_t id, MQTTPublishInfo_t *pub)
{
    char text[32];
    size_t n = pub->payloadLength < sizeof(text) - 1 ? pub->payloadLength : sizeof(text) - 1;
    unsigned task, seq;

    (void)ctx;
    (void)id;
    memcpy(text, pub->pPayload, n);
    text[n] = '\0';
    if (sscanf(text, "t%u:%u", &task, &seq) != 2 || task >= PUBLISHERS || seq >= PER_PUBLISHER) {
        bad++;
    } else if (seen[task][seq]) {
        repeats_without_dup += pub->dup ? 0u : 1u;
    } else {
        seen[task][seq] = 1;
        received++;
    }
}

static void command_done(MQTTAgentCommandContext_t *c, MQTTAgentReturnInfo_t *info)
{
    c->status = info->returnCode;
    c->suback_code = info->pSubackCodes != NULL ? info->pSubackCodes[0] : 0xFF;
    c->done = 1;
    xTaskNotifyGive(c->task);
}

/* Waits for a command's completion callback. */
static MQTTStatus_t wait_done(MQTTAgentCommandContext_t *c)
{
    /* Counting take: a stale notification only causes one more check of `done`. */
    while (!c->done) {
        if (ulTaskNotifyTake(pdFALSE, pdMS_TO_TICKS(WAIT_MS)) == 0 && !c->done) {
            return MQTTRecvFailed; /* never completed */
        }
    }
    return c->status;
}

static MQTTAgentCommandInfo_t command_info(MQTTAgentCommandContext_t *c)
{
    MQTTAgentCommandInfo_t info = {command_done, c, WAIT_MS};

    memset(c, 0, sizeof(*c));
    c->task = xTaskGetCurrentTaskHandle();
    return info;
}

static void agent_task(void *arg)
{
    (void)arg;
    loop_result = MQTTAgent_CommandLoop(&agent);
    loop_finished = 1;
    vTaskDelete(NULL);
}

struct publisher {
    unsigned index;
    MQTTQoS_t qos;
    const char *topic; /* made by the test task: test_topic is not for concurrent use */
    unsigned ok, failed;
};

static void publisher_task(void *arg)
{
    struct publisher *p = arg;
    MQTTAgentCommandContext_t c;
    char text[32];
    MQTTPublishInfo_t pub = {.qos = p->qos, .pTopicName = p->topic,
                             .topicNameLength = (uint16_t)strlen(p->topic), .pPayload = text};

    for (unsigned seq = 0; seq < PER_PUBLISHER; seq++) {
        MQTTAgentCommandInfo_t info = command_info(&c);

        pub.payloadLength = (size_t)snprintf(text, sizeof(text), "t%u:%u", p->index, seq);
        pub.dup = false;
        if (MQTTAgent_Publish(&agent, &pub, &info) == MQTTSuccess && wait_done(&c) == MQTTSuccess) {
            p->ok++;
        } else {
            p->failed++;
        }
    }
    taskENTER_CRITICAL();
    publishers_finished++;
    taskEXIT_CRITICAL();
    vTaskDelete(NULL);
}

/* Polls a flag the other tasks set, for up to WAIT_MS. */
static int wait_flag(volatile unsigned *value, unsigned target)
{
    TickType_t start = xTaskGetTickCount();

    while (*value < target) {
        if ((TickType_t)(xTaskGetTickCount() - start) >= pdMS_TO_TICKS(6 * WAIT_MS)) {
            return 0;
        }
        vTaskDelay(pdMS_TO_TICKS(5));
    }
    return 1;
}

static int agent_start(const char *client_id)
{
    MQTTAgentMessageInterface_t iface = {&agent_queue, Agent_MessageSend, Agent_MessageReceive,
                                         Agent_GetCommand, Agent_ReleaseCommand};
    MQTTFixedBuffer_t buffer = {agent_buffer, sizeof(agent_buffer)};
    MQTTConnectInfo_t ci = {.cleanSession = true, .keepAliveIntervalSec = 60};
    char id[64];
    bool sp;

    agent_queue.queue = xQueueCreateStatic(QUEUE_LENGTH, sizeof(MQTTAgentCommand_t *),
                                           queue_items, &queue_storage);
    Agent_InitializePool();
    test_service_interface(&agent_transport, &agent_net);
    if (MQTTAgent_Init(&agent, &iface, &buffer, &agent_transport, test_time_ms, incoming, NULL) !=
            MQTTSuccess ||
        !test_service_connect(&agent_net, &test_broker)) {
        return 0;
    }
    snprintf(id, sizeof(id), "quartz-agent-%s", client_id);
    ci.pClientIdentifier = id;
    ci.clientIdentifierLength = (uint16_t)strlen(id);
    /* Before the loop runs, the test task may use the context directly. */
    if (MQTT_Connect(&agent.mqttContext, &ci, NULL, 5000, &sp) != MQTTSuccess) {
        return 0;
    }
    loop_result = MQTTBadParameter;
    loop_finished = 0;
    return xTaskCreate(agent_task, "agent", configMINIMAL_STACK_SIZE * 2, NULL,
                       tskIDLE_PRIORITY + 2, &agent_task_handle) == pdPASS;
}

/* Sends DISCONNECT through the agent and waits for its loop to return. */
static void agent_stop(void)
{
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info = command_info(&c);

    QT_EQ(MQTTAgent_Disconnect(&agent, &info), MQTTSuccess);
    QT_EQ(wait_done(&c), MQTTSuccess);
    QT_ASSERT(wait_flag(&loop_finished, 1));
    QT_EQ(loop_result, MQTTSuccess);
    test_service_disconnect(&agent_net);
    vQueueDelete(agent_queue.queue);
}

static MQTTStatus_t agent_subscribe(MQTTSubscribeInfo_t *sub, size_t n, uint8_t *code)
{
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info = command_info(&c);
    MQTTAgentSubscribeArgs_t args = {sub, n};
    MQTTStatus_t status = MQTTAgent_Subscribe(&agent, &args, &info);

    if (status == MQTTSuccess) {
        status = wait_done(&c);
        *code = c.suback_code;
    }
    return status;
}

static void test_mqtt_agent_three_tasks_publish_concurrently(void)
{
    static struct publisher pubs[PUBLISHERS] = {{0, MQTTQoS1, NULL, 0, 0},
                                                {1, MQTTQoS1, NULL, 0, 0},
                                                {2, MQTTQoS2, NULL, 0, 0}};
    static char topics[PUBLISHERS][96];
    MQTTSubscribeInfo_t sub = {MQTTQoS2, test_topic("agent/+"), 0};
    uint8_t code = 0xFF;

    memset(seen, 0, sizeof(seen));
    received = repeats_without_dup = bad = 0;
    publishers_finished = 0;
    sub.topicFilterLength = (uint16_t)strlen(sub.pTopicFilter);
    QT_ASSERT(agent_start("three"));
    QT_EQ(agent_subscribe(&sub, 1, &code), MQTTSuccess);
    QT_EQ(code, MQTTSubAckSuccessQos2);
    for (unsigned i = 0; i < PUBLISHERS; i++) {
        char suffix[16];

        snprintf(suffix, sizeof(suffix), "agent/%c", (int)('a' + i));
        strcpy(topics[i], test_topic(suffix));
        pubs[i].topic = topics[i];
        pubs[i].ok = pubs[i].failed = 0;
        QT_EQ(xTaskCreate(publisher_task, "publisher", configMINIMAL_STACK_SIZE * 2, &pubs[i],
                          tskIDLE_PRIORITY + 1, NULL),
              pdPASS);
    }
    QT_ASSERT(wait_flag(&publishers_finished, PUBLISHERS));
    /* The last deliveries may still be on their way back. */
    (void)wait_flag(&received, PUBLISHERS * PER_PUBLISHER);
    for (unsigned i = 0; i < PUBLISHERS; i++) {
        QT_EQ(pubs[i].ok, PER_PUBLISHER);
        QT_EQ(pubs[i].failed, 0);
    }
    QT_EQ(received, PUBLISHERS * PER_PUBLISHER);
    QT_EQ(repeats_without_dup, 0);
    QT_EQ(bad, 0);
    agent_stop();
}

static void test_mqtt_agent_unsubscribe_ping_and_processloop(void)
{
    MQTTSubscribeInfo_t subs[2] = {{MQTTQoS1, test_topic("agent/x"), 0},
                                   {MQTTQoS0, test_topic("agent/y"), 0}};
    MQTTAgentSubscribeArgs_t args = {subs, 2};
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info;
    uint8_t code;

    subs[0].topicFilterLength = (uint16_t)strlen(subs[0].pTopicFilter);
    subs[1].topicFilterLength = (uint16_t)strlen(subs[1].pTopicFilter);
    QT_ASSERT(agent_start("misc"));
    QT_EQ(agent_subscribe(subs, 2, &code), MQTTSuccess);
    QT_EQ(code, MQTTSubAckSuccessQos1);
    info = command_info(&c);
    QT_EQ(MQTTAgent_Unsubscribe(&agent, &args, &info), MQTTSuccess);
    QT_EQ(wait_done(&c), MQTTSuccess);
    info = command_info(&c);
    QT_EQ(MQTTAgent_Ping(&agent, &info), MQTTSuccess);
    QT_EQ(wait_done(&c), MQTTSuccess);
    info = command_info(&c);
    QT_EQ(MQTTAgent_ProcessLoop(&agent, &info), MQTTSuccess);
    QT_EQ(wait_done(&c), MQTTSuccess);
    agent_stop();
}

/* Bad input last: invalid arguments are refused before anything is queued. */
static void test_mqtt_agent_bad_arguments(void)
{
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info;
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1};
    MQTTAgentSubscribeArgs_t args = {NULL, 0};

    QT_ASSERT(agent_start("bad"));
    info = command_info(&c);
    QT_EQ(MQTTAgent_Publish(&agent, &pub, &info), MQTTBadParameter); /* no topic */
    QT_EQ(MQTTAgent_Publish(&agent, NULL, &info), MQTTBadParameter);
    QT_EQ(MQTTAgent_Subscribe(&agent, &args, &info), MQTTBadParameter);
    QT_EQ(MQTTAgent_Unsubscribe(&agent, NULL, &info), MQTTBadParameter);
    QT_EQ(MQTTAgent_Connect(&agent, NULL, &info), MQTTBadParameter);
    QT_EQ(MQTTAgent_Ping(NULL, &info), MQTTBadParameter);
    QT_EQ(MQTTAgent_Ping(&agent, NULL), MQTTBadParameter);
    QT_EQ(MQTTAgent_Init(NULL, NULL, NULL, NULL, NULL, NULL, NULL), MQTTBadParameter);
    agent_stop();
}

TEST_SERVICE_MAIN(QTEST_CASE(test_mqtt_agent_three_tasks_publish_concurrently),
                  QTEST_CASE(test_mqtt_agent_unsubscribe_ping_and_processloop),
                  QTEST_CASE(test_mqtt_agent_bad_arguments))
