/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_agent.c: the MQTT agent sharing one broker connection between tasks. An agent
 * task owns the connection; three publisher tasks publish concurrently through it (QoS 1, 1
 * and 2) and wait for each completion; the same connection's subscription receives every
 * message, with no loss and no duplicate (QoS 1 repeats only with DUP). Then unsubscribe, ping,
 * full command pool and bad arguments, and DISCONNECT ending the agent's loop. Last, a QoS 1
 * stream through the agent across a broker restart (mqtt_broker_driver.py restarts Mosquitto
 * on "@@broker:restart"): the agent task reconnects with backoff and resumes its persistent
 * session, and the subscriber gets every message. And publishes whose send fails (the agent's
 * transport fails on demand), more of them than there are outgoing records: each completes with
 * MQTTSendFailed and is never delivered, and publishes after the reconnects still go through.
 * Real-time configuration, against the Mosquitto broker the driver starts.
 */
#include "backoff_algorithm.h"
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
static MQTTConnectInfo_t agent_ci;
static char agent_id[64];
static volatile unsigned agent_reconnects;
static TransportSend_t real_send;
static TransportWritev_t real_writev;
static volatile unsigned sends_to_fail; /* the agent transport's next sends that fail */

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

/* Reconnects the agent's connection with backoff and resumes its session; 0 on success. */
static int agent_reconnect(void)
{
    BackoffAlgorithmContext_t backoff;
    uint16_t delay;
    bool sp = false;

    BackoffAlgorithm_InitializeParams(&backoff, 20, 500, 40);
    for (;;) {
        test_service_disconnect(&agent_net);
        if (test_service_connect(&agent_net, &test_broker) &&
            MQTT_Connect(&agent.mqttContext, &agent_ci, NULL, 5000, &sp) == MQTTSuccess) {
            agent_reconnects++;
            return MQTTAgent_ResumeSession(&agent, sp) == MQTTSuccess ? 0 : -1;
        }
        if (BackoffAlgorithm_GetNextBackoff(&backoff, (uint32_t)xTaskGetTickCount() * 2654435761u,
                                            &delay) != BackoffAlgorithmSuccess) {
            return -1;
        }
        vTaskDelay(pdMS_TO_TICKS(delay) + 1);
    }
}

/* The agent task: runs commands until DISCONNECT, reconnecting when the connection fails. */
static void agent_task(void *arg)
{
    (void)arg;
    while ((loop_result = MQTTAgent_CommandLoop(&agent)) != MQTTSuccess && agent_reconnect() == 0) {
    }
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

/* The agent's transport: the real one, unless a test asked for failures. */
static int take_failure(void)
{
    int fail;

    taskENTER_CRITICAL();
    fail = sends_to_fail > 0;
    sends_to_fail -= fail ? 1u : 0u;
    taskEXIT_CRITICAL();
    return fail;
}

static int32_t agent_send(NetworkContext_t *n, const void *buf, size_t len)
{
    return take_failure() ? -1 : real_send(n, buf, len);
}

static int32_t agent_writev(NetworkContext_t *n, TransportOutVector_t *vec, size_t count)
{
    return take_failure() ? -1 : real_writev(n, vec, count);
}

static int agent_start(const char *client_id, bool clean)
{
    MQTTAgentMessageInterface_t iface = {&agent_queue, Agent_MessageSend, Agent_MessageReceive,
                                         Agent_GetCommand, Agent_ReleaseCommand};
    MQTTFixedBuffer_t buffer = {agent_buffer, sizeof(agent_buffer)};
    bool sp;

    agent_queue.queue = xQueueCreateStatic(QUEUE_LENGTH, sizeof(MQTTAgentCommand_t *),
                                           queue_items, &queue_storage);
    Agent_InitializePool();
    test_service_interface(&agent_transport, &agent_net);
    real_send = agent_transport.send;
    real_writev = agent_transport.writev;
    agent_transport.send = agent_send;
    agent_transport.writev = real_writev != NULL ? agent_writev : NULL;
    sends_to_fail = 0;
    if (MQTTAgent_Init(&agent, &iface, &buffer, &agent_transport, test_time_ms, incoming, NULL) !=
            MQTTSuccess ||
        !test_service_connect(&agent_net, &test_broker)) {
        return 0;
    }
    snprintf(agent_id, sizeof(agent_id), "quartz-agent-%ld-%s", test_run_id(), client_id);
    agent_ci = (MQTTConnectInfo_t){.cleanSession = clean, .keepAliveIntervalSec = 60,
                                   .pClientIdentifier = agent_id,
                                   .clientIdentifierLength = (uint16_t)strlen(agent_id)};
    agent_reconnects = 0;
    /* Before the loop runs, the test task may use the context directly. */
    if (MQTT_Connect(&agent.mqttContext, &agent_ci, NULL, 5000, &sp) != MQTTSuccess) {
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
    QT_ASSERT(agent_start("three", true));
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
    QT_ASSERT(agent_start("misc", true));
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

/* ---- A broker restart mid-stream ------------------------------------------------------- */

#define RESTART_MESSAGES 400u
#define RESTART_TRIES 20 /* attempts per message: failed ones are published again */

static struct test_client restart_sub;
static uint8_t restart_seen[RESTART_MESSAGES];
static volatile unsigned restart_received, restart_publisher_done, restart_failed, restart_retries;

static void on_restart_publish(struct test_client *c, const MQTTPublishInfo_t *pub, uint16_t id)
{
    char text[16];
    size_t n = pub->payloadLength < sizeof(text) - 1 ? pub->payloadLength : sizeof(text) - 1;
    unsigned seq;

    (void)c;
    (void)id;
    memcpy(text, pub->pPayload, n);
    text[n] = '\0';
    if (sscanf(text, "r:%u", &seq) == 1 && seq < RESTART_MESSAGES && !restart_seen[seq]) {
        restart_seen[seq] = 1;
        restart_received++;
    }
}

/* Publishes every message at QoS 1 through the agent, again until one attempt completes. */
static void restart_publisher(void *arg)
{
    const char *topic = arg;
    MQTTAgentCommandContext_t c;
    char text[16];
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .pTopicName = topic,
                             .topicNameLength = (uint16_t)strlen(topic), .pPayload = text};

    for (unsigned seq = 0; seq < RESTART_MESSAGES; seq++) {
        int tries = 0, ok = 0;

        pub.payloadLength = (size_t)snprintf(text, sizeof(text), "r:%u", seq);
        while (!ok && tries++ < RESTART_TRIES) {
            MQTTAgentCommandInfo_t info = command_info(&c);

            pub.dup = false;
            ok = MQTTAgent_Publish(&agent, &pub, &info) == MQTTSuccess &&
                 wait_done(&c) == MQTTSuccess;
            restart_retries += ok ? 0u : 1u;
        }
        restart_failed += ok ? 0u : 1u;
        if (seq == RESTART_MESSAGES / 2) {
            logging_printf("@@broker:restart after %u messages", seq);
        }
    }
    restart_publisher_done = 1;
    vTaskDelete(NULL);
}

static int restart_done(void *arg)
{
    (void)arg;
    return restart_publisher_done && restart_received >= RESTART_MESSAGES;
}

/* Connects the subscriber (persistent session), again and again while the broker is down. */
static int restart_sub_connect(void)
{
    for (int tries = 0; tries < 100; tries++) {
        if (test_client_connect(&restart_sub, "agent-restart-sub", false, NULL, 60, NULL) ==
            MQTTSuccess) {
            return 1;
        }
        vTaskDelay(pdMS_TO_TICKS(100));
    }
    return 0;
}

static void test_mqtt_agent_broker_restart_none_lost_at_qos1(void)
{
    static char topic[96];
    MQTTStatus_t err = MQTTSuccess;

    memset(restart_seen, 0, sizeof(restart_seen));
    restart_received = restart_publisher_done = restart_failed = restart_retries = 0;
    strcpy(topic, test_topic("agent/restart"));
    test_client_init(&restart_sub);
    QT_EQ(test_client_connect(&restart_sub, "agent-restart-sub", true, NULL, 60, NULL),
          MQTTSuccess); /* no old session */
    test_client_close(&restart_sub);
    restart_sub.on_publish = on_restart_publish;
    QT_ASSERT(restart_sub_connect());
    QT_EQ(test_client_subscribe(&restart_sub, topic, MQTTQoS1), MQTTSubAckSuccessQos1);
    QT_ASSERT(agent_start("restart", false));
    QT_EQ(xTaskCreate(restart_publisher, "publisher", configMINIMAL_STACK_SIZE * 2, topic,
                      tskIDLE_PRIORITY + 1, NULL),
          pdPASS);
    /* The subscriber runs here; when the broker drops it, it connects again. */
    while (!test_clients_run(&restart_sub, NULL, restart_done, NULL, pdMS_TO_TICKS(WAIT_MS),
                             &err) &&
           err != MQTTSuccess && restart_sub_connect()) {
        err = MQTTSuccess;
    }
    QT_EQ(restart_failed, 0);
    QT_EQ(restart_received, RESTART_MESSAGES);
    QT_ASSERT(agent_reconnects >= 1);
    logging_printf("agent restart: %u reconnects, %u publishes retried", agent_reconnects,
                   restart_retries);
    agent_stop();
    test_client_close(&restart_sub);
}

/* ---- Publishes whose send fails ------------------------------------------------------- */

#define FAILED_PUBLISHES (MQTT_AGENT_MAX_OUTSTANDING_ACKS + 5u)

/* Publishes "t<task>:<seq>" through the agent and waits for its completion. */
static MQTTStatus_t agent_publish(const char *topic, MQTTQoS_t qos, unsigned task, unsigned seq)
{
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info = command_info(&c);
    char text[32];
    MQTTPublishInfo_t pub = {.qos = qos, .pTopicName = topic,
                             .topicNameLength = (uint16_t)strlen(topic), .pPayload = text};
    MQTTStatus_t status;

    pub.payloadLength = (size_t)snprintf(text, sizeof(text), "t%u:%u", task, seq);
    status = MQTTAgent_Publish(&agent, &pub, &info);
    return status == MQTTSuccess ? wait_done(&c) : status;
}

static void test_mqtt_agent_failed_sends_do_not_use_up_records(void)
{
    static char topic[96];
    MQTTSubscribeInfo_t sub = {MQTTQoS2, NULL, 0};
    uint8_t code = 0xFF;

    memset(seen, 0, sizeof(seen));
    received = repeats_without_dup = bad = 0;
    strcpy(topic, test_topic("agent/fail"));
    sub.pTopicFilter = topic;
    sub.topicFilterLength = (uint16_t)strlen(topic);
    QT_ASSERT(agent_start("fail", false)); /* a session: each failure resumes it */
    QT_EQ(agent_subscribe(&sub, 1, &code), MQTTSuccess);
    QT_EQ(code, MQTTSubAckSuccessQos2);
    /* Each failed PUBLISH ends the agent's loop; its task reconnects and resumes the session. */
    for (unsigned i = 0; i < FAILED_PUBLISHES; i++) {
        sends_to_fail = 1;
        QT_EQ(agent_publish(topic, i % 2 ? MQTTQoS2 : MQTTQoS1, 1, i), MQTTSendFailed);
        QT_ASSERT(wait_flag(&agent_reconnects, i + 1));
    }
    QT_EQ(agent_publish(topic, MQTTQoS1, 0, 0), MQTTSuccess);
    QT_EQ(agent_publish(topic, MQTTQoS2, 0, 1), MQTTSuccess);
    QT_ASSERT(wait_flag(&received, 2));
    QT_EQ(received, 2); /* only the two that succeeded: the failed ones were never sent */
    QT_ASSERT(seen[0][0] && seen[0][1]);
    QT_EQ(bad, 0);
    agent_stop();
}

/* Bad input last: invalid arguments are refused before anything is queued. */
static void test_mqtt_agent_bad_arguments(void)
{
    MQTTAgentCommandContext_t c;
    MQTTAgentCommandInfo_t info;
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1};
    MQTTAgentSubscribeArgs_t args = {NULL, 0};

    QT_ASSERT(agent_start("bad", true));
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
                  QTEST_CASE(test_mqtt_agent_broker_restart_none_lost_at_qos1),
                  QTEST_CASE(test_mqtt_agent_failed_sends_do_not_use_up_records),
                  QTEST_CASE(test_mqtt_agent_bad_arguments))
